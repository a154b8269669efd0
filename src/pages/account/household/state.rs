//! The change form's answers and what they mean, by the shared rules: reading the form as the
//! server reads the request, the server's field errors on the form's fields, and the preview
//! (today's household and the changed one, each assessed and estimated). Pure: no view.

use rules::{
    Date, Halalas, Household,
    eligibility::{Applicant, ApplicantKind, Dependent, Nationality, Relation, Sex},
    money::{MoneyError, SarAmount, parse_sar},
    normalize::typed_digits,
};
use wire::{HOUSEHOLD_INCOME_MAX_SAR, HouseholdView, MEMBER_NAME_MAX, NewHouseholdChange};

use crate::{
    components::{
        date_field::{Calendar, DateInput, DateInputError},
        form::FieldError,
    },
    i18n::Text,
};

/// The field ids, which the error summary links to.
pub const KIND_ID: &str = "change-kind";
pub const PERSON_ID: &str = "member-relation";
pub const NAME_ID: &str = "member-name";
pub const NATIONALITY_ID: &str = "member-nationality";
pub const BIRTH_ID: &str = "member-birth-date";
pub const REMOVE_ID: &str = "member-remove";
pub const INCOME_ID: &str = "new-income";

/// What kind of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Add,
    Remove,
    Income,
}

/// Relation and sex, chosen as one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Person {
    Wife,
    Husband,
    Son,
    Daughter,
    RelativeMale,
    RelativeFemale,
}

impl Person {
    pub fn relation(self) -> Relation {
        match self {
            Person::Wife | Person::Husband => Relation::Spouse,
            Person::Son | Person::Daughter => Relation::Child,
            Person::RelativeMale | Person::RelativeFemale => Relation::Other,
        }
    }

    pub fn sex(self) -> Sex {
        match self {
            Person::Husband | Person::Son | Person::RelativeMale => Sex::Male,
            Person::Wife | Person::Daughter | Person::RelativeFemale => Sex::Female,
        }
    }
}

/// A date as recorded into the rules' two birth-date fields; anything but `hijri` is
/// Gregorian, as the server reads it.
fn birth_fields(date: &str, calendar: &str) -> (Option<String>, Option<String>) {
    Calendar::from_code(calendar)
        .unwrap_or(Calendar::Gregorian)
        .fields(date.to_string())
}

/// The form as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChangeInput {
    pub kind: Option<ChangeKind>,
    pub person: Option<Person>,
    pub name: String,
    pub nationality: Option<Nationality>,
    pub birth: DateInput,
    pub remove: Option<i64>,
    pub income: String,
}

fn error(id: &'static str, message: Text) -> FieldError {
    FieldError { id, message }
}

/// A typed monthly income, by the shared money rule, against the recorded one.
fn read_income(text: &str, recorded: Halalas) -> Result<Halalas, FieldError> {
    if typed_digits(text).is_empty() {
        return Err(error(INCOME_ID, |t| t.household.income_missing));
    }
    let income = parse_sar(text).map_err(|e| match e {
        MoneyError::BadAmount => error(INCOME_ID, |t| t.household.income_not_number),
        MoneyError::TooMuchPrecision => error(INCOME_ID, |t| t.household.income_precision),
        MoneyError::NegativeIncome => error(INCOME_ID, |t| t.household.income_negative),
    })?;
    if income > Halalas::from_sar(HOUSEHOLD_INCOME_MAX_SAR) {
        return Err(error(INCOME_ID, |t| t.household.income_too_large));
    }
    if income == recorded {
        return Err(error(INCOME_ID, |t| t.household.income_unchanged));
    }
    Ok(income)
}

/// A typed name, by the shared text rule: one line, at most [`MEMBER_NAME_MAX`] characters.
fn read_name(text: &str) -> Result<String, FieldError> {
    match rules::text::clean(text) {
        Ok(name) if name.contains(['\n', '\r', '\t']) => {
            Err(error(NAME_ID, |t| t.household.name_control))
        }
        Ok(name) if name.chars().count() > MEMBER_NAME_MAX => {
            Err(error(NAME_ID, |t| t.household.name_too_long))
        }
        Ok(name) => Ok(name),
        Err(rules::text::TextError::Required) => Err(error(NAME_ID, |t| t.household.name_missing)),
        Err(rules::text::TextError::ControlCharacter) => {
            Err(error(NAME_ID, |t| t.household.name_control))
        }
    }
}

fn blank_change(kind: &str) -> NewHouseholdChange {
    NewHouseholdChange {
        kind: kind.to_string(),
        relation: None,
        sex: None,
        name: None,
        birth_date: None,
        calendar: None,
        nationality: None,
        member_id: None,
        monthly_income_sar: None,
    }
}

impl ChangeInput {
    /// The request to send, checked with the shared rules as the server checks it; or every
    /// field's error in the form's order.
    pub fn read(
        &self,
        household: &HouseholdView,
        today: Date,
    ) -> Result<NewHouseholdChange, Vec<FieldError>> {
        let Some(kind) = self.kind else {
            return Err(vec![error(KIND_ID, |t| t.household.kind_missing)]);
        };
        match kind {
            ChangeKind::Add => {
                let mut errors = Vec::new();
                if self.person.is_none() {
                    errors.push(error(PERSON_ID, |t| t.household.person_missing));
                }
                let name = read_name(&self.name).map_err(|e| errors.push(e)).ok();
                if self.nationality.is_none() {
                    errors.push(error(NATIONALITY_ID, |t| t.household.nationality_missing));
                }
                if let Err(problem) = self.birth.birth_date(today) {
                    errors.push(error(BIRTH_ID, problem.message(self.birth.calendar)));
                }
                match (self.person, name, self.nationality, self.birth.iso()) {
                    (Some(person), Some(name), Some(nationality), Ok(iso)) if errors.is_empty() => {
                        Ok(NewHouseholdChange {
                            relation: Some(person.relation().code().to_string()),
                            sex: Some(person.sex().code().to_string()),
                            name: Some(name),
                            birth_date: Some(iso),
                            calendar: Some(self.birth.calendar.code().to_string()),
                            nationality: Some(nationality.code().to_string()),
                            ..blank_change("add_dependent")
                        })
                    }
                    _ => Err(errors),
                }
            }
            ChangeKind::Remove => match self.remove {
                Some(id) if household.members.iter().any(|m| m.id == id) => {
                    Ok(NewHouseholdChange {
                        member_id: Some(id),
                        ..blank_change("remove_dependent")
                    })
                }
                _ => Err(vec![error(REMOVE_ID, |t| t.household.remove_missing)]),
            },
            ChangeKind::Income => {
                let recorded = parse_sar(&household.monthly_income_sar).unwrap_or_default();
                let income = read_income(&self.income, recorded).map_err(|e| vec![e])?;
                Ok(NewHouseholdChange {
                    monthly_income_sar: Some(SarAmount::Text(income.to_string())),
                    ..blank_change("income")
                })
            }
        }
    }
}

/// The server's field errors, on this form's fields and in its words.
pub fn server_field_errors(fields: &[wire::FieldError], calendar: Calendar) -> Vec<FieldError> {
    fields
        .iter()
        .map(|field| match (field.field.as_str(), field.code.as_str()) {
            ("kind", _) => error(KIND_ID, |t| t.household.kind_missing),
            ("relation" | "sex", _) => error(PERSON_ID, |t| t.household.person_missing),
            ("name", "too_long") => error(NAME_ID, |t| t.household.name_too_long),
            ("name", "control_character") => error(NAME_ID, |t| t.household.name_control),
            ("name", _) => error(NAME_ID, |t| t.household.name_missing),
            ("nationality", _) => error(NATIONALITY_ID, |t| t.household.nationality_missing),
            ("birth_date" | "calendar", code) => {
                let problem = match code {
                    "required" => DateInputError::Missing,
                    "out_of_range" => DateInputError::OutOfRange,
                    "birth_in_future" => DateInputError::InFuture,
                    _ => DateInputError::NoSuchDay,
                };
                error(BIRTH_ID, problem.message(calendar))
            }
            ("member_id", "already_requested") => {
                error(REMOVE_ID, |t| t.household.remove_already_requested)
            }
            ("member_id", _) => error(REMOVE_ID, |t| t.household.remove_missing),
            ("monthly_income_sar", code) => error(
                INCOME_ID,
                match code {
                    "negative_income" => |t| t.household.income_negative,
                    "too_much_precision" => |t| t.household.income_precision,
                    "bad_amount" => |t| t.household.income_not_number,
                    "too_large" => |t| t.household.income_too_large,
                    "unchanged" => |t| t.household.income_unchanged,
                    _ => |t| t.household.income_missing,
                },
            ),
            _ => error(KIND_ID, |t| t.sign_in.unexpected),
        })
        .collect()
}

/// One member's eligibility on one side: `None` when not in that household.
pub type Status = Option<bool>;

/// One side of the preview: each row's status (the applicant's first) and the estimated
/// monthly support.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub members: Vec<Status>,
    pub support: u32,
}

/// A row of the preview: who, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub name_ar: String,
    pub name_en: String,
    pub relation: String,
    pub sex: Option<String>,
    /// Added by this change.
    pub new: bool,
    /// Removed by this change.
    pub removed: bool,
}

/// Today's household and the changed one, side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub rows: Vec<Row>,
    pub now: Side,
    pub after: Side,
    pub income_now: Halalas,
    pub income_after: Halalas,
}

/// The household as recorded, as the rules read it, on `date`.
pub fn recorded_household(view: &HouseholdView, date: Date) -> Option<Household> {
    let applicant = &view.applicant;
    let (birth_date, birth_date_hijri) = birth_fields(&applicant.birth_date, &applicant.calendar);
    let dependents = view
        .members
        .iter()
        .map(|member| {
            let (birth_date, birth_date_hijri) = birth_fields(&member.birth_date, &member.calendar);
            Some(Dependent {
                relation: Relation::from_code(&member.relation)?,
                birth_date,
                birth_date_hijri,
                nationality: Nationality::from_code(&member.nationality)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Household {
        date,
        applicant: Applicant {
            kind: ApplicantKind::from_code(&applicant.kind).unwrap_or(ApplicantKind::Head),
            birth_date,
            birth_date_hijri,
            nationality: Nationality::from_code(&applicant.nationality)?,
            resident_last_3_months: applicant.resident_last_3_months,
            detained_or_sheltered: applicant.detained_or_sheltered,
            bank_account: applicant.bank_account,
            // The IBAN is not sent to the browser: a recorded one that fails the IBAN rule
            // stands in as any text that fails it too, so the rules say `invalid_iban` here
            // as they do on the server.
            iban: (!applicant.iban_valid).then(|| "-".to_string()),
            housing_proof: applicant.housing_proof,
        },
        dependents,
        monthly_income: SarAmount::Text(view.monthly_income_sar.clone()),
    })
}

/// The rules' answer for one household, with the record-based reason the server adds (a
/// commercial registration stops support whatever the rules say).
fn side(household: &Household, commercial_registration: bool) -> Option<(bool, Vec<bool>, u32)> {
    let assessment = rules::assess(household).ok()?;
    let eligible = assessment.eligible && !commercial_registration;
    let members = assessment
        .dependents
        .iter()
        .map(|dependent| eligible && dependent.covered)
        .collect();
    let support = if eligible {
        rules::estimate(&assessment).ok()?.monthly_support
    } else {
        0
    };
    Some((eligible, members, support))
}

/// The preview of `change` on the household as recorded, on `today`.
pub fn preview(view: &HouseholdView, change: &NewHouseholdChange, today: Date) -> Option<Preview> {
    let before = recorded_household(view, today)?;
    let mut after = before.clone();
    let mut rows: Vec<Row> = std::iter::once(Row {
        name_ar: view.applicant.name_ar.clone(),
        name_en: view.applicant.name_en.clone(),
        relation: "applicant".to_string(),
        sex: None,
        new: false,
        removed: false,
    })
    .chain(view.members.iter().map(|member| Row {
        name_ar: member.name_ar.clone(),
        name_en: member.name_en.clone(),
        relation: member.relation.clone(),
        sex: member.sex.clone(),
        new: false,
        removed: false,
    }))
    .collect();
    let mut removed = None;
    match change.kind.as_str() {
        "add_dependent" => {
            let calendar = change.calendar.as_deref().unwrap_or_default();
            let (birth_date, birth_date_hijri) =
                birth_fields(change.birth_date.as_deref().unwrap_or_default(), calendar);
            after.dependents.push(Dependent {
                relation: Relation::from_code(change.relation.as_deref().unwrap_or_default())?,
                birth_date,
                birth_date_hijri,
                nationality: Nationality::from_code(
                    change.nationality.as_deref().unwrap_or_default(),
                )?,
            });
            let name = change.name.clone().unwrap_or_default();
            rows.push(Row {
                name_ar: name.clone(),
                name_en: name,
                relation: change.relation.clone().unwrap_or_default(),
                sex: change.sex.clone(),
                new: true,
                removed: false,
            });
        }
        "remove_dependent" => {
            let index = view
                .members
                .iter()
                .position(|member| Some(member.id) == change.member_id)?;
            after.dependents.remove(index);
            removed = Some(index);
            if let Some(row) = rows.get_mut(index + 1) {
                row.removed = true;
            }
        }
        "income" => {
            after.monthly_income = change.monthly_income_sar.clone()?;
        }
        _ => return None,
    }
    let commercial = view.commercial_registration;
    let (now_eligible, now_members, now_support) = side(&before, commercial)?;
    let (after_eligible, after_members, after_support) = side(&after, commercial)?;

    let mut now: Vec<Status> = std::iter::once(Some(now_eligible))
        .chain(now_members.into_iter().map(Some))
        .collect();
    let mut later: Vec<Status> = vec![Some(after_eligible)];
    let mut after_members = after_members.into_iter();
    for index in 0..view.members.len() {
        later.push(if removed == Some(index) {
            None
        } else {
            after_members.next()
        });
    }
    // The added member, if any: not in today's household.
    if rows.len() > now.len() {
        now.push(None);
        later.push(after_members.next());
    }
    let income_now = before.monthly_income.to_halalas().ok()?;
    let income_after = after.monthly_income.to_halalas().ok()?;
    Some(Preview {
        rows,
        now: Side {
            members: now,
            support: now_support,
        },
        after: Side {
            members: later,
            support: after_support,
        },
        income_now,
        income_after,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wire::{HouseholdApplicant, HouseholdMember};

    use crate::i18n::Lang;

    fn household() -> HouseholdView {
        let member = |id, relation: &str, sex: &str, date: &str| HouseholdMember {
            id,
            relation: relation.into(),
            sex: Some(sex.into()),
            name_ar: format!("فرد {id}"),
            name_en: format!("Member {id}"),
            birth_date: date.into(),
            calendar: "hijri".into(),
            nationality: "saudi".into(),
        };
        HouseholdView {
            applicant: HouseholdApplicant {
                name_ar: "ناصر".into(),
                name_en: "Nasser".into(),
                kind: "head".into(),
                birth_date: "1406-08-14".into(),
                calendar: "hijri".into(),
                nationality: "saudi".into(),
                resident_last_3_months: true,
                detained_or_sheltered: false,
                bank_account: true,
                iban_valid: true,
                housing_proof: false,
            },
            members: vec![
                member(11, "spouse", "female", "1410-02-18"),
                member(12, "child", "male", "1437-04-09"),
                member(13, "child", "female", "1441-06-27"),
            ],
            monthly_income_sar: "3000.00".into(),
            commercial_registration: false,
        }
    }

    fn today() -> Date {
        Date::new(2026, 11, 27).expect("a date")
    }

    fn daughter() -> ChangeInput {
        ChangeInput {
            kind: Some(ChangeKind::Add),
            person: Some(Person::Daughter),
            name: " رغد ".into(),
            nationality: Some(Nationality::Saudi),
            birth: DateInput {
                calendar: Calendar::Gregorian,
                day: "١".into(),
                month: "9".into(),
                year: "2026".into(),
            },
            ..ChangeInput::default()
        }
    }

    #[test]
    fn a_new_daughter_is_eligible_and_raises_the_estimate() {
        let view = household();
        let change = daughter().read(&view, today()).expect("valid");
        assert_eq!(change.sex.as_deref(), Some("female"));
        assert_eq!(change.relation.as_deref(), Some("child"));
        assert_eq!(change.birth_date.as_deref(), Some("2026-09-01"));
        let preview = preview(&view, &change, today()).expect("assessable");
        assert_eq!(preview.rows.len(), 5);
        assert_eq!(preview.now.members[4], None);
        assert_eq!(preview.after.members[4], Some(true));
        assert_eq!(preview.now.support, 720 + 360 + 216 * 2);
        assert_eq!(preview.after.support, 720 + 360 + 216 * 3);
    }

    #[test]
    fn an_income_above_the_cap_stops_the_support() {
        let view = household();
        let input = ChangeInput {
            kind: Some(ChangeKind::Income),
            income: "٢٥٠٠٠".into(),
            ..ChangeInput::default()
        };
        let change = input.read(&view, today()).expect("valid");
        let preview = preview(&view, &change, today()).expect("assessable");
        assert_eq!(preview.after.support, 0);
        assert_eq!(preview.income_after, Halalas::from_sar(25_000));
        let same = ChangeInput {
            income: "3000".into(),
            ..input
        };
        let errors = same.read(&view, today()).expect_err("unchanged");
        let texts = Lang::Ar.texts();
        assert_eq!((errors[0].message)(texts), texts.household.income_unchanged);
    }

    #[test]
    fn a_removed_member_leaves_the_household_after_the_change() {
        let view = household();
        let input = ChangeInput {
            kind: Some(ChangeKind::Remove),
            remove: Some(12),
            ..ChangeInput::default()
        };
        let change = input.read(&view, today()).expect("valid");
        let preview = preview(&view, &change, today()).expect("assessable");
        assert!(preview.rows[2].removed);
        assert_eq!(
            preview.after.members,
            [Some(true), Some(true), None, Some(true)]
        );
        assert!(preview.after.support < preview.now.support);
        let foreign = ChangeInput {
            remove: Some(99),
            ..input
        };
        assert!(foreign.read(&view, today()).is_err());
    }

    #[test]
    fn every_missing_answer_is_named_in_the_forms_order() {
        let view = household();
        let texts = Lang::Ar.texts();
        let errors = ChangeInput::default()
            .read(&view, today())
            .expect_err("no kind");
        assert_eq!(errors[0].id, KIND_ID);
        let errors = ChangeInput {
            kind: Some(ChangeKind::Add),
            name: "\u{200B}".into(),
            ..ChangeInput::default()
        }
        .read(&view, today())
        .expect_err("empty");
        let ids: Vec<&str> = errors.iter().map(|e| e.id).collect();
        assert_eq!(ids, [PERSON_ID, NAME_ID, NATIONALITY_ID, BIRTH_ID]);
        assert_eq!((errors[1].message)(texts), texts.household.name_missing);
        let future = ChangeInput {
            birth: DateInput {
                year: "2030".into(),
                ..daughter().birth
            },
            ..daughter()
        };
        let errors = future.read(&view, today()).expect_err("future");
        assert_eq!((errors[0].message)(texts), texts.forms.date_in_future);
    }

    #[test]
    fn server_field_codes_land_on_the_forms_fields() {
        let texts = Lang::Ar.texts();
        let fields = [
            wire::FieldError {
                field: "member_id".into(),
                code: "already_requested".into(),
            },
            wire::FieldError {
                field: "birth_date".into(),
                code: "birth_in_future".into(),
            },
        ];
        let errors = server_field_errors(&fields, Calendar::Hijri);
        assert_eq!(errors[0].id, REMOVE_ID);
        assert_eq!(
            (errors[0].message)(texts),
            texts.household.remove_already_requested
        );
        assert_eq!((errors[1].message)(texts), texts.forms.date_in_future);
    }
}
