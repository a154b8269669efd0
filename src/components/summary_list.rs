//! The summary list: answers as key / value rows, each with a link to change it.

use leptos::prelude::*;

/// One row.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    /// The question, short.
    pub key: &'static str,
    /// The answer, in words; a row may have several lines.
    pub value: Vec<String>,
    /// Where to change it (inside the app), if it can be changed.
    pub change: Option<String>,
}

/// Key / value rows with "Change" links; the link's hidden text names the row, so a screen
/// reader hears "Change date of birth", not "Change" ten times.
#[component]
pub fn SummaryList(
    /// The rows, in order.
    rows: Vec<SummaryRow>,
    /// The word on the change links, in the active language.
    change_label: &'static str,
) -> impl IntoView {
    view! {
        <dl class="summary-list">
            {rows
                .into_iter()
                .map(|row| {
                    let key = row.key;
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{key}</dt>
                            <dd class="summary-list__value">
                                {row.value.into_iter().map(|line| view! { <span class="summary-list__line">{line}</span> }).collect_view()}
                            </dd>
                            {row
                                .change
                                .map(|href| {
                                    view! {
                                        <dd class="summary-list__actions">
                                            <a href=href>
                                                {change_label}
                                                <span class="visually-hidden">" " {key}</span>
                                            </a>
                                        </dd>
                                    }
                                })}
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}
