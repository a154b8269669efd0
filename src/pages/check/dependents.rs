//! `/check/dependents` (the dependents added so far, and "add another?") and
//! `/check/add-dependent` (one dependent: relation with its sex, date of birth, nationality).

use leptos::prelude::*;
use rules::eligibility::{Nationality, Relation, Sex};

use super::{
    back_href,
    state::{DependentAnswer, Kin, Step},
    use_changing, use_flow, use_go,
};
use crate::{
    components::{
        back_link::BackLink,
        button::Button,
        choice::{Choice, RadioGroup, YES_NO},
        date_field::{DateField, DateInput},
        error_summary::ErrorSummary,
        form::{FieldError, FormErrors},
        page::PageHeading,
    },
    format,
    i18n::{Lang, Texts, fill, lang, t},
};

const ADD_ID: &str = "add-dependent";
const RELATION_ID: &str = "relation";
const BIRTH_ID: &str = "dependent-birth-date";
const NATIONALITY_ID: &str = "dependent-nationality";

const RELATIONS: &[Choice<Kin>] = &[
    Choice {
        value: Kin::Husband,
        label: |t| t.check.husband,
        hint: None,
    },
    Choice {
        value: Kin::Wife,
        label: |t| t.check.wife,
        hint: None,
    },
    Choice {
        value: Kin::Son,
        label: |t| t.check.son,
        hint: None,
    },
    Choice {
        value: Kin::Daughter,
        label: |t| t.check.daughter,
        hint: None,
    },
    Choice {
        value: Kin::Other,
        label: |t| t.check.other_relative,
        hint: None,
    },
];

const NATIONALITIES: &[Choice<Nationality>] = &[
    Choice {
        value: Nationality::Saudi,
        label: |t| t.check.saudi,
        hint: None,
    },
    Choice {
        value: Nationality::MobilityCard,
        label: |t| t.check.dependent_mobility_card,
        hint: None,
    },
    Choice {
        value: Nationality::NonSaudi,
        label: |t| t.check.non_saudi,
        hint: None,
    },
];

/// A relation in words, with its sex when known ("زوجة", "ابن"); without it (answers kept by
/// an older page) both ("زوج أو زوجة").
pub fn relation_words(texts: &'static Texts, relation: Relation, sex: Option<Sex>) -> &'static str {
    let words = &texts.check;
    match Kin::of(relation, sex) {
        Some(Kin::Husband) => words.husband,
        Some(Kin::Wife) => words.wife,
        Some(Kin::Son) => words.son,
        Some(Kin::Daughter) => words.daughter,
        Some(Kin::Other) => words.other_relative,
        None if relation == Relation::Spouse => words.spouse,
        None => words.child,
    }
}

/// A nationality in words.
pub fn nationality_words(texts: &'static Texts, nationality: Nationality) -> &'static str {
    match nationality {
        Nationality::Saudi => texts.check.saudi,
        Nationality::MobilityCard => texts.check.dependent_mobility_card,
        Nationality::NonSaudi => texts.check.non_saudi,
    }
}

/// "Dependent 2: Daughter, 1435-03-12 AH, Saudi".
pub fn dependent_line(lang: Lang, index: usize, dependent: &DependentAnswer) -> String {
    let texts = lang.texts();
    let details = [
        relation_words(texts, dependent.relation, dependent.sex).to_string(),
        dependent.birth.as_typed(texts.forms.hijri_suffix),
        nationality_words(texts, dependent.nationality).to_string(),
    ];
    format!(
        "{}: {}",
        fill(
            texts.check.dependent_n,
            &[&format::number(lang, index as i64 + 1)]
        ),
        details.join(texts.forms.separator)
    )
}

#[component]
pub fn DependentsStep() -> impl IntoView {
    let flow = use_flow();
    let go = use_go();
    let navigate = leptos_router::hooks::use_navigate();
    let changing = use_changing();
    let add = RwSignal::new(None::<bool>);
    let errors = FormErrors::new();
    let has_any = move || flow.answers.with(|a| !a.dependents.is_empty());
    let remove = move |index: usize| {
        flow.answers.update(|a| {
            if index < a.dependents.len() {
                a.dependents.remove(index);
            }
        })
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match add.get_untracked() {
            None => errors.fail(vec![FieldError {
                id: ADD_ID,
                message: |t| t.check.add_missing,
            }]),
            Some(true) => {
                flow.answers.update(|a| a.dependents_done = false);
                let suffix = if changing { "?change=1" } else { "" };
                navigate(
                    &format!("{}{suffix}", Step::AddDependent.path()),
                    Default::default(),
                );
            }
            Some(false) => {
                flow.answers.update(|a| a.dependents_done = true);
                go(flow
                    .answers
                    .with_untracked(|a| a.next(Step::Dependents, changing)));
            }
        }
    };
    view! {
        <BackLink href=back_href(flow, Step::Dependents, changing) />
        <ErrorSummary errors=errors />
        <PageHeading title=|t| t.check.dependents_title lead=|t| t.check.dependents_hint errors=errors />
        <h2>{t(|t| t.check.dependents_added)}</h2>
        {move || {
            let lang = lang();
            let dependents = flow.answers.with(|a| a.dependents.clone());
            if dependents.is_empty() {
                return view! { <p>{lang.texts().check.dependents_none}</p> }.into_any();
            }
            view! {
                <ul class="added-list">
                    {dependents
                        .iter()
                        .enumerate()
                        .map(|(index, dependent)| {
                            let line = dependent_line(lang, index, dependent);
                            let name = fill(lang.texts().check.dependent_n, &[&format::number(lang, index as i64 + 1)]);
                            view! {
                                <li class="added-list__item">
                                    <span>{line}</span>
                                    <button type="button" class="link-button" on:click=move |_| remove(index)>
                                        {lang.texts().forms.remove}
                                        <span class="visually-hidden">" " {name}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
        <form class="form" novalidate on:submit=submit>
            {move || {
                let legend: fn(&'static Texts) -> &'static str = if has_any() {
                    |t| t.check.add_another_question
                } else {
                    |t| t.check.add_question
                };
                view! {
                    <RadioGroup id=ADD_ID legend=legend options=YES_NO selected=add errors=errors inline=true />
                }
            }}
            <Button label=|t| t.forms.continue_button />
        </form>
    }
}

#[component]
pub fn AddDependentStep() -> impl IntoView {
    let flow = use_flow();
    let changing = use_changing();
    let navigate = leptos_router::hooks::use_navigate();
    let today = format::today();
    let relation = RwSignal::new(None::<Kin>);
    let birth = RwSignal::new(DateInput::default());
    let nationality = RwSignal::new(None::<Nationality>);
    let errors = FormErrors::new();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut problems = Vec::new();
        if relation.get_untracked().is_none() {
            problems.push(FieldError {
                id: RELATION_ID,
                message: |t| t.check.relation_missing,
            });
        }
        let input = birth.get_untracked();
        let date = today.ok_or(crate::components::date_field::DateInputError::NoSuchDay);
        if let Err(error) = date.and_then(|today| input.birth_date(today)) {
            problems.push(FieldError {
                id: BIRTH_ID,
                message: error.message(input.calendar),
            });
        }
        if nationality.get_untracked().is_none() {
            problems.push(FieldError {
                id: NATIONALITY_ID,
                message: |t| t.check.dependent_nationality_missing,
            });
        }
        if let (true, Some(kin), Some(nationality)) = (
            problems.is_empty(),
            relation.get_untracked(),
            nationality.get_untracked(),
        ) {
            flow.answers.update(|a| {
                a.dependents.push(DependentAnswer {
                    relation: kin.relation(),
                    sex: kin.sex(),
                    birth: input,
                    nationality,
                })
            });
            let suffix = if changing { "?change=1" } else { "" };
            navigate(
                &format!("{}{suffix}", Step::Dependents.path()),
                Default::default(),
            );
        } else {
            errors.fail(problems);
        }
    };
    view! {
        <BackLink href=back_href(flow, Step::AddDependent, false) />
        <ErrorSummary errors=errors />
        <PageHeading title=|t| t.check.add_title errors=errors />
        <form class="form" novalidate on:submit=submit>
            <RadioGroup
                id=RELATION_ID
                legend=|t| t.check.relation_legend
                options=RELATIONS
                selected=relation
                errors=errors
            />
            <DateField
                id=BIRTH_ID
                legend=|t| t.check.dependent_birth_legend
                value=birth
                errors=errors
                today=today
            />
            <RadioGroup
                id=NATIONALITY_ID
                legend=|t| t.check.dependent_nationality_legend
                options=NATIONALITIES
                selected=nationality
                errors=errors
            />
            <Button label=|t| t.check.add_button />
        </form>
    }
}
