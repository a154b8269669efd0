//! The button that switches between Arabic and English.

use leptos::{prelude::*, task::spawn_local};

use crate::i18n::{Lang, english, expect_locale, t};

/// Shows the other language's name, in that language, with a hint in that language too,
/// so a reader of either finds it. English switches once its texts have arrived (a small
/// file, fetched the first time; src/i18n/english.rs); if they cannot, the page stays as it
/// is and says so, in the language that was asked for.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let locale = expect_locale();
    let other = move || locale.0.get().other();
    let failed = RwSignal::new(false);
    let switch = move |_| {
        let next = other();
        failed.set(false);
        spawn_local(async move {
            if next == Lang::Ar || english::load_english().await {
                let _ = locale.0.try_set(next);
            } else {
                let _ = failed.try_set(true);
            }
        });
    };
    view! {
        <button
            type="button"
            class="language-switch"
            lang=move || other().code()
            title=t(|t| t.switch_language_hint)
            aria-label=t(|t| t.switch_language_hint)
            on:click=switch
        >
            {t(|t| t.switch_language)}
        </button>
        // Always in the page, so a screen reader announces the message when it appears;
        // out of sight while it is empty (style/main.css). A line of its own under the
        // header's row. Only English can fail to arrive, so the message is English.
        <p class="language-switch__status" role="status" lang="en" dir="ltr">
            {move || failed.get().then(t(|t| t.switch_language_failed))}
        </p>
    }
}
