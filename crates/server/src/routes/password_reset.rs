//! Forgot password: national ID + birth date as recorded -> a code by SMS -> a new password,
//! and every session of the account ends.
//!
//! The first step answers the same, in the same time class, whether or not the ID exists and
//! whether or not the birth date matches: a code is sent only when both do, and a reset row
//! is kept either way (for a mismatch with a digest no code matches), so the second step too
//! answers a guess exactly as it answers a wrong code. Limits are sign-in's: tries per
//! national ID and per client address counted before the work, codes per account per hour
//! shared with sign-in, three tries per code used up atomically.

use axum::{
    Json, Router,
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
    routing::post,
};
use wire::{CompletePasswordReset, PasswordResetStarted, StartPasswordReset, codes};

use crate::{
    AppState,
    audit::audit,
    auth::{self, CODE_LIFETIME_SECONDS, CODE_TRIES},
    client::ClientAddress,
    error::{ApiError, ApiResult, field_error},
    json::ApiJson,
    limits::{self, Reserved, Scope},
    sms::CodeMessage,
};

/// Longer than any password a person types; a longer one is refused before it is hashed.
const MAX_PASSWORD_CHARS: usize = 256;

/// What to do after a code that can no longer be used.
const NEXT_STEP: &str = "start the reset again";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/password-reset", post(start))
        .route("/password-reset/complete", post(complete))
}

/// Step one: the national ID and the birth date as recorded; a code by SMS when they match.
#[utoipa::path(post, path = "/password-reset", tag = "session", operation_id = "start_password_reset",
    request_body = StartPasswordReset,
    responses(
        (status = 200, body = PasswordResetStarted, description = "the same answer whether or not the ID exists and the birth date matches; a code was sent by SMS only when both do"),
        (status = 422, body = wire::ErrorBody, description = "validation_failed (`fields`: national_id `empty`, `not_digits`, `wrong_length`, `bad_prefix`, `bad_checksum`; birth_date `bad_date`; `control_character`)"),
        (status = 429, body = wire::ErrorBody, description = "locked (too many resets for this ID), too_many_requests (this address) or too_many_codes (this account, shared with sign-in), with retry_after_seconds"),
        (status = 503, body = wire::ErrorBody, description = "busy: the SMS could not be sent now; or timeout; with retry_after_seconds"),
    ))]
pub async fn start(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiJson(request): ApiJson<StartPasswordReset>,
) -> ApiResult<Json<PasswordResetStarted>> {
    let mut fields = Vec::new();
    let national_id = match rules::national_id::validate(&request.national_id) {
        Ok(id) => Some(id.normalized),
        Err(error) => {
            fields.push(field_error("national_id", error.code()));
            None
        }
    };
    let birth_date = parse_date(&request.birth_date);
    if birth_date.is_none() {
        fields.push(field_error("birth_date", "bad_date"));
    }
    let (Some(national_id), Some(birth_date)) =
        (national_id.filter(|_| fields.is_empty()), birth_date)
    else {
        return Err(ApiError::invalid_fields(fields));
    };

    let now = state.clock.now();
    let limits = state.limits;
    let source_try = super::session::reserve_source_try(&state, client, &national_id, now).await?;
    // Every reset counts for the ID, matching or not: a count that only failures fed would
    // tell a guesser which birth date was right.
    match limits::reserve(
        &state.db,
        Scope::Reset,
        &national_id,
        limits.password_tries,
        limits.password_window_seconds,
        now,
    )
    .await?
    {
        Reserved::Within { reservation, .. } => limits::keep(reservation),
        Reserved::Over {
            retry_after_seconds,
        } => {
            limits::take_back(&state.db, source_try).await?;
            return Err(limits::too_many(
                codes::LOCKED,
                "too many tries for this national ID: wait a while",
                retry_after_seconds,
            ));
        }
    }

    let record: Option<(i64, String, String)> =
        sqlx::query_as("SELECT id, birth_date, mobile FROM beneficiaries WHERE national_id = $1")
            .bind(&national_id)
            .fetch_optional(&state.db.pool)
            .await?;
    // The calendar is the record's: the stored date is compared in the calendar it was
    // recorded in, so a Gregorian date typed for a citizen simply does not match.
    let matched = record.filter(|(_, stored, _)| parse_date(stored) == Some(birth_date));

    let challenge_id = auth::random_token();
    let Some((beneficiary_id, _, mobile)) = matched else {
        limits::keep(source_try);
        insert_reset(
            &state,
            &challenge_id,
            None,
            &national_id,
            &auth::random_token(),
            now,
        )
        .await?;
        audit(&state, client, Some(&national_id), "reset_rejected", "").await?;
        return Ok(Json(started(challenge_id)));
    };

    // A right birth date is no failure of this address.
    limits::take_back(&state.db, source_try).await?;
    super::session::reserve_code(&state, client, &national_id, beneficiary_id, now).await?;
    let code = auth::random_code();
    insert_reset(
        &state,
        &challenge_id,
        Some(beneficiary_id),
        &national_id,
        &code_digest(&challenge_id, &code),
        now,
    )
    .await?;
    let sent = state
        .sms
        .send(CodeMessage {
            national_id: &national_id,
            mobile: &mobile,
            code: &code,
            purpose: crate::sms::CodePurpose::PasswordReset,
        })
        .await;
    if let Err(error) = sent {
        tracing::error!(error = ?error, "sending a reset code failed");
        return Err(limits::busy());
    }
    audit(&state, client, Some(&national_id), "reset_code_sent", "").await?;
    Ok(Json(started(challenge_id)))
}

/// Step two: the code and the new password; every session of the account ends.
#[utoipa::path(post, path = "/password-reset/complete", tag = "session", operation_id = "complete_password_reset",
    request_body = CompletePasswordReset,
    responses(
        (status = 204, description = "the password was changed and every session of the account ended (the cookie is cleared)"),
        (status = 401, body = wire::ErrorBody, description = "invalid_code (with tries_left), code_expired (also an unknown reset), too_many_attempts"),
        (status = 422, body = wire::ErrorBody, description = "validation_failed (`fields`: code `wrong_format`; new_password `too_short`, `too_common`, `contains_national_id`, `too_long`; `control_character`)"),
        (status = 503, body = wire::ErrorBody, description = "busy: too many password changes at once, or timeout; with retry_after_seconds"),
    ))]
pub async fn complete(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiJson(request): ApiJson<CompletePasswordReset>,
) -> ApiResult<Response> {
    let code = rules::normalize::typed_digits(&request.code);
    let mut fields = Vec::new();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        fields.push(field_error("code", "wrong_format"));
    }
    let password = request.new_password;
    if rules::text::has_control_character(&password) {
        fields.push(field_error("new_password", codes::CONTROL_CHARACTER));
    } else if password.chars().count() > MAX_PASSWORD_CHARS {
        fields.push(field_error("new_password", codes::TOO_LONG));
    }
    if !fields.is_empty() {
        return Err(ApiError::invalid_fields(fields));
    }
    let now = state.clock.now();
    // The password rule needs the national ID; a weak password uses no try of the code.
    let national_id: Option<String> = sqlx::query_scalar(
        "SELECT national_id FROM password_resets WHERE id = $1 AND used = 0 AND tries_left > 0 \
         AND expires_at > $2",
    )
    .bind(&request.challenge_id)
    .bind(now)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some(national_id) = national_id else {
        return Err(why_not_usable(&state, &request.challenge_id).await?);
    };
    if let Err(error) = rules::password::check(&password, &national_id) {
        return Err(ApiError::invalid_field("new_password", error.code()));
    }

    // One try is used up before the code is compared, in the statement that checks there is
    // one left: parallel guesses cannot share a try.
    let claimed: Option<(Option<i64>, String, i64)> = sqlx::query_as(
        "UPDATE password_resets SET tries_left = tries_left - 1 \
         WHERE id = $1 AND used = 0 AND tries_left > 0 AND expires_at > $2 \
         RETURNING beneficiary_id, code_digest, tries_left",
    )
    .bind(&request.challenge_id)
    .bind(now)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some((beneficiary_id, digest, tries_left)) = claimed else {
        return Err(why_not_usable(&state, &request.challenge_id).await?);
    };
    let right = auth::same_digest(&code_digest(&request.challenge_id, &code), &digest);
    let Some(beneficiary_id) = beneficiary_id.filter(|_| right) else {
        audit(
            &state,
            client,
            Some(&national_id),
            "reset_code_rejected",
            "",
        )
        .await?;
        if tries_left <= 0 {
            return Err(auth::too_many_attempts(NEXT_STEP));
        }
        let mut error = wire::ErrorBody::new(codes::INVALID_CODE, "the code is not right");
        error.tries_left = Some(tries_left as u32);
        return Err(ApiError::Client(StatusCode::UNAUTHORIZED, error));
    };

    let hashed = state
        .hashing
        .run(move || crate::demo::hash_password(&password))
        .await;
    let hash = match hashed {
        Ok(Ok(hash)) => hash,
        Ok(Err(error)) => return Err(ApiError::Internal(error)),
        Err(error) => {
            // Not done: the right code may be sent again.
            sqlx::query("UPDATE password_resets SET tries_left = tries_left + 1 WHERE id = $1")
                .bind(&request.challenge_id)
                .execute(&state.db.pool)
                .await?;
            return Err(error);
        }
    };

    let mut transaction = state.db.pool.begin().await?;
    // Used in the statement that checks it: two tabs racing with one code change it once.
    let used = sqlx::query("UPDATE password_resets SET used = 1 WHERE id = $1 AND used = 0")
        .bind(&request.challenge_id)
        .execute(&mut *transaction)
        .await?;
    if used.rows_affected() != 1 {
        return Err(auth::code_expired(NEXT_STEP));
    }
    sqlx::query("UPDATE beneficiaries SET password_hash = $1 WHERE id = $2")
        .bind(&hash)
        .bind(beneficiary_id)
        .execute(&mut *transaction)
        .await?;
    // Whoever held the old password loses what it opened: sessions, sign-ins waiting for
    // their code, other resets.
    let open: Vec<String> = sqlx::query_scalar(
        "UPDATE sessions SET ended = 1 WHERE beneficiary_id = $1 AND ended = 0 \
         RETURNING token_digest",
    )
    .bind(beneficiary_id)
    .fetch_all(&mut *transaction)
    .await?;
    sqlx::query("UPDATE login_challenges SET used = 1 WHERE beneficiary_id = $1 AND used = 0")
        .bind(beneficiary_id)
        .execute(&mut *transaction)
        .await?;
    sqlx::query("UPDATE password_resets SET used = 1 WHERE beneficiary_id = $1 AND used = 0")
        .bind(beneficiary_id)
        .execute(&mut *transaction)
        .await?;
    transaction.commit().await?;
    // At once on this process; other processes re-read within their 5-second memory.
    for token_digest in &open {
        state.sessions.end(token_digest);
    }
    // The old password's wrong tries say nothing about the new one.
    limits::clear(&state.db, Scope::Password, &national_id).await?;
    audit(
        &state,
        client,
        Some(&national_id),
        "password_reset",
        &format!("sessions_ended={}", open.len()),
    )
    .await?;
    let cookie = auth::session_cookie_header(None);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

/// `YYYY-MM-DD` (month and day may be one digit) with any digits a phone types, spaces
/// around it, as numbers; `None` for anything else, exactly as the document's pattern says.
/// The calendar is not checked here: the record says which one, and an impossible day simply
/// matches no record.
fn parse_date(text: &str) -> Option<(u32, u32, u32)> {
    let typed: String = text
        .trim_matches([' ', '\u{A0}'])
        .chars()
        .map(rules::normalize::ascii_digit)
        .collect();
    let mut parts = typed.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || year.len() != 4
        || !(1..=2).contains(&month.len())
        || !(1..=2).contains(&day.len())
        || ![year, month, day]
            .iter()
            .all(|part| part.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (year, month, day) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
}

fn started(challenge_id: String) -> PasswordResetStarted {
    PasswordResetStarted {
        challenge_id,
        expires_in_seconds: CODE_LIFETIME_SECONDS as u64,
    }
}

async fn insert_reset(
    state: &AppState,
    challenge_id: &str,
    beneficiary_id: Option<i64>,
    national_id: &str,
    code_digest: &str,
    now: i64,
) -> ApiResult<()> {
    sqlx::query(
        "INSERT INTO password_resets (id, beneficiary_id, national_id, code_digest, created_at, \
         expires_at, tries_left) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(challenge_id)
    .bind(beneficiary_id)
    .bind(national_id)
    .bind(code_digest)
    .bind(now)
    .bind(now + CODE_LIFETIME_SECONDS)
    .bind(CODE_TRIES)
    .execute(&state.db.pool)
    .await?;
    Ok(())
}

async fn why_not_usable(state: &AppState, challenge_id: &str) -> ApiResult<ApiError> {
    let tries_left: Option<i64> =
        sqlx::query_scalar("SELECT tries_left FROM password_resets WHERE id = $1 AND used = 0")
            .bind(challenge_id)
            .fetch_optional(&state.db.pool)
            .await?;
    Ok(auth::unusable_code(tries_left, NEXT_STEP))
}

/// A digest bound to its reset, distinct from sign-in's, so one can never stand for the other.
fn code_digest(challenge_id: &str, code: &str) -> String {
    auth::digest(&format!("reset:{challenge_id}:{code}"))
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates_as_typed() {
        assert_eq!(parse_date("1410-05-03"), Some((1410, 5, 3)));
        assert_eq!(parse_date("١٤١٠-٥-٣"), Some((1410, 5, 3)));
        assert_eq!(parse_date("1410-13-03"), None);
        assert_eq!(parse_date("1410-05"), None);
        assert_eq!(parse_date("1410-05-03-1"), None);
        assert_eq!(parse_date("+410-05-03"), None);
        assert_eq!(parse_date(" 1410-05-03\u{A0}"), Some((1410, 5, 3)));
        assert_eq!(parse_date("1410 -05-03"), None);
        assert_eq!(parse_date("\u{2003}1410-05-03"), None);
    }
}
