//! The shapes that cross the wire between the app and the server.
//!
//! Both sides depend on this crate and nothing else defines a request or a response body,
//! so a change here is a change of the API, seen by the compiler on both sides. Dates are
//! Gregorian `YYYY-MM-DD` strings (the app shows them in Hijri and Gregorian through the
//! browser's `Intl`); amounts are whole SAR, as the rules compute them.

use serde::{Deserialize, Serialize};

/// The prefix of every API path; the app builds its URLs from it.
pub const API_PREFIX: &str = "/api/v1";
/// The session cookie's name (HttpOnly: the app never reads it). The `__Host-` prefix makes
/// the browser refuse it unless it is `Secure`, has `Path=/` and no `Domain`, so no other
/// host or path can plant or shadow it.
pub const SESSION_COOKIE: &str = "__Host-portal_session";
/// The header that makes a retried submission return the first answer.
pub const IDEMPOTENCY_KEY_HEADER: &str = "idempotency-key";
/// The longest objection description, in characters; the app shows a counter.
pub const OBJECTION_DESCRIPTION_MAX: usize = 500;
/// The longest ticket message, in characters.
pub const TICKET_MESSAGE_MAX: usize = 1000;

macro_rules! wire_type {
    ($(#[$meta:meta])* pub struct $name:ident { $($body:tt)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub struct $name { $($body)* }
    };
}

wire_type! {
    /// `GET /ready`: this process takes requests.
    pub struct Ready {
        pub ready: bool,
    }
}

wire_type! {
    /// `GET /health`.
    pub struct Health {
        /// Always "ok" when the server answers at all.
        pub status: String,
        /// The server's package version.
        pub version: String,
        /// Whether the database answered a query.
        pub database: bool,
        /// Whether the server runs with demo data and demo-only endpoints.
        pub demo: bool,
    }
}

wire_type! {
    /// Every error the API returns, whatever the status code.
    ///
    /// `code` is stable and is what the app translates; `message` is English for logs and
    /// developers; `fields` names the inputs at fault, each with its own code.
    pub struct ErrorBody {
        pub code: String,
        pub message: String,
        #[serde(default)]
        pub fields: Vec<FieldError>,
        /// With `locked`: seconds until the national ID may try again.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub retry_after_seconds: Option<u64>,
        /// With `invalid_code`: how many more codes may be tried.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub tries_left: Option<u32>,
    }
}

impl ErrorBody {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.to_owned(),
            message: message.into(),
            fields: Vec::new(),
            retry_after_seconds: None,
            tries_left: None,
        }
    }
}

wire_type! {
    /// One input at fault: which field and the code of what is wrong with it.
    pub struct FieldError {
        pub field: String,
        pub code: String,
    }
}

/// The stable error codes of the API. Field codes are the rules' codes (`bad_checksum`, ...)
/// or the ones below.
pub mod codes {
    pub const NOT_FOUND: &str = "not_found";
    pub const METHOD_NOT_ALLOWED: &str = "method_not_allowed";
    pub const INTERNAL: &str = "internal";
    pub const INVALID_JSON: &str = "invalid_json";
    pub const VALIDATION_FAILED: &str = "validation_failed";
    pub const PAYLOAD_TOO_LARGE: &str = "payload_too_large";
    pub const UNSUPPORTED_MEDIA_TYPE: &str = "unsupported_media_type";
    pub const INVALID_CREDENTIALS: &str = "invalid_credentials";
    pub const LOCKED: &str = "locked";
    pub const INVALID_CODE: &str = "invalid_code";
    pub const CODE_EXPIRED: &str = "code_expired";
    pub const TOO_MANY_ATTEMPTS: &str = "too_many_attempts";
    pub const RESEND_TOO_SOON: &str = "resend_too_soon";
    pub const UNAUTHENTICATED: &str = "unauthenticated";
    pub const BAD_ORIGIN: &str = "bad_origin";
    pub const IDEMPOTENCY_KEY_REUSED: &str = "idempotency_key_reused";
    /// Too many verification codes sent to this account within the hour.
    pub const TOO_MANY_CODES: &str = "too_many_codes";
    /// Too many wrong sign-ins from this network address (spraying many IDs).
    pub const TOO_MANY_REQUESTS: &str = "too_many_requests";
    /// The server is at its limit of work (password checks); try again shortly.
    pub const BUSY: &str = "busy";
    /// The request took longer than the server allows.
    pub const TIMEOUT: &str = "timeout";
    /// This process should not get requests now (`GET /ready`).
    pub const NOT_READY: &str = "not_ready";
    /// Field codes.
    pub const REQUIRED: &str = "required";
    pub const TOO_LONG: &str = "too_long";
    pub const UNKNOWN_VALUE: &str = "unknown_value";
    pub const NOT_YOURS: &str = "not_yours";
    /// A control character (NUL, ...) or a bidi override in a text field or a path.
    pub const CONTROL_CHARACTER: &str = "control_character";
}

// ---- session ------------------------------------------------------------------------------

wire_type! {
    /// `POST /session`: the first step of logging in.
    pub struct StartSession {
        /// Typed as the user typed it: ten digits (ASCII, Arabic-Indic or Extended
        /// Arabic-Indic; spaces are dropped), the first 1 or 2, the last a Luhn check digit
        /// over all ten (format `saudi-national-id`). Anything else is 422 with the rules'
        /// code (`empty`, `not_digits`, `wrong_length`, `bad_prefix`, `bad_checksum`).
        #[cfg_attr(feature = "openapi", schema(format = "saudi-national-id"))]
        pub national_id: String,
        /// Any text without control characters (but tab, line feed, carriage return).
        #[cfg_attr(feature = "openapi", schema(min_length = 1,
            pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"))]
        pub password: String,
    }
}

wire_type! {
    /// A verification code was sent by SMS.
    pub struct ChallengeSent {
        /// Names this login attempt in `verify` and `resend`.
        pub challenge_id: String,
        /// The mobile number the code went to, e.g. `05******67`.
        pub masked_mobile: String,
        /// How long the code is valid.
        pub expires_in_seconds: u64,
        /// How long before another code may be asked for.
        pub resend_after_seconds: u64,
    }
}

wire_type! {
    /// `POST /session/verify`: the code from the SMS.
    pub struct VerifyCode {
        /// From [`ChallengeSent`]; an unknown one is 401 `code_expired`.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[A-Za-z0-9_-]{43}$"))]
        pub challenge_id: String,
        /// The six digits of the SMS; Arabic-Indic digits and spaces are accepted.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[ \u00A0]*(?:[0-9\u0660-\u0669\u06F0-\u06F9][ \u00A0]*){6}$"))]
        pub code: String,
    }
}

wire_type! {
    /// `POST /session/resend`: send a new code for the same attempt.
    pub struct ResendCode {
        /// From [`ChallengeSent`]; an unknown one is 401 `code_expired`.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[A-Za-z0-9_-]{43}$"))]
        pub challenge_id: String,
    }
}

wire_type! {
    /// The signed-in session's clock: after verify, extend, and in `GET /me`.
    pub struct SessionInfo {
        /// Seconds until the session ends unless used (15 minutes after the last request).
        pub idle_expires_in_seconds: u64,
        /// Seconds until the session ends whatever happens (8 hours after login).
        pub absolute_expires_in_seconds: u64,
    }
}

// ---- password reset ("نسيت كلمة المرور؟") ------------------------------------------------------

wire_type! {
    /// `POST /password-reset`: the first step of choosing a new password.
    pub struct StartPasswordReset {
        /// As in [`StartSession`]: ten digits, ASCII or Arabic-Indic (format `saudi-national-id`).
        #[cfg_attr(feature = "openapi", schema(format = "saudi-national-id"))]
        pub national_id: String,
        /// The birth date as recorded, `YYYY-MM-DD`: Umm al-Qura Hijri for a citizen (an ID
        /// starting 1), Gregorian for a resident (2). Arabic-Indic digits are accepted. Not of
        /// that shape: 422 `bad_date`.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[ \u00A0]*[0-9\u0660-\u0669\u06F0-\u06F9]{4}-(?:[0\u0660\u06F0]?[1-9\u0661-\u0669\u06F1-\u06F9]|[1\u0661\u06F1][0-2\u0660-\u0662\u06F0-\u06F2])-(?:[0\u0660\u06F0]?[1-9\u0661-\u0669\u06F1-\u06F9]|[12\u0661\u0662\u06F1\u06F2][0-9\u0660-\u0669\u06F0-\u06F9]|[3\u0663\u06F3][01\u0660\u0661\u06F0\u06F1])[ \u00A0]*$"))]
        pub birth_date: String,
    }
}

wire_type! {
    /// The answer to [`StartPasswordReset`], the same whether or not the ID exists and the
    /// birth date matches: a code is sent by SMS to the registered mobile only when both do.
    pub struct PasswordResetStarted {
        /// Names this reset in `complete`.
        pub challenge_id: String,
        /// How long the code is valid.
        pub expires_in_seconds: u64,
    }
}

wire_type! {
    /// `POST /password-reset/complete`: the code from the SMS and the new password.
    pub struct CompletePasswordReset {
        /// From [`PasswordResetStarted`]; an unknown one is 401 `code_expired`.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[A-Za-z0-9_-]{43}$"))]
        pub challenge_id: String,
        /// The six digits of the SMS; Arabic-Indic digits and spaces are accepted.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[ \u00A0]*(?:[0-9\u0660-\u0669\u06F0-\u06F9][ \u00A0]*){6}$"))]
        pub code: String,
        /// At least 8 characters, not a common password, not containing the national ID
        /// (422 `too_short`, `too_common`, `contains_national_id`), at most 256 (`too_long`);
        /// no control character (tab and line feed included) and no bidi override
        /// (`control_character`).
        #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 256,
            pattern = r"^[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*$"))]
        pub new_password: String,
    }
}

// ---- me -----------------------------------------------------------------------------------

wire_type! {
    /// `GET /me`: who is signed in.
    pub struct Me {
        pub national_id: String,
        pub name_ar: String,
        pub name_en: String,
        /// `head` or `independent`.
        pub kind: String,
        /// `saudi`, `mobility_card` or `non_saudi`.
        pub nationality: String,
        pub masked_mobile: String,
        /// Absent when no bank account is recorded.
        pub masked_iban: Option<String>,
        pub session: SessionInfo,
    }
}

// ---- eligibility --------------------------------------------------------------------------

wire_type! {
    /// `GET /eligibility`: the latest authoritative result.
    pub struct EligibilityView {
        /// The date of the assessment.
        pub assessed_on: String,
        /// Whether the household is eligible (the applicant passes every criterion and no
        /// record-based reason applies).
        pub eligible: bool,
        /// The applicant first, then each dependent in order.
        pub members: Vec<MemberEligibility>,
        /// Whether an eligibility objection may be filed now, and until when.
        pub objection: ObjectionWindowView,
        /// The monthly support this assessment estimated, whole SAR (0 when not eligible):
        /// the next payment's expected amount. Absent for a result stored before it was
        /// recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub monthly_support: Option<i64>,
    }
}

wire_type! {
    /// One member's status.
    pub struct MemberEligibility {
        /// `applicant` or `dependent-N` (1-based); objections name a member by it.
        pub member: String,
        /// `applicant`, `spouse`, `child` or `other`.
        pub relation: String,
        /// A dependent's `male` or `female`, so the words can say الزوجة / الزوج, ابن /
        /// ابنة; absent for the applicant and where not recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub sex: Option<String>,
        pub name_ar: String,
        pub name_en: String,
        pub eligible: bool,
        /// Reason codes: the rules' (`under_18`, `no_bank_account`, ...) and record-based
        /// ones (`commercial_registration`, `data_mismatch`).
        pub reasons: Vec<String>,
    }
}

wire_type! {
    /// What the shared objection-window rule says.
    pub struct ObjectionWindowView {
        pub allowed: bool,
        /// Why not, when not allowed: `payment_not_paid`, `window_closed`, `already_open`,
        /// `not_ineligible`.
        pub reason: Option<String>,
        /// The last day an objection may be filed.
        pub deadline: Option<String>,
    }
}

// ---- payments -----------------------------------------------------------------------------

wire_type! {
    /// One monthly payment, as listed.
    pub struct PaymentSummary {
        /// The payment number: December 2017 is 1.
        pub cycle: u32,
        /// The deposit date.
        pub date: String,
        /// Whole SAR.
        pub amount: i64,
        /// `paid`, `processing`, `none` or `returned`.
        pub status: String,
    }
}

wire_type! {
    /// `GET /payments/{cycle}`: one payment with the reasoning behind its amount.
    pub struct PaymentDetail {
        pub payment: PaymentSummary,
        /// Each member's amount, the cap, the income reduction: the rules' own steps, stored
        /// with the payment when it was computed.
        #[cfg_attr(feature = "openapi", schema(value_type = Object))]
        pub steps: Option<rules::Steps>,
        /// Whether a financial objection may be filed now, and until when.
        pub objection: ObjectionWindowView,
    }
}

// ---- objections ---------------------------------------------------------------------------

wire_type! {
    /// `POST /objections` (with an `Idempotency-Key` header).
    pub struct NewObjection {
        /// `financial` (on a payment) or `eligibility` (on the latest result).
        #[cfg_attr(feature = "openapi", schema(schema_with = openapi::objection_kind))]
        pub kind: String,
        /// With `financial`: the payment number (one of the beneficiary's payments, else 422
        /// `unknown_value`).
        #[serde(default, deserialize_with = "whole_number")]
        #[cfg_attr(feature = "openapi", schema(minimum = 1))]
        pub cycle: Option<u32>,
        /// With `eligibility`: `applicant` or `dependent-N` (a member of the latest result,
        /// else 422 `unknown_value`).
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(pattern = r"^(applicant|dependent-[1-9][0-9]*)$"))]
        pub member: Option<String>,
        /// Financial: `short_payment` or `zero_payment`. Eligibility: the reason objected to,
        /// one of the member's reasons in the latest result. Else 422 `unknown_value`.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[a-z][a-z0-9_]*$"))]
        pub reason: String,
        /// At most [`OBJECTION_DESCRIPTION_MAX`] characters once trimmed; at least one
        /// visible character; no control characters but tab, line feed, carriage return.
        #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500,
            pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*[^\u0000-\u0020\u007F-\u00A0\u061C\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F\u2060\u2066-\u2069\u3000\uFEFF][^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"))]
        pub description: String,
    }
}

wire_type! {
    /// An objection as filed.
    pub struct Objection {
        /// The reference to quote to customer service.
        pub reference: String,
        pub kind: String,
        pub cycle: Option<u32>,
        pub member: Option<String>,
        pub reason: String,
        pub description: String,
        /// `under_review`, `accepted` or `rejected`.
        pub status: String,
        /// The date it was filed.
        pub filed_on: String,
    }
}

/// Reasons of a financial objection.
pub const FINANCIAL_OBJECTION_REASONS: &[&str] = &["short_payment", "zero_payment"];

// ---- tickets ("صوتك مسموع") ----------------------------------------------------------------

/// Categories of a ticket.
pub const TICKET_CATEGORIES: &[&str] = &["account", "registration", "eligibility", "payments"];

wire_type! {
    /// `POST /tickets`.
    pub struct NewTicket {
        /// One of [`TICKET_CATEGORIES`].
        #[cfg_attr(feature = "openapi", schema(schema_with = openapi::ticket_category))]
        pub category: String,
        /// At most [`TICKET_MESSAGE_MAX`] characters once trimmed; at least one visible
        /// character; no control characters but tab, line feed, carriage return.
        #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000,
            pattern = r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*[^\u0000-\u0020\u007F-\u00A0\u061C\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F\u2060\u2066-\u2069\u3000\uFEFF][^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"))]
        pub message: String,
    }
}

wire_type! {
    /// A ticket and its status.
    pub struct Ticket {
        pub reference: String,
        pub category: String,
        pub message: String,
        /// `open`, `answered` or `closed`.
        pub status: String,
        /// The answer, once there is one.
        pub answer: Option<String>,
        pub opened_on: String,
    }
}

/// A payment number however JSON spells a whole number (`7` or `7.0`, as JSON Schema
/// allows); anything else is refused.
fn whole_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u32>, D::Error> {
    struct Whole;
    impl serde::de::Visitor<'_> for Whole {
        type Value = Option<u32>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a whole number of at most 4294967295, or null")
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Self::Value, E> {
            u32::try_from(value)
                .map(Some)
                .map_err(|_| E::custom("too large"))
        }
        fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Self::Value, E> {
            u64::try_from(value)
                .map_err(|_| E::custom("negative"))
                .and_then(|value| self.visit_u64(value))
        }
        fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Self::Value, E> {
            if value.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&value) {
                Ok(Some(value as u32))
            } else {
                Err(E::custom("not a whole number"))
            }
        }
    }
    deserializer.deserialize_any(Whole)
}

/// A typed SAR amount: a decimal string, or a whole number however JSON spells it (`4500` or
/// `4500.0`: the float is only ever a whole number read exactly, never money with decimals).
fn sar_amount<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<rules::money::SarAmount>, D::Error> {
    use rules::money::SarAmount;
    struct Amount;
    impl serde::de::Visitor<'_> for Amount {
        type Value = Option<SarAmount>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an amount in SAR as a string or a whole number, or null")
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Self::Value, E> {
            Ok(Some(SarAmount::Text(value.to_owned())))
        }
        fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Self::Value, E> {
            Ok(Some(SarAmount::Whole(value)))
        }
        fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Self::Value, E> {
            i64::try_from(value)
                .map(|value| Some(SarAmount::Whole(value)))
                .map_err(|_| E::custom("too large"))
        }
        fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Self::Value, E> {
            if value.fract() == 0.0 && value.abs() <= 9_007_199_254_740_991.0 {
                Ok(Some(SarAmount::Whole(value as i64)))
            } else {
                Err(E::custom("an amount with decimals is sent as a string"))
            }
        }
    }
    deserializer.deserialize_any(Amount)
}

/// A record's id however JSON spells a whole number (`42` or `42.0`), up to 2^53 - 1, the
/// largest a JSON number holds exactly; anything else is refused.
fn whole_id<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    const MAX: i64 = 9_007_199_254_740_991;
    struct Whole;
    impl serde::de::Visitor<'_> for Whole {
        type Value = Option<i64>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a whole number of at most 9007199254740991, or null")
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Self::Value, E> {
            if (-MAX..=MAX).contains(&value) {
                Ok(Some(value))
            } else {
                Err(E::custom("too large"))
            }
        }
        fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Self::Value, E> {
            i64::try_from(value)
                .map_err(|_| E::custom("too large"))
                .and_then(|value| self.visit_i64(value))
        }
        fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Self::Value, E> {
            // Exact: every whole f64 of at most 2^53 in size is an i64.
            if value.fract() == 0.0 && value.abs() <= MAX as f64 {
                Ok(Some(value as i64))
            } else {
                Err(E::custom("not a whole number"))
            }
        }
    }
    deserializer.deserialize_any(Whole)
}

/// Schemas the derive cannot say: closed sets of values kept as strings on the wire.
#[cfg(feature = "openapi")]
mod openapi {
    use utoipa::openapi::schema::{Object, ObjectBuilder, Type};

    fn one_of(values: &[&str], description: &str) -> Object {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(values.iter().copied()))
            .description(Some(description))
            .build()
    }

    pub fn objection_kind() -> Object {
        one_of(
            &["financial", "eligibility"],
            "`financial` (on a payment) or `eligibility` (on the latest result).",
        )
    }

    pub fn ticket_category() -> Object {
        one_of(super::TICKET_CATEGORIES, "The ticket's category.")
    }
}

// ---- household changes ("تحديث البيانات") -------------------------------------------------

/// The most change requests a household may have under review at once; one more is 409
/// `too_many_open_changes`.
pub const OPEN_HOUSEHOLD_CHANGES_MAX: usize = 5;
/// The longest name of a dependent to add, in characters.
pub const MEMBER_NAME_MAX: usize = 100;
/// The highest monthly household income a change may declare, in SAR (anything above is
/// taken for a typing slip: 422 `too_large`).
pub const HOUSEHOLD_INCOME_MAX_SAR: i64 = 1_000_000;

wire_type! {
    /// `GET /me/household`: the household as recorded, as the shared rules read it, so the app
    /// can build a `rules::Household` (today's, and one with a change) and assess both.
    pub struct HouseholdView {
        pub applicant: HouseholdApplicant,
        /// Every dependent, in the recorded order.
        pub members: Vec<HouseholdMember>,
        /// The household's monthly income in SAR with two decimals, e.g. `"4500.00"`.
        pub monthly_income_sar: String,
        /// A commercial registration in government records: not eligible whatever the rules
        /// say (a record-based reason, `commercial_registration`).
        pub commercial_registration: bool,
    }
}

wire_type! {
    /// The applicant, as the rules read them.
    pub struct HouseholdApplicant {
        pub name_ar: String,
        pub name_en: String,
        /// `head` or `independent`.
        pub kind: String,
        /// As recorded, `YYYY-MM-DD` in `calendar`.
        pub birth_date: String,
        /// `hijri` or `gregorian`.
        pub calendar: String,
        /// `saudi`, `mobility_card` or `non_saudi`.
        pub nationality: String,
        pub resident_last_3_months: bool,
        pub detained_or_sheltered: bool,
        /// A bank account is recorded.
        pub bank_account: bool,
        /// The recorded IBAN passes the IBAN rule (the IBAN itself is not sent; with
        /// `bank_account` and not this, the rules say `invalid_iban`).
        pub iban_valid: bool,
        pub housing_proof: bool,
    }
}

wire_type! {
    /// One dependent as recorded.
    pub struct HouseholdMember {
        /// Names the member in a `remove_dependent` change.
        pub id: i64,
        /// `spouse`, `child` or `other`.
        pub relation: String,
        /// `male` or `female`; absent when not recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub sex: Option<String>,
        pub name_ar: String,
        pub name_en: String,
        /// As recorded, `YYYY-MM-DD` in `calendar`.
        pub birth_date: String,
        /// `hijri` or `gregorian`.
        pub calendar: String,
        /// `saudi`, `mobility_card` or `non_saudi`.
        pub nationality: String,
    }
}

wire_type! {
    /// `POST /me/household-changes` (with an `Idempotency-Key` header): one change. Which
    /// members apply depends on `kind`; the others are ignored. Every field at fault is 422
    /// `validation_failed` with its code.
    pub struct NewHouseholdChange {
        /// `add_dependent`, `remove_dependent` or `income` (else `unknown_value`).
        #[cfg_attr(feature = "openapi", schema(pattern = r"^(add_dependent|remove_dependent|income)$"))]
        pub kind: String,
        /// add_dependent: `spouse`, `child` or `other` (`required`, `unknown_value`).
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(pattern = r"^(spouse|child|other)$"))]
        pub relation: Option<String>,
        /// add_dependent: `male` or `female` (`required`, `unknown_value`).
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(pattern = r"^(male|female)$"))]
        pub sex: Option<String>,
        /// add_dependent: the name, at most [`MEMBER_NAME_MAX`] characters once trimmed, at
        /// least one visible character, one line (`required`, `too_long`,
        /// `control_character`).
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(max_length = 100))]
        pub name: Option<String>,
        /// add_dependent: `YYYY-MM-DD` in `calendar`, Arabic-Indic digits accepted; the age
        /// rule's codes (`required`, `bad_date`, `out_of_range`, `birth_in_future`).
        #[serde(default)]
        pub birth_date: Option<String>,
        /// add_dependent: `hijri` (Umm al-Qura) or `gregorian` (`required`, `unknown_value`).
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(pattern = r"^(hijri|gregorian)$"))]
        pub calendar: Option<String>,
        /// add_dependent: `saudi`, `mobility_card` or `non_saudi` (`required`,
        /// `unknown_value`).
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(pattern = r"^(saudi|mobility_card|non_saudi)$"))]
        pub nationality: Option<String>,
        /// remove_dependent: a member of this household ([`HouseholdMember::id`]; another
        /// household's or no one's is `unknown_value`; one an open request already removes
        /// is `already_requested`).
        #[serde(default, deserialize_with = "whole_id")]
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 9_007_199_254_740_991_i64))]
        pub member_id: Option<i64>,
        /// income: the new monthly household income in SAR, a whole number or a decimal
        /// string with at most 2 decimals, Arabic-Indic digits accepted; the money rule's
        /// codes (`required`, `negative_income`, `too_much_precision`, `bad_amount`), above
        /// [`HOUSEHOLD_INCOME_MAX_SAR`] `too_large`, the recorded income `unchanged`.
        #[serde(default, deserialize_with = "sar_amount")]
        #[cfg_attr(feature = "openapi", schema(schema_with = household_openapi::sar_amount))]
        pub monthly_income_sar: Option<rules::money::SarAmount>,
    }
}

wire_type! {
    /// The first payment a change applies to, by the shared rule
    /// (`rules::payment_cycle::first_cycle_for_change`): accepted on or before the 10th of a
    /// month, next month's payment; after the 10th, the payment after that.
    pub struct ChangeAppliesFrom {
        /// The payment number (December 2017 is 1).
        pub number: u32,
        /// Its deposit date.
        pub date: String,
    }
}

wire_type! {
    /// A household change request as filed (normalised), with its status.
    pub struct HouseholdChange {
        /// The reference to quote to customer service, e.g. `HC-00000042`.
        pub reference: String,
        /// `add_dependent`, `remove_dependent` or `income`.
        pub kind: String,
        /// `under_review`, `accepted` or `rejected`.
        pub status: String,
        /// The day it was filed.
        pub submitted_on: String,
        /// The first payment it would apply to, once accepted.
        pub applies_from: ChangeAppliesFrom,
        /// add_dependent: the member to add.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub relation: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub sex: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub name: Option<String>,
        /// As recorded, ASCII digits, `YYYY-MM-DD` in `calendar`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub birth_date: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub calendar: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub nationality: Option<String>,
        /// remove_dependent: the member and their names.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub member_id: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub member_name_ar: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub member_name_en: Option<String>,
        /// income: the new monthly income, SAR with two decimals.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub monthly_income_sar: Option<String>,
    }
}

/// The typed SAR amount's schema: a whole number or a decimal string.
#[cfg(feature = "openapi")]
mod household_openapi {
    use utoipa::openapi::{
        RefOr, Schema,
        schema::{ObjectBuilder, OneOfBuilder, Type},
    };

    pub fn sar_amount() -> RefOr<Schema> {
        let schema: Schema = OneOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(0))
                    // JSON's exact integers; larger ones are not read as a number at all.
                    .maximum(Some(9_007_199_254_740_991_i64)),
            )
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .max_length(Some(32))
                    .description(Some(
                        "SAR with at most two decimals, ASCII or Arabic-Indic digits, `.` or `٫`",
                    )),
            )
            .item(ObjectBuilder::new().schema_type(Type::Null))
            .build()
            .into();
        RefOr::T(schema)
    }
}

// ---- demo ---------------------------------------------------------------------------------

wire_type! {
    /// `GET /dev/sms-outbox` (demo mode only): a message the built-in SMS sender "sent".
    pub struct SmsMessage {
        pub national_id: String,
        pub mobile: String,
        pub code: String,
        pub message: String,
        /// RFC 3339, UTC.
        pub sent_at: String,
    }
}

// ---- this instance --------------------------------------------------------------------------

wire_type! {
    /// `GET /instance`: who runs this copy of the portal, so the app can say so. Read from the
    /// server's settings at run time: nothing about one deployment is compiled into the app.
    pub struct Instance {
        /// Demo mode: made-up accounts; the app says this is not the official portal.
        pub demo: bool,
        /// The operator's name in Arabic (`--operator-ar`); always set outside demo mode.
        pub operator_ar: Option<String>,
        /// The operator's name in English (`--operator-en`); always set outside demo mode.
        pub operator_en: Option<String>,
    }
}

// ---- bank account ("الحساب البنكي") -------------------------------------------------------

/// The field code of a new IBAN that is already the registered one.
pub const SAME_IBAN: &str = "same_iban";

wire_type! {
    /// The first payment a change applies to, by the shared rule
    /// (`rules::payment_cycle::first_cycle_for_change`): accepted on or before the 10th of a
    /// month, next month's payment; after the 10th, the payment after that.
    pub struct BankChangeFirstPayment {
        /// The payment number (December 2017 is 1).
        pub number: u32,
        /// Its deposit date.
        pub date: String,
    }
}

wire_type! {
    /// The latest change of the bank account.
    pub struct BankAccountChange {
        /// The day it was made (Riyadh).
        pub changed_on: String,
        /// The first payment paid into the new account.
        pub applies_from: BankChangeFirstPayment,
    }
}

wire_type! {
    /// `GET /me/bank-account`: the registered account, masked, and its latest change.
    pub struct BankAccount {
        /// The IBAN with all but its first and last four characters hidden; absent when no
        /// bank account is recorded.
        pub masked_iban: Option<String>,
        /// Absent when the account was never changed here.
        pub last_change: Option<BankAccountChange>,
    }
}

wire_type! {
    /// `PUT /me/bank-account`: the new IBAN and the step-up code that confirms it.
    pub struct ChangeBankAccount {
        /// A Saudi IBAN: `SA`, two check digits, 20 letters or digits, 24 characters in all,
        /// the ISO 13616 mod-97 check (format `saudi-iban`). Spaces, lower case and
        /// Arabic-Indic digits are accepted. Anything else is 422 with the rule's code
        /// (`empty`, `wrong_country`, `wrong_length`, `bad_format`, `bad_checksum`); the IBAN
        /// already registered is 422 `same_iban`.
        #[cfg_attr(feature = "openapi", schema(format = "saudi-iban"))]
        pub iban: String,
        /// From `POST /me/bank-account/code` ([`ChallengeSent`]); another one (a sign-in's, a
        /// password reset's, another account's) is 401 `code_expired`.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[A-Za-z0-9_-]{43}$"))]
        pub challenge_id: String,
        /// The six digits of the SMS; Arabic-Indic digits and spaces are accepted.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[ \u00A0]*(?:[0-9\u0660-\u0669\u06F0-\u06F9][ \u00A0]*){6}$"))]
        pub code: String,
    }
}

wire_type! {
    /// The answer to [`ChangeBankAccount`]: the change is made.
    pub struct BankAccountChanged {
        /// The new IBAN, masked.
        pub masked_iban: String,
        /// The first payment paid into the new account.
        pub applies_from: BankChangeFirstPayment,
        /// Whether the notice of the change was sent by SMS to the registered mobile (the
        /// change stands even when the SMS provider failed).
        pub notice_sent: bool,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_member_id_may_be_spelled_as_any_whole_number() {
        let parse = |member_id: &str| {
            serde_json::from_str::<NewHouseholdChange>(&format!(
                r#"{{"kind": "remove_dependent", "member_id": {member_id}}}"#
            ))
            .map(|change| change.member_id)
        };
        assert_eq!(parse("42").ok(), Some(Some(42)));
        assert_eq!(parse("-76634.0").ok(), Some(Some(-76634)));
        assert_eq!(parse("null").ok(), Some(None));
        assert!(parse("4.5").is_err());
        assert!(parse("1e300").is_err());
        assert!(parse("9007199254740992").is_err());
    }

    #[test]
    fn an_income_may_be_a_string_or_any_whole_number() {
        use rules::money::SarAmount;
        let parse = |income: &str| {
            serde_json::from_str::<NewHouseholdChange>(&format!(
                r#"{{"kind": "income", "monthly_income_sar": {income}}}"#
            ))
            .map(|change| change.monthly_income_sar)
        };
        assert_eq!(parse("4500").ok(), Some(Some(SarAmount::Whole(4500))));
        assert_eq!(
            parse("1234511.0").ok(),
            Some(Some(SarAmount::Whole(1_234_511)))
        );
        assert_eq!(
            parse(r#""4500.50""#).ok(),
            Some(Some(SarAmount::Text("4500.50".into())))
        );
        assert_eq!(parse("null").ok(), Some(None));
        assert!(parse("4500.5").is_err());
        assert!(parse("1e300").is_err());
    }

    #[test]
    fn a_payment_number_may_be_spelled_as_any_whole_number() {
        let parse = |cycle: &str| {
            serde_json::from_str::<NewObjection>(&format!(
                r#"{{"kind":"financial","cycle":{cycle},"reason":"short_payment","description":"x"}}"#
            ))
            .map(|objection| objection.cycle)
        };
        assert_eq!(parse("7").ok(), Some(Some(7)));
        assert_eq!(parse("7.0").ok(), Some(Some(7)));
        assert_eq!(parse("null").ok(), Some(None));
        for wrong in ["7.5", "-1", "4294967296", "\"7\""] {
            assert!(parse(wrong).is_err(), "{wrong}");
        }
    }

    use super::*;

    #[test]
    fn error_body_without_optional_parts_reads_back() {
        let body: ErrorBody =
            serde_json::from_str(r#"{"code":"not_found","message":"no such path"}"#)
                .expect("valid JSON");
        assert_eq!(body.code, codes::NOT_FOUND);
        assert!(body.fields.is_empty());
        assert_eq!(body.retry_after_seconds, None);
    }

    #[test]
    fn optional_error_parts_are_left_out_when_absent() {
        let json =
            serde_json::to_string(&ErrorBody::new(codes::LOCKED, "locked")).expect("serialises");
        assert!(!json.contains("retry_after_seconds"));
        assert!(json.contains(r#""fields":[]"#));
    }
}
