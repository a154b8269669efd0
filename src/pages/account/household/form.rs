//! Step 1: what changed. One question first (add, remove, income), then only that change's
//! fields.

use leptos::prelude::*;
use rules::eligibility::Nationality;
use wire::HouseholdView;

use super::{
    Answers, PREVIEW_HEADING, Step, focus_soon, relation_words,
    state::{
        BIRTH_ID, ChangeKind, INCOME_ID, KIND_ID, NAME_ID, NATIONALITY_ID, PERSON_ID, Person,
        REMOVE_ID,
    },
};
use crate::{
    components::{
        button::Button,
        choice::{Choice, RadioGroup},
        date_field::{Calendar, DateField},
        error_summary::ErrorSummary,
        form::{FormErrors, InlineError, described_by},
        text_field::TextField,
    },
    format,
    i18n::{lang, t},
    pages::account::name,
};

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
pub fn ChangeForm(
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
