//! The frame around every page: skip link, header with the language switch, navigation,
//! main content, footer (with who operates this copy, from `GET /instance`).

use leptos::prelude::*;

use crate::{
    components::language_switch::LanguageSwitch,
    i18n::{Lang, Text, fill, lang, t},
    session::use_session,
};

/// What `GET /instance` said, asked once by the shell and shared with the about page; `None`
/// while unknown or when it could not be read (then nothing is claimed either way).
#[derive(Clone, Copy)]
pub struct InstanceInfo(pub ReadSignal<Option<wire::Instance>, LocalStorage>);

impl InstanceInfo {
    /// Asks `GET /instance` once; the answer fills the signal. The asking and the reading of
    /// the answer come with the shell's tools chunk (src/lazy.rs): the line waits for the
    /// network anyway, and is kept empty until then.
    fn ask() -> Self {
        let (instance, set_instance) = signal_local(None);
        leptos::task::spawn_local(async move {
            let _ = ask_instance(set_instance).await;
        });
        InstanceInfo(instance)
    }
}

type InstanceAnswer = WriteSignal<Option<wire::Instance>, LocalStorage>;

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(tools, fallible, wasm_split_path = ::leptos::wasm_split)]
fn ask_instance(answer: InstanceAnswer) -> Result<(), crate::lazy::ChunkError> {
    fill_instance(answer);
    Ok(())
}

#[cfg(not(feature = "split"))]
async fn ask_instance(answer: InstanceAnswer) -> Result<(), crate::lazy::ChunkError> {
    fill_instance(answer);
    Ok(())
}

fn fill_instance(answer: InstanceAnswer) {
    leptos::task::spawn_local(async move {
        if let Some(instance) = crate::api::instance().await {
            answer.try_set(Some(instance));
        }
    });
}

/// The sentence about this copy: a demo, or who operates it (in this language, else the other).
fn instance_sentence(lang: Lang, instance: &wire::Instance) -> Option<String> {
    let texts = lang.texts();
    if instance.demo {
        return Some(texts.instance_demo.to_string());
    }
    let (own, other) = match lang {
        Lang::Ar => (&instance.operator_ar, &instance.operator_en),
        Lang::En => (&instance.operator_en, &instance.operator_ar),
    };
    own.as_deref()
        .or(other.as_deref())
        .map(|name| fill(texts.instance_operator, &[name]))
}

/// "This is a demonstration copy…" or "Operated by …". Its line is kept empty until the
/// answer comes, so nothing below it moves.
#[component]
pub fn InstanceStatement() -> impl IntoView {
    let info = use_context::<InstanceInfo>();
    let sentence = move || {
        let lang = lang();
        info.and_then(|InstanceInfo(instance)| {
            instance.with(|instance| instance_sentence(lang, instance.as_ref()?))
        })
    };
    view! { <p class="instance-statement">{sentence}</p> }
}

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

/// A link of the site's navigation, marked `aria-current="page"` on the page it leads to or,
/// unless `exact`, one under it. A plain `<a>`: the router follows any link on the page.
fn nav_link(href: &'static str, label: Text, exact: bool) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let current = move || {
        location
            .pathname
            .with(|path| is_current(path, href, exact))
            .then_some("page")
    };
    view! { <li><a href=href aria-current=current>{t(label)}</a></li> }
}

/// Whether `path` is `href`'s page (a trailing slash aside) or, unless `exact`, under it.
fn is_current(path: &str, href: &str, exact: bool) -> bool {
    let (path, href) = (path.trim_end_matches('/'), href.trim_end_matches('/'));
    path == href
        || (!exact
            && !href.is_empty()
            && path
                .strip_prefix(href)
                .is_some_and(|rest| rest.starts_with('/')))
}

/// The site's links: address, name, whether only that very page is theirs.
type NavLinks = &'static [(&'static str, Text, bool)];

/// The public pages' links.
const PUBLIC_LINKS: NavLinks = &[
    ("/", |t| t.nav_home, false),
    ("/check", |t| t.nav_check, false),
    ("/estimate", |t| t.nav_estimate, false),
    ("/contact", |t| t.nav_contact, false),
    ("/about", |t| t.nav_about, false),
    ("/account", |t| t.nav_account, false),
];

/// The account's links.
const ACCOUNT_LINKS: NavLinks = &[
    ("/", |t| t.nav_home, true),
    ("/account", |t| t.nav_account, true),
    (
        "/account/eligibility",
        |t| t.account_menu.eligibility,
        false,
    ),
    ("/account/payments", |t| t.account_menu.payments, false),
    ("/account/objections", |t| t.account_menu.objections, false),
    ("/account/tickets", |t| t.account_menu.voice, false),
    ("/account/bank", |t| t.account_menu.bank, false),
    ("/account/household", |t| t.account_menu.household, false),
];

fn links(links: NavLinks) -> impl IntoView {
    links
        .iter()
        .map(|&(href, label, exact)| nav_link(href, label, exact))
        .collect_view()
}

/// The public pages, for someone not signed in.
fn public_nav() -> impl IntoView {
    view! {
        <nav class="site-nav" aria-label=t(|t| t.main_navigation)>
            <ul>
                {links(PUBLIC_LINKS)}
            </ul>
        </nav>
    }
}

/// The account's pages, for someone signed in, with "Log out". Each name appears once on a
/// page, so "الأهلية" or "اعتراضاتي" finds one link.
fn account_nav() -> impl IntoView {
    let session = use_session();
    view! {
        <nav class="site-nav" aria-label=t(|t| t.account_menu.label)>
            <ul>
                {links(ACCOUNT_LINKS)}
                <li>
                    <button type="button" class="link-button site-nav__sign-out" on:click=move |_| session.sign_out()>
                        {t(|t| t.account_menu.sign_out)}
                    </button>
                </li>
            </ul>
        </nav>
    }
}

/// The idle warning while someone is signed in, drawn from the account chunk
/// ([`crate::lazy::idle_warning`]) so the public pages do not download it.
fn signed_in_idle_warning() -> impl IntoView {
    let session = use_session();
    let signed_in = Memo::new(move |_| session.is_signed_in());
    move || signed_in.get().then(crate::lazy::idle_warning)
}

/// Skip link, header, navigation, the page, and the footer with the accessibility tools.
#[component]
pub fn Shell(
    /// The routes.
    children: Children,
) -> impl IntoView {
    focus_heading_on_navigation();
    let session = use_session();
    provide_context(InstanceInfo::ask());
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {t(|t| t.skip_to_content)}
        </a>
        <header class="site-header">
            <div class="site-header__inner">
                <a href="/" class="site-header__brand">
                    <span class="site-header__program">{t(|t| t.program_name)}</span>
                    <span class="site-header__portal">{t(|t| t.portal_name)}</span>
                </a>
                <LanguageSwitch />
            </div>
            {move || if session.is_signed_in() { account_nav().into_any() } else { public_nav().into_any() }}
        </header>
        {crate::lazy::offline_banner()}
        {crate::lazy::update_notice()}
        {signed_in_idle_warning()}
        <main id="main" class="site-main" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <InstanceStatement />
            <p>{t(|t| t.footer_note)}</p>
            {crate::lazy::accessibility_tools()}
        </footer>
    }
}

#[cfg(test)]
mod tests {
    use super::is_current;

    #[test]
    fn a_link_is_current_on_its_page_and_under_it_unless_exact() {
        assert!(is_current("/", "/", false));
        assert!(!is_current("/check", "/", false));
        assert!(is_current("/check/applicant", "/check", false));
        assert!(is_current("/account/", "/account", true));
        assert!(!is_current("/account/payments", "/account", true));
        assert!(!is_current("/accounts", "/account", false));
    }
}
