//! Eligibility: the applicant's criteria and each dependent's coverage.
//!
//! Rule (rules-spec.md, "eligibility"; domain.md, "From the seed article" and "Eligibility in
//! practice"). The applicant's criteria, evaluated in this order, each pass or fail with one
//! reason:
//! 1. `age`: 18 or older on the assessment date, else `under_18`.
//! 2. `nationality`: Saudi or a mobility-card holder, else `nationality_not_covered`.
//! 3. `residency`: resident in the Kingdom in the last three months, else `not_resident`;
//!    then not a prisoner or a resident of a government shelter, else
//!    `detained_or_sheltered`.
//! 4. `bank_account`: a bank account in the applicant's name, else `no_bank_account`; when an
//!    IBAN is given it must validate, else `invalid_iban`.
//! 5. `independence`, only for an independent individual: no dependents, else
//!    `has_dependents`; then proof of separate housing, else `no_housing_proof`.
//!
//! The household is eligible when every evaluated criterion passes. A dependent is covered
//! when Saudi or a mobility-card holder, or a non-Saudi spouse or child of a Saudi applicant
//! (the non-Saudi wife of a Saudi man, the non-Saudi husband and children of a Saudi woman);
//! otherwise not covered, with reason `nationality_not_covered`.
//!
//! Invalid input is an error, never a silent "not eligible": a birth date error from [`age`]
//! for the applicant or any dependent (checked in that order), then an income error from
//! [`money`](crate::money).

use serde::{Deserialize, Serialize};

use crate::age::{self, AgeError};
use crate::dates::Date;
use crate::iban;
use crate::money::{Halalas, MoneyError, SarAmount};

/// The age from which an applicant may apply and a dependent counts as an adult.
pub const ADULT_AGE: u32 = 18;

/// A household as it is declared, exactly the spec's input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Household {
    /// The assessment date.
    pub date: Date,
    pub applicant: Applicant,
    #[serde(default)]
    pub dependents: Vec<Dependent>,
    /// The household's total monthly income in SAR, >= 0: "4500.50" or 4500.
    pub monthly_income: SarAmount,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicantKind {
    /// Head of household (رب الأسرة).
    Head,
    /// Independent individual (فرد مستقل).
    Independent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nationality {
    Saudi,
    /// Holder of a mobility card (بطاقة تنقل).
    MobilityCard,
    NonSaudi,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Spouse,
    Child,
    Other,
}

/// A dependent's sex. The rules do not use it; it gives the words (زوج / زوجة, ابن / ابنة)
/// and travels with the relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

crate::value_codes!(ApplicantKind {
    Head => "head",
    Independent => "independent",
});

crate::value_codes!(Nationality {
    Saudi => "saudi",
    MobilityCard => "mobility_card",
    NonSaudi => "non_saudi",
});

crate::value_codes!(Relation {
    Spouse => "spouse",
    Child => "child",
    Other => "other",
});

crate::value_codes!(Sex {
    Male => "male",
    Female => "female",
});

/// The applicant. Birth dates are kept as typed (`YYYY-MM-DD`), exactly one of the two, so
/// that a wrong date is the error `bad_date` rather than a parse failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Applicant {
    pub kind: ApplicantKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date_hijri: Option<String>,
    pub nationality: Nationality,
    pub resident_last_3_months: bool,
    #[serde(default)]
    pub detained_or_sheltered: bool,
    pub bank_account: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iban: Option<String>,
    /// Counts only for an independent individual.
    #[serde(default)]
    pub housing_proof: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dependent {
    pub relation: Relation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date_hijri: Option<String>,
    pub nationality: Nationality,
}

/// The applicant's criteria, in evaluation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    Age,
    Nationality,
    Residency,
    BankAccount,
    Independence,
}

/// Why a criterion failed or a dependent is not covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    #[serde(rename = "under_18")]
    Under18,
    NationalityNotCovered,
    NotResident,
    DetainedOrSheltered,
    NoBankAccount,
    InvalidIban,
    HasDependents,
    NoHousingProof,
}

impl Criterion {
    pub fn code(self) -> &'static str {
        match self {
            Criterion::Age => "age",
            Criterion::Nationality => "nationality",
            Criterion::Residency => "residency",
            Criterion::BankAccount => "bank_account",
            Criterion::Independence => "independence",
        }
    }
}

impl Reason {
    pub fn code(self) -> &'static str {
        match self {
            Reason::Under18 => "under_18",
            Reason::NationalityNotCovered => "nationality_not_covered",
            Reason::NotResident => "not_resident",
            Reason::DetainedOrSheltered => "detained_or_sheltered",
            Reason::NoBankAccount => "no_bank_account",
            Reason::InvalidIban => "invalid_iban",
            Reason::HasDependents => "has_dependents",
            Reason::NoHousingProof => "no_housing_proof",
        }
    }
}

/// One evaluated criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CriterionResult {
    pub criterion: Criterion,
    pub passed: bool,
    /// Present exactly when the criterion failed.
    pub reason: Option<Reason>,
}

/// One dependent, in input order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DependentResult {
    pub relation: Relation,
    /// Whole years on the assessment date.
    pub age: u32,
    pub covered: bool,
    /// `nationality_not_covered` when not covered.
    pub reason: Option<Reason>,
}

/// The outcome of [`assess`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// The assessment date.
    pub date: Date,
    pub kind: ApplicantKind,
    /// Every evaluated criterion passes.
    pub eligible: bool,
    /// Every evaluated criterion, in evaluation order.
    pub criteria: Vec<CriterionResult>,
    /// The failed criteria, in evaluation order.
    pub failed: Vec<Criterion>,
    /// Their reasons, in the same order.
    pub reasons: Vec<Reason>,
    /// The applicant's whole years on the assessment date.
    pub applicant_age: u32,
    pub dependents: Vec<DependentResult>,
    /// The household's monthly income, parsed.
    pub monthly_income: Halalas,
}

/// Why a household cannot be assessed, with the spec's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HouseholdError {
    BirthInFuture,
    BadDate,
    OutOfRange,
    TwoBirthDates,
    NoBirthDate,
    NegativeIncome,
    TooMuchPrecision,
    BadAmount,
}

crate::error_codes!(HouseholdError {
    BirthInFuture => "birth_in_future", "a birth date is after the assessment date";
    BadDate => "bad_date", "a birth date is not YYYY-MM-DD or no such day exists in its calendar";
    OutOfRange => "out_of_range", "a date is outside the supported years";
    TwoBirthDates => "two_birth_dates", "a member has both a Gregorian and a Hijri birth date";
    NoBirthDate => "no_birth_date", "a member has no birth date";
    NegativeIncome => "negative_income", "the income is below zero";
    TooMuchPrecision => "too_much_precision", "an amount in SAR has at most 2 decimals";
    BadAmount => "bad_amount", "the income is not a number of SAR";
});

impl From<AgeError> for HouseholdError {
    fn from(error: AgeError) -> Self {
        match error {
            AgeError::TwoBirthDates => HouseholdError::TwoBirthDates,
            AgeError::NoBirthDate => HouseholdError::NoBirthDate,
            AgeError::BadDate => HouseholdError::BadDate,
            AgeError::OutOfRange => HouseholdError::OutOfRange,
            AgeError::BirthInFuture => HouseholdError::BirthInFuture,
        }
    }
}

impl From<MoneyError> for HouseholdError {
    fn from(error: MoneyError) -> Self {
        match error {
            MoneyError::NegativeIncome => HouseholdError::NegativeIncome,
            MoneyError::TooMuchPrecision => HouseholdError::TooMuchPrecision,
            MoneyError::BadAmount => HouseholdError::BadAmount,
        }
    }
}

/// 1. 18 or older.
pub fn age_condition(age: u32) -> Option<Reason> {
    (age < ADULT_AGE).then_some(Reason::Under18)
}

/// 2. Saudi or a mobility-card holder.
pub fn nationality_condition(nationality: Nationality) -> Option<Reason> {
    (nationality == Nationality::NonSaudi).then_some(Reason::NationalityNotCovered)
}

/// 3. Resident in the last three months, and neither detained nor sheltered.
pub fn residency_condition(applicant: &Applicant) -> Option<Reason> {
    if !applicant.resident_last_3_months {
        Some(Reason::NotResident)
    } else if applicant.detained_or_sheltered {
        Some(Reason::DetainedOrSheltered)
    } else {
        None
    }
}

/// 4. A bank account, and a valid IBAN when one is given.
pub fn bank_account_condition(applicant: &Applicant) -> Option<Reason> {
    if !applicant.bank_account {
        Some(Reason::NoBankAccount)
    } else if applicant
        .iban
        .as_deref()
        .is_some_and(|value| iban::validate(value).is_err())
    {
        Some(Reason::InvalidIban)
    } else {
        None
    }
}

/// 5. For an independent individual only: no dependents, and proof of separate housing.
pub fn independence_condition(applicant: &Applicant, dependents: usize) -> Option<Reason> {
    if dependents > 0 {
        Some(Reason::HasDependents)
    } else if !applicant.housing_proof {
        Some(Reason::NoHousingProof)
    } else {
        None
    }
}

/// Whether a dependent of this applicant is covered.
pub fn dependent_covered(
    applicant_nationality: Nationality,
    relation: Relation,
    nationality: Nationality,
) -> bool {
    match nationality {
        Nationality::Saudi | Nationality::MobilityCard => true,
        Nationality::NonSaudi => {
            matches!(relation, Relation::Spouse | Relation::Child)
                && applicant_nationality == Nationality::Saudi
        }
    }
}

/// Assesses a household on its assessment date.
pub fn assess(household: &Household) -> Result<Assessment, HouseholdError> {
    let date = household.date;
    let applicant = &household.applicant;
    let applicant_age = age::years_from_fields(
        applicant.birth_date.as_deref(),
        applicant.birth_date_hijri.as_deref(),
        date,
    )?;
    let mut dependents = Vec::with_capacity(household.dependents.len());
    for dependent in &household.dependents {
        let age = age::years_from_fields(
            dependent.birth_date.as_deref(),
            dependent.birth_date_hijri.as_deref(),
            date,
        )?;
        let covered = dependent_covered(
            applicant.nationality,
            dependent.relation,
            dependent.nationality,
        );
        dependents.push(DependentResult {
            relation: dependent.relation,
            age,
            covered,
            reason: (!covered).then_some(Reason::NationalityNotCovered),
        });
    }
    let monthly_income = household.monthly_income.to_halalas()?;

    let mut criteria = vec![
        (Criterion::Age, age_condition(applicant_age)),
        (
            Criterion::Nationality,
            nationality_condition(applicant.nationality),
        ),
        (Criterion::Residency, residency_condition(applicant)),
        (Criterion::BankAccount, bank_account_condition(applicant)),
    ];
    if applicant.kind == ApplicantKind::Independent {
        criteria.push((
            Criterion::Independence,
            independence_condition(applicant, household.dependents.len()),
        ));
    }
    let criteria: Vec<CriterionResult> = criteria
        .into_iter()
        .map(|(criterion, reason)| CriterionResult {
            criterion,
            passed: reason.is_none(),
            reason,
        })
        .collect();
    let failed: Vec<Criterion> = criteria
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.criterion)
        .collect();
    let reasons: Vec<Reason> = criteria.iter().filter_map(|c| c.reason).collect();

    Ok(Assessment {
        date,
        kind: applicant.kind,
        eligible: failed.is_empty(),
        criteria,
        failed,
        reasons,
        applicant_age,
        dependents,
        monthly_income,
    })
}
