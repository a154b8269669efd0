//! Property tests (native only): the check digits, the cycle numbering and the shape of the
//! support curve hold for every input, not only the vectors.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rules::eligibility::{Applicant, ApplicantKind, Dependent, Nationality, Relation};
use rules::estimate::estimate;
use rules::money::SarAmount;
use rules::{Date, Household, assess, iban, national_id, payment_cycle};

fn digit_string(len: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(0u8..10, len)
        .prop_map(|digits| digits.into_iter().map(|d| char::from(b'0' + d)).collect())
}

fn account(len: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![b'0'..=b'9', b'A'..=b'Z'].prop_map(char::from),
        len,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Replaces the character at `position` by another of the same class (digit or letter).
fn change(text: &str, position: usize, shift: u8) -> String {
    text.char_indices()
        .map(|(i, c)| {
            if i != position {
                c
            } else if c.is_ascii_digit() {
                char::from(b'0' + (c as u8 - b'0' + 1 + shift % 9) % 10)
            } else {
                char::from(b'A' + (c as u8 - b'A' + 1 + shift % 25) % 26)
            }
        })
        .collect()
}

fn household(members: &[(bool, u16)], income_halalas: i64, date: Date) -> Household {
    Household {
        date,
        applicant: Applicant {
            kind: ApplicantKind::Head,
            birth_date: Some("1980-01-01".into()),
            birth_date_hijri: None,
            nationality: Nationality::Saudi,
            resident_last_3_months: true,
            detained_or_sheltered: false,
            bank_account: true,
            iban: None,
            housing_proof: false,
        },
        dependents: members
            .iter()
            .map(|(adult, year_offset)| Dependent {
                relation: Relation::Child,
                birth_date: Some(if *adult {
                    format!("{}-06-01", 1950 + year_offset % 50)
                } else {
                    format!("{}-06-01", 2010 + year_offset % 15)
                }),
                birth_date_hijri: None,
                nationality: Nationality::Saudi,
            })
            .collect(),
        monthly_income: SarAmount::Text(format!(
            "{}.{:02}",
            income_halalas / 100,
            income_halalas % 100
        )),
    }
}

proptest! {
    #[test]
    fn nine_digits_with_their_check_digit_are_a_valid_id(
        prefix in 1u8..=2, middle in digit_string(8),
    ) {
        let first_nine = format!("{prefix}{middle}");
        let check = national_id::check_digit(&first_nine).unwrap_or(99);
        let id = format!("{first_nine}{check}");
        prop_assert!(national_id::validate(&id).is_ok(), "{} should be valid", id);
    }

    #[test]
    fn one_changed_digit_makes_an_id_invalid(
        prefix in 1u8..=2, middle in digit_string(8), position in 0usize..10, shift in 0u8..9,
    ) {
        let first_nine = format!("{prefix}{middle}");
        let check = national_id::check_digit(&first_nine).unwrap_or(99);
        let changed = change(&format!("{first_nine}{check}"), position, shift);
        prop_assert!(national_id::validate(&changed).is_err(), "{} should be invalid", changed);
    }

    #[test]
    fn an_account_with_its_check_digits_is_a_valid_iban(bank in digit_string(2), rest in account(18)) {
        let bban = format!("{bank}{rest}");
        let check = iban::check_digits(&bban).unwrap_or(0);
        let value = format!("SA{check:02}{bban}");
        prop_assert!(iban::validate(&value).is_ok(), "{} should be valid", value);
    }

    #[test]
    fn one_changed_character_makes_an_iban_invalid(
        bank in digit_string(2), rest in account(18), position in 2usize..24, shift in 0u8..25,
    ) {
        let bban = format!("{bank}{rest}");
        let check = iban::check_digits(&bban).unwrap_or(0);
        let changed = change(&format!("SA{check:02}{bban}"), position, shift);
        prop_assert!(iban::validate(&changed).is_err(), "{} should be invalid", changed);
    }

    #[test]
    fn cycle_number_and_month_round_trip(number in 1u32..90_000) {
        let (year, month) = payment_cycle::year_month(number).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(payment_cycle::number(year, month), Ok(number));
    }

    #[test]
    fn month_and_cycle_number_round_trip(year in 2018i32..9999, month in 1u8..=12) {
        let number = payment_cycle::number(year, month).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(payment_cycle::year_month(number), Ok((year, month)));
    }

    #[test]
    fn support_never_rises_with_income_and_never_exceeds_the_entitlement(
        members in proptest::collection::vec((any::<bool>(), any::<u16>()), 0..9),
        low in 0i64..3_000_000,
        extra in 0i64..3_000_000,
    ) {
        let date = Date::new(2026, 11, 27).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let support = |income| -> Result<(u32, u32), TestCaseError> {
            let assessment = assess(&household(&members, income, date))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let estimate = estimate(&assessment).map_err(|e| TestCaseError::fail(e.to_string()))?;
            Ok((estimate.monthly_support, estimate.entitlement))
        };
        let (at_low, entitlement) = support(low)?;
        let (at_high, _) = support(low + extra)?;
        prop_assert!(at_high <= at_low, "{} at {} but {} at {}", at_low, low, at_high, low + extra);
        prop_assert!(at_low <= entitlement);
        prop_assert!(entitlement <= 2088);
    }
}
