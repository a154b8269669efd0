//! Signing in and out: national ID + password -> a 6-digit code by SMS -> a session cookie.
//!
//! Answers never tell whether a national ID exists: an unknown ID and a wrong password get
//! the same answer, take the same time (a password is always verified), and count towards
//! the same lock.

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
        self, CODE_LIFETIME_SECONDS, CODE_TRIES, CurrentUser, FAILURE_WINDOW_SECONDS,
        LOCK_AFTER_FAILURES, LOCK_SECONDS, RESEND_AFTER_SECONDS,
    },
    error::{ApiError, ApiResult, field_error},
    json::ApiJson,
    sms::CodeMessage,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/session", post(start).delete(end))
        .route("/session/verify", post(verify))
        .route("/session/resend", post(resend))
        .route("/session/extend", post(extend))
}

/// Step one: check the password, send a code.
#[utoipa::path(post, path = "/session", tag = "session",
    request_body = StartSession,
    responses(
        (status = 200, body = ChallengeSent, description = "a code was sent by SMS"),
        (status = 401, body = wire::ErrorBody, description = "invalid_credentials"),
        (status = 422, body = wire::ErrorBody, description = "validation_failed"),
        (status = 429, body = wire::ErrorBody, description = "locked, with retry_after_seconds"),
    ))]
pub async fn start(
    State(state): State<AppState>,
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
    if request.password.is_empty() {
        fields.push(field_error("password", codes::REQUIRED));
    }
    let Some(national_id) = national_id.filter(|_| fields.is_empty()) else {
        return Err(ApiError::invalid_fields(fields));
    };

    let now = state.clock.now();
    if let Some(until) = locked_until(&state, &national_id, now).await? {
        return Err(locked(until - now));
    }

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
    let password_ok = tokio::task::spawn_blocking(move || verify_password(&password, &stored_hash))
        .await
        .unwrap_or(false);

    let Some((beneficiary_id, _, mobile)) = beneficiary.filter(|_| password_ok) else {
        return Err(record_failure(&state, &national_id, now).await?);
    };

    sqlx::query("DELETE FROM login_failures WHERE national_id = $1")
        .bind(&national_id)
        .execute(&state.db.pool)
        .await?;
    let challenge_id = auth::random_token();
    let code = auth::random_code();
    sqlx::query(
        "INSERT INTO login_challenges (id, beneficiary_id, code_digest, created_at, expires_at, tries_left) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&challenge_id)
    .bind(beneficiary_id)
    .bind(auth::digest(&format!("{challenge_id}:{code}")))
    .bind(now)
    .bind(now + CODE_LIFETIME_SECONDS)
    .bind(CODE_TRIES)
    .execute(&state.db.pool)
    .await?;
    send_code(&state, &national_id, &mobile, &code).await?;
    audit(&state, Some(&national_id), "password_accepted", "").await?;
    Ok(Json(ChallengeSent {
        challenge_id,
        masked_mobile: auth::mask_mobile(&mobile),
        expires_in_seconds: CODE_LIFETIME_SECONDS as u64,
        resend_after_seconds: RESEND_AFTER_SECONDS as u64,
    }))
}

/// Step two: the code from the SMS opens a session.
#[utoipa::path(post, path = "/session/verify", tag = "session",
    request_body = VerifyCode,
    responses(
        (status = 200, body = SessionInfo, description = "signed in; the session cookie is set"),
        (status = 401, body = wire::ErrorBody, description = "invalid_code (with tries_left), code_expired, too_many_attempts"),
        (status = 422, body = wire::ErrorBody, description = "validation_failed"),
    ))]
pub async fn verify(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<VerifyCode>,
) -> ApiResult<Response> {
    let code = rules::normalize::typed_digits(&request.code);
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::invalid_field("code", "wrong_format"));
    }
    let now = state.clock.now();
    let challenge: Option<(i64, String, i64, i64, i64, String)> = sqlx::query_as(
        "SELECT c.beneficiary_id, c.code_digest, c.expires_at, c.tries_left, c.used, b.national_id \
         FROM login_challenges c JOIN beneficiaries b ON b.id = c.beneficiary_id WHERE c.id = $1",
    )
    .bind(&request.challenge_id)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some((beneficiary_id, code_digest, expires_at, tries_left, used, national_id)) = challenge
    else {
        return Err(code_expired());
    };
    if used != 0 || now >= expires_at {
        return Err(code_expired());
    }
    if tries_left <= 0 {
        return Err(too_many_attempts());
    }
    if auth::digest(&format!("{}:{code}", request.challenge_id)) != code_digest {
        let left = tries_left - 1;
        sqlx::query("UPDATE login_challenges SET tries_left = $1 WHERE id = $2")
            .bind(left)
            .bind(&request.challenge_id)
            .execute(&state.db.pool)
            .await?;
        audit(&state, Some(&national_id), "code_rejected", "").await?;
        if left <= 0 {
            return Err(too_many_attempts());
        }
        let mut error = wire::ErrorBody::new(codes::INVALID_CODE, "the code is not right");
        error.tries_left = Some(left as u32);
        return Err(ApiError::Client(StatusCode::UNAUTHORIZED, error));
    }

    // Mark the challenge used in the same statement that checks it, so two tabs racing with
    // the same code cannot both open a session.
    let claimed = sqlx::query("UPDATE login_challenges SET used = 1 WHERE id = $1 AND used = 0")
        .bind(&request.challenge_id)
        .execute(&state.db.pool)
        .await?;
    if claimed.rows_affected() != 1 {
        return Err(code_expired());
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
    audit(&state, Some(&national_id), "signed_in", "").await?;
    let cookie = auth::session_cookie_header(Some(&token), auth::came_over_https(&headers));
    Ok((
        [(header::SET_COOKIE, cookie)],
        Json(auth::session_info(now, now)),
    )
        .into_response())
}

/// A new code for the same attempt, at most every 30 seconds.
#[utoipa::path(post, path = "/session/resend", tag = "session",
    request_body = ResendCode,
    responses(
        (status = 200, body = ChallengeSent, description = "a new code was sent"),
        (status = 401, body = wire::ErrorBody, description = "code_expired: start again"),
        (status = 429, body = wire::ErrorBody, description = "resend_too_soon, with retry_after_seconds"),
    ))]
pub async fn resend(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<ResendCode>,
) -> ApiResult<Json<ChallengeSent>> {
    let now = state.clock.now();
    let challenge: Option<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT c.created_at, c.used, b.national_id, b.mobile \
         FROM login_challenges c JOIN beneficiaries b ON b.id = c.beneficiary_id WHERE c.id = $1",
    )
    .bind(&request.challenge_id)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some((created_at, used, national_id, mobile)) = challenge else {
        return Err(code_expired());
    };
    // A challenge can be renewed while its owner is still on the code page (an hour at most).
    if used != 0 || now >= created_at + 3600 {
        return Err(code_expired());
    }
    if now < created_at + RESEND_AFTER_SECONDS {
        let mut error = wire::ErrorBody::new(codes::RESEND_TOO_SOON, "wait before asking again");
        error.retry_after_seconds = Some((created_at + RESEND_AFTER_SECONDS - now) as u64);
        return Err(ApiError::Client(StatusCode::TOO_MANY_REQUESTS, error));
    }
    let code = auth::random_code();
    sqlx::query(
        "UPDATE login_challenges SET code_digest = $1, created_at = $2, expires_at = $3, tries_left = $4 WHERE id = $5",
    )
    .bind(auth::digest(&format!("{}:{code}", request.challenge_id)))
    .bind(now)
    .bind(now + CODE_LIFETIME_SECONDS)
    .bind(CODE_TRIES)
    .bind(&request.challenge_id)
    .execute(&state.db.pool)
    .await?;
    send_code(&state, &national_id, &mobile, &code).await?;
    Ok(Json(ChallengeSent {
        challenge_id: request.challenge_id,
        masked_mobile: auth::mask_mobile(&mobile),
        expires_in_seconds: CODE_LIFETIME_SECONDS as u64,
        resend_after_seconds: RESEND_AFTER_SECONDS as u64,
    }))
}

/// "Stay signed in": counts as activity.
#[utoipa::path(post, path = "/session/extend", tag = "session",
    responses(
        (status = 200, body = SessionInfo),
        (status = 401, body = wire::ErrorBody, description = "unauthenticated"),
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
#[utoipa::path(delete, path = "/session", tag = "session",
    responses((status = 204, description = "signed out (also when no session was open)")))]
pub async fn end(State(state): State<AppState>, headers: HeaderMap) -> ApiResult<Response> {
    if let Ok(user) = CurrentUser::from_headers(&state, &headers).await {
        sqlx::query("UPDATE sessions SET ended = 1 WHERE token_digest = $1")
            .bind(&user.token_digest)
            .execute(&state.db.pool)
            .await?;
        state.sessions.forget(&user.token_digest);
        audit(&state, Some(&user.national_id), "signed_out", "").await?;
    }
    let cookie = auth::session_cookie_header(None, auth::came_over_https(&headers));
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

async fn send_code(state: &AppState, national_id: &str, mobile: &str, code: &str) -> ApiResult<()> {
    state
        .sms
        .send(CodeMessage {
            national_id,
            mobile,
            code,
        })
        .await?;
    Ok(())
}

/// When the ID's lock ends, if it is locked now.
async fn locked_until(state: &AppState, national_id: &str, now: i64) -> ApiResult<Option<i64>> {
    let until: Option<i64> =
        sqlx::query_scalar("SELECT locked_until FROM login_locks WHERE national_id = $1")
            .bind(national_id)
            .fetch_optional(&state.db.pool)
            .await?;
    Ok(until.filter(|until| *until > now))
}

/// Records a wrong password; the fifth within 15 minutes (since any earlier lock) locks.
async fn record_failure(state: &AppState, national_id: &str, now: i64) -> ApiResult<ApiError> {
    sqlx::query("INSERT INTO login_failures (national_id, at) VALUES ($1, $2)")
        .bind(national_id)
        .bind(now)
        .execute(&state.db.pool)
        .await?;
    let previous_lock: i64 =
        sqlx::query_scalar::<_, i64>("SELECT locked_until FROM login_locks WHERE national_id = $1")
            .bind(national_id)
            .fetch_optional(&state.db.pool)
            .await?
            .unwrap_or(0);
    let since = (now - FAILURE_WINDOW_SECONDS).max(previous_lock);
    let failures: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM login_failures WHERE national_id = $1 AND at > $2",
    )
    .bind(national_id)
    .bind(since)
    .fetch_one(&state.db.pool)
    .await?;
    audit(state, Some(national_id), "password_rejected", "").await?;
    if failures >= LOCK_AFTER_FAILURES {
        sqlx::query(
            "INSERT INTO login_locks (national_id, locked_until) VALUES ($1, $2) \
             ON CONFLICT (national_id) DO UPDATE SET locked_until = excluded.locked_until",
        )
        .bind(national_id)
        .bind(now + LOCK_SECONDS)
        .execute(&state.db.pool)
        .await?;
        audit(state, Some(national_id), "locked", "").await?;
        return Ok(locked(LOCK_SECONDS));
    }
    Ok(ApiError::new(
        StatusCode::UNAUTHORIZED,
        codes::INVALID_CREDENTIALS,
        "the national ID or the password is not right",
    ))
}

fn locked(seconds: i64) -> ApiError {
    let mut error = wire::ErrorBody::new(
        codes::LOCKED,
        "too many wrong passwords: this national ID is locked for a while",
    );
    error.retry_after_seconds = Some(seconds.max(1) as u64);
    ApiError::Client(StatusCode::TOO_MANY_REQUESTS, error)
}

fn code_expired() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        codes::CODE_EXPIRED,
        "this code has expired: log in again for a new one",
    )
}

fn too_many_attempts() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        codes::TOO_MANY_ATTEMPTS,
        "three wrong codes: log in again for a new one",
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
