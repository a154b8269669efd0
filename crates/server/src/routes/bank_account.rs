//! The bank account the support is paid into (`/me/bank-account`, issue #13): the registered
//! IBAN shown masked, and a change confirmed by a fresh SMS code even inside a session.
//!
//! A change is: the new IBAN by the shared rule (`rules::iban`), not the one registered, then
//! a step-up code sent to the registered mobile for this purpose only (its own table and a
//! digest bound to the purpose, so a sign-in's or a reset's code can never confirm it), three
//! tries used up atomically before a code is compared, single use. In one transaction the
//! IBAN is replaced, the change is kept (masked IBANs only) with the first payment it applies
//! to (`rules::payment_cycle::first_cycle_for_change`), and the audit log records it. After
//! the commit a notice goes by SMS to the registered mobile. The full IBAN never reaches a
//! log, an audit detail or an answer.

use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    routing::{get, post},
};
use wire::{
    BankAccount, BankAccountChange, BankAccountChanged, BankChangeFirstPayment, ChallengeSent,
    ChangeBankAccount, codes,
};

use crate::{
    AppState,
    audit::{audit, audit_in},
    auth::{self, CODE_LIFETIME_SECONDS, CODE_TRIES, CurrentUser, RESEND_AFTER_SECONDS},
    client::ClientAddress,
    error::{ApiError, ApiResult, field_error},
    json::ApiJson,
    limits,
    sms::{CodeMessage, CodePurpose, Notice, NoticeMessage},
};

/// The `purpose` of this page's step-up codes.
const PURPOSE: &str = "bank_account_change";

/// What to do after a code that can no longer be used.
const NEXT_STEP: &str = "ask for a new one";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/bank-account", get(show).put(change))
        .route("/me/bank-account/code", post(send_code))
}

/// The registered IBAN, masked, and the latest change made here.
#[utoipa::path(get, path = "/me/bank-account", tag = "account", operation_id = "get_bank_account",
    security(("session" = [])),
    responses(
        (status = 200, body = BankAccount),
    ))]
pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<BankAccount>> {
    let iban: Option<String> = sqlx::query_scalar("SELECT iban FROM beneficiaries WHERE id = $1")
        .bind(user.beneficiary_id)
        .fetch_one(&state.db.pool)
        .await?;
    let last: Option<(i64, i64, String)> = sqlx::query_as(
        "SELECT changed_at, applies_from_cycle, applies_from_date FROM bank_account_changes \
         WHERE beneficiary_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(user.beneficiary_id)
    .fetch_optional(&state.db.pool)
    .await?;
    Ok(Json(BankAccount {
        masked_iban: iban.as_deref().map(auth::mask_iban),
        last_change: last.map(|(changed_at, cycle, date)| BankAccountChange {
            changed_on: crate::clock::date_in_riyadh(changed_at).to_string(),
            applies_from: BankChangeFirstPayment {
                number: u32::try_from(cycle).unwrap_or_default(),
                date,
            },
        }),
    }))
}

/// A fresh code by SMS to the registered mobile, to confirm a change of the bank account.
#[utoipa::path(post, path = "/me/bank-account/code", tag = "account", operation_id = "send_bank_account_code",
    security(("session" = [])),
    responses(
        (status = 200, body = ChallengeSent, description = "a code was sent to the registered mobile; an earlier code of this kind no longer works"),
        (status = 429, body = wire::ErrorBody, description = "resend_too_soon (30 seconds between codes) or too_many_codes (this account's codes of the hour, shared with sign-in and password reset), with retry_after_seconds and Retry-After"),
        (status = 503, body = wire::ErrorBody, description = "busy: the SMS could not be sent now, or timeout; with retry_after_seconds"),
    ))]
pub async fn send_code(
    State(state): State<AppState>,
    client: ClientAddress,
    user: CurrentUser,
) -> ApiResult<Json<ChallengeSent>> {
    let now = state.clock.now();
    let newest: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(created_at) FROM step_up_codes \
         WHERE beneficiary_id = $1 AND purpose = $2 AND used = 0",
    )
    .bind(user.beneficiary_id)
    .bind(PURPOSE)
    .fetch_one(&state.db.pool)
    .await?;
    if let Some(sent_at) = newest
        && now < sent_at + RESEND_AFTER_SECONDS
    {
        return Err(limits::too_many(
            codes::RESEND_TOO_SOON,
            "wait before asking again",
            sent_at + RESEND_AFTER_SECONDS - now,
        ));
    }
    let mobile: String = sqlx::query_scalar("SELECT mobile FROM beneficiaries WHERE id = $1")
        .bind(user.beneficiary_id)
        .fetch_one(&state.db.pool)
        .await?;
    super::session::reserve_code(&state, client, &user.national_id, user.beneficiary_id, now)
        .await?;

    let challenge_id = auth::random_token();
    let code = auth::random_code();
    let mut transaction = state.db.pool.begin().await?;
    // Only the newest code works: a fresh one ends the ones before it.
    sqlx::query(
        "UPDATE step_up_codes SET used = 1 WHERE beneficiary_id = $1 AND purpose = $2 AND used = 0",
    )
    .bind(user.beneficiary_id)
    .bind(PURPOSE)
    .execute(&mut *transaction)
    .await?;
    sqlx::query(
        "INSERT INTO step_up_codes (id, beneficiary_id, purpose, code_digest, created_at, \
         expires_at, tries_left) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&challenge_id)
    .bind(user.beneficiary_id)
    .bind(PURPOSE)
    .bind(code_digest(&challenge_id, &code))
    .bind(now)
    .bind(now + CODE_LIFETIME_SECONDS)
    .bind(CODE_TRIES)
    .execute(&mut *transaction)
    .await?;
    transaction.commit().await?;

    let sent = state
        .sms
        .send(CodeMessage {
            national_id: &user.national_id,
            mobile: &mobile,
            code: &code,
            purpose: CodePurpose::BankAccountChange,
        })
        .await;
    if let Err(error) = sent {
        tracing::error!(error = ?error, "sending a bank account code failed");
        return Err(limits::busy());
    }
    audit(
        &state,
        client,
        Some(&user.national_id),
        "bank_code_sent",
        "",
    )
    .await?;
    Ok(Json(ChallengeSent {
        challenge_id,
        masked_mobile: auth::mask_mobile(&mobile),
        expires_in_seconds: CODE_LIFETIME_SECONDS as u64,
        resend_after_seconds: RESEND_AFTER_SECONDS as u64,
    }))
}

/// The new IBAN, confirmed by the code: replaced at once, paid into from the payment given.
#[utoipa::path(put, path = "/me/bank-account", tag = "account", operation_id = "change_bank_account",
    security(("session" = [])),
    request_body = ChangeBankAccount,
    responses(
        (status = 200, body = BankAccountChanged, description = "the IBAN was changed; a notice was sent by SMS to the registered mobile"),
        (status = 401, body = wire::ErrorBody, description = "unauthenticated (no session); invalid_code (with tries_left), code_expired (also a code of another kind or another account's, or one replaced by a newer code), too_many_attempts: ask for a new code"),
        (status = 422, body = wire::ErrorBody, description = "validation_failed (`fields`: iban `empty`, `wrong_country`, `wrong_length`, `bad_format`, `bad_checksum`, `same_iban`; code `wrong_format`; `control_character`). No try of the code is used."),
    ))]
pub async fn change(
    State(state): State<AppState>,
    client: ClientAddress,
    user: CurrentUser,
    ApiJson(request): ApiJson<ChangeBankAccount>,
) -> ApiResult<Json<BankAccountChanged>> {
    let mut fields = Vec::new();
    let iban = match rules::iban::validate(&request.iban) {
        Ok(iban) => Some(iban.normalized),
        Err(error) => {
            fields.push(field_error("iban", error.code()));
            None
        }
    };
    let code = rules::normalize::typed_digits(&request.code);
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        fields.push(field_error("code", "wrong_format"));
    }
    let Some(iban) = iban.filter(|_| fields.is_empty()) else {
        return Err(ApiError::invalid_fields(fields));
    };
    let (old_iban, mobile): (Option<String>, String) =
        sqlx::query_as("SELECT iban, mobile FROM beneficiaries WHERE id = $1")
            .bind(user.beneficiary_id)
            .fetch_one(&state.db.pool)
            .await?;
    if old_iban.as_deref() == Some(iban.as_str()) {
        return Err(ApiError::invalid_field("iban", wire::SAME_IBAN));
    }

    let now = state.clock.now();
    // One try is used up before the code is compared, in the statement that checks there is
    // one left: parallel guesses cannot share a try. Only this account's codes of this kind.
    let claimed: Option<(String, i64)> = sqlx::query_as(
        "UPDATE step_up_codes SET tries_left = tries_left - 1 \
         WHERE id = $1 AND beneficiary_id = $2 AND purpose = $3 AND used = 0 \
         AND tries_left > 0 AND expires_at > $4 \
         RETURNING code_digest, tries_left",
    )
    .bind(&request.challenge_id)
    .bind(user.beneficiary_id)
    .bind(PURPOSE)
    .bind(now)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some((digest, tries_left)) = claimed else {
        return Err(why_not_usable(&state, &user, &request.challenge_id).await?);
    };
    if !auth::same_digest(&code_digest(&request.challenge_id, &code), &digest) {
        audit(
            &state,
            client,
            Some(&user.national_id),
            "bank_code_rejected",
            "",
        )
        .await?;
        if tries_left <= 0 {
            return Err(auth::too_many_attempts(NEXT_STEP));
        }
        let mut error = wire::ErrorBody::new(codes::INVALID_CODE, "the code is not right");
        error.tries_left = Some(tries_left as u32);
        return Err(ApiError::Client(StatusCode::UNAUTHORIZED, error));
    }

    let first = rules::payment_cycle::first_cycle_for_change(state.clock.today())
        .map_err(|error| anyhow::anyhow!("first cycle for a change: {}", error.code()))?;
    let old_masked = old_iban.as_deref().map(auth::mask_iban);
    let new_masked = auth::mask_iban(&iban);
    let mut transaction = state.db.pool.begin().await?;
    // Used in the statement that checks it: two tabs racing with one code change it once.
    let used = sqlx::query("UPDATE step_up_codes SET used = 1 WHERE id = $1 AND used = 0")
        .bind(&request.challenge_id)
        .execute(&mut *transaction)
        .await?;
    if used.rows_affected() != 1 {
        return Err(auth::code_expired(NEXT_STEP));
    }
    sqlx::query("UPDATE beneficiaries SET iban = $1 WHERE id = $2")
        .bind(&iban)
        .bind(user.beneficiary_id)
        .execute(&mut *transaction)
        .await?;
    sqlx::query(
        "INSERT INTO bank_account_changes (beneficiary_id, old_masked_iban, new_masked_iban, \
         changed_at, applies_from_cycle, applies_from_date) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(user.beneficiary_id)
    .bind(&old_masked)
    .bind(&new_masked)
    .bind(now)
    .bind(i64::from(first.number))
    .bind(first.date.to_string())
    .execute(&mut *transaction)
    .await?;
    audit_in(
        &mut transaction,
        now,
        client,
        &user.national_id,
        "bank_account_changed",
        &format!(
            "from={} to={new_masked} applies_from_cycle={}",
            old_masked.as_deref().unwrap_or("none"),
            first.number
        ),
    )
    .await?;
    transaction.commit().await?;

    // The change stands whatever the SMS provider does; the page says whether the notice went.
    let notice = state
        .sms
        .send_notice(NoticeMessage {
            national_id: &user.national_id,
            mobile: &mobile,
            notice: Notice::BankAccountChanged,
        })
        .await;
    if let Err(error) = &notice {
        tracing::error!(error = ?error, "sending the bank account change notice failed");
    }
    Ok(Json(BankAccountChanged {
        masked_iban: new_masked,
        applies_from: BankChangeFirstPayment {
            number: first.number,
            date: first.date.to_string(),
        },
        notice_sent: notice.is_ok(),
    }))
}

/// Why a code could not take a try: used up, or expired, replaced, of another kind or
/// another account's (or never existed), which all read as expired.
async fn why_not_usable(
    state: &AppState,
    user: &CurrentUser,
    challenge_id: &str,
) -> ApiResult<ApiError> {
    let tries_left: Option<i64> = sqlx::query_scalar(
        "SELECT tries_left FROM step_up_codes \
         WHERE id = $1 AND beneficiary_id = $2 AND purpose = $3 AND used = 0",
    )
    .bind(challenge_id)
    .bind(user.beneficiary_id)
    .bind(PURPOSE)
    .fetch_optional(&state.db.pool)
    .await?;
    Ok(auth::unusable_code(tries_left, NEXT_STEP))
}

/// A digest bound to its challenge and to this purpose, distinct from sign-in's and reset's.
fn code_digest(challenge_id: &str, code: &str) -> String {
    auth::digest(&format!("{PURPOSE}:{challenge_id}:{code}"))
}
