//! The Saudi IBAN of the account the support is paid into.
//!
//! Rule (rules-spec.md, "iban"; domain.md, "Saudi IBAN", from the IBAN registry's SA entry):
//! normalise the typed characters and upper-case them, then check in this order, the first
//! failure wins: `empty`, `wrong_country` (does not start with `SA`), `wrong_length` (not 24
//! characters), `bad_format` (characters 3-6 not digits, or 7-24 not A-Z/0-9), `bad_checksum`
//! (ISO 13616: move the first four characters to the end, letters to numbers A=10 .. Z=35,
//! the number mod 97 must be 1).

use serde::{Deserialize, Serialize};

use crate::normalize::typed_digits;

/// A valid Saudi IBAN.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Iban {
    /// 24 characters, upper case, no spaces.
    pub normalized: String,
}

/// Why a typed IBAN is not valid, with the spec's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IbanError {
    Empty,
    WrongCountry,
    WrongLength,
    BadFormat,
    BadChecksum,
}

crate::error_codes!(IbanError {
    Empty => "empty", "nothing was typed";
    WrongCountry => "wrong_country", "the IBAN does not start with SA";
    WrongLength => "wrong_length", "a Saudi IBAN has 24 characters";
    BadFormat => "bad_format", "the bank code must be digits and the account letters or digits";
    BadChecksum => "bad_checksum", "the check digits do not match";
});

/// Validates a typed Saudi IBAN.
pub fn validate(value: &str) -> Result<Iban, IbanError> {
    let normalized = typed_digits(value).to_uppercase();
    if normalized.is_empty() {
        return Err(IbanError::Empty);
    }
    if !normalized.starts_with("SA") {
        return Err(IbanError::WrongCountry);
    }
    if normalized.chars().count() != 24 {
        return Err(IbanError::WrongLength);
    }
    let bytes = normalized.as_bytes();
    // 24 characters that start with "SA": all ASCII only if the byte length is 24 too.
    let well_formed = bytes.len() == 24
        && bytes
            .get(2..6)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
        && bytes.get(6..).is_some_and(|b| {
            b.iter()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        });
    if !well_formed {
        return Err(IbanError::BadFormat);
    }
    let (head, tail) = bytes.split_at(4);
    if mod97(tail.iter().chain(head)) != 1 {
        return Err(IbanError::BadChecksum);
    }
    Ok(Iban { normalized })
}

/// The two check digits that make `SA` + check digits + `bban` valid, where `bban` is the 20
/// characters after the check digits (2-digit bank code and 18 account characters, upper
/// case). `None` when `bban` is not 20 ASCII digits or upper-case letters.
pub fn check_digits(bban: &str) -> Option<u8> {
    let bytes = bban.as_bytes();
    if bytes.len() != 20
        || !bytes
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        return None;
    }
    let remainder = mod97(bytes.iter().chain(b"SA00"));
    u8::try_from(98 - remainder).ok()
}

/// The ISO 7064 mod-97 remainder of ASCII digits and upper-case letters (A=10 .. Z=35).
fn mod97<'a>(chars: impl Iterator<Item = &'a u8>) -> u32 {
    chars.fold(0u32, |acc, &c| {
        if c.is_ascii_digit() {
            (acc * 10 + u32::from(c - b'0')) % 97
        } else {
            (acc * 100 + u32::from(c - b'A') + 10) % 97
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_example() {
        assert!(validate("SA0380000000608010167519").is_ok());
        assert_eq!(check_digits("80000000608010167519"), Some(3));
    }
}
