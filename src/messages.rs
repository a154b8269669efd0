//! The API's codes in words: errors, statuses and reasons, in the active language. Pure
//! look-ups over [`crate::i18n`]; an unknown code gets a general sentence, never a blank.

use crate::{
    api::ApiError,
    components::notice::Tone,
    i18n::{Lang, Text, Texts, fill},
};

/// What went wrong with a request, in one sentence.
pub fn api_error(lang: Lang, error: &ApiError) -> String {
    let texts = lang.texts();
    // The sign-in words are the ones the login page can meet; the account area's are for
    // codes only its pages' requests give (texts::Part: each is installed by its chunk).
    let sign_in = &texts.sign_in;
    let words = &texts.account;
    let text = match error.code() {
        "network" => sign_in.network,
        "invalid_credentials" => sign_in.invalid_credentials,
        // Each pause says how long and until what time, from the server's
        // `retry_after_seconds`; without it, the server's usual window.
        "locked" => return try_again(lang, sign_in.locked, retry_after(error, 15 * 60)),
        "too_many_codes" => {
            return try_again(lang, sign_in.too_many_codes, retry_after(error, 60 * 60));
        }
        "too_many_requests" => {
            return try_again(lang, sign_in.too_many_requests, retry_after(error, 15 * 60));
        }
        "busy" => sign_in.busy,
        "timeout" => sign_in.timeout,
        "control_character" => sign_in.control_character,
        // A limit met before the API could answer in its own shape (a proxy, a load balancer).
        "unexpected" if matches!(error, ApiError::Unexpected(429 | 503)) => sign_in.busy,
        "invalid_code" => {
            let mut line = words.invalid_code.to_string();
            if let Some(left) = error.body().and_then(|body| body.tries_left) {
                line.push_str(texts.forms.separator);
                line.push_str(&crate::format::count(
                    lang,
                    &words.tries_left,
                    u64::from(left),
                ));
            }
            return line;
        }
        "code_expired" => words.code_expired,
        "too_many_attempts" => words.too_many_attempts,
        "resend_too_soon" => words.resend_too_soon,
        "not_found" => sign_in.not_found,
        "already_open" => words.already_open,
        "window_closed" => words.window_closed,
        "payment_not_paid" => words.why_not_payment_not_paid,
        "not_ineligible" => words.why_not_not_ineligible,
        "idempotency_key_reused" => words.key_reused,
        "unauthenticated" => sign_in.login_to_continue,
        _ => sign_in.unexpected,
    };
    text.to_string()
}

/// The server's `retry_after_seconds`, or `usual` when it did not say.
fn retry_after(error: &ApiError, usual: u64) -> u64 {
    error
        .body()
        .and_then(|body| body.retry_after_seconds)
        .unwrap_or(usual)
}

/// "Try again in 12 minutes, at 6:40 pm.": `template` filled with the wait and the time.
pub fn try_again(lang: Lang, template: &str, seconds: u64) -> String {
    let at = js_sys::Date::new(&(crate::session::now_ms() + seconds as f64 * 1000.0).into());
    fill(
        template,
        &[&wait(lang, seconds), &crate::format::time(lang, &at)],
    )
}

/// A wait in words: seconds up to a minute, whole minutes (rounded up) beyond.
pub fn wait(lang: Lang, seconds: u64) -> String {
    let sign_in = &lang.texts().sign_in;
    if seconds > 60 {
        crate::format::count(lang, &sign_in.minutes, seconds.div_ceil(60))
    } else {
        crate::format::count(lang, &sign_in.seconds, seconds)
    }
}

/// A field error from the server (`validation_failed`) as one of the table's texts.
pub fn field_code(field: &str, code: &str) -> Text {
    match (field, code) {
        ("national_id", "empty") => |t| t.sign_in.id_empty,
        ("national_id", "not_digits") => |t| t.sign_in.id_not_digits,
        ("national_id", "control_character") => |t| t.sign_in.id_not_digits,
        ("national_id", "wrong_length") => |t| t.sign_in.id_wrong_length,
        ("national_id", "bad_prefix") => |t| t.sign_in.id_bad_prefix,
        ("national_id", _) => |t| t.sign_in.id_bad_checksum,
        ("password", "control_character") => |t| t.sign_in.password_control,
        ("password", _) => |t| t.sign_in.password_empty,
        ("code", _) => |t| t.account.code_wrong_format,
        ("birth_date", _) => |t| t.forms.date_no_such_day,
        ("new_password", "too_short") => |t| t.reset.too_short,
        ("new_password", "too_common") => |t| t.reset.too_common,
        ("new_password", "contains_national_id") => |t| t.reset.contains_national_id,
        ("new_password", "too_long") => |t| t.reset.too_long,
        ("new_password", "control_character") => |t| t.sign_in.password_control,
        ("new_password", _) => |t| t.reset.new_password_empty,
        ("reason", _) => |t| t.account.reason_missing,
        ("description", "too_long") => |t| t.account.description_too_long,
        ("description", "control_character") => |t| t.account.description_control,
        ("description", _) => |t| t.account.description_missing,
        ("category", _) => |t| t.account.category_missing,
        ("message", "too_long") => |t| t.account.message_too_long,
        ("message", "control_character") => |t| t.account.message_control,
        ("message", _) => |t| t.account.message_missing,
        _ => |t| t.sign_in.unexpected,
    }
}

/// A payment's status as a word and a tone.
pub fn payment_status(texts: &'static Texts, status: &str) -> (&'static str, Tone) {
    let words = &texts.account;
    match status {
        "paid" => (words.status_paid, Tone::Success),
        "processing" => (words.status_processing, Tone::Info),
        "returned" => (words.status_returned, Tone::Warning),
        _ => (words.status_none, Tone::Warning),
    }
}

/// An objection's status.
pub fn objection_status(texts: &'static Texts, status: &str) -> (&'static str, Tone) {
    let words = &texts.account;
    match status {
        "accepted" => (words.status_accepted, Tone::Success),
        "rejected" => (words.status_rejected, Tone::Warning),
        _ => (words.status_under_review, Tone::Info),
    }
}

/// A ticket's status.
pub fn ticket_status(texts: &'static Texts, status: &str) -> (&'static str, Tone) {
    let words = &texts.account;
    match status {
        "answered" => (words.ticket_answered, Tone::Success),
        "closed" => (words.ticket_closed, Tone::Info),
        _ => (words.ticket_open, Tone::Info),
    }
}

/// A ticket's category.
pub fn ticket_category(texts: &'static Texts, category: &str) -> &'static str {
    let words = &texts.account;
    match category {
        "account" => words.category_account,
        "registration" => words.category_registration,
        "eligibility" => words.category_eligibility,
        _ => words.category_payments,
    }
}

/// A reason "not eligible" or "not covered", in plain words.
pub fn reason(texts: &'static Texts, code: &str) -> &'static str {
    let words = &texts.account;
    match code {
        "under_18" => words.reason_under_18,
        "nationality_not_covered" => words.reason_nationality,
        "not_resident" => words.reason_not_resident,
        "detained_or_sheltered" => words.reason_detained,
        "no_bank_account" => words.reason_no_bank,
        "invalid_iban" => words.reason_invalid_iban,
        "has_dependents" => words.reason_has_dependents,
        "no_housing_proof" => words.reason_no_housing,
        "commercial_registration" => words.reason_commercial,
        "data_mismatch" => words.reason_data_mismatch,
        "applicant_not_eligible" => words.reason_applicant_not_eligible,
        _ => words.reason_other,
    }
}

/// A financial objection's reason.
pub fn financial_reason(texts: &'static Texts, code: &str) -> &'static str {
    match code {
        "zero_payment" => texts.account.reason_zero,
        "short_payment" => texts.account.reason_short,
        other => reason(texts, other),
    }
}

/// Why an objection to the eligibility result is not possible, with its deadline when that
/// is the reason (90 days from the result).
pub fn window_reason(lang: Lang, reason: Option<&str>, deadline: Option<&str>) -> String {
    let closed = lang.texts().account.why_not_window_closed_eligibility;
    why_not(lang, reason, deadline, closed)
}

/// Why an objection to a payment is not possible (90 days from the deposit).
pub fn payment_window_reason(lang: Lang, reason: Option<&str>, deadline: Option<&str>) -> String {
    let closed = lang.texts().account.why_not_window_closed;
    why_not(lang, reason, deadline, closed)
}

fn why_not(lang: Lang, reason: Option<&str>, deadline: Option<&str>, closed: &str) -> String {
    let words = &lang.texts().account;
    match reason {
        Some("payment_not_paid") => words.why_not_payment_not_paid.to_string(),
        Some("already_open") => words.why_not_already_open.to_string(),
        Some("not_ineligible") => words.why_not_not_ineligible.to_string(),
        _ => fill(
            closed,
            &[&deadline
                .map(|d| crate::format::iso_date(lang, d))
                .unwrap_or_default()],
        ),
    }
}
