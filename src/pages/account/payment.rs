//! One payment (`/account/payments/{cycle}`): its number, dates, amount and status; why the
//! amount is what it is (the rules' steps stored with it, in plain words); and "اعتراض" with
//! the deadline when the shared objection-window rule allows it, or the reason why not.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wire::PaymentDetail;

use super::show;
use crate::{
    api::{self, ApiError},
    components::{
        back_link::BackLink,
        loading::LoadFailed,
        notice::word_tag,
        page::PageHeading,
        print_button::PrintButton,
        summary_list::{SummaryList, SummaryRow},
    },
    format,
    i18n::{fill, lang},
    messages,
    pages::estimate::explain_steps,
    session::load,
};

/// The steps in words, or why there are none.
pub fn why_lines(lang: crate::i18n::Lang, detail: &PaymentDetail) -> Vec<String> {
    let words = &lang.texts().account;
    match &detail.steps {
        None => vec![words.no_steps.to_string()],
        Some(steps) if !steps.eligible => vec![words.steps_not_eligible.to_string()],
        Some(steps) => explain_steps(lang, steps),
    }
}

fn detail_view(detail: PaymentDetail) -> impl IntoView {
    let lang = lang();
    let texts = lang.texts();
    let words = &texts.account;
    let payment = &detail.payment;
    let cycle = payment.cycle;
    let (word, tone) = messages::payment_status(texts, &payment.status);
    let rows = vec![
        SummaryRow {
            key: words.col_cycle,
            value: vec![format::number(lang, i64::from(cycle))],
            change: None,
        },
        SummaryRow {
            key: words.col_date,
            value: match rules::Date::parse(&payment.date) {
                Ok(d) => vec![
                    format::date(lang, d, format::Shown::Gregorian),
                    format::date(lang, d, format::Shown::Hijri),
                ],
                Err(_) => vec![payment.date.clone()],
            },
            change: None,
        },
        SummaryRow {
            key: words.col_amount,
            value: vec![format::sar(lang, payment.amount)],
            change: None,
        },
        SummaryRow {
            key: words.col_status,
            value: vec![word.to_string()],
            change: None,
        },
    ];
    let window = &detail.objection;
    let deadline = window
        .deadline
        .as_deref()
        .map(|d| format::iso_date(lang, d))
        .unwrap_or_default();
    let objection = if window.allowed {
        let navigate = use_navigate();
        let href = format!("/account/objections/new?kind=financial&cycle={cycle}");
        view! {
            <p id="objection-deadline">{fill(words.payment_objection_allowed, &[&deadline])}</p>
            <button
                type="button"
                class="button"
                aria-describedby="payment-number objection-deadline"
                on:click=move |_| navigate(&href, Default::default())
            >
                {words.object_button}
            </button>
        }
        .into_any()
    } else {
        view! {
            <p>{messages::payment_window_reason(lang, window.reason.as_deref(), window.deadline.as_deref())}</p>
        }
        .into_any()
    };
    view! {
        <p id="payment-number" class="lead">
            {fill(words.payment_n, &[&format::number(lang, i64::from(cycle))])} " " {word_tag(word, tone)}
        </p>
        <SummaryList rows=rows change_label=texts.forms.change />
        <section aria-labelledby="why-title">
            <h2 id="why-title">{words.why_title}</h2>
            <p>{words.why_lead}</p>
            <ol class="steps">
                {why_lines(lang, &detail).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ol>
        </section>
        <PrintButton />
        <section aria-labelledby="objection-title" class="panel">
            <h2 id="objection-title">{words.payment_objection_title}</h2>
            {objection}
        </section>
    }
}

#[component]
pub fn Payment(
    /// The payment's number from `/account/payments/:cycle`; none when it is not a number.
    cycle: Option<u32>,
) -> impl IntoView {
    let body = match cycle {
        Some(cycle) => {
            let (data, retry) = load(move || api::payment(cycle));
            show(data, retry, detail_view).into_any()
        }
        None => {
            let error = ApiError::Server {
                status: 404,
                body: wire::ErrorBody::new(wire::codes::NOT_FOUND, "no such payment"),
            };
            view! { <LoadFailed error=error retry=Callback::new(|()| ()) /> }.into_any()
        }
    };
    view! {
        <BackLink href="/account/payments" />
        <PageHeading title=|t| t.account.payment_title lead=|t| t.account.payment_lead />
        {body}
    }
}
