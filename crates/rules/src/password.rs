//! A new password a person chooses (forgot password, `/login/reset`).
//!
//! Rule (issue "Self-service a beneficiary expects", OWASP ASVS 2.1.1 / 2.1.7, NIST SP 800-63B
//! 5.1.1.2): a new password is refused when it is
//! - shorter than 8 characters (`too_short`), counted as characters, not bytes, so Arabic
//!   letters count one each;
//! - one of the passwords people choose most, here and elsewhere (`too_common`), compared
//!   without regard to case, with Arabic-Indic digits read as digits, since a keyboard switch
//!   does not make `١٢٣٤٥٦٧٨` any stronger than `12345678`;
//! - the national ID, or contains it (`contains_national_id`): the ID is written on many
//!   papers and is the first thing an attacker tries.
//!
//! No rule on character classes: NIST advises against them (they push people to `Password1`,
//! which is in the list instead).

/// Why a new password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PasswordError {
    TooShort,
    TooCommon,
    ContainsNationalId,
}

crate::error_codes!(PasswordError {
    TooShort => "too_short", "the password is shorter than 8 characters";
    TooCommon => "too_common", "the password is one of the most common passwords";
    ContainsNationalId => "contains_national_id", "the password contains the national ID";
});

/// The fewest characters a password may have.
pub const MIN_LENGTH: usize = 8;

/// Passwords of 8 characters or more that people choose most (lists of leaked passwords, and
/// what a Saudi keyboard makes of them: Latin keys typed with the Arabic layout on, e.g.
/// `password` -> `حشسسصخقي`, `qwertyui` -> `ضصثقفغعه`). Lower case; compared in lower case.
const COMMON: &[&str] = &[
    "12345678",
    "123456789",
    "1234567890",
    "0123456789",
    "87654321",
    "11111111",
    "00000000",
    "12341234",
    "11223344",
    "12121212",
    "1q2w3e4r",
    "password",
    "password1",
    "password123",
    "p@ssw0rd",
    "passw0rd",
    "qwerty123",
    "qwertyui",
    "qwertyuiop",
    "1qaz2wsx",
    "aa123456",
    "abc12345",
    "abcd1234",
    "iloveyou",
    "sunshine",
    "princess",
    "football",
    "welcome1",
    "admin123",
    "ksa12345",
    "saudi123",
    "saudiarabia",
    "ضصثقفغعه",
    "ضصثقفغعهخح",
    "حشسسصخقي",
    "شسيبتنمك",
    "ابتثجحخد",
    "السعودية",
    "محمد1234",
    "بسماللهالرحمنالرحيم",
];

/// Checks a new password for the account of `national_id` (ASCII digits, as
/// [`crate::national_id::validate`] gives it).
pub fn check(password: &str, national_id: &str) -> Result<(), PasswordError> {
    if password.chars().count() < MIN_LENGTH {
        return Err(PasswordError::TooShort);
    }
    let folded = password
        .chars()
        .map(crate::normalize::ascii_digit)
        .collect::<String>()
        .to_lowercase();
    if !national_id.is_empty() && folded.contains(national_id) {
        return Err(PasswordError::ContainsNationalId);
    }
    if COMMON.contains(&folded.as_str()) {
        return Err(PasswordError::TooCommon);
    }
    Ok(())
}
