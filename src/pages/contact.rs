//! Contact (`/contact`): the program's customer-service channels, from [`crate::content`].

use leptos::prelude::*;

use crate::{
    components::page::PageHeading,
    content::{CHANNELS, Channel, Hours, Reach},
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
    let hours = move || {
        let lang = lang();
        let texts = lang.texts();
        match channel.hours {
            Hours::AroundTheClock => Some(texts.contact.around_the_clock.to_string()),
            Hours::Between(from, to) => Some(fill(
                texts.contact.hours,
                &[&format::hour(lang, from), &format::hour(lang, to)],
            )),
            Hours::Unstated => None,
        }
    };
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

#[component]
pub fn Contact() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.contact_title lead=|t| t.contact_lead />
        <h2>{t(|t| t.contact.channels_title)}</h2>
        <ul class="channels">{CHANNELS.iter().map(channel_card).collect_view()}</ul>
    }
}
