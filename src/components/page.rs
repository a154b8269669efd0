//! The frame of every page: the document title and the page's one `<h1>` with its lead.

use leptos::prelude::*;

use crate::{
    components::form::FormErrors,
    i18n::{Text, Texts, expect_locale},
};

/// Names the browser tab "<title> — حساب المواطن" ("حساب المواطن — بوابة المستفيد" at home), with "خطأ: " in front while the page's
/// form shows errors (GOV.UK pattern), following the language.
pub fn use_page_title(
    title: impl Fn() -> Text + Send + Sync + 'static,
    errors: Option<FormErrors>,
) {
    let locale = expect_locale();
    Effect::new(move |_| {
        let texts = locale.0.get().texts();
        let prefix = if errors.is_some_and(|e| e.any()) {
            format!("{} ", texts.forms.error_prefix)
        } else {
            String::new()
        };
        let title = title()(texts);
        // The home page's title is the program's name: the tab then names the portal.
        let suffix = if title == texts.program_name {
            texts.portal_name
        } else {
            texts.program_name
        };
        document().set_title(&format!("{prefix}{title} — {suffix}"));
    });
}

/// A page's heading and lead; it also names the browser tab.
#[component]
pub fn PageHeading(
    /// The page title, picked from the translation table.
    title: fn(&'static Texts) -> &'static str,
    /// The sentence under the title.
    #[prop(optional)]
    lead: Option<fn(&'static Texts) -> &'static str>,
    /// The page's form errors, which put "خطأ: " in the tab's title.
    #[prop(optional)]
    errors: Option<FormErrors>,
) -> impl IntoView {
    let locale = expect_locale();
    use_page_title(move || title, errors);
    view! {
        <h1 id="page-title" tabindex="-1">{move || title(locale.0.get().texts())}</h1>
        {lead.map(|lead| view! { <p class="lead">{move || lead(locale.0.get().texts())}</p> })}
    }
}
