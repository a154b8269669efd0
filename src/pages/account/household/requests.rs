//! The confirmation of a request just sent, and the household's requests with their
//! reference, status and first payment.

use leptos::prelude::*;
use rules::money::parse_sar;
use wire::HouseholdChange;

use super::{Answers, SENT_HEADING, Step, focus_soon, state::KIND_ID};
use crate::{
    components::{
        button::{Button, ButtonKind},
        notice::{Notice, Tone, word_tag},
    },
    format,
    i18n::{Lang, fill, lang, t},
    messages,
    pages::account::{name, show},
    session::Load,
};

/// A change request in one line: "إضافة رغد", "تغيير الدخل الشهري إلى 4,500.00 ر.س".
fn change_words(lang: Lang, change: &HouseholdChange) -> String {
    let words = &lang.texts().household;
    match change.kind.as_str() {
        "add_dependent" => fill(
            words.change_add,
            &[change.name.as_deref().unwrap_or_default()],
        ),
        "remove_dependent" => {
            let member = name(
                lang,
                change.member_name_ar.as_deref().unwrap_or_default(),
                change.member_name_en.as_deref().unwrap_or_default(),
            );
            fill(words.change_remove, &[member])
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

/// Step 3: the reference and the status.
#[component]
pub fn SentStep(change: HouseholdChange, answers: Answers, step: RwSignal<Step>) -> impl IntoView {
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
pub fn RequestsSection(
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
                                // A household change has the statuses and words of an objection.
                                let (word, tone) = messages::objection_status(texts, &change.status);
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
