//! The estimate form's answers, read into a household the rules can estimate.

use rules::{
    Assessment, Date, Estimate, Halalas,
    eligibility::{ADULT_AGE, ApplicantKind, DependentResult, Relation},
    estimate::{EstimateError, estimate},
    money::{MoneyError, parse_sar},
    normalize::typed_digits,
};

use crate::{components::form::FieldError, i18n::Text};

/// The field ids, which the error summary links to.
pub const KIND_ID: &str = "estimate-kind";
pub const ADULTS_ID: &str = "estimate-adults";
pub const CHILDREN_ID: &str = "estimate-children";
pub const INCOME_ID: &str = "estimate-income";

/// The most dependents of one kind the form takes.
pub const MAX_DEPENDENTS: u32 = 30;

/// The form as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HouseholdInput {
    pub kind: Option<ApplicantKind>,
    pub adults: String,
    pub children: String,
    pub income: String,
}

/// A household read from the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Composition {
    pub kind: ApplicantKind,
    /// Dependents aged 18 or older.
    pub adults: u32,
    /// Dependents under 18.
    pub children: u32,
    pub income: Halalas,
}

fn count(text: &str, id: &'static str) -> Result<u32, FieldError> {
    let digits = typed_digits(text);
    let error = |message: Text| FieldError { id, message };
    if digits.is_empty() {
        return Err(error(|t| t.estimate.count_missing));
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(error(|t| t.estimate.count_not_number));
    }
    match digits.parse::<u32>() {
        Ok(n) if n <= MAX_DEPENDENTS => Ok(n),
        _ => Err(error(|t| t.estimate.count_too_many)),
    }
}

fn income(text: &str) -> Result<Halalas, FieldError> {
    let error = |message: Text| FieldError {
        id: INCOME_ID,
        message,
    };
    if typed_digits(text).is_empty() {
        return Err(error(|t| t.estimate.income_missing));
    }
    parse_sar(text).map_err(|e| match e {
        MoneyError::BadAmount => error(|t| t.estimate.income_not_number),
        MoneyError::TooMuchPrecision => error(|t| t.estimate.income_precision),
        MoneyError::NegativeIncome => error(|t| t.estimate.income_negative),
    })
}

impl HouseholdInput {
    /// The household, or every field's error in the form's order. An independent individual
    /// has no dependents, so those fields are not read.
    pub fn read(&self) -> Result<Composition, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = self.kind.ok_or(FieldError {
            id: KIND_ID,
            message: |t| t.estimate.kind_missing,
        });
        let (adults, children) = if self.kind == Some(ApplicantKind::Independent) {
            (Ok(0), Ok(0))
        } else {
            (
                count(&self.adults, ADULTS_ID),
                count(&self.children, CHILDREN_ID),
            )
        };
        let income = income(&self.income);
        for error in [kind.err(), adults.err(), children.err(), income.err()]
            .into_iter()
            .flatten()
        {
            errors.push(error);
        }
        match (kind, adults, children, income) {
            (Ok(kind), Ok(adults), Ok(children), Ok(income)) if errors.is_empty() => {
                Ok(Composition {
                    kind,
                    adults,
                    children,
                    income,
                })
            }
            _ => Err(errors),
        }
    }
}

impl Composition {
    /// The household as the rules' estimate reads it: assumed eligible, every dependent
    /// covered, dependents 18+ at 18 and the others under 18.
    pub fn assessment(&self, date: Date, income: Halalas) -> Assessment {
        let dependent = |age| DependentResult {
            relation: Relation::Child,
            age,
            covered: true,
            reason: None,
        };
        let adults = (0..self.adults).map(|_| dependent(ADULT_AGE));
        let children = (0..self.children).map(|_| dependent(0));
        Assessment {
            date,
            kind: self.kind,
            eligible: true,
            criteria: Vec::new(),
            failed: Vec::new(),
            reasons: Vec::new(),
            applicant_age: ADULT_AGE,
            dependents: adults.chain(children).collect(),
            monthly_income: income,
        }
    }

    /// The rules' estimate for this household on `date`.
    pub fn estimate(&self, date: Date) -> Result<Estimate, EstimateError> {
        estimate(&self.assessment(date, self.income))
    }

    /// The rules' support, whole SAR, for this household at another income: the chart's curve.
    pub fn support_at(&self, date: Date, income: Halalas) -> Option<u32> {
        estimate(&self.assessment(date, income))
            .ok()
            .map(|e| e.monthly_support)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: ApplicantKind, adults: &str, children: &str, income: &str) -> HouseholdInput {
        HouseholdInput {
            kind: Some(kind),
            adults: adults.into(),
            children: children.into(),
            income: income.into(),
        }
    }

    #[test]
    fn a_couple_with_one_child_and_no_income_gets_1296() {
        let household = input(ApplicantKind::Head, "١", "1", "٠").read();
        let date = Date::new(2026, 1, 1).ok();
        let estimate = household
            .ok()
            .zip(date)
            .and_then(|(h, d)| h.estimate(d).ok());
        assert_eq!(estimate.map(|e| e.monthly_support), Some(1296));
    }

    #[test]
    fn errors_come_in_the_forms_order() {
        let errors = HouseholdInput {
            kind: None,
            adults: "x".into(),
            children: String::new(),
            income: "4,500".into(),
        }
        .read()
        .err()
        .unwrap_or_default();
        let ids: Vec<_> = errors.iter().map(|e| e.id).collect();
        assert_eq!(ids, [KIND_ID, ADULTS_ID, CHILDREN_ID, INCOME_ID]);
    }

    #[test]
    fn an_independent_individual_has_no_dependents_to_count() {
        let household = input(ApplicantKind::Independent, "", "", "0").read();
        assert_eq!(household.ok().map(|h| h.adults + h.children), Some(0));
    }
}
