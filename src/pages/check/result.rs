//! `/check/result`: the rules' assessment of the answers: each criterion met or not, the reason
//! in plain words and what to do next, each dependent covered or not.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use rules::{
    Assessment, Date,
    eligibility::{Criterion, CriterionResult, DependentResult, Reason, Sex},
};

use super::{
    dependents::relation_words,
    state::{Answers, Step},
    use_flow,
};
use crate::{
    components::{
        back_link::BackLink,
        button::{Button, ButtonKind},
        notice::{Notice, StatusTag, Tone},
        page::use_page_title,
        print_button::PrintButton,
    },
    format::{self, Shown},
    i18n::{Lang, Text, Texts, fill, lang, t},
};

/// A criterion's name.
pub fn criterion_name(criterion: Criterion) -> Text {
    match criterion {
        Criterion::Age => |t| t.check.criterion_age,
        Criterion::Nationality => |t| t.check.criterion_nationality,
        Criterion::Residency => |t| t.check.criterion_residency,
        Criterion::BankAccount => |t| t.check.criterion_bank,
        Criterion::Independence => |t| t.check.criterion_independence,
    }
}

/// Why, in plain words, and what to do about it.
pub fn reason_words(texts: &'static Texts, reason: Reason) -> (&'static str, &'static str) {
    let c = &texts.check;
    match reason {
        Reason::Under18 => (c.reason_under_18, c.todo_under_18),
        Reason::NationalityNotCovered => (c.reason_nationality, c.todo_nationality),
        Reason::NotResident => (c.reason_not_resident, c.todo_not_resident),
        Reason::DetainedOrSheltered => (c.reason_detained, c.todo_detained),
        Reason::NoBankAccount => (c.reason_no_bank, c.todo_no_bank),
        Reason::InvalidIban => (c.reason_invalid_iban, c.todo_invalid_iban),
        Reason::HasDependents => (c.reason_has_dependents, c.todo_has_dependents),
        Reason::NoHousingProof => (c.reason_no_housing, c.todo_no_housing),
    }
}

fn criterion_item(result: CriterionResult, applicant_age: u32) -> impl IntoView {
    let detail = move || {
        let lang = lang();
        let texts = lang.texts();
        match result.reason {
            Some(reason) => {
                let (why, todo) = reason_words(texts, reason);
                view! {
                    <p class="criterion__reason">{why}</p>
                    <p class="criterion__todo">{todo}</p>
                }
                .into_any()
            }
            None if result.criterion == Criterion::Age => {
                let age = format::count(lang, &texts.forms.years, u64::from(applicant_age));
                view! { <p class="criterion__reason">{fill(texts.check.your_age, &[&age])}</p> }
                    .into_any()
            }
            None => ().into_any(),
        }
    };
    view! {
        <li class="criterion" class:criterion--failed=!result.passed>
            <div class="criterion__head">
                <span class="criterion__name">{t(criterion_name(result.criterion))}</span>
                {if result.passed {
                    view! { <StatusTag tone=Tone::Success label=|t| t.check.met /> }
                } else {
                    view! { <StatusTag tone=Tone::Warning label=|t| t.check.not_met /> }
                }}
            </div>
            {detail}
        </li>
    }
}

fn dependent_item(index: usize, dependent: DependentResult, sex: Option<Sex>) -> impl IntoView {
    let words = move || {
        let lang = lang();
        let texts = lang.texts();
        format!(
            "{}: {}{}{}",
            fill(
                texts.check.dependent_n,
                &[&format::number(lang, index as i64 + 1)]
            ),
            relation_words(texts, dependent.relation, sex),
            texts.forms.separator,
            format::count(lang, &texts.forms.years, u64::from(dependent.age)),
        )
    };
    view! {
        <li class="criterion" class:criterion--failed=!dependent.covered>
            <div class="criterion__head">
                <span class="criterion__name">{words}</span>
                {if dependent.covered {
                    view! { <StatusTag tone=Tone::Success label=|t| t.check.covered /> }
                } else {
                    view! { <StatusTag tone=Tone::Warning label=|t| t.check.not_covered /> }
                }}
            </div>
            {(!dependent.covered).then(|| view! {
                <p class="criterion__reason">{t(|t| t.check.dependent_not_covered)}</p>
                <p class="criterion__todo">{t(|t| t.check.todo_nationality)}</p>
            })}
        </li>
    }
}

fn date_line(lang: Lang, date: Date) -> String {
    fill(
        lang.texts().check.result_date,
        &[
            &format::date(lang, date, Shown::Gregorian),
            &format::date(lang, date, Shown::Hijri),
        ],
    )
}

/// The assessment, shown.
#[component]
fn Outcome(
    /// The rules' assessment.
    assessment: Assessment,
    /// Each dependent's sex as answered, in the assessment's order, for the words.
    sexes: Vec<Option<Sex>>,
) -> impl IntoView {
    let eligible = assessment.eligible;
    let title: Text = if eligible {
        |t| t.check.result_eligible
    } else {
        |t| t.check.result_not_eligible
    };
    let lead: Text = if eligible {
        |t| t.check.result_eligible_lead
    } else {
        |t| t.check.result_not_eligible_lead
    };
    use_page_title(move || title, None);
    let date = assessment.date;
    let age = assessment.applicant_age;
    let dependents = assessment.dependents.clone();
    view! {
        <div class={if eligible { "panel panel--success" } else { "panel panel--warning" }}>
            <h1 id="page-title" tabindex="-1">{t(title)}</h1>
            <p>
                {if eligible {
                    view! { <StatusTag tone=Tone::Success label=|t| t.check.eligible_tag /> }
                } else {
                    view! { <StatusTag tone=Tone::Warning label=|t| t.check.not_eligible_tag /> }
                }}
            </p>
            <p class="panel__lead">{t(lead)}</p>
        </div>
        <p class="hint">{move || date_line(lang(), date)}</p>
        <h2>{t(|t| t.check.criteria_title)}</h2>
        <ul class="criteria">
            {assessment.criteria.into_iter().map(|c| criterion_item(c, age)).collect_view()}
        </ul>
        {(!dependents.is_empty()).then(|| view! {
            <h2>{t(|t| t.check.dependents_result_title)}</h2>
            <ul class="criteria">
                {dependents
                    .into_iter()
                    .enumerate()
                    .map(|(i, d)| dependent_item(i, d, sexes.get(i).copied().flatten()))
                    .collect_view()}
            </ul>
        })}
        <h2>{t(|t| t.check.next_title)}</h2>
        {eligible.then(|| view! { <p>{t(|t| t.check.next_eligible)}</p> })}
        <ul class="bullets">
            <li><a href="/estimate">{t(|t| t.check.next_estimate)}</a></li>
            <li><a href="/contact">{t(|t| t.check.next_contact)}</a></li>
        </ul>
        <Notice>
            <p>{t(|t| t.check.disclaimer)}</p>
        </Notice>
        <PrintButton />
    }
}

#[component]
pub fn CheckResult() -> impl IntoView {
    let flow = use_flow();
    let navigate = leptos_router::hooks::use_navigate();
    if let Some(step) = flow.answers.with_untracked(Answers::first_unanswered) {
        return view! { <Redirect path=step.path() /> }.into_any();
    }
    let assessment = format::today()
        .and_then(|today| flow.answers.with_untracked(|a| a.household(today)))
        .map(|household| rules::assess(&household));
    let sexes: Vec<Option<Sex>> = flow
        .answers
        .with_untracked(|a| a.dependents.iter().map(|d| d.sex).collect());
    let start_again = Callback::new(move |()| {
        flow.clear();
        navigate(Step::Applicant.path(), Default::default());
    });
    view! {
        <BackLink href=Step::Answers.path() />
        {match assessment {
            Some(Ok(assessment)) => view! { <Outcome assessment=assessment sexes=sexes /> }.into_any(),
            _ => {
                use_page_title(|| |t| t.check_title, None);
                view! {
                    <h1 id="page-title" tabindex="-1">{t(|t| t.check_title)}</h1>
                    <Notice tone=Tone::Warning>
                        <p>{t(|t| t.check.cannot_check)}</p>
                    </Notice>
                }
                    .into_any()
            }
        }}
        <Button label=|t| t.check.start_again kind=ButtonKind::Secondary on_click=start_again />
    }
    .into_any()
}
