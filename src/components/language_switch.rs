//! The button that switches between Arabic and English.

use leptos::prelude::*;

use crate::i18n::{expect_locale, t};

/// Shows the other language's name, in that language, with a hint in that language too,
/// so a reader of either finds it.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let locale = expect_locale();
    let other = move || locale.0.get().other();
    view! {
        <button
            type="button"
            class="language-switch"
            lang=move || other().code()
            title=t(|t| t.switch_language_hint)
            aria-label=t(|t| t.switch_language_hint)
            on:click=move |_| locale.0.update(|lang| *lang = lang.other())
        >
            {t(|t| t.switch_language)}
        </button>
    }
}
