//! Every error enum and reason serialises as the spec's snake_case code, the same string its
//! `code()` returns.

use rules::eligibility::{Criterion, HouseholdError, Reason};
use rules::objection_window::WindowReason;
use rules::{age, dates, estimate, iban, money, national_id, objection_window, payment_cycle};
use serde::Serialize;

fn written<T: Serialize>(value: &T) -> String {
    match serde_norway::to_value(value) {
        Ok(serde_norway::Value::String(name)) => name,
        other => panic!("not a plain string: {other:?}"),
    }
}

macro_rules! same {
    ($($ty:path),+) => {$(
        for error in <$ty>::ALL {
            assert_eq!(written(error), error.code());
            assert!(error.to_string().starts_with(error.code()));
        }
    )+};
}

#[test]
fn errors_serialise_as_their_codes() {
    same!(
        national_id::NationalIdError,
        iban::IbanError,
        dates::DateError,
        age::AgeError,
        money::MoneyError,
        HouseholdError,
        estimate::EstimateError,
        payment_cycle::CycleError,
        objection_window::WindowError
    );
}

#[test]
fn reasons_and_criteria_serialise_as_their_codes() {
    use Reason::*;
    for reason in [
        Under18,
        NationalityNotCovered,
        NotResident,
        DetainedOrSheltered,
        NoBankAccount,
        InvalidIban,
        HasDependents,
        NoHousingProof,
    ] {
        assert_eq!(written(&reason), reason.code());
    }
    for criterion in [
        Criterion::Age,
        Criterion::Nationality,
        Criterion::Residency,
        Criterion::BankAccount,
        Criterion::Independence,
    ] {
        assert_eq!(written(&criterion), criterion.code());
    }
    for reason in [
        WindowReason::PaymentNotPaid,
        WindowReason::NotIneligible,
        WindowReason::WindowClosed,
        WindowReason::AlreadyOpen,
    ] {
        assert_eq!(written(&reason), reason.code());
    }
}

#[test]
fn steps_round_trip_through_serde() {
    let household: rules::Household = serde_norway::from_str(
        "date: 2026-11-27\n\
         applicant: { kind: head, birth_date_hijri: 1405-01-01, nationality: saudi, resident_last_3_months: true, bank_account: true }\n\
         dependents: [ { relation: child, birth_date: 2016-01-01, nationality: non_saudi } ]\n\
         monthly_income: \"6000.50\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let assessment = rules::assess(&household).unwrap_or_else(|e| panic!("{e}"));
    let estimate = rules::estimate(&assessment).unwrap_or_else(|e| panic!("{e}"));
    let text = serde_norway::to_string(&estimate).unwrap_or_else(|e| panic!("{e}"));
    let back: rules::Estimate = serde_norway::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, estimate);
    let text = serde_norway::to_string(&assessment).unwrap_or_else(|e| panic!("{e}"));
    let back: rules::Assessment = serde_norway::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, assessment);
    let text = serde_norway::to_string(&household).unwrap_or_else(|e| panic!("{e}"));
    let back: rules::Household = serde_norway::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, household);
    assert_eq!(estimate.steps.income, money::Halalas(600_050));
    assert!(text.contains("6000.50"));
}

#[test]
fn income_never_travels_as_a_float() {
    let household = "date: 2026-11-27\n\
         applicant: { kind: head, birth_date: 1990-01-01, nationality: saudi, resident_last_3_months: true, bank_account: true }\n\
         monthly_income: 4500.5\n";
    assert!(serde_norway::from_str::<rules::Household>(household).is_err());
    assert!(serde_norway::from_str::<money::Halalas>("4500.5").is_err());
    assert_eq!(
        serde_norway::from_str::<money::Halalas>("\"4500.5\"").ok(),
        Some(money::Halalas(450_050))
    );
    assert_eq!(
        serde_norway::from_str::<money::Halalas>("4500").ok(),
        Some(money::Halalas(450_000))
    );
}

/// Every value enum: `code()` is the serde name, serde reads it back, `from_code` inverts
/// `code()` and knows nothing else.
macro_rules! values_round_trip {
    ($($ty:path),+) => {$(
        for value in <$ty>::ALL {
            assert_eq!(written(value), value.code());
            let read: $ty = serde_norway::from_str(value.code()).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(read, *value);
            assert_eq!(<$ty>::from_code(value.code()), Some(*value));
            assert_eq!(<$ty>::from_code(&value.code().to_uppercase()), None);
        }
        assert_eq!(<$ty>::from_code(""), None);
    )+};
}

#[test]
fn values_serialise_as_their_codes() {
    use rules::eligibility::{ApplicantKind, Nationality, Relation, Sex};
    values_round_trip!(ApplicantKind, Nationality, Relation, Sex, dates::Calendar);
    assert_eq!(
        Relation::ALL.iter().map(|r| r.code()).collect::<Vec<_>>(),
        ["spouse", "child", "other"]
    );
    assert_eq!(
        Nationality::ALL
            .iter()
            .map(|n| n.code())
            .collect::<Vec<_>>(),
        ["saudi", "mobility_card", "non_saudi"]
    );
    assert_eq!(
        dates::Calendar::ALL
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>(),
        ["hijri", "gregorian"]
    );
    assert_eq!(
        Sex::ALL.iter().map(|s| s.code()).collect::<Vec<_>>(),
        ["male", "female"]
    );
}

#[test]
fn a_calendar_kept_under_its_old_name_still_reads() {
    let read = |text| serde_norway::from_str::<dates::Calendar>(text).ok();
    assert_eq!(read("Hijri"), Some(dates::Calendar::Hijri));
    assert_eq!(read("Gregorian"), Some(dates::Calendar::Gregorian));
    assert_eq!(
        dates::Calendar::Hijri.fields("1440-01-01"),
        (None, Some("1440-01-01"))
    );
    assert_eq!(
        dates::Calendar::Gregorian.fields("2020-01-01"),
        (Some("2020-01-01"), None)
    );
}
