//! The frame around every page: skip link, header with the language switch, navigation,
//! main content, footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    components::{accessibility_tools::AccessibilityTools, language_switch::LanguageSwitch},
    i18n::t,
};

/// The router would treat `#main` as a navigation; move focus to the content instead.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok())
    {
        let _ = main.focus();
    }
}

/// After a navigation inside the app, focus goes to the new page's `<h1>`, so a screen reader
/// reads where the person has arrived and the keyboard starts from the top of the content.
fn focus_heading_on_navigation() {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            request_animation_frame(|| super::form::focus_by_id("page-title"));
        }
        path
    });
}

/// Skip link, header, navigation, the page, and the footer with the accessibility tools.
#[component]
pub fn Shell(
    /// The routes.
    children: Children,
) -> impl IntoView {
    focus_heading_on_navigation();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {t(|t| t.skip_to_content)}
        </a>
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="site-header__brand">
                    <span class="site-header__program">{t(|t| t.program_name)}</span>
                    <span class="site-header__portal">{t(|t| t.portal_name)}</span>
                </A>
                <LanguageSwitch />
            </div>
            <nav class="site-nav" aria-label=t(|t| t.main_navigation)>
                <ul>
                    <li><A href="/">{t(|t| t.nav_home)}</A></li>
                    <li><A href="/check">{t(|t| t.nav_check)}</A></li>
                    <li><A href="/estimate">{t(|t| t.nav_estimate)}</A></li>
                    <li><A href="/contact">{t(|t| t.nav_contact)}</A></li>
                    <li><A href="/about">{t(|t| t.nav_about)}</A></li>
                    <li><A href="/account">{t(|t| t.nav_account)}</A></li>
                </ul>
            </nav>
        </header>
        <main id="main" class="site-main" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <AccessibilityTools />
            <p>{t(|t| t.footer_note)}</p>
        </footer>
    }
}
