//! Financial payments (`/account/payments`, "المدفوعات المالية"): every cycle, newest first,
//! with its number, Hijri and Gregorian date, amount and status, a chart of the last 24
//! months, and "اعتراض" on each payment the shared objection-window rule allows.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rules::{
    Date,
    objection_window::{self, PaymentStatus, Window},
};
use wire::{Objection, PaymentSummary};

use super::{chart::PaymentsChart, show};
use crate::{
    api,
    components::{notice::word_tag, page::PageHeading},
    format::{self, Shown},
    i18n::{fill, lang},
    messages,
    session::load,
};

/// The rules' name for an API status.
pub fn rules_status(status: &str) -> PaymentStatus {
    match status {
        "paid" => PaymentStatus::Paid,
        "processing" => PaymentStatus::BeingProcessed,
        "returned" => PaymentStatus::Returned,
        _ => PaymentStatus::NoPayment,
    }
}

/// What the shared rule says about objecting to `payment` on `today`, knowing the
/// objections already filed; `None` when the stored date cannot be read.
pub fn window(today: Date, payment: &PaymentSummary, objections: &[Objection]) -> Option<Window> {
    let paid_on = Date::parse(&payment.date).ok()?;
    let open = objections.iter().any(|o| {
        o.kind == "financial" && o.cycle == Some(payment.cycle) && o.status == "under_review"
    });
    objection_window::payment(today, rules_status(&payment.status), paid_on, open).ok()
}

/// One row of the table.
fn row(payment: PaymentSummary, window: Option<Window>) -> impl IntoView {
    let lang = lang();
    let texts = lang.texts();
    let words = &texts.account;
    let cycle = payment.cycle;
    let id = format!("payment-{cycle}");
    let date = Date::parse(&payment.date).ok();
    let (word, tone) = messages::payment_status(texts, &payment.status);
    let navigate = use_navigate();
    let action = window.filter(|w| w.allowed).map(|w| {
        let deadline_id = format!("{id}-deadline");
        let href = format!("/account/objections/new?kind=financial&cycle={cycle}");
        view! {
            <button
                type="button"
                class="button button--secondary button--small"
                aria-describedby=format!("{id} {deadline_id}")
                on:click=move |_| navigate(&href, Default::default())
            >
                {words.object_button}
            </button>
            <span id=deadline_id class="hint">
                {fill(words.object_until, &[&format::both(lang, w.deadline)])}
            </span>
        }
    });
    view! {
        <tr>
            <th scope="row">
                <a href=format!("/account/payments/{cycle}") id=id.clone()>
                    {fill(words.payment_n, &[&format::number(lang, i64::from(cycle))])}
                </a>
            </th>
            <td>
                {date.map(|d| view! {
                    <span class="table__line">{format::date(lang, d, Shown::Gregorian)}</span>
                    <span class="table__line hint">{format::date(lang, d, Shown::Hijri)}</span>
                })}
            </td>
            <td class="table__number">{format::sar(lang, payment.amount)}</td>
            <td>{word_tag(word, tone)}</td>
            <td>{action}</td>
        </tr>
    }
}

#[component]
pub fn Payments() -> impl IntoView {
    let (data, retry) = load(|| async {
        let payments = api::payments().await?;
        let objections = api::objections().await?;
        Ok((payments, objections))
    });
    view! {
        <PageHeading title=|t| t.payments_title lead=|t| t.payments_lead />
        {show(data, retry, |(payments, objections)| {
            let lang = lang();
            let words = &lang.texts().account;
            if payments.is_empty() {
                return view! { <p>{words.no_payments}</p> }.into_any();
            }
            let today = format::today();
            let chart = view! { <PaymentsChart payments=payments.clone() /> };
            let rows = payments
                .into_iter()
                .map(|payment| {
                    let window = today.and_then(|today| window(today, &payment, &objections));
                    row(payment, window)
                })
                .collect_view();
            view! {
                {chart}
                <div class="table-wrap">
                    <table class="table">
                        <caption class="table__caption">{words.payments_caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{words.col_cycle}</th>
                                <th scope="col">{words.col_date}</th>
                                <th scope="col">{words.col_amount}</th>
                                <th scope="col">{words.col_status}</th>
                                <th scope="col">{words.col_objection}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payment(cycle: u32, date: &str, status: &str) -> PaymentSummary {
        PaymentSummary {
            cycle,
            date: date.into(),
            amount: 1296,
            status: status.into(),
        }
    }

    fn objection(cycle: u32, status: &str) -> Objection {
        Objection {
            reference: "OB-00000001".into(),
            kind: "financial".into(),
            cycle: Some(cycle),
            member: None,
            reason: "short_payment".into(),
            description: "x".into(),
            status: status.into(),
            filed_on: "2026-11-20".into(),
        }
    }

    fn today() -> Date {
        Date::parse("2026-11-27").expect("date")
    }

    #[test]
    fn a_recent_paid_payment_may_be_objected_to_until_90_days_after() {
        let w = window(today(), &payment(108, "2026-11-10", "paid"), &[]).expect("window");
        assert!(w.allowed);
        assert_eq!(w.deadline, Date::parse("2027-02-08").expect("date"));
    }

    #[test]
    fn not_when_processing_too_old_or_already_open() {
        let processing = window(today(), &payment(108, "2026-11-10", "processing"), &[]);
        assert!(!processing.expect("window").allowed);
        let old = window(today(), &payment(105, "2026-08-10", "paid"), &[]);
        assert!(!old.expect("window").allowed);
        let open = window(
            today(),
            &payment(108, "2026-11-10", "paid"),
            &[objection(108, "under_review")],
        );
        assert!(!open.expect("window").allowed);
        let decided = window(
            today(),
            &payment(108, "2026-11-10", "paid"),
            &[objection(108, "rejected")],
        );
        assert!(decided.expect("window").allowed);
    }
}
