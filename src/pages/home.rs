//! Home (`/`): what the program is, and the ways in.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{components::page::PageHeading, i18n::t};

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.home_title lead=|t| t.home_lead />
        <ul class="entry-points">
            <li><A href="/check">{t(|t| t.nav_check)}</A></li>
            <li><A href="/estimate">{t(|t| t.nav_estimate)}</A></li>
            <li><A href="/login">{t(|t| t.nav_login)}</A></li>
            <li><A href="/contact">{t(|t| t.nav_contact)}</A></li>
        </ul>
    }
}
