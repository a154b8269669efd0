//! The national ID (citizens) and iqama number (residents).
//!
//! Rule (rules-spec.md, "national_id"; domain.md, "National ID / iqama number"): normalise the
//! typed digits, then check in this order, the first failure wins: `empty`, `not_digits`,
//! `wrong_length` (not 10 digits), `bad_prefix` (first digit not 1 or 2), `bad_checksum`.
//! The first digit tells the kind: 1 citizen, 2 resident. The last digit is a Luhn check over
//! all ten digits: from the left, double the digits at 0-based positions 0, 2, 4, 6, 8
//! (subtracting 9 from a result above 9), add all ten values; valid when the sum is divisible
//! by 10. Source: public validators (alhazmy13/Saudi-ID-Validator,
//! malzaid0/saudi-id-validator-npm); snippets that use mod 11 are wrong.

use serde::{Deserialize, Serialize};

use crate::normalize::typed_digits;

/// Who the number belongs to, from its first digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// First digit 1: a Saudi citizen's national ID.
    Citizen,
    /// First digit 2: a resident's iqama number.
    Resident,
}

/// A valid national ID or iqama number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NationalId {
    /// Citizen or resident.
    pub kind: IdKind,
    /// The ten ASCII digits.
    pub normalized: String,
}

/// Why a typed number is not a valid national ID, with the spec's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NationalIdError {
    Empty,
    NotDigits,
    WrongLength,
    BadPrefix,
    BadChecksum,
}

crate::error_codes!(NationalIdError {
    Empty => "empty", "nothing was typed";
    NotDigits => "not_digits", "the number contains a character that is not a digit";
    WrongLength => "wrong_length", "the number does not have 10 digits";
    BadPrefix => "bad_prefix", "the number does not start with 1 or 2";
    BadChecksum => "bad_checksum", "the check digit does not match";
});

/// Validates a typed national ID or iqama number.
pub fn validate(value: &str) -> Result<NationalId, NationalIdError> {
    let normalized = typed_digits(value);
    if normalized.is_empty() {
        return Err(NationalIdError::Empty);
    }
    if !normalized.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NationalIdError::NotDigits);
    }
    if normalized.len() != 10 {
        return Err(NationalIdError::WrongLength);
    }
    let kind = match normalized.as_bytes().first() {
        Some(b'1') => IdKind::Citizen,
        Some(b'2') => IdKind::Resident,
        _ => return Err(NationalIdError::BadPrefix),
    };
    if !luhn_sum(normalized.bytes()).is_multiple_of(10) {
        return Err(NationalIdError::BadChecksum);
    }
    Ok(NationalId { kind, normalized })
}

/// The check digit that makes `first_nine` (nine ASCII digits) a valid number, or `None` when
/// the input is not nine ASCII digits.
pub fn check_digit(first_nine: &str) -> Option<u8> {
    if first_nine.len() != 9 || !first_nine.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The check digit sits at position 9, which is not doubled.
    let sum = luhn_sum(first_nine.bytes());
    u8::try_from((10 - sum % 10) % 10).ok()
}

/// The Luhn sum of ASCII digits, doubling the even 0-based positions.
fn luhn_sum(digits: impl Iterator<Item = u8>) -> u32 {
    digits
        .enumerate()
        .map(|(position, byte)| {
            let value = u32::from(byte - b'0');
            if position.is_multiple_of(2) {
                let doubled = value * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                value
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_examples() {
        assert_eq!(
            validate("1000000008").map(|id| id.kind),
            Ok(IdKind::Citizen)
        );
        assert_eq!(
            validate("2000000006").map(|id| id.kind),
            Ok(IdKind::Resident)
        );
        assert!(validate("1234567897").is_ok());
        assert_eq!(validate("1000000000"), Err(NationalIdError::BadChecksum));
        assert_eq!(check_digit("123456789"), Some(7));
    }
}
