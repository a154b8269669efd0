//! The back link at the top of a question page.

use crate::i18n::t;
use leptos::prelude::*;

/// "Back" ("رجوع"), to the previous step; its arrow follows the reading direction.
#[component]
pub fn BackLink(
    /// The previous step's address.
    #[prop(into)]
    href: String,
) -> impl IntoView {
    view! { <a href=href class="back-link">{t(|t| t.forms.back)}</a> }
}
