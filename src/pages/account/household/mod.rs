//! «تحديث البيانات» (`/account/household`): the household as recorded, one change (add a
//! member, remove one, a new monthly income), then a preview worked out here with the shared
//! rules (`rules::assess` and `rules::estimate` on today's household and on the changed one,
//! side by side, and the first payment it would apply to), then the request is sent with an
//! `Idempotency-Key` and listed with its reference and status.
//!
//! What was typed lives in the page's signals, outside the steps, so going back from the
//! preview or a failed call keeps every answer.

pub mod form;
pub mod preview;
pub mod requests;
pub mod state;
pub mod today;

use leptos::prelude::*;
use rules::eligibility::{Nationality, Relation, Sex};
use wire::{HouseholdChange, NewHouseholdChange};

use self::{
    form::ChangeForm,
    preview::PreviewStep,
    requests::{RequestsSection, SentStep},
    state::{ChangeInput, ChangeKind, Person},
    today::TodaySection,
};
use crate::{
    api,
    components::{
        date_field::DateInput,
        form::{FormErrors, focus_by_id},
        page::PageHeading,
    },
    i18n::Texts,
    pages::account::show,
    session::load,
};

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

/// A relation in words with the member's sex when recorded: الزوجة, الزوج, ابن, ابنة.
pub fn relation_words(texts: &'static Texts, relation: &str, sex: Option<&str>) -> &'static str {
    if relation == "applicant" {
        return texts.account.applicant;
    }
    let words = &texts.household;
    match (Relation::from_code(relation), sex.and_then(Sex::from_code)) {
        (Some(Relation::Spouse), Some(Sex::Female)) => words.wife,
        (Some(Relation::Spouse), Some(Sex::Male)) => words.husband,
        (Some(Relation::Spouse), None) => words.spouse_unknown,
        (Some(Relation::Child), Some(Sex::Female)) => words.daughter,
        (Some(Relation::Child), Some(Sex::Male)) => words.son,
        (Some(Relation::Child), None) => words.child_unknown,
        (_, Some(Sex::Female)) => words.relative_female,
        (_, Some(Sex::Male)) => words.relative_male,
        (_, None) => words.relative_unknown,
    }
}

/// Where the page is.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Form,
    Preview(NewHouseholdChange),
    Sent(HouseholdChange),
}

/// Every answer of the form, each its own signal, made once for the page.
#[derive(Debug, Clone, Copy)]
pub struct Answers {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn relations_carry_the_members_sex_in_words() {
        let texts = Lang::Ar.texts();
        assert_eq!(relation_words(texts, "spouse", Some("female")), "الزوجة");
        assert_eq!(relation_words(texts, "spouse", Some("male")), "الزوج");
        assert_eq!(relation_words(texts, "child", Some("male")), "ابن");
        assert_eq!(relation_words(texts, "child", Some("female")), "ابنة");
        assert_eq!(relation_words(texts, "child", None), "ابن أو ابنة");
        let words = &texts.household;
        assert_eq!(
            relation_words(texts, "applicant", Some("male")),
            texts.account.applicant
        );
        assert_eq!(
            relation_words(texts, "spouse", Some("?")),
            words.spouse_unknown
        );
        assert_eq!(
            relation_words(texts, "other", Some("female")),
            words.relative_female
        );
        assert_eq!(
            relation_words(texts, "other", Some("male")),
            words.relative_male
        );
        assert_eq!(relation_words(texts, "other", None), words.relative_unknown);
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
}
