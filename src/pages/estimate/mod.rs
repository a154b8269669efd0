//! The support estimate (`/estimate`): household and income in, the rules' estimate out, with
//! the thresholds, the steps in plain words, a chart and the disclaimer.

pub mod chart;
pub mod household;

use futures::FutureExt;
use leptos::{html, prelude::*};
use rules::{
    Date, Estimate, Halalas, Steps,
    eligibility::ApplicantKind,
    estimate::{IncomeBand, Role},
};

use self::{
    chart::{ChartData, SupportChart},
    household::{ADULTS_ID, CHILDREN_ID, Composition, HouseholdInput, INCOME_ID, KIND_ID},
};
use crate::{
    components::{
        button::Button,
        choice::{Choice, RadioGroup},
        error_summary::ErrorSummary,
        form::{FieldError, FormErrors},
        notice::{Notice, Tone},
        page::PageHeading,
        print_button::PrintButton,
        text_field::TextField,
    },
    format,
    i18n::{Lang, fill, lang, t},
    lazy::ChunkError,
};

const KINDS: &[Choice<ApplicantKind>] = &[
    Choice {
        value: ApplicantKind::Head,
        label: |t| t.estimate.head,
        hint: Some(|t| t.estimate.head_hint),
    },
    Choice {
        value: ApplicantKind::Independent,
        label: |t| t.estimate.independent,
        hint: Some(|t| t.estimate.independent_hint),
    },
];

/// An amount in halalas, with decimals only when there are any.
fn halalas(lang: Lang, amount: Halalas) -> String {
    if amount.0 % 100 == 0 {
        format::sar(lang, amount.whole_sar())
    } else {
        format::sar_with_halalas(lang, amount.0)
    }
}

/// The steps behind the figure, in plain words, from the rules' [`rules::Steps`].
pub fn explain(lang: Lang, estimate: &Estimate) -> Vec<String> {
    explain_steps(lang, &estimate.steps)
}

/// The same from the steps alone, as a payment stores them.
pub fn explain_steps(lang: Lang, steps: &Steps) -> Vec<String> {
    let words = &lang.texts().estimate;
    let sar = |riyals: u32| format::sar(lang, i64::from(riyals));
    let whole = |amount: Halalas| format::sar(lang, amount.0.max(0) / 100);
    let mut lines: Vec<String> = steps
        .members
        .iter()
        .map(|member| {
            let role = match member.role {
                Role::Head => words.role_head,
                Role::Independent => words.role_independent,
                Role::Dependent18Plus => words.role_adult,
                Role::DependentUnder18 => words.role_child,
            };
            fill(words.member_line, &[role, &sar(member.amount)])
        })
        .collect();
    lines.push(fill(words.step_total, &[&sar(steps.uncapped_entitlement)]));
    lines.push(if steps.cap_applied {
        fill(words.step_cap_applied, &[&sar(steps.cap)])
    } else {
        fill(
            words.step_cap_not_applied,
            &[&whole(steps.entitlement), &sar(steps.cap)],
        )
    });
    if steps.income_cap_applied {
        lines.push(fill(words.step_income_cap, &[&whole(steps.income_cutoff)]));
    }
    let income = halalas(lang, steps.income);
    lines.push(match steps.band {
        IncomeBand::NotReduced => fill(
            words.step_not_reduced,
            &[&income, &whole(steps.exemption_threshold)],
        ),
        IncomeBand::Reduced => fill(
            words.step_reduced,
            &[
                &income,
                &whole(steps.exemption_threshold),
                &halalas(lang, steps.reduction),
                &whole(steps.income_cutoff),
            ],
        ),
        IncomeBand::Zero => fill(words.step_zero, &[&income, &whole(steps.income_cutoff)]),
    });
    lines.push(fill(words.step_support, &[&whole(steps.support)]));
    lines
}

// The rules' estimate and the result under the form (the figures, the chart, the steps in
// words) are a wasm chunk of their own: the page draws the form without them, and they are
// fetched once it is drawn (src/lazy.rs), before anyone can press the button.

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(estimate_result, fallible, wasm_split_path = ::leptos::wasm_split)]
fn estimate_for(household: Composition, date: Date) -> Result<Option<Estimate>, ChunkError> {
    Ok(household.estimate(date).ok())
}

#[cfg(not(feature = "split"))]
async fn estimate_for(household: Composition, date: Date) -> Result<Option<Estimate>, ChunkError> {
    Ok(household.estimate(date).ok())
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(
    estimate_result,
    fallible,
    wasm_split_path = ::leptos::wasm_split,
    preload(preload_result)
)]
fn draw_result(
    household: Composition,
    date: Date,
    estimate: Estimate,
) -> Result<AnyView, ChunkError> {
    Ok(view! { <EstimateResult household=household date=date estimate=estimate /> }.into_any())
}

#[cfg(not(feature = "split"))]
async fn draw_result(
    household: Composition,
    date: Date,
    estimate: Estimate,
) -> Result<AnyView, ChunkError> {
    Ok(view! { <EstimateResult household=household date=date estimate=estimate /> }.into_any())
}

#[cfg(not(feature = "split"))]
async fn preload_result() -> Result<(), ChunkError> {
    Ok(())
}

/// Fetches the result's chunk (and the estimate's), so the button answers at once and
/// offline; false if they did not arrive.
pub async fn preload() -> bool {
    preload_result().await.is_ok()
}

/// The result under the form.
#[component]
fn EstimateResult(
    /// The household as read from the form.
    household: Composition,
    /// The date the estimate is for.
    date: Date,
    /// The rules' estimate.
    estimate: Estimate,
) -> impl IntoView {
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let chart = ChartData::new(&household, date, &estimate);
    let estimate = StoredValue::new(estimate);
    let figure =
        move |pick: fn(&Estimate) -> u32| format::sar(lang(), i64::from(estimate.with_value(pick)));
    view! {
        <section class="result" aria-labelledby="estimate-result">
            <h2 id="estimate-result" tabindex="-1" node_ref=heading>{t(|t| t.estimate.result_title)}</h2>
            <p class="result__figure">
                {move || fill(lang().texts().estimate.per_month, &[&figure(|e| e.monthly_support)])}
            </p>
            <Notice tone=Tone::Warning>
                <p><strong>{t(|t| t.estimate.disclaimer)}</strong> " " {t(|t| t.estimate.disclaimer_body)}</p>
            </Notice>
            <ul class="bullets">
                <li>{move || fill(lang().texts().estimate.threshold, &[&figure(|e| e.exemption_threshold)])}</li>
                <li>{move || fill(lang().texts().estimate.cutoff, &[&figure(|e| e.income_cutoff)])}</li>
            </ul>
            <SupportChart data=chart />
            <h3>{t(|t| t.estimate.steps_title)}</h3>
            <ol class="steps">
                {move || {
                    estimate
                        .with_value(|e| explain(lang(), e))
                        .into_iter()
                        .map(|line| view! { <li>{line}</li> })
                        .collect_view()
                }}
            </ol>
            <p>
                {t(|t| t.estimate.assumption)} " "
                <a href="/check">{t(|t| t.estimate.check_link)}</a>
            </p>
            <PrintButton />
        </section>
    }
}

#[component]
pub fn Estimate() -> impl IntoView {
    let kind = RwSignal::new(None::<ApplicantKind>);
    let adults = RwSignal::new("0".to_string());
    let children = RwSignal::new("0".to_string());
    let income = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let result = RwSignal::new(None::<(Composition, Date, Estimate)>);
    let no_parameters = move || {
        result.set(None);
        errors.fail(vec![FieldError {
            id: INCOME_ID,
            message: |t| t.estimate.no_parameters,
        }]);
    };
    let independent = move || kind.get() == Some(ApplicantKind::Independent);

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let input = HouseholdInput {
            kind: kind.get_untracked(),
            adults: adults.get_untracked(),
            children: children.get_untracked(),
            income: income.get_untracked(),
        };
        let Some(household) = errors.check(input.read()) else {
            result.set(None);
            return;
        };
        let Some(date) = format::today() else {
            no_parameters();
            return;
        };
        leptos::task::spawn_local(async move {
            match estimate_for(household, date).await {
                Ok(Some(estimate)) if preload_result().await.is_ok() => {
                    result.set(Some((household, date, estimate)));
                }
                Ok(None) => no_parameters(),
                // Its code did not arrive: pressing the button again tries again.
                _ => {
                    result.set(None);
                    errors.fail(vec![FieldError {
                        id: INCOME_ID,
                        message: |t| t.chunk_failed_lead,
                    }]);
                }
            }
        });
    };

    view! {
        <PageHeading title=|t| t.estimate_title lead=|t| t.estimate_lead errors=errors />
        <ErrorSummary errors=errors />
        <form class="form" novalidate on:submit=submit>
            <RadioGroup
                id=KIND_ID
                legend=|t| t.estimate.kind_legend
                options=KINDS
                selected=kind
                errors=errors
            />
            <Show when=move || !independent()>
                <TextField
                    id=ADULTS_ID
                    label=|t| t.estimate.adults_label
                    hint=|t| t.estimate.adults_hint
                    value=adults
                    errors=errors
                    inputmode="numeric"
                    class="input--4"
                />
                <TextField
                    id=CHILDREN_ID
                    label=|t| t.estimate.children_label
                    hint=|t| t.estimate.children_hint
                    value=children
                    errors=errors
                    inputmode="numeric"
                    class="input--4"
                />
            </Show>
            <TextField
                id=INCOME_ID
                label=|t| t.estimate.income_label
                hint=|t| t.estimate.income_hint
                value=income
                errors=errors
                inputmode="decimal"
                class="input--10"
            />
            <Button label=|t| t.estimate.submit />
        </form>
        {move || {
            result.get().and_then(|(household, date, estimate)| {
                untrack(|| draw_result(household, date, estimate).now_or_never())
                    .and_then(Result::ok)
            })
        }}
    }
}
