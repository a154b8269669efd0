//! The pre-check's answers and its flow: which questions apply, in what order, where "Back"
//! and "Continue" go, and the household the rules assess. Pure: no view, no storage.

use rules::{
    Date,
    eligibility::{Applicant, ApplicantKind, Dependent, Household, Nationality, Relation, Sex},
    money::SarAmount,
};
use serde::{Deserialize, Serialize};

use crate::components::date_field::DateInput;

/// The pages of the pre-check, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Applicant,
    BirthDate,
    Nationality,
    Residency,
    Detention,
    BankAccount,
    /// Only for an independent individual.
    Housing,
    Dependents,
    /// Reached from `Dependents`; not a question of its own.
    AddDependent,
    Answers,
    Result,
}

impl Step {
    /// The questions, in the order they are asked.
    pub const QUESTIONS: [Step; 8] = [
        Step::Applicant,
        Step::BirthDate,
        Step::Nationality,
        Step::Residency,
        Step::Detention,
        Step::BankAccount,
        Step::Housing,
        Step::Dependents,
    ];

    /// The page's address.
    pub fn path(self) -> &'static str {
        match self {
            Step::Applicant => "/check/applicant",
            Step::BirthDate => "/check/birth-date",
            Step::Nationality => "/check/nationality",
            Step::Residency => "/check/residency",
            Step::Detention => "/check/detention",
            Step::BankAccount => "/check/bank-account",
            Step::Housing => "/check/housing",
            Step::Dependents => "/check/dependents",
            Step::AddDependent => "/check/add-dependent",
            Step::Answers => "/check/answers",
            Step::Result => "/check/result",
        }
    }

    /// The address of this step reached from "Check your answers": it goes back there.
    pub fn change_path(self) -> String {
        format!("{}?change=1", self.path())
    }
}

/// The relation as the person picks it: the rules' [`Relation`] and, for a spouse or a child,
/// the sex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kin {
    Husband,
    Wife,
    Son,
    Daughter,
    Other,
}

impl Kin {
    pub fn relation(self) -> Relation {
        match self {
            Kin::Husband | Kin::Wife => Relation::Spouse,
            Kin::Son | Kin::Daughter => Relation::Child,
            Kin::Other => Relation::Other,
        }
    }

    pub fn sex(self) -> Option<Sex> {
        match self {
            Kin::Husband | Kin::Son => Some(Sex::Male),
            Kin::Wife | Kin::Daughter => Some(Sex::Female),
            Kin::Other => None,
        }
    }

    /// Back from what is stored; an answer kept before the sex was asked has none.
    pub fn of(relation: Relation, sex: Option<Sex>) -> Option<Kin> {
        match (relation, sex) {
            (Relation::Spouse, Some(Sex::Male)) => Some(Kin::Husband),
            (Relation::Spouse, Some(Sex::Female)) => Some(Kin::Wife),
            (Relation::Child, Some(Sex::Male)) => Some(Kin::Son),
            (Relation::Child, Some(Sex::Female)) => Some(Kin::Daughter),
            (Relation::Other, _) => Some(Kin::Other),
            _ => None,
        }
    }
}

/// One dependent as answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DependentAnswer {
    pub relation: Relation,
    /// `None` in answers kept by an older version of the page.
    #[serde(default)]
    pub sex: Option<Sex>,
    pub birth: DateInput,
    pub nationality: Nationality,
}

/// Everything answered so far. Kept for the tab in sessionStorage, so a reload keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub kind: Option<ApplicantKind>,
    pub birth: Option<DateInput>,
    pub nationality: Option<Nationality>,
    pub resident: Option<bool>,
    pub detained: Option<bool>,
    pub bank_account: Option<bool>,
    pub housing_proof: Option<bool>,
    pub dependents: Vec<DependentAnswer>,
    /// "No more dependents" was answered.
    pub dependents_done: bool,
}

impl Answers {
    /// Whether the question is asked of this applicant.
    pub fn applies(&self, step: Step) -> bool {
        step != Step::Housing || self.kind == Some(ApplicantKind::Independent)
    }

    /// Whether the question has its answer.
    pub fn answered(&self, step: Step) -> bool {
        match step {
            Step::Applicant => self.kind.is_some(),
            Step::BirthDate => self.birth.is_some(),
            Step::Nationality => self.nationality.is_some(),
            Step::Residency => self.resident.is_some(),
            Step::Detention => self.detained.is_some(),
            Step::BankAccount => self.bank_account.is_some(),
            Step::Housing => self.housing_proof.is_some(),
            Step::Dependents => self.dependents_done,
            Step::AddDependent | Step::Answers | Step::Result => true,
        }
    }

    fn questions(&self) -> impl Iterator<Item = Step> + '_ {
        Step::QUESTIONS
            .into_iter()
            .filter(|step| self.applies(*step))
    }

    /// The first question that applies and has no answer.
    pub fn first_unanswered(&self) -> Option<Step> {
        self.questions().find(|step| !self.answered(*step))
    }

    /// Where "Continue" goes from `step`: the next question, or, when changing an answer from
    /// the answers page, back there unless a newly applicable question needs an answer.
    pub fn next(&self, step: Step, changing: bool) -> Step {
        if changing {
            return self.first_unanswered().unwrap_or(Step::Answers);
        }
        let position = Step::QUESTIONS.iter().position(|s| *s == step);
        position
            .and_then(|position| {
                Step::QUESTIONS
                    .iter()
                    .skip(position + 1)
                    .find(|s| self.applies(**s))
                    .copied()
            })
            .unwrap_or(Step::Answers)
    }

    /// Where "Back" goes from `step`; `None` is the start page.
    pub fn previous(&self, step: Step) -> Option<Step> {
        match step {
            Step::AddDependent => Some(Step::Dependents),
            Step::Answers => self.questions().last(),
            Step::Result => Some(Step::Answers),
            _ => {
                let position = Step::QUESTIONS.iter().position(|s| *s == step)?;
                Step::QUESTIONS
                    .iter()
                    .take(position)
                    .rev()
                    .find(|s| self.applies(**s))
                    .copied()
            }
        }
    }

    /// The household the rules assess on `date`, once every question that applies is
    /// answered. The pre-check does not ask the income: it does not decide eligibility.
    pub fn household(&self, date: Date) -> Option<Household> {
        if self.first_unanswered().is_some() {
            return None;
        }
        let (birth_date, birth_date_hijri) = self.birth.as_ref()?.fields();
        let applicant = Applicant {
            kind: self.kind?,
            birth_date,
            birth_date_hijri,
            nationality: self.nationality?,
            resident_last_3_months: self.resident?,
            detained_or_sheltered: self.detained?,
            bank_account: self.bank_account?,
            iban: None,
            housing_proof: self.kind == Some(ApplicantKind::Independent)
                && self.housing_proof == Some(true),
        };
        let dependents = self
            .dependents
            .iter()
            .map(|dependent| {
                let (birth_date, birth_date_hijri) = dependent.birth.fields();
                Dependent {
                    relation: dependent.relation,
                    birth_date,
                    birth_date_hijri,
                    nationality: dependent.nationality,
                }
            })
            .collect();
        Some(Household {
            date,
            applicant,
            dependents,
            monthly_income: SarAmount::Whole(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        area_pages::{CHECK, CheckPage},
        components::date_field::Calendar,
    };

    #[test]
    fn every_step_is_a_page_of_the_check_area() {
        let steps = [Step::AddDependent, Step::Answers, Step::Result];
        let pages: Vec<CheckPage> = Step::QUESTIONS
            .iter()
            .chain(&steps)
            .map(|step| {
                let rest = step.path().strip_prefix("/check/").expect("under /check/");
                CHECK
                    .find(rest)
                    .map(|(page, _)| page)
                    .expect("a page of the area")
            })
            .collect();
        // Each step names its own page: the step and the page carry the same name.
        for (step, page) in Step::QUESTIONS.iter().chain(&steps).zip(&pages) {
            assert_eq!(format!("{step:?}"), format!("{page:?}"));
        }
    }

    fn complete(kind: ApplicantKind) -> Answers {
        Answers {
            kind: Some(kind),
            birth: Some(DateInput {
                calendar: Calendar::Hijri,
                day: "١٥".into(),
                month: "٩".into(),
                year: "١٤١٠".into(),
            }),
            nationality: Some(Nationality::Saudi),
            resident: Some(true),
            detained: Some(false),
            bank_account: Some(true),
            housing_proof: Some(true),
            dependents: Vec::new(),
            dependents_done: true,
        }
    }

    #[test]
    fn the_housing_question_is_asked_only_of_an_independent_individual() {
        let head = complete(ApplicantKind::Head);
        assert_eq!(head.next(Step::BankAccount, false), Step::Dependents);
        assert_eq!(head.previous(Step::Dependents), Some(Step::BankAccount));
        let independent = complete(ApplicantKind::Independent);
        assert_eq!(independent.next(Step::BankAccount, false), Step::Housing);
        assert_eq!(independent.previous(Step::Dependents), Some(Step::Housing));
    }

    #[test]
    fn changing_to_independent_asks_the_new_question_before_returning() {
        let mut answers = complete(ApplicantKind::Head);
        answers.housing_proof = None;
        assert_eq!(answers.next(Step::Applicant, true), Step::Answers);
        answers.kind = Some(ApplicantKind::Independent);
        assert_eq!(answers.next(Step::Applicant, true), Step::Housing);
    }

    #[test]
    fn a_complete_saudi_head_is_assessed_eligible_by_the_rules() {
        let date = Date::new(2026, 1, 1).ok();
        let household = date.and_then(|d| complete(ApplicantKind::Head).household(d));
        let assessment = household.map(|h| rules::assess(&h));
        assert!(matches!(assessment, Some(Ok(a)) if a.eligible && a.applicant_age == 36));
    }

    #[test]
    fn an_unfinished_pre_check_has_no_household() {
        let mut answers = complete(ApplicantKind::Head);
        answers.dependents_done = false;
        assert_eq!(answers.first_unanswered(), Some(Step::Dependents));
        assert!(
            Date::new(2026, 1, 1)
                .ok()
                .and_then(|d| answers.household(d))
                .is_none()
        );
    }
}
