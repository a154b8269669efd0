//! The frame of every page: the document title and the page's one `<h1>` with its lead.

use leptos::prelude::*;

use crate::i18n::{Texts, expect_locale};

/// A page's heading; it also names the browser tab "<title> — حساب المواطن".
#[component]
pub fn PageHeading(
    /// The page title, picked from the translation table.
    title: fn(&'static Texts) -> &'static str,
    /// The sentence under the title.
    lead: fn(&'static Texts) -> &'static str,
) -> impl IntoView {
    let locale = expect_locale();
    Effect::new(move |_| {
        let texts = locale.0.get().texts();
        document().set_title(&format!("{} — {}", title(texts), texts.program_name));
    });
    view! {
        <h1 id="page-title" tabindex="-1">{move || title(locale.0.get().texts())}</h1>
        <p class="lead">{move || lead(locale.0.get().texts())}</p>
    }
}
