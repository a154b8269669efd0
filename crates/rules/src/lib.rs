//! The Citizen Account (حساب المواطن) rules, shared by the browser and the server.
//!
//! One module per rule, each opening with the rule in plain words and its source; the
//! contract is `shared/rules-spec.md`. The crate is pure: no IO, no clock, no web, no SQL, no
//! floating point. Every function that depends on "today" takes the assessment date. Invalid
//! input is a typed error whose [`code`](national_id::NationalIdError::code) is the spec's
//! snake_case code, never a silent "not eligible".
//!
//! Module map:
//! - [`normalize`]: typed digits (Arabic-Indic, spaces) to ASCII digits.
//! - [`national_id`]: the 10-digit national ID / iqama number and its Luhn check.
//! - [`iban`]: the Saudi IBAN and its mod-97 check.
//! - [`dates`]: Gregorian [`Date`] and Umm al-Qura [`HijriDate`], converted through ICU4X.
//! - [`age`]: whole years completed, in the calendar the birth date is given in.
//! - [`money`]: [`Halalas`] and the parsing of typed SAR amounts.
//! - [`parameters`]: the dated amounts and ratios, embedded at compile time.
//! - [`eligibility`](mod@eligibility): the applicant's criteria and each dependent's coverage.
//! - [`estimate`](mod@estimate): the monthly support, with the steps that explain it.
//! - [`payment_cycle`]: payment numbers and payment dates.
//! - [`objection_window`]: whether a financial or eligibility objection may be filed.
//! - [`password`]: a new password: long enough, not common, not the national ID.
//! - [`text`]: free text a person types: control characters, invisible-only text.
#![forbid(unsafe_code)]
#![deny(
    clippy::float_arithmetic,
    clippy::float_cmp,
    clippy::cast_precision_loss,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod age;
pub mod dates;
pub mod eligibility;
pub mod estimate;
pub mod iban;
pub mod money;
pub mod national_id;
pub mod normalize;
pub mod objection_window;
pub mod parameters;
pub mod password;
pub mod payment_cycle;
pub mod text;

pub use dates::{Date, DateError, HijriDate, Weekday};
pub use eligibility::{Assessment, Household, assess};
pub use estimate::{Estimate, Steps, estimate};
pub use money::Halalas;

/// Every error code the rules can return, from every error enum, in one list.
///
/// The vector runner uses it to check that every code is exercised by at least one case.
pub fn all_error_codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = Vec::new();
    codes.extend(national_id::NationalIdError::ALL.iter().map(|e| e.code()));
    codes.extend(iban::IbanError::ALL.iter().map(|e| e.code()));
    codes.extend(age::AgeError::ALL.iter().map(|e| e.code()));
    codes.extend(eligibility::HouseholdError::ALL.iter().map(|e| e.code()));
    codes.extend(estimate::EstimateError::ALL.iter().map(|e| e.code()));
    codes.extend(payment_cycle::CycleError::ALL.iter().map(|e| e.code()));
    codes.extend(objection_window::WindowError::ALL.iter().map(|e| e.code()));
    codes.extend(text::TextError::ALL.iter().map(|e| e.code()));
    codes.extend(password::PasswordError::ALL.iter().map(|e| e.code()));
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// Implements `code()`, `ALL`, `Display` and `std::error::Error` for a unit-variant error enum.
macro_rules! error_codes {
    ($ty:ident { $($variant:ident => $code:literal, $text:literal;)+ }) => {
        impl $ty {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The spec's snake_case code, the same string serde writes.
            pub fn code(&self) -> &'static str {
                match self { $($ty::$variant => $code),+ }
            }

            /// A plain-English sentence for logs and developers (pages translate the code).
            pub fn message(&self) -> &'static str {
                match self { $($ty::$variant => $text),+ }
            }
        }

        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, "{}: {}", self.code(), self.message())
            }
        }

        impl std::error::Error for $ty {}
    };
}
pub(crate) use error_codes;

/// Implements `ALL`, `code()` and `from_code()` for a unit-variant value enum whose code is
/// the string serde writes, the one the API, the database and the pages use: one table, both
/// directions.
macro_rules! value_codes {
    ($ty:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $ty {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The snake_case code, the same string serde writes.
            pub const fn code(self) -> &'static str {
                match self { $($ty::$variant => $code),+ }
            }

            /// The variant with this exact code.
            pub fn from_code(code: &str) -> Option<$ty> {
                match code {
                    $($code => Some($ty::$variant),)+
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use value_codes;
