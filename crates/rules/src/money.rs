//! Money: integer halalas, and typed SAR amounts.
//!
//! Rule (rules-spec.md, "Conventions"): money is computed in integer halalas (1 SAR = 100
//! halalas); no floating point anywhere. Income is typed in SAR with at most 2 decimals, as a
//! decimal string ("4500.50") or an integer, so no float ever carries money. Errors:
//! `negative_income`, `too_much_precision` (more than 2 decimals), and `bad_amount` (not a
//! number at all, e.g. "4,500" or "abc": an addition to the spec, which names no code for it).
//! Typed digits are normalised first (Arabic-Indic digits, spaces), and the Arabic decimal
//! separator U+066B (٫) is read as a decimal point.

use core::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::normalize::typed_digits;

/// An amount of money in halalas (1 SAR = 100 halalas).
///
/// Serde writes it as a SAR decimal string with two decimals ("4500.50") and reads a SAR
/// decimal string or a whole number of SAR, never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Halalas(pub i64);

impl Halalas {
    /// `sar` whole riyals.
    pub const fn from_sar(sar: i64) -> Halalas {
        Halalas(sar * 100)
    }

    /// Whole SAR, rounded down (toward negative infinity).
    pub const fn whole_sar(self) -> i64 {
        self.0.div_euclid(100)
    }
}

/// Why a typed amount is not accepted, with the spec's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyError {
    NegativeIncome,
    TooMuchPrecision,
    BadAmount,
}

crate::error_codes!(MoneyError {
    NegativeIncome => "negative_income", "the income is below zero";
    TooMuchPrecision => "too_much_precision", "an amount in SAR has at most 2 decimals";
    BadAmount => "bad_amount", "the amount is not a number of SAR";
});

/// A typed SAR amount as it arrives: a decimal string or a whole number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SarAmount {
    Whole(i64),
    Text(String),
}

impl SarAmount {
    /// The amount in halalas.
    pub fn to_halalas(&self) -> Result<Halalas, MoneyError> {
        match self {
            SarAmount::Whole(sar) if *sar < 0 => Err(MoneyError::NegativeIncome),
            SarAmount::Whole(sar) => sar
                .checked_mul(100)
                .map(Halalas)
                .ok_or(MoneyError::BadAmount),
            SarAmount::Text(text) => parse_sar(text),
        }
    }
}

impl From<Halalas> for SarAmount {
    fn from(amount: Halalas) -> Self {
        SarAmount::Text(amount.to_string())
    }
}

/// Reads a typed SAR amount ("4500", "4500.5", "4500.50", "٤٥٠٠٫٥٠") into halalas.
pub fn parse_sar(text: &str) -> Result<Halalas, MoneyError> {
    let text: String = typed_digits(text)
        .chars()
        .map(|c| if c == '\u{066B}' { '.' } else { c })
        .collect();
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(&text)),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (unsigned, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
        return Err(MoneyError::BadAmount);
    }
    let digits_value = |s: &str| -> Result<i64, MoneyError> {
        s.bytes().try_fold(0i64, |acc, b| {
            acc.checked_mul(10)
                .and_then(|v| v.checked_add(i64::from(b - b'0')))
                .ok_or(MoneyError::BadAmount)
        })
    };
    let whole_value = digits_value(whole)?;
    // Trailing zeros beyond two decimals carry no precision ("1.500" is 1.50).
    let fraction = fraction.trim_end_matches('0');
    let halalas_part = match fraction.len() {
        0 => 0,
        1 => digits_value(fraction)? * 10,
        2 => digits_value(fraction)?,
        _ if negative => return Err(MoneyError::NegativeIncome),
        _ => return Err(MoneyError::TooMuchPrecision),
    };
    let total = whole_value
        .checked_mul(100)
        .and_then(|v| v.checked_add(halalas_part))
        .ok_or(MoneyError::BadAmount)?;
    if negative && total != 0 {
        return Err(MoneyError::NegativeIncome);
    }
    Ok(Halalas(total))
}

impl fmt::Display for Halalas {
    /// SAR with two decimals: "4500.50", "-0.05".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl Serialize for Halalas {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Halalas {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let amount = SarAmount::deserialize(deserializer)?;
        match amount {
            // Stored steps may hold a negative amount only if written by hand; read it back.
            SarAmount::Whole(sar) => sar
                .checked_mul(100)
                .map(Halalas)
                .ok_or_else(|| serde::de::Error::custom(MoneyError::BadAmount)),
            SarAmount::Text(text) => {
                let (negative, rest) = match text.strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, text.as_str()),
                };
                let value = parse_sar(rest).map_err(serde::de::Error::custom)?;
                Ok(if negative { Halalas(-value.0) } else { value })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_typed_amounts() {
        assert_eq!(parse_sar("4500.50"), Ok(Halalas(450_050)));
        assert_eq!(parse_sar("4500.5"), Ok(Halalas(450_050)));
        assert_eq!(parse_sar("٤٥٠٠٫٥٠"), Ok(Halalas(450_050)));
        assert_eq!(parse_sar(".5"), Ok(Halalas(50)));
        assert_eq!(parse_sar("1.234"), Err(MoneyError::TooMuchPrecision));
        assert_eq!(parse_sar("-1"), Err(MoneyError::NegativeIncome));
        assert_eq!(parse_sar("-0.001"), Err(MoneyError::NegativeIncome));
        assert_eq!(parse_sar("4,500"), Err(MoneyError::BadAmount));
        assert_eq!(parse_sar("."), Err(MoneyError::BadAmount));
        assert_eq!(parse_sar(""), Err(MoneyError::BadAmount));
        assert_eq!(Halalas(450_050).to_string(), "4500.50");
    }
}
