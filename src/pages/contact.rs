//! Contact (`/contact`): the program's customer-service channels.

use leptos::prelude::*;

use crate::components::page::PageHeading;

#[component]
pub fn Contact() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.contact_title lead=|t| t.contact_lead />
        <ul class="entry-points">
            <li><a href="tel:19911" dir="ltr">"19911"</a></li>
            <li><a href="tel:19912" dir="ltr">"19912"</a></li>
        </ul>
    }
}
