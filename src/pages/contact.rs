//! Contact (`/contact`): the program's customer-service channels and its offices in the
//! regions, from [`crate::content`].

use leptos::prelude::*;

use crate::{
    components::page::PageHeading,
    content::{CHANNELS, Channel, Hours, OFFICES, Office, Reach},
    format,
    i18n::{fill, lang, t},
};

/// One channel as a card: name, how to reach it, when, what for.
fn channel_card(channel: &'static Channel) -> impl IntoView {
    let reach = match channel.reach {
        Reach::Phone(number) => view! {
            <p class="channel__reach">
                <a href=format!("tel:{number}") class="channel__phone" dir="ltr">{number}</a>
            </p>
        }
        .into_any(),
        Reach::Web { href, shown } => view! {
            <p class="channel__reach">
                <a href=href rel="noopener" dir="ltr">{shown}</a>
            </p>
        }
        .into_any(),
        Reach::Visit => ().into_any(),
    };
    let hours = move || hours_words(channel.hours);
    view! {
        <li class="channel">
            <h3 class="channel__name">
                {t(channel.name)}
                {channel.toll_free.then(|| view! { " " <span class="tag tag--info">{t(|t| t.contact.toll_free)}</span> })}
            </h3>
            {reach}
            <p class="channel__detail">{t(channel.detail)}</p>
            {move || hours().map(|hours| view! { <p class="channel__hours">{hours}</p> })}
        </li>
    }
}

/// When a channel or an office answers, in the active language.
fn hours_words(hours: Hours) -> Option<String> {
    let lang = lang();
    let texts = lang.texts();
    match hours {
        Hours::AroundTheClock => Some(texts.contact.around_the_clock.to_string()),
        Hours::Between(from, to) => Some(fill(
            texts.contact.hours,
            &[&format::hour(lang, from), &format::hour(lang, to)],
        )),
        Hours::Unstated => None,
    }
}

/// One office as a table row: region, city (with "to be confirmed" when the source is soft),
/// hours.
fn office_row(office: &'static Office) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{t(office.region)}</th>
            <td>
                <span class="table__line">{t(office.city)}</span>
                {(!office.confirmed).then(|| view! {
                    <span class="table__line hint">{t(|t| t.contact.to_be_confirmed)}</span>
                })}
            </td>
            <td>{move || hours_words(office.hours)}</td>
        </tr>
    }
}

#[component]
pub fn Contact() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.contact_title lead=|t| t.contact_lead />
        <h2>{t(|t| t.contact.channels_title)}</h2>
        <ul class="channels">{CHANNELS.iter().map(channel_card).collect_view()}</ul>
        <section aria-labelledby="offices-title">
            <h2 id="offices-title">{t(|t| t.contact.offices_title)}</h2>
            <p>{t(|t| t.contact.offices_lead)}</p>
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">{t(|t| t.contact.offices_title)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(|t| t.contact.col_region)}</th>
                            <th scope="col">{t(|t| t.contact.col_city)}</th>
                            <th scope="col">{t(|t| t.contact.col_hours)}</th>
                        </tr>
                    </thead>
                    <tbody>{OFFICES.iter().map(office_row).collect_view()}</tbody>
                </table>
            </div>
        </section>
    }
}
