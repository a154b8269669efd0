//! The back link at the top of a question page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::t;

/// "Back" ("رجوع"), to the previous step; its arrow follows the reading direction.
#[component]
pub fn BackLink(
    /// The previous step's address.
    #[prop(into)]
    href: String,
) -> impl IntoView {
    view! { <A href=href attr:class="back-link">{t(|t| t.forms.back)}</A> }
}
