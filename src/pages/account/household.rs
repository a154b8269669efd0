//! «تحديث البيانات» (`/account/household`): the household as recorded, one change (add a
//! member, remove one, a new monthly income), then a preview worked out here with the shared
//! rules (`rules::assess` and `rules::estimate` on today's household and on the changed one,
//! side by side, and the first payment it would apply to), then the request is sent with an
//! `Idempotency-Key` and listed with its reference and status.
//!
//! What was typed lives in the page's signals, outside the steps, so going back from the
//! preview or a failed call keeps every answer.

use leptos::{prelude::*, task::spawn_local};
use rules::{
    Date, Halalas, HijriDate, Household,
    eligibility::{Applicant, ApplicantKind, Dependent, Nationality, Relation},
    money::{MoneyError, SarAmount, parse_sar},
    normalize::typed_digits,
    payment_cycle,
};
use wire::{
    HOUSEHOLD_INCOME_MAX_SAR, HouseholdChange, HouseholdView, MEMBER_NAME_MAX, NewHouseholdChange,
};

use super::{name, show};
use crate::{
    api::{self, ApiError},
    components::{
        button::{Button, ButtonKind},
        choice::{Choice, RadioGroup},
        date_field::{Calendar, DateField, DateInput},
        error_summary::ErrorSummary,
        form::{FieldError, FormErrors, InlineError, described_by, focus_by_id},
        loading::Problem,
        notice::{Notice, Tone, word_tag},
        page::PageHeading,
        summary_list::{SummaryList, SummaryRow},
        text_field::TextField,
    },
    format,
    i18n::{Lang, Text, Texts, fill, lang, t},
    messages,
    pages::account::objection::draft::new_key,
    session::{Load, load, use_session},
};

/// The field ids, which the error summary links to.
pub const KIND_ID: &str = "change-kind";
pub const PERSON_ID: &str = "member-relation";
pub const NAME_ID: &str = "member-name";
pub const NATIONALITY_ID: &str = "member-nationality";
pub const BIRTH_ID: &str = "member-birth-date";
pub const REMOVE_ID: &str = "member-remove";
pub const INCOME_ID: &str = "new-income";

/// The id of the preview's heading and of the confirmation's, which take focus.
const PREVIEW_HEADING: &str = "household-preview";
const SENT_HEADING: &str = "household-sent";

/// Reasons "not eligible" that updating the household's data can resolve: an independent
/// individual with dependents (remove them), and data that does not match the records. Not
/// nationality, residency, detention or a bank account: no household change alters those.
pub const FIXABLE_REASONS: &[&str] = &["has_dependents", "data_mismatch"];

/// Whether a member's reasons include one a household update can resolve.
pub fn fixable_by_update(reasons: &[String]) -> bool {
    reasons
        .iter()
        .any(|reason| FIXABLE_REASONS.contains(&reason.as_str()))
}

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

    pub fn sex(self) -> &'static str {
        match self {
            Person::Husband | Person::Son | Person::RelativeMale => "male",
            Person::Wife | Person::Daughter | Person::RelativeFemale => "female",
        }
    }
}

const KINDS: &[Choice<ChangeKind>] = &[
    Choice {
        value: ChangeKind::Add,
        label: |t| t.household.kind_add,
        hint: Some(|t| t.household.kind_add_hint),
    },
    Choice {
        value: ChangeKind::Remove,
        label: |t| t.household.kind_remove,
        hint: Some(|t| t.household.kind_remove_hint),
    },
    Choice {
        value: ChangeKind::Income,
        label: |t| t.household.kind_income,
        hint: None,
    },
];

const PEOPLE: &[Choice<Person>] = &[
    Choice {
        value: Person::Wife,
        label: |t| t.household.person_wife,
        hint: None,
    },
    Choice {
        value: Person::Husband,
        label: |t| t.household.person_husband,
        hint: None,
    },
    Choice {
        value: Person::Son,
        label: |t| t.household.person_son,
        hint: None,
    },
    Choice {
        value: Person::Daughter,
        label: |t| t.household.person_daughter,
        hint: None,
    },
    Choice {
        value: Person::RelativeMale,
        label: |t| t.household.person_relative_male,
        hint: None,
    },
    Choice {
        value: Person::RelativeFemale,
        label: |t| t.household.person_relative_female,
        hint: None,
    },
];

const NATIONALITIES: &[Choice<Nationality>] = &[
    Choice {
        value: Nationality::Saudi,
        label: |t| t.household.nationality_saudi,
        hint: None,
    },
    Choice {
        value: Nationality::MobilityCard,
        label: |t| t.household.nationality_mobility_card,
        hint: None,
    },
    Choice {
        value: Nationality::NonSaudi,
        label: |t| t.household.nationality_other,
        hint: None,
    },
];

/// A relation in words with the member's sex when recorded: الزوجة, الزوج, ابن, ابنة.
pub fn relation_words(texts: &'static Texts, relation: &str, sex: Option<&str>) -> &'static str {
    let words = &texts.household;
    match (relation, sex) {
        ("applicant", _) => texts.account.applicant,
        ("spouse", Some("female")) => words.wife,
        ("spouse", Some("male")) => words.husband,
        ("spouse", _) => words.spouse_unknown,
        ("child", Some("female")) => words.daughter,
        ("child", Some("male")) => words.son,
        ("child", _) => words.child_unknown,
        (_, Some("female")) => words.relative_female,
        (_, Some("male")) => words.relative_male,
        _ => words.relative_unknown,
    }
}

fn relation_code(relation: Relation) -> &'static str {
    match relation {
        Relation::Spouse => "spouse",
        Relation::Child => "child",
        Relation::Other => "other",
    }
}

fn nationality_code(nationality: Nationality) -> &'static str {
    match nationality {
        Nationality::Saudi => "saudi",
        Nationality::MobilityCard => "mobility_card",
        Nationality::NonSaudi => "non_saudi",
    }
}

fn parse_nationality(code: &str) -> Option<Nationality> {
    match code {
        "saudi" => Some(Nationality::Saudi),
        "mobility_card" => Some(Nationality::MobilityCard),
        "non_saudi" => Some(Nationality::NonSaudi),
        _ => None,
    }
}

fn parse_relation(code: &str) -> Option<Relation> {
    match code {
        "spouse" => Some(Relation::Spouse),
        "child" => Some(Relation::Child),
        "other" => Some(Relation::Other),
        _ => None,
    }
}

/// A date as recorded into the rules' two birth-date fields.
fn birth_fields(date: &str, calendar: &str) -> (Option<String>, Option<String>) {
    if calendar == "hijri" {
        (None, Some(date.to_string()))
    } else {
        (Some(date.to_string()), None)
    }
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
                            relation: Some(relation_code(person.relation()).to_string()),
                            sex: Some(person.sex().to_string()),
                            name: Some(name),
                            birth_date: Some(iso),
                            calendar: Some(
                                match self.birth.calendar {
                                    Calendar::Hijri => "hijri",
                                    Calendar::Gregorian => "gregorian",
                                }
                                .to_string(),
                            ),
                            nationality: Some(nationality_code(nationality).to_string()),
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
                use crate::components::date_field::DateInputError;
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
            _ => error(KIND_ID, |t| t.account.unexpected),
        })
        .collect()
}

/// One member's eligibility on one side: `None` when not in that household.
pub type Status = Option<bool>;

/// One side of the preview: each row's status and the estimated monthly support.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub eligible: bool,
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
                relation: parse_relation(&member.relation)?,
                birth_date,
                birth_date_hijri,
                nationality: parse_nationality(&member.nationality)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Household {
        date,
        applicant: Applicant {
            kind: if applicant.kind == "independent" {
                ApplicantKind::Independent
            } else {
                ApplicantKind::Head
            },
            birth_date,
            birth_date_hijri,
            nationality: parse_nationality(&applicant.nationality)?,
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
                relation: parse_relation(change.relation.as_deref().unwrap_or_default())?,
                birth_date,
                birth_date_hijri,
                nationality: parse_nationality(change.nationality.as_deref().unwrap_or_default())?,
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
            eligible: now_eligible,
            members: now,
            support: now_support,
        },
        after: Side {
            eligible: after_eligible,
            members: later,
            support: after_support,
        },
        income_now,
        income_after,
    })
}

/// A birth date as recorded, Gregorian first with Hijri beside; as recorded when unreadable.
fn birth_words(lang: Lang, date: &str, calendar: &str) -> String {
    let day = if calendar == "hijri" {
        HijriDate::parse_recorded(date)
            .ok()
            .and_then(|recorded| recorded.date.to_gregorian().ok())
    } else {
        Date::parse(date).ok()
    };
    day.map_or_else(|| date.to_string(), |day| format::both(lang, day))
}

/// A change request in one line: "إضافة رغد", "تغيير الدخل الشهري إلى 4,500.00 ر.س".
fn change_words(lang: Lang, change: &HouseholdChange) -> String {
    let words = &lang.texts().household;
    match change.kind.as_str() {
        "add_dependent" => fill(
            words.change_add,
            &[change.name.as_deref().unwrap_or_default()],
        ),
        "remove_dependent" => {
            let member = match lang {
                Lang::Ar => change.member_name_ar.as_deref(),
                Lang::En => change.member_name_en.as_deref(),
            };
            fill(words.change_remove, &[member.unwrap_or_default()])
        }
        _ => {
            let amount = change
                .monthly_income_sar
                .as_deref()
                .and_then(|sar| parse_sar(sar).ok())
                .map(|income| format::sar_with_halalas(lang, income.0))
                .unwrap_or_default();
            fill(words.change_income, &[&amount])
        }
    }
}

fn status_words(texts: &'static Texts, status: &str) -> (&'static str, Tone) {
    let words = &texts.household;
    match status {
        "accepted" => (words.status_accepted, Tone::Success),
        "rejected" => (words.status_rejected, Tone::Warning),
        _ => (words.status_under_review, Tone::Info),
    }
}

/// Eligible / not eligible as a word and a mark, or why the member is not on this side.
fn status_cell(texts: &'static Texts, status: Status, removed: bool) -> AnyView {
    match status {
        Some(true) => word_tag(texts.account.eligible, Tone::Success).into_any(),
        Some(false) => word_tag(texts.account.not_eligible, Tone::Warning).into_any(),
        None if removed => view! { <span>{texts.household.removed}</span> }.into_any(),
        None => view! { <span>{texts.household.not_in_household}</span> }.into_any(),
    }
}

/// Where the page is.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Form,
    Preview(NewHouseholdChange),
    Sent(HouseholdChange),
}

/// Every answer of the form, each its own signal, made once for the page.
#[derive(Debug, Clone, Copy)]
struct Answers {
    kind: RwSignal<Option<ChangeKind>>,
    person: RwSignal<Option<Person>>,
    name: RwSignal<String>,
    nationality: RwSignal<Option<Nationality>>,
    birth: RwSignal<DateInput>,
    remove: RwSignal<Option<i64>>,
    income: RwSignal<String>,
}

impl Answers {
    fn new() -> Self {
        Answers {
            kind: RwSignal::new(None),
            person: RwSignal::new(None),
            name: RwSignal::new(String::new()),
            nationality: RwSignal::new(None),
            birth: RwSignal::new(DateInput::default()),
            remove: RwSignal::new(None),
            income: RwSignal::new(String::new()),
        }
    }

    fn input(&self) -> ChangeInput {
        ChangeInput {
            kind: self.kind.get_untracked(),
            person: self.person.get_untracked(),
            name: self.name.get_untracked(),
            nationality: self.nationality.get_untracked(),
            birth: self.birth.get_untracked(),
            remove: self.remove.get_untracked(),
            income: self.income.get_untracked(),
        }
    }

    fn clear(&self) {
        self.kind.set(None);
        self.person.set(None);
        self.name.set(String::new());
        self.nationality.set(None);
        self.birth.set(DateInput::default());
        self.remove.set(None);
        self.income.set(String::new());
    }
}

/// Moves focus to `id` once the new step is drawn.
fn focus_soon(id: &'static str) {
    request_animation_frame(move || focus_by_id(id));
}

#[component]
pub fn HouseholdPage() -> impl IntoView {
    let (household, household_retry) = load(api::household);
    let (requests, requests_retry) = load(api::household_changes);
    let answers = Answers::new();
    let errors = FormErrors::new();
    let step = RwSignal::new(Step::Form);
    view! {
        <PageHeading title=|t| t.household.title lead=|t| t.household.lead errors=errors />
        {show(household, household_retry, move |view| {
            let view = StoredValue::new(view);
            view! {
                <TodaySection view=view />
                {move || match step.get() {
                    Step::Form => view! { <ChangeForm view=view answers=answers errors=errors step=step /> }.into_any(),
                    Step::Preview(change) => view! {
                        <PreviewStep view=view change=change answers=answers errors=errors step=step requests_retry=requests_retry />
                    }
                    .into_any(),
                    Step::Sent(change) => view! { <SentStep change=change answers=answers step=step /> }.into_any(),
                }}
            }
        })}
        <RequestsSection requests=requests retry=requests_retry />
    }
}

/// The household as recorded: who, their relation, their birth date, and the income.
#[component]
fn TodaySection(view: StoredValue<HouseholdView>) -> impl IntoView {
    let rows = move || {
        let lang = lang();
        let texts = lang.texts();
        view.with_value(|view| {
            let mut rows = vec![SummaryRow {
                key: texts.household.you,
                value: vec![
                    name(lang, &view.applicant.name_ar, &view.applicant.name_en).to_string(),
                    birth_words(lang, &view.applicant.birth_date, &view.applicant.calendar),
                ],
                change: None,
            }];
            rows.extend(view.members.iter().map(|member| SummaryRow {
                key: relation_words(texts, &member.relation, member.sex.as_deref()),
                value: vec![
                    name(lang, &member.name_ar, &member.name_en).to_string(),
                    birth_words(lang, &member.birth_date, &member.calendar),
                ],
                change: None,
            }));
            rows.push(SummaryRow {
                key: texts.household.income_label,
                value: vec![
                    parse_sar(&view.monthly_income_sar)
                        .map(|income| format::sar_with_halalas(lang, income.0))
                        .unwrap_or_else(|_| view.monthly_income_sar.clone()),
                ],
                change: None,
            });
            rows
        })
    };
    view! {
        <section aria-labelledby="household-today">
            <h2 id="household-today">{t(|t| t.household.today_title)}</h2>
            {move || view! { <SummaryList rows=rows() change_label=lang().texts().forms.change /> }}
        </section>
    }
}

/// The members to choose from for a removal: a radio group whose labels are names.
#[component]
fn MemberChoice(
    view: StoredValue<HouseholdView>,
    selected: RwSignal<Option<i64>>,
    errors: FormErrors,
) -> impl IntoView {
    let error = move || errors.for_field(REMOVE_ID);
    let options = move || {
        let lang = lang();
        let texts = lang.texts();
        view.with_value(|view| {
            view.members
                .iter()
                .enumerate()
                .map(|(index, member)| {
                    let id = member.id;
                    let input_id = if index == 0 {
                        REMOVE_ID.to_string()
                    } else {
                        format!("{REMOVE_ID}-{index}")
                    };
                    let label = format!(
                        "{} ({})",
                        name(lang, &member.name_ar, &member.name_en),
                        relation_words(texts, &member.relation, member.sex.as_deref())
                    );
                    view! {
                        <div class="choice">
                            <input
                                class="choice__input"
                                type="radio"
                                id=input_id.clone()
                                name=REMOVE_ID
                                prop:checked=move || selected.get() == Some(id)
                                on:change=move |_| selected.set(Some(id))
                            />
                            <label class="choice__label" for=input_id>{label}</label>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <fieldset class="fieldset" aria-describedby=move || described_by(REMOVE_ID, false, error().is_some())>
                <legend class="fieldset__legend">{t(|t| t.household.remove_legend)}</legend>
                {move || error().map(|message| view! { <InlineError id=REMOVE_ID message=message /> })}
                <div class="choices">{options}</div>
            </fieldset>
        </div>
    }
}

/// Step 1: what changed.
#[component]
fn ChangeForm(
    view: StoredValue<HouseholdView>,
    answers: Answers,
    errors: FormErrors,
    step: RwSignal<Step>,
) -> impl IntoView {
    let today = format::today();
    // Saudis' records carry a Hijri birth date, others' a Gregorian one (as the pre-check
    // asks); the calendar follows the nationality until a date is typed.
    Effect::new(move |_| {
        let Some(nationality) = answers.nationality.get() else {
            return;
        };
        let calendar = if nationality == Nationality::Saudi {
            Calendar::Hijri
        } else {
            Calendar::Gregorian
        };
        let untouched = answers.birth.with_untracked(|birth| {
            birth.day.is_empty() && birth.month.is_empty() && birth.year.is_empty()
        });
        if untouched && answers.birth.with_untracked(|birth| birth.calendar) != calendar {
            answers.birth.update(|birth| birth.calendar = calendar);
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(today) = today else {
            return;
        };
        let read = view.with_value(|view| answers.input().read(view, today));
        if let Some(change) = errors.check(read) {
            step.set(Step::Preview(change));
            focus_soon(PREVIEW_HEADING);
        }
    };
    let has_members = view.with_value(|view| !view.members.is_empty());
    view! {
        <ErrorSummary errors=errors />
        <form class="form" novalidate on:submit=submit>
            <RadioGroup id=KIND_ID legend=|t| t.household.kind_legend options=KINDS selected=answers.kind errors=errors />
            {move || match answers.kind.get() {
                Some(ChangeKind::Add) => view! {
                    <RadioGroup id=PERSON_ID legend=|t| t.household.person_legend options=PEOPLE selected=answers.person errors=errors />
                    <TextField id=NAME_ID label=|t| t.household.name_label hint=|t| t.household.name_hint value=answers.name errors=errors autocomplete="off" />
                    <RadioGroup id=NATIONALITY_ID legend=|t| t.household.nationality_legend options=NATIONALITIES selected=answers.nationality errors=errors />
                    <DateField id=BIRTH_ID legend=|t| t.household.birth_legend hint=|t| t.household.birth_hint value=answers.birth errors=errors today=today />
                }
                .into_any(),
                Some(ChangeKind::Remove) if has_members => {
                    view! { <MemberChoice view=view selected=answers.remove errors=errors /> }.into_any()
                }
                Some(ChangeKind::Remove) => view! { <p>{t(|t| t.household.no_members)}</p> }.into_any(),
                Some(ChangeKind::Income) => view! {
                    <TextField
                        id=INCOME_ID
                        label=|t| t.household.income_new_label
                        hint=|t| t.household.income_new_hint
                        value=answers.income
                        errors=errors
                        inputmode="decimal"
                        class="input--10"
                    />
                }
                .into_any(),
                None => ().into_any(),
            }}
            <Button label=|t| t.household.preview_button />
        </form>
    }
}

/// Step 2: now and after, side by side, and "send".
#[component]
fn PreviewStep(
    view: StoredValue<HouseholdView>,
    change: NewHouseholdChange,
    answers: Answers,
    errors: FormErrors,
    step: RwSignal<Step>,
    requests_retry: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let today = format::today();
    let computed = today.and_then(|today| view.with_value(|view| preview(view, &change, today)));
    let applies = today.and_then(|today| payment_cycle::first_cycle_for_change(today).ok());
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let problem = Signal::derive(move || {
        failure.with(|failure| {
            failure.as_ref().map(|error| {
                let lang = lang();
                match error.code() {
                    "too_many_open_changes" => lang.texts().household.too_many_open.to_string(),
                    _ => messages::api_error(lang, error),
                }
            })
        })
    });
    // One key for exactly this request: a retry after a lost answer files it once.
    let key = StoredValue::new(new_key());
    let request = StoredValue::new(change);
    let back = move || {
        step.set(Step::Form);
        focus_soon(KIND_ID);
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        failure.set(None);
        spawn_local(async move {
            let answer = session
                .call(api::file_household_change(
                    &request.get_value(),
                    &key.get_value(),
                ))
                .await;
            match answer {
                Ok(filed) => {
                    answers.clear();
                    requests_retry.run(());
                    let _ = step.try_set(Step::Sent(filed));
                    focus_soon(SENT_HEADING);
                }
                // Signed out: the account area goes to the login page.
                Err(error) if error.is_unauthenticated() => {}
                Err(error) => {
                    let fields = error
                        .body()
                        .map(|body| body.fields.clone())
                        .unwrap_or_default();
                    if !fields.is_empty() {
                        // Back to the form, everything typed still there, the fields marked.
                        let calendar = answers.birth.with_untracked(|birth| birth.calendar);
                        let _ = step.try_set(Step::Form);
                        errors.fail(server_field_errors(&fields, calendar));
                        return;
                    }
                    if error.code() == "idempotency_key_reused" {
                        key.set_value(new_key());
                    }
                    let _ = failure.try_set(Some(error));
                    let _ = pending.try_set(false);
                }
            }
        });
    };
    let table = move || {
        let lang = lang();
        let texts = lang.texts();
        let words = &texts.household;
        let Some(preview) = computed.clone() else {
            return view! { <Notice><p>{words.cannot_preview}</p></Notice> }.into_any();
        };
        let members = preview
            .rows
            .iter()
            .enumerate()
            .map(|(index, row)| {
                let now = preview.now.members.get(index).copied().flatten();
                let after = preview.after.members.get(index).copied().flatten();
                let relation = if row.relation == "applicant" {
                    words.you
                } else {
                    relation_words(texts, &row.relation, row.sex.as_deref())
                };
                view! {
                    <tr>
                        <th scope="row">
                            {name(lang, &row.name_ar, &row.name_en).to_string()}
                            <span class="hint">
                                {relation}
                                {row.new.then(|| format!("{}{}", texts.forms.separator, words.new_member))}
                            </span>
                        </th>
                        <td>{status_cell(texts, now, false)}</td>
                        <td>{status_cell(texts, after, row.removed)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            // Focusable and named, so a keyboard can scroll it where a narrow screen and
            // long words make it wider than the page.
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="household-preview-caption">
                <table class="table">
                    <caption id="household-preview-caption" class="table__caption">{words.preview_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{words.col_member}</th>
                            <th scope="col">{words.col_now}</th>
                            <th scope="col">{words.col_after}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {members}
                        <tr>
                            <th scope="row">{words.income_label}</th>
                            <td>{format::sar_with_halalas(lang, preview.income_now.0)}</td>
                            <td>{format::sar_with_halalas(lang, preview.income_after.0)}</td>
                        </tr>
                        <tr>
                            <th scope="row">{words.support_row}</th>
                            <td class="table__number"><strong>{format::sar(lang, i64::from(preview.now.support))}</strong></td>
                            <td class="table__number"><strong>{format::sar(lang, i64::from(preview.after.support))}</strong></td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <p class="hint">{words.estimate_note}</p>
        }
        .into_any()
    };
    let applies_line = move || {
        let lang = lang();
        let words = &lang.texts().household;
        applies.map(|next| {
            view! {
                <p>
                    <strong>
                        {fill(words.applies_from, &[&format::number(lang, i64::from(next.number)), &format::both(lang, next.date)])}
                    </strong>
                </p>
                <p class="hint">{words.applies_rule}</p>
            }
        })
    };
    view! {
        <section aria-labelledby=PREVIEW_HEADING>
            <h2 id=PREVIEW_HEADING tabindex="-1">{t(|t| t.household.preview_title)}</h2>
            <p>{t(|t| t.household.preview_lead)}</p>
            <Problem message=problem />
            {table}
            {applies_line}
            <form class="form" novalidate on:submit=submit>
                <div class="button-group">
                    <button type="submit" class="button" disabled=move || pending.get()>
                        {t(|t| t.household.submit_button)}
                    </button>
                    <Button label=|t| t.household.edit_button kind=ButtonKind::Secondary on_click=Callback::new(move |()| back()) />
                </div>
                <p class="hint" role="status">{move || pending.get().then(|| t(|t| t.account.sending)())}</p>
            </form>
        </section>
    }
}

/// Step 3: the reference and the status.
#[component]
fn SentStep(change: HouseholdChange, answers: Answers, step: RwSignal<Step>) -> impl IntoView {
    let reference = change.reference.clone();
    let again = move |()| {
        answers.clear();
        step.set(Step::Form);
        focus_soon(KIND_ID);
    };
    view! {
        <Notice tone=Tone::Success>
            <h2 id=SENT_HEADING tabindex="-1">{t(|t| t.household.sent_title)}</h2>
            <p role="status">{move || fill(lang().texts().household.sent_body, &[&reference])}</p>
        </Notice>
        <Button label=|t| t.household.another_button kind=ButtonKind::Secondary on_click=Callback::new(again) />
    }
}

/// The household's requests: reference, change, date, status, first payment.
#[component]
fn RequestsSection(
    requests: RwSignal<Load<Vec<HouseholdChange>>>,
    retry: Callback<()>,
) -> impl IntoView {
    view! {
        <section aria-labelledby="household-requests">
            <h2 id="household-requests">{t(|t| t.household.requests_title)}</h2>
            {show(requests, retry, |requests| {
                let lang = lang();
                let texts = lang.texts();
                let words = &texts.household;
                if requests.is_empty() {
                    return view! { <p>{words.no_requests}</p> }.into_any();
                }
                view! {
                    <ul class="plain-list tickets" aria-label=words.requests_caption>
                        {requests
                            .into_iter()
                            .map(|change| {
                                let (word, tone) = status_words(texts, &change.status);
                                view! {
                                    <li class="card ticket">
                                        <h3 class="ticket__reference" dir="ltr">{change.reference.clone()}</h3>
                                        <p>{word_tag(word, tone)}</p>
                                        <dl class="ticket__details">
                                            <dt>{words.col_change}</dt>
                                            <dd>{change_words(lang, &change)}</dd>
                                            <dt>{words.col_date}</dt>
                                            <dd>{format::iso_date(lang, &change.submitted_on)}</dd>
                                            <dt>{words.col_applies}</dt>
                                            <dd>
                                                {fill(words.payment_n, &[&format::number(lang, i64::from(change.applies_from.number))])}
                                                " — "
                                                {format::iso_date(lang, &change.applies_from.date)}
                                            </dd>
                                        </dl>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wire::{HouseholdApplicant, HouseholdMember};

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
    fn relations_carry_the_members_sex_in_words() {
        let texts = Lang::Ar.texts();
        assert_eq!(relation_words(texts, "spouse", Some("female")), "الزوجة");
        assert_eq!(relation_words(texts, "spouse", Some("male")), "الزوج");
        assert_eq!(relation_words(texts, "child", Some("male")), "ابن");
        assert_eq!(relation_words(texts, "child", Some("female")), "ابنة");
        assert_eq!(relation_words(texts, "child", None), "ابن أو ابنة");
        let en = Lang::En.texts();
        assert_eq!(relation_words(en, "spouse", Some("female")), "Wife");
    }

    #[test]
    fn only_reasons_a_household_update_can_resolve_link_here() {
        assert!(fixable_by_update(&["has_dependents".into()]));
        assert!(fixable_by_update(&["data_mismatch".into()]));
        assert!(!fixable_by_update(&["nationality_not_covered".into()]));
        assert!(!fixable_by_update(&["no_bank_account".into()]));
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
