//! The account home (`/account`): who is signed in, the household's eligibility, the next
//! payment (its day by the shared payment rule, its expected amount from the latest
//! assessment), the latest payment and the objections under review. The sections' own pages
//! are in the menu.

use leptos::prelude::*;
use rules::{Weekday, payment_cycle};
use wire::EligibilityView;

use super::{name, show};
use crate::{
    api,
    components::{
        notice::{Tone, word_tag},
        page::PageHeading,
    },
    format,
    i18n::{fill, lang},
    messages,
    session::{Load, load},
};

/// The next payment: its number, day (Gregorian first, Hijri with it), the days until it, and
/// the amount the latest assessment expects. The day needs no server: it is the shared rule
/// applied to this device's today.
#[component]
fn NextPaymentCard(eligibility: RwSignal<Load<EligibilityView>>) -> impl IntoView {
    let next = format::today().and_then(|today| payment_cycle::next_payment(today).ok());
    let when = move || {
        let lang = lang();
        let words = &lang.texts().dates;
        let next = next?;
        let weekday = match next.date.weekday() {
            Weekday::Monday => 0,
            Weekday::Tuesday => 1,
            Weekday::Wednesday => 2,
            Weekday::Thursday => 3,
            Weekday::Friday => 4,
            Weekday::Saturday => 5,
            Weekday::Sunday => 6,
        };
        let weekday = words.weekdays.get(weekday).copied().unwrap_or_default();
        // The 9th was a Friday 10th moved back, the 11th a Saturday 10th moved on.
        let why = match next.date.day() {
            9 => words.moved_from_friday,
            11 => words.moved_from_saturday,
            _ => words.paid_on_the_tenth,
        };
        Some(view! {
            <p>{fill(words.next_payment_number, &[&format::number(lang, i64::from(next.number))])}</p>
            <p>
                <strong>
                    {fill(words.next_payment_on, &[weekday, &format::date(lang, next.date, format::Shown::Gregorian)])}
                </strong>
            </p>
            <p>{format::date(lang, next.date, format::Shown::Hijri)}</p>
            <p>{format::count(lang, &words.days_until, u64::from(next.days_until))}</p>
            <p class="hint">{why}</p>
        })
    };
    // The amount waits for the eligibility card's request; its loading and failure show there.
    let amount = move || {
        let lang = lang();
        let words = &lang.texts().dates;
        let Load::Ready(view) = eligibility.get() else {
            return None;
        };
        Some(match view.monthly_support? {
            0 => view! { <p>{words.no_support_expected}</p> }.into_any(),
            riyals => view! {
                <p class="figure">{format::sar(lang, riyals)}</p>
                <p class="hint">{words.expected_amount}</p>
            }
            .into_any(),
        })
    };
    view! {
        <section class="card" aria-labelledby="home-next-payment">
            <h2 id="home-next-payment">{move || lang().texts().dates.next_payment_title}</h2>
            {when}
            {amount}
        </section>
    }
}

#[component]
pub fn AccountHome() -> impl IntoView {
    let (me, me_retry) = load(api::me);
    let (eligibility, eligibility_retry) = load(api::eligibility);
    let (payments, payments_retry) = load(api::payments);
    let (objections, objections_retry) = load(api::objections);
    view! {
        <PageHeading title=|t| t.account_title lead=|t| t.account_lead />
        {show(me, me_retry, |me| {
            view! {
                <p class="greeting">
                    {move || fill(lang().texts().account.greeting, &[name(lang(), &me.name_ar, &me.name_en)])}
                </p>
            }
        })}
        <div class="cards">
            <NextPaymentCard eligibility=eligibility />
            <section class="card" aria-labelledby="home-eligibility">
                <h2 id="home-eligibility">{move || lang().texts().account.home_eligibility}</h2>
                {show(eligibility, eligibility_retry, |view| {
                    let lang = lang();
                    let words = &lang.texts().account;
                    let (word, tone) = if view.eligible {
                        (words.eligible, Tone::Success)
                    } else {
                        (words.not_eligible, Tone::Warning)
                    };
                    view! {
                        <p>{word_tag(word, tone)}</p>
                        <p class="hint">{fill(words.assessed_on, &[&format::iso_date(lang, &view.assessed_on)])}</p>
                    }
                })}
            </section>
            <section class="card" aria-labelledby="home-payment">
                <h2 id="home-payment">{move || lang().texts().account.home_payment}</h2>
                {show(payments, payments_retry, |payments| {
                    let lang = lang();
                    let texts = lang.texts();
                    match payments.into_iter().next() {
                        None => view! { <p>{texts.account.no_payments}</p> }.into_any(),
                        Some(latest) => {
                            let (word, tone) = messages::payment_status(texts, &latest.status);
                            view! {
                                <p>
                                    <a href=format!("/account/payments/{}", latest.cycle)>
                                        {fill(texts.account.payment_n, &[&format::number(lang, i64::from(latest.cycle))])}
                                    </a>
                                </p>
                                <p class="figure">{format::sar(lang, latest.amount)}</p>
                                <p>{format::iso_date(lang, &latest.date)}</p>
                                <p>{word_tag(word, tone)}</p>
                            }
                            .into_any()
                        }
                    }
                })}
            </section>
            <section class="card" aria-labelledby="home-objections">
                <h2 id="home-objections">{move || lang().texts().account.home_objections}</h2>
                {show(objections, objections_retry, |objections| {
                    let lang = lang();
                    let texts = lang.texts();
                    let open: Vec<_> = objections.into_iter().filter(|o| o.status == "under_review").collect();
                    if open.is_empty() {
                        return view! { <p>{texts.account.no_open_objections}</p> }.into_any();
                    }
                    view! {
                        <ul class="plain-list">
                            {open
                                .into_iter()
                                .map(|o| {
                                    let (word, tone) = messages::objection_status(texts, &o.status);
                                    view! {
                                        <li>
                                            <a href=format!("/account/objections/{}", o.reference)>
                                                <span dir="ltr">{o.reference.clone()}</span>
                                            </a>
                                            " "
                                            {word_tag(word, tone)}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                })}
            </section>
        </div>
    }
}
