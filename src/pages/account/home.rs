//! The account home (`/account`): who is signed in, the household's eligibility, the latest
//! payment and the objections under review. The sections' own pages are in the menu.

use leptos::prelude::*;
use leptos_router::components::A;

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
    session::load,
};

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
                                    <A href=format!("/account/payments/{}", latest.cycle)>
                                        {fill(texts.account.payment_n, &[&format::number(lang, i64::from(latest.cycle))])}
                                    </A>
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
                                            <A href=format!("/account/objections/{}", o.reference)>
                                                <span dir="ltr">{o.reference.clone()}</span>
                                            </A>
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
