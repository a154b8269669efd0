//! What a page shows while it waits for the API, and when the API did not answer: never a
//! blank page. [`Problem`] is the box above a form for an error that belongs to no one field.

use leptos::{html, prelude::*};

use crate::{
    api::ApiError,
    i18n::{lang, t},
    messages,
};

/// "Loading…", announced politely.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status">
            <span class="loading__spinner" aria-hidden="true"></span>
            {t(|t| t.sign_in.loading)}
        </p>
    }
}

/// Why the data did not come, and a button to ask again.
#[component]
pub fn LoadFailed(
    /// What went wrong.
    error: ApiError,
    /// Asks again.
    retry: Callback<()>,
) -> impl IntoView {
    let error = StoredValue::new(error);
    view! {
        <div class="notice notice--warning" role="alert">
            <p>{move || error.with_value(|e| messages::api_error(lang(), e))}</p>
            <button type="button" class="button button--secondary" on:click=move |_| retry.run(())>
                {t(|t| t.sign_in.retry)}
            </button>
        </div>
    }
}

/// An error summary with one sentence that is not tied to a field (the network, a locked
/// account, an expired code); it takes focus whenever the sentence changes.
#[component]
pub fn Problem(
    /// The sentence, or nothing.
    #[prop(into)]
    message: Signal<Option<String>>,
) -> impl IntoView {
    let node = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if message.with(Option::is_some)
            && let Some(node) = node.get_untracked()
        {
            let _ = node.focus();
        }
    });
    view! {
        <div
            class="error-summary"
            tabindex="-1"
            role="alert"
            aria-labelledby="problem-title"
            hidden=move || message.with(Option::is_none)
            node_ref=node
        >
            <h2 id="problem-title" class="error-summary__title">{t(|t| t.forms.error_summary_title)}</h2>
            <p>{move || message.get()}</p>
        </div>
    }
}
