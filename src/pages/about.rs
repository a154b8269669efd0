//! About the program (`/about`): the four conditions and five beneficiary categories from the
//! seed, how to object to a payment, and how eligibility is checked.

use leptos::prelude::*;

use crate::{
    components::{page::PageHeading, shell::InstanceStatement},
    i18n::{Texts, lang, t},
};

/// A list from the table, re-read when the language changes.
fn list(pick: fn(&'static Texts) -> &'static [&'static str], ordered: bool) -> impl IntoView {
    let items = move || {
        pick(lang().texts())
            .iter()
            .map(|item| view! { <li>{*item}</li> })
            .collect_view()
    };
    if ordered {
        view! { <ol class="steps">{items}</ol> }.into_any()
    } else {
        view! { <ul class="bullets">{items}</ul> }.into_any()
    }
}

#[component]
pub fn About() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.about_title lead=|t| t.about_lead />
        <InstanceStatement />
        <h2>{t(|t| t.about.conditions_title)}</h2>
        {list(|t| t.about.conditions, false)}
        <h2>{t(|t| t.about.categories_title)}</h2>
        {list(|t| t.about.categories, false)}
        <h2>{t(|t| t.about.inquiry_title)}</h2>
        <p>{t(|t| t.about.inquiry_body)}</p>
        {list(|t| t.about.inquiry_steps, true)}
        <p>{t(|t| t.about.precheck_body)}</p>
        <p><a href="/check">{t(|t| t.about.precheck_link)}</a></p>
        <h2>{t(|t| t.about.objection_title)}</h2>
        {list(|t| t.about.objection_steps, true)}
        <p>{t(|t| t.about.objection_note)}</p>
    }
}
