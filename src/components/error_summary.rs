//! The error summary (GOV.UK pattern): at the top of the form, it takes focus after a failed
//! submit and links to each field with a problem.

use leptos::{html, prelude::*};

use crate::{
    components::form::{FormErrors, focus_by_id},
    i18n::t,
};

/// Shows the form's errors, or nothing; moves focus to itself after every failed submit.
#[component]
pub fn ErrorSummary(
    /// The form's errors.
    errors: FormErrors,
) -> impl IntoView {
    let node = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if errors.failures() > 0
            && let Some(summary) = node.get_untracked()
        {
            let _ = summary.focus();
        }
    });
    view! {
        <div
            class="error-summary"
            tabindex="-1"
            aria-labelledby="error-summary-title"
            hidden=move || !errors.any()
            node_ref=node
        >
            <h2 id="error-summary-title" class="error-summary__title">
                {t(|t| t.forms.error_summary_title)}
            </h2>
            <ul class="error-summary__list">
                {move || {
                    errors
                        .list()
                        .into_iter()
                        .map(|error| {
                            let id = error.id;
                            view! {
                                <li>
                                    <a
                                        href=format!("#{id}")
                                        on:click=move |event| {
                                            event.prevent_default();
                                            focus_by_id(id);
                                        }
                                    >
                                        {t(error.message)}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
