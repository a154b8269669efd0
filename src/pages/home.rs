//! Home (`/`): what the program is, and the ways in.

use leptos::prelude::*;

use crate::{
    components::page::PageHeading,
    i18n::{Text, t},
};

/// The ways in: address, name, one line on what is there.
const ENTRY_POINTS: &[(&str, Text, Text)] = &[
    ("/check", |t| t.nav_check, |t| t.home.check_hint),
    ("/estimate", |t| t.nav_estimate, |t| t.home.estimate_hint),
    ("/login", |t| t.nav_login, |t| t.home.login_hint),
    ("/contact", |t| t.nav_contact, |t| t.home.contact_hint),
    ("/about", |t| t.nav_about, |t| t.home.about_hint),
];

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.home_title lead=|t| t.home_lead />
        <h2>{t(|t| t.home.start_title)}</h2>
        <ul class="entry-points">
            {ENTRY_POINTS
                .iter()
                .map(|(href, name, hint)| {
                    view! {
                        <li>
                            <a href=*href>
                                <span class="entry-points__name">{t(*name)}</span>
                                <span class="entry-points__hint">{t(*hint)}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <h2>{t(|t| t.home.what_title)}</h2>
        <p>{t(|t| t.home.what_body)}</p>
        <p>{t(|t| t.home.paid_when)}</p>
    }
}
