//! Signing in and out: national ID + password -> a 6-digit code by SMS -> a session cookie.
//!
//! Answers never tell whether a national ID exists: an unknown ID and a wrong password get
//! the same answer, take the same time (a password is always verified), and count towards
//! the same lock. Every try is counted in the database before the work it allows
//! (`limits.rs`), so parallel requests and several processes share the limits.

use std::sync::OnceLock;

use argon2::{Argon2, PasswordHash, PasswordVerifier};
use axum::{
    Json, Router,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
    routing::post,
};
use wire::{ChallengeSent, ResendCode, SessionInfo, StartSession, VerifyCode, codes};

use crate::{
    AppState,
    audit::audit,
    auth::{
        self, CHALLENGE_LIFETIME_SECONDS, CODE_LIFETIME_SECONDS, CODE_TRIES, CurrentUser,
        RESEND_AFTER_SECONDS,
    },
    client::ClientAddress,
    error::{ApiError, ApiResult, field_error},
    json::ApiJson,
    limits::{self, Reserved, Scope},
    sms::CodeMessage,
};

/// What to do after a code that can no longer be used.
const NEXT_STEP: &str = "log in again for a new one";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/session", post(start).delete(end))
        .route("/session/verify", post(verify))
        .route("/session/resend", post(resend))
        .route("/session/extend", post(extend))
}

/// Step one: check the password, send a code.
#[utoipa::path(post, path = "/session", tag = "session", operation_id = "start_session",
    request_body = StartSession,
    responses(
        (status = 200, body = ChallengeSent, description = "a code was sent by SMS"),
        (status = 401, body = wire::ErrorBody, description = "invalid_credentials: an unknown national ID or a wrong password (the same answer)"),
        (status = 422, body = wire::ErrorBody, description = "validation_failed (`fields`: national_id `empty`, `not_digits`, `wrong_length`, `bad_prefix`, `bad_checksum`; password `required`; `control_character`)"),
        (status = 429, body = wire::ErrorBody, description = "locked (this ID), too_many_requests (this address) or too_many_codes (this account), with retry_after_seconds"),
        (status = 503, body = wire::ErrorBody, description = "busy: too many sign-ins at once, or the SMS could not be sent now; or timeout; with retry_after_seconds"),
    ))]
pub async fn start(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiJson(request): ApiJson<StartSession>,
) -> ApiResult<Json<ChallengeSent>> {
    let mut fields = Vec::new();
    let national_id = match rules::national_id::validate(&request.national_id) {
        Ok(id) => Some(id.normalized),
        Err(error) => {
            fields.push(field_error("national_id", error.code()));
            None
        }
    };
    // Nothing visible (empty, spaces, zero-width characters) is no password at all.
    if matches!(
        rules::text::clean(&request.password),
        Err(rules::text::TextError::Required)
    ) {
        fields.push(field_error("password", codes::REQUIRED));
    }
    let Some(national_id) = national_id.filter(|_| fields.is_empty()) else {
        return Err(ApiError::invalid_fields(fields));
    };

    let now = state.clock.now();
    let limits = state.limits;
    let source_try = reserve_source_try(&state, client, &national_id, now).await?;
    let (id_try, tries_counted) = match limits::reserve(
        &state.db,
        Scope::Password,
        &national_id,
        limits.password_tries,
        limits.password_window_seconds,
        now,
    )
    .await?
    {
        Reserved::Within { reservation, count } => (reservation, count),
        Reserved::Over {
            retry_after_seconds,
        } => {
            limits::take_back(&state.db, source_try).await?;
            return Err(locked(retry_after_seconds));
        }
    };

    let beneficiary: Option<(i64, String, String)> = sqlx::query_as(
        "SELECT id, password_hash, mobile FROM beneficiaries WHERE national_id = $1",
    )
    .bind(&national_id)
    .fetch_optional(&state.db.pool)
    .await?;
    let stored_hash = beneficiary
        .as_ref()
        .map(|(_, hash, _)| hash.clone())
        .unwrap_or_else(|| dummy_hash().to_owned());
    let password = request.password;
    let checked = state
        .hashing
        .run(move || verify_password(&password, &stored_hash))
        .await;
    let password_ok = match checked {
        Ok(ok) => ok,
        Err(error) => {
            // Not checked: the tries were not used.
            limits::take_back(&state.db, id_try).await?;
            limits::take_back(&state.db, source_try).await?;
            return Err(error);
        }
    };

    let Some((beneficiary_id, _, mobile)) = beneficiary.filter(|_| password_ok) else {
        limits::keep(id_try);
        limits::keep(source_try);
        audit(&state, client, Some(&national_id), "password_rejected", "").await?;
        if tries_counted >= i64::from(limits.password_tries) {
            audit(&state, client, Some(&national_id), "locked", "").await?;
            return Err(locked(limits.password_window_seconds));
        }
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            codes::INVALID_CREDENTIALS,
            "the national ID or the password is not right",
        ));
    };

    // A right password: it was no failure, and it clears the ID's wrong ones.
    limits::take_back(&state.db, source_try).await?;
    limits::take_back(&state.db, id_try).await?;
    limits::clear(&state.db, Scope::Password, &national_id).await?;
    reserve_code(&state, client, &national_id, beneficiary_id, now).await?;

    let challenge_id = auth::random_token();
    let code = auth::random_code();
    sqlx::query(
        "INSERT INTO login_challenges (id, beneficiary_id, code_digest, created_at, code_sent_at,          expires_at, tries_left) VALUES ($1, $2, $3, $4, $4, $5, $6)",
    )
    .bind(&challenge_id)
    .bind(beneficiary_id)
    .bind(code_digest(&challenge_id, &code))
    .bind(now)
    .bind(now + CODE_LIFETIME_SECONDS)
    .bind(CODE_TRIES)
    .execute(&state.db.pool)
    .await?;
    send_code(&state, &national_id, &mobile, &code).await?;
    audit(&state, client, Some(&national_id), "password_accepted", "").await?;
    Ok(Json(ChallengeSent {
        challenge_id,
        masked_mobile: auth::mask_mobile(&mobile),
        expires_in_seconds: CODE_LIFETIME_SECONDS as u64,
        resend_after_seconds: RESEND_AFTER_SECONDS as u64,
    }))
}

/// Step two: the code from the SMS opens a session.
#[utoipa::path(post, path = "/session/verify", tag = "session", operation_id = "verify_code",
    request_body = VerifyCode,
    responses(
        (status = 200, body = SessionInfo, description = "signed in; the session cookie is set"),
        (status = 401, body = wire::ErrorBody, description = "invalid_code (with tries_left), code_expired (also an unknown challenge), too_many_attempts"),
        (status = 422, body = wire::ErrorBody, description = "validation_failed (`fields`: code `wrong_format`; `control_character`)"),
    ))]
pub async fn verify(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiJson(request): ApiJson<VerifyCode>,
) -> ApiResult<Response> {
    let code = rules::normalize::typed_digits(&request.code);
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::invalid_field("code", "wrong_format"));
    }
    let now = state.clock.now();
    // One try is used up before the code is compared, in the statement that checks there is
    // one left: parallel guesses cannot share a try.
    let claimed: Option<(i64, String, i64)> = sqlx::query_as(
        "UPDATE login_challenges SET tries_left = tries_left - 1          WHERE id = $1 AND used = 0 AND tries_left > 0 AND expires_at > $2          RETURNING beneficiary_id, code_digest, tries_left",
    )
    .bind(&request.challenge_id)
    .bind(now)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some((beneficiary_id, digest, tries_left)) = claimed else {
        return Err(why_not_usable(&state, &request.challenge_id).await?);
    };
    let national_id: String =
        sqlx::query_scalar("SELECT national_id FROM beneficiaries WHERE id = $1")
            .bind(beneficiary_id)
            .fetch_one(&state.db.pool)
            .await?;
    if !auth::same_digest(&code_digest(&request.challenge_id, &code), &digest) {
        audit(&state, client, Some(&national_id), "code_rejected", "").await?;
        if tries_left <= 0 {
            return Err(auth::too_many_attempts(NEXT_STEP));
        }
        let mut error = wire::ErrorBody::new(codes::INVALID_CODE, "the code is not right");
        error.tries_left = Some(tries_left as u32);
        return Err(ApiError::Client(StatusCode::UNAUTHORIZED, error));
    }

    // Mark the challenge used in the same statement that checks it, so two tabs racing with
    // the same code cannot both open a session.
    let used = sqlx::query("UPDATE login_challenges SET used = 1 WHERE id = $1 AND used = 0")
        .bind(&request.challenge_id)
        .execute(&state.db.pool)
        .await?;
    if used.rows_affected() != 1 {
        return Err(auth::code_expired(NEXT_STEP));
    }
    let token = auth::random_token();
    sqlx::query(
        "INSERT INTO sessions (token_digest, beneficiary_id, created_at, last_seen) VALUES ($1, $2, $3, $4)",
    )
    .bind(auth::digest(&token))
    .bind(beneficiary_id)
    .bind(now)
    .bind(now)
    .execute(&state.db.pool)
    .await?;
    audit(&state, client, Some(&national_id), "signed_in", "").await?;
    Ok((
        [(
            header::SET_COOKIE,
            auth::session_cookie_header(Some(&token)),
        )],
        Json(auth::session_info(now, now)),
    )
        .into_response())
}

/// A new code for the same attempt, at most every 30 seconds, within the hour after the
/// password was accepted. The tries left stay as they are: a resend never adds any.
#[utoipa::path(post, path = "/session/resend", tag = "session", operation_id = "resend_code",
    request_body = ResendCode,
    responses(
        (status = 200, body = ChallengeSent, description = "a new code was sent"),
        (status = 401, body = wire::ErrorBody, description = "code_expired (also an unknown challenge) or too_many_attempts: start again"),
        (status = 429, body = wire::ErrorBody, description = "resend_too_soon or too_many_codes, with retry_after_seconds"),
        (status = 503, body = wire::ErrorBody, description = "busy: the SMS could not be sent now, or timeout; with retry_after_seconds"),
    ))]
pub async fn resend(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiJson(request): ApiJson<ResendCode>,
) -> ApiResult<Json<ChallengeSent>> {
    let now = state.clock.now();
    let challenge: Option<(i64, i64, i64, i64, i64, String, String)> = sqlx::query_as(
        "SELECT c.beneficiary_id, c.created_at, c.code_sent_at, c.used, c.tries_left,          b.national_id, b.mobile          FROM login_challenges c JOIN beneficiaries b ON b.id = c.beneficiary_id WHERE c.id = $1",
    )
    .bind(&request.challenge_id)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some((beneficiary_id, created_at, code_sent_at, used, tries_left, national_id, mobile)) =
        challenge
    else {
        return Err(auth::code_expired(NEXT_STEP));
    };
    if used != 0 || now >= created_at + CHALLENGE_LIFETIME_SECONDS {
        return Err(auth::code_expired(NEXT_STEP));
    }
    if tries_left <= 0 {
        return Err(auth::too_many_attempts(NEXT_STEP));
    }
    if now < code_sent_at + RESEND_AFTER_SECONDS {
        return Err(resend_too_soon(code_sent_at + RESEND_AFTER_SECONDS - now));
    }
    reserve_code(&state, client, &national_id, beneficiary_id, now).await?;
    let code = auth::random_code();
    // The conditions again, in the statement that renews: of parallel resends, one wins.
    let renewed = sqlx::query(
        "UPDATE login_challenges SET code_digest = $1, code_sent_at = $2, expires_at = $3          WHERE id = $4 AND used = 0 AND tries_left > 0 AND code_sent_at <= $5",
    )
    .bind(code_digest(&request.challenge_id, &code))
    .bind(now)
    .bind(now + CODE_LIFETIME_SECONDS)
    .bind(&request.challenge_id)
    .bind(now - RESEND_AFTER_SECONDS)
    .execute(&state.db.pool)
    .await?;
    if renewed.rows_affected() != 1 {
        return Err(resend_too_soon(RESEND_AFTER_SECONDS));
    }
    send_code(&state, &national_id, &mobile, &code).await?;
    audit(&state, client, Some(&national_id), "code_resent", "").await?;
    Ok(Json(ChallengeSent {
        challenge_id: request.challenge_id,
        masked_mobile: auth::mask_mobile(&mobile),
        expires_in_seconds: CODE_LIFETIME_SECONDS as u64,
        resend_after_seconds: RESEND_AFTER_SECONDS as u64,
    }))
}

/// "Stay signed in": counts as activity.
#[utoipa::path(post, path = "/session/extend", tag = "session", operation_id = "extend_session",
    security(("session" = [])),
    responses(
        (status = 200, body = SessionInfo),
    ))]
pub async fn extend(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<SessionInfo>> {
    let now = state.clock.now();
    auth::touch(&state, &user.token_digest, now).await?;
    state.sessions.forget(&user.token_digest);
    Ok(Json(user.session_info(now)))
}

/// Sign out: the session ends and the cookie is cleared.
#[utoipa::path(delete, path = "/session", tag = "session", operation_id = "end_session",
    responses((status = 204, description = "signed out (also when no session was open)")))]
pub async fn end(
    State(state): State<AppState>,
    client: ClientAddress,
    headers: HeaderMap,
) -> ApiResult<Response> {
    if let Ok(user) = CurrentUser::from_headers(&state, &headers).await {
        sqlx::query("UPDATE sessions SET ended = 1 WHERE token_digest = $1")
            .bind(&user.token_digest)
            .execute(&state.db.pool)
            .await?;
        state.sessions.end(&user.token_digest);
        audit(&state, client, Some(&user.national_id), "signed_out", "").await?;
    }
    let cookie = auth::session_cookie_header(None);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

/// A provider that cannot take the message now is a 503 the person can retry, not a 500.
async fn send_code(state: &AppState, national_id: &str, mobile: &str, code: &str) -> ApiResult<()> {
    let sent = state
        .sms
        .send(CodeMessage {
            national_id,
            mobile,
            code,
            purpose: crate::sms::CodePurpose::SignIn,
        })
        .await;
    if let Err(error) = sent {
        tracing::error!(error = ?error, "sending a verification code failed");
        return Err(limits::busy());
    }
    Ok(())
}

/// Counts one try from the client's address (sign-in and password reset share the count);
/// refuses past the limit, so one address cannot spray many national IDs.
pub(crate) async fn reserve_source_try(
    state: &AppState,
    client: ClientAddress,
    national_id: &str,
    now: i64,
) -> ApiResult<limits::Reservation> {
    match limits::reserve(
        &state.db,
        Scope::Source,
        &client.limit_key(),
        state.limits.source_failures,
        state.limits.source_window_seconds,
        now,
    )
    .await?
    {
        Reserved::Within { reservation, .. } => Ok(reservation),
        Reserved::Over {
            retry_after_seconds,
        } => {
            audit(state, client, Some(national_id), "source_limited", "").await?;
            Err(limits::too_many(
                codes::TOO_MANY_REQUESTS,
                "too many tries from this network: wait a while",
                retry_after_seconds,
            ))
        }
    }
}

/// Counts a code about to be sent to this account (sign-in, resend, password reset share the
/// count); refuses past the hourly limit.
pub(crate) async fn reserve_code(
    state: &AppState,
    client: ClientAddress,
    national_id: &str,
    beneficiary_id: i64,
    now: i64,
) -> ApiResult<()> {
    match limits::reserve(
        &state.db,
        Scope::CodeSent,
        &beneficiary_id.to_string(),
        state.limits.codes_per_hour,
        3600,
        now,
    )
    .await?
    {
        Reserved::Within { reservation, .. } => {
            limits::keep(reservation);
            Ok(())
        }
        Reserved::Over {
            retry_after_seconds,
        } => {
            audit(state, client, Some(national_id), "codes_limited", "").await?;
            Err(limits::too_many(
                codes::TOO_MANY_CODES,
                "too many codes sent to this account: wait before asking again",
                retry_after_seconds,
            ))
        }
    }
}

/// Why a challenge could not take a try: used up, or expired (or never existed).
async fn why_not_usable(state: &AppState, challenge_id: &str) -> ApiResult<ApiError> {
    let tries_left: Option<i64> =
        sqlx::query_scalar("SELECT tries_left FROM login_challenges WHERE id = $1 AND used = 0")
            .bind(challenge_id)
            .fetch_optional(&state.db.pool)
            .await?;
    Ok(auth::unusable_code(tries_left, NEXT_STEP))
}

/// What the database keeps of a code: a digest bound to its challenge.
fn code_digest(challenge_id: &str, code: &str) -> String {
    auth::digest(&format!("{challenge_id}:{code}"))
}

fn resend_too_soon(seconds: i64) -> ApiError {
    limits::too_many(codes::RESEND_TOO_SOON, "wait before asking again", seconds)
}

fn locked(seconds: i64) -> ApiError {
    limits::too_many(
        codes::LOCKED,
        "too many wrong passwords: this national ID is locked for a while",
        seconds,
    )
}

fn verify_password(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|hash| {
            Argon2::default()
                .verify_password(password.as_bytes(), &hash)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A real hash of nothing, so an unknown ID costs the same time as a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| crate::demo::hash_password("not a password").unwrap_or_default())
}
