//! The estimate of the monthly support, with the steps that explain it.
//!
//! Rule (rules-spec.md, "estimate"; domain.md, "Amounts", soft): the figures come from the
//! [`parameters`](mod@crate::parameters) in force on the assessment date.
//! - Entitlement (SAR): 0 when not eligible; else the head's or independent's amount (720)
//!   plus, for each covered dependent, 360 when 18 or older and 216 under 18, capped at what a
//!   head with 2 dependents 18+ and 3 under 18 gets (2,088). Uncovered dependents add nothing.
//! - In halalas, with integer floor division: E = entitlement * 100; C = min(E / cutoff ratio,
//!   income cap) = min(E * 1000 / 84, 2,000,000); T = C * exemption fraction = C / 2; I = the
//!   household's monthly income. Support S = E when I <= T, 0 when I >= C, else
//!   E * (C - I) / (C - T): a straight line between the exemption threshold and the cutoff
//!   (third-party calculators' assumption; the official curve is unpublished).
//! - monthly_support = S / 100, exemption_threshold = T / 100, income_cutoff = C / 100, each
//!   rounded down to whole SAR.
//!
//! This is an estimate, to be labelled as one, never an official figure.

use serde::{Deserialize, Serialize};

use crate::dates::Date;
use crate::eligibility::{ADULT_AGE, ApplicantKind, Assessment, Relation};
use crate::money::Halalas;
use crate::parameters::{self, ParameterSet, Ratio};

/// The estimate, in whole SAR a month, and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Estimate {
    pub entitlement: u32,
    pub monthly_support: u32,
    pub exemption_threshold: u32,
    pub income_cutoff: u32,
    pub steps: Steps,
}

/// Every step of the estimate, so a page can explain any amount in plain words and the
/// server can store it with each payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Steps {
    /// The assessment date.
    pub date: Date,
    /// The effective-from date of the parameter set used.
    pub parameters_effective_from: Date,
    /// Whether the household is eligible; when not, every amount is 0.
    pub eligible: bool,
    /// The applicant first, then each dependent in input order.
    pub members: Vec<MemberStep>,
    /// The sum of the members' amounts, SAR.
    pub uncapped_entitlement: u32,
    /// The household cap, SAR.
    pub cap: u32,
    /// Whether the cap lowered the entitlement.
    pub cap_applied: bool,
    /// E: the entitlement.
    pub entitlement: Halalas,
    /// C: the income at which support reaches zero.
    pub income_cutoff: Halalas,
    /// Whether the income cap lowered C.
    pub income_cap_applied: bool,
    /// T: the income up to which support is not reduced.
    pub exemption_threshold: Halalas,
    /// I: the household's monthly income.
    pub income: Halalas,
    /// Where I falls.
    pub band: IncomeBand,
    /// E - S: the reduction for income.
    pub reduction: Halalas,
    /// S: the support before rounding down to whole SAR.
    pub support: Halalas,
}

/// One member's part of the entitlement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MemberStep {
    pub role: Role,
    /// `None` for the applicant; the dependent's position in input order otherwise.
    pub dependent: Option<usize>,
    /// For a dependent.
    pub relation: Option<Relation>,
    /// Whole years on the assessment date.
    pub age: u32,
    /// Whether the member counts (always true for the applicant).
    pub covered: bool,
    /// SAR a month this member adds (0 when not covered or not eligible).
    pub amount: u32,
}

/// Which amount a member's part is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Head,
    Independent,
    #[serde(rename = "dependent_18_plus")]
    Dependent18Plus,
    #[serde(rename = "dependent_under_18")]
    DependentUnder18,
}

/// Where the income falls relative to T and C.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncomeBand {
    /// I <= T: full entitlement.
    NotReduced,
    /// T < I < C: reduced on a straight line.
    Reduced,
    /// I >= C: nothing.
    Zero,
}

/// Why an estimate cannot be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EstimateError {
    /// The assessment date is before the first parameter set (2022-07-01).
    NoParametersInForce,
}

crate::error_codes!(EstimateError {
    NoParametersInForce => "no_parameters_in_force", "no parameter set is in force on the assessment date";
});

/// Estimates the monthly support of an assessed household, on its assessment date.
pub fn estimate(assessment: &Assessment) -> Result<Estimate, EstimateError> {
    let set = parameters::in_force(assessment.date).ok_or(EstimateError::NoParametersInForce)?;
    Ok(estimate_with(assessment, set))
}

/// [`estimate`] with a given parameter set.
pub fn estimate_with(assessment: &Assessment, set: &ParameterSet) -> Estimate {
    let eligible = assessment.eligible;
    let mut members = Vec::with_capacity(assessment.dependents.len() + 1);
    members.push(MemberStep {
        role: match assessment.kind {
            ApplicantKind::Head => Role::Head,
            ApplicantKind::Independent => Role::Independent,
        },
        dependent: None,
        relation: None,
        age: assessment.applicant_age,
        covered: true,
        amount: if eligible { set.head_amount } else { 0 },
    });
    for (index, dependent) in assessment.dependents.iter().enumerate() {
        let (role, amount) = if dependent.age >= ADULT_AGE {
            (Role::Dependent18Plus, set.dependent_18_plus_amount)
        } else {
            (Role::DependentUnder18, set.dependent_under_18_amount)
        };
        members.push(MemberStep {
            role,
            dependent: Some(index),
            relation: Some(dependent.relation),
            age: dependent.age,
            covered: dependent.covered,
            amount: if eligible && dependent.covered {
                amount
            } else {
                0
            },
        });
    }
    let uncapped_entitlement = members
        .iter()
        .fold(0u32, |sum, member| sum.saturating_add(member.amount));
    let cap = set.cap();
    let entitlement = uncapped_entitlement.min(cap);

    let e = i64::from(entitlement) * 100;
    let uncapped_cutoff = divide_by(e, set.cutoff_ratio);
    let income_cap = i64::from(set.income_cap) * 100;
    let c = uncapped_cutoff.min(income_cap);
    let t = times(c, set.exemption_fraction);
    let i = assessment.monthly_income.0;
    let (band, s) = if i <= t {
        (IncomeBand::NotReduced, e)
    } else if i >= c {
        (IncomeBand::Zero, 0)
    } else {
        let reduced = i128::from(e) * i128::from(c - i) / i128::from((c - t).max(1));
        (IncomeBand::Reduced, clamp_i64(reduced))
    };

    Estimate {
        entitlement,
        monthly_support: whole_sar(s),
        exemption_threshold: whole_sar(t),
        income_cutoff: whole_sar(c),
        steps: Steps {
            date: assessment.date,
            parameters_effective_from: set.effective_from,
            eligible,
            members,
            uncapped_entitlement,
            cap,
            cap_applied: uncapped_entitlement > cap,
            entitlement: Halalas(e),
            income_cutoff: Halalas(c),
            income_cap_applied: uncapped_cutoff > income_cap,
            exemption_threshold: Halalas(t),
            income: Halalas(i),
            band,
            reduction: Halalas(e - s),
            support: Halalas(s),
        },
    }
}

/// value / ratio, floored.
fn divide_by(value: i64, ratio: Ratio) -> i64 {
    let numerator = i128::from(ratio.numerator.max(1));
    clamp_i64(i128::from(value) * i128::from(ratio.denominator) / numerator)
}

/// value * ratio, floored.
fn times(value: i64, ratio: Ratio) -> i64 {
    let denominator = i128::from(ratio.denominator.max(1));
    clamp_i64(i128::from(value) * i128::from(ratio.numerator) / denominator)
}

fn clamp_i64(value: i128) -> i64 {
    i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX })
}

/// Halalas >= 0 to whole SAR, floored.
fn whole_sar(halalas: i64) -> u32 {
    u32::try_from(halalas.max(0) / 100).unwrap_or(u32::MAX)
}
