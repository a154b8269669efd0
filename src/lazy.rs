//! Route-level code splitting: the pages of the pre-check, the estimate, signing in, the
//! contact and about pages and the account area are compiled into separate wasm chunks (by
//! `wasm-split`, which `scripts/wasm-split` runs after Trunk's build) and fetched the first
//! time one of their pages is opened. Home, the shell, the page switch and the root table's
//! words stay in the main module; what only someone signed in uses (the idle warning) comes
//! with the account chunk. Each area installs the words it shows before drawing them
//! (`texts::Part`): they travel with its chunk.
//!
//! Each area is one section of the app (src/area_pages.rs, which the server reads too) and one
//! `#[wasm_split(<chunk>, fallible)]` function that draws the area, its layout and the page
//! the rest of the path names, again on each move inside the area. The page switch
//! (`src/lib.rs`) draws a section once its [`Chunk`] is here: until then the page before stays
//! (the first drawing waits for it in [`mount_after_chunk`], so public/boot.js takes over a
//! prerendered page with nothing changing on screen). A chunk that fails to load (offline, or
//! a new deployment removed it) gives [`ChunkFailed`], a page with a retry, never a panic (a
//! panic aborts the whole app). The chunk a page opened directly draws from is named after
//! its first path segment (perf/first_load.py counts a page's chunks by that name); the code
//! and password-reset pages ride in the account chunk and the about page in the contact
//! chunk, since each split module cuts the code the chunks share into more, smaller pieces.
//!
//! No router `Routes`, `Suspend` or resource here: their generic and async machinery cost the
//! main module about 30 KB brotli (measured with twiggy), a plain match and a signal nothing.
//!
//! Only with the `split` feature, which `index.html` turns on for Trunk's build: the unsplit
//! wasm of the wasm tests could not load (its loader imports exist only after wasm-split), so
//! without it the pages are part of the one module.

use std::cell::Cell;

use futures::FutureExt;
use leptos::prelude::*;
#[cfg(feature = "split")]
use leptos::wasm_split::wasm_split;

use crate::{
    components::{
        accessibility_tools::AccessibilityTools, idle_warning::IdleWarning,
        offline_banner::OfflineBanner, page::PageHeading, update_notice::UpdateNotice,
    },
    i18n::t,
};

/// A route's chunk did not load. The loader does not remember a failure, so the next try
/// fetches it afresh.
#[derive(Debug, Clone, Copy)]
pub struct ChunkError;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// The page shown in place of a route whose code did not arrive: what happened, and a button
/// that tries again (a reload, which also picks up a newer deployment's files).
#[component]
pub fn ChunkFailed() -> impl IntoView {
    let retry = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <PageHeading title=|t| t.chunk_failed_title lead=|t| t.chunk_failed_lead />
        <p>
            <button type="button" class="button" on:click=retry>
                {t(|t| t.chunk_retry)}
            </button>
        </p>
    }
}

/// One split function: `split_area!(chunk, draw, preload_fn; view)`. `draw()`, in the wasm
/// chunk `chunk`, draws `view()` (an area, or the idle warning), and `preload_fn` loads what
/// it needs, after which `draw()` returns at its first poll.
macro_rules! split_area {
    ($chunk:ident, $draw:ident, $preload:ident; $view:path) => {
        #[cfg(feature = "split")]
        #[wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split, preload($preload))]
        fn $draw() -> Result<AnyView, ChunkError> {
            Ok($view().into_any())
        }

        #[cfg(not(feature = "split"))]
        async fn $draw() -> Result<AnyView, ChunkError> {
            Ok($view().into_any())
        }

        #[cfg(not(feature = "split"))]
        async fn $preload() -> Result<(), ChunkError> {
            Ok(())
        }
    };
}

use crate::{
    area_pages::{ACCOUNT, AccountPage, Area, CHECK, CheckPage, LOGIN, LoginPage, Section},
    pages::{
        about, account, check, contact, estimate, login, login_reset, login_verify,
        not_found::NotFound,
    },
};

split_area! { check, draw_check_start, preload_check_start; check_start }
split_area! { check_steps, draw_check, preload_check; check_area }
split_area! { estimate, draw_estimate, preload_estimate; estimate_page }
split_area! { login, draw_login_start, preload_login_start; login_start }
split_area! { account, draw_login, preload_login; login_area }
split_area! { account, draw_account, preload_account; account_area }
split_area! { contact, draw_contact, preload_contact; contact_page }
// The about page travels with the contact page: a split module of its own would cut the code
// the other chunks share into more, smaller chunks (about 650 B more on /estimate and /login).
split_area! { contact, draw_about, preload_about; about_page }

/// The wasm chunk of an area, or of a page of its own: the pre-check's start page, which
/// `/check` draws alone, before the code of the questions (fetched once it is drawn), and
/// the login page (`/login`), before the code and password-reset pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chunk {
    CheckStart,
    Check,
    Estimate,
    LoginStart,
    Login,
    Account,
    Contact,
    About,
}

thread_local! {
    /// Which chunks have loaded, by [`Chunk`] as a bit: a loaded chunk's split function
    /// returns at its first poll, so its section can be drawn at once.
    static LOADED: Cell<u8> = const { Cell::new(0) };
}

impl Chunk {
    /// The chunk holding the code of the page at `path` (a section and the rest of the path,
    /// src/area_pages.rs); none for the pages in the main module.
    pub fn of(section: Section, rest: &str) -> Option<Self> {
        match section {
            Section::Check
                if CHECK
                    .find(rest)
                    .is_some_and(|(page, _)| page == CheckPage::Start) =>
            {
                Some(Chunk::CheckStart)
            }
            Section::Check => Some(Chunk::Check),
            Section::Estimate => Some(Chunk::Estimate),
            Section::Login
                if LOGIN
                    .find(rest)
                    .is_some_and(|(page, _)| page == LoginPage::Password) =>
            {
                Some(Chunk::LoginStart)
            }
            Section::Login => Some(Chunk::Login),
            Section::Account => Some(Chunk::Account),
            Section::Contact => Some(Chunk::Contact),
            Section::About => Some(Chunk::About),
            Section::Home => None,
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }

    pub fn is_loaded(self) -> bool {
        LOADED.with(|loaded| loaded.get() & self.bit() != 0)
    }

    /// Fetches and links the chunk (at once if it already is).
    pub async fn load(self) -> Result<(), ChunkError> {
        match self {
            Chunk::CheckStart => preload_check_start().await?,
            Chunk::Check => preload_check().await?,
            Chunk::Estimate => preload_estimate().await?,
            Chunk::LoginStart => preload_login_start().await?,
            Chunk::Login => preload_login().await?,
            Chunk::Account => preload_account().await?,
            Chunk::Contact => preload_contact().await?,
            Chunk::About => preload_about().await?,
        }
        LOADED.with(|loaded| loaded.set(loaded.get() | self.bit()));
        Ok(())
    }

    /// The area, drawn by its chunk's code: only once [`Chunk::load`] has succeeded (the
    /// page switch waits for it), else the page saying the code did not arrive.
    pub fn draw(self) -> AnyView {
        // Untracked, as a component's body is: what the area reads while it is built must not
        // redraw the whole area when it changes.
        let drawn = untrack(|| match self {
            Chunk::CheckStart => draw_check_start().now_or_never(),
            Chunk::Check => draw_check().now_or_never(),
            Chunk::Estimate => draw_estimate().now_or_never(),
            Chunk::LoginStart => draw_login_start().now_or_never(),
            Chunk::Login => draw_login().now_or_never(),
            Chunk::Account => draw_account().now_or_never(),
            Chunk::Contact => draw_contact().now_or_never(),
            Chunk::About => draw_about().now_or_never(),
        });
        match drawn {
            Some(Ok(view)) => view,
            Some(Err(ChunkError)) | None => ChunkFailed().into_any(),
        }
    }
}

/// A page of an area (src/area_pages.rs) and the value of its `:name` segment.
type AreaPage<P> = Option<(P, Option<String>)>;

/// The page of `area` (the app's `section`) that the rest of the path names, none for a path
/// the area does not have. It follows moves inside the area (a new query alone changes
/// nothing), and keeps its page while the path has left the area, until the next section is
/// drawn in its place.
fn use_area_page<P>(section: Section, area: &'static Area<P>) -> Memo<AreaPage<P>>
where
    P: Copy + PartialEq + Send + Sync + 'static,
{
    let location = leptos_router::hooks::use_location();
    Memo::new(move |previous: Option<&AreaPage<P>>| {
        location
            .pathname
            .with(|path| match crate::area_pages::section_of(path) {
                Some((of, rest)) if of == section => area
                    .find(rest)
                    .map(|(page, param)| (page, param.map(str::to_owned))),
                _ => previous.cloned().flatten(),
            })
    })
}

/// Draws `page`'s page with `draw`, again whenever it changes; the not-found page for a path
/// the area does not have.
fn area_page<P>(
    page: Memo<AreaPage<P>>,
    draw: fn(P, Option<String>) -> AnyView,
) -> impl Fn() -> AnyView + Copy + Send + Sync + 'static
where
    P: Copy + PartialEq + Send + Sync + 'static,
{
    move || match page.get() {
        Some((page, param)) => draw(page, param),
        None => NotFound().into_any(),
    }
}

/// `/check`, the pre-check's start page. Each area installs the words it shows first: they
/// travel with its code (texts::Part).
fn check_start() -> impl IntoView {
    texts::check::install();
    check::CheckStart()
}

/// `/check/...`: the flow's answers, around the page the path names.
fn check_area() -> impl IntoView {
    texts::check::install();
    let page = area_page(use_area_page(Section::Check, &CHECK), check_page);
    view! { <check::CheckFlow>{page}</check::CheckFlow> }
}

fn check_page(page: CheckPage, _: Option<String>) -> AnyView {
    use check::{birth_date, dependents, question, result, review};
    match page {
        // Drawn by a chunk of its own (Chunk::CheckStart), in this area's place.
        CheckPage::Start => ().into_any(),
        CheckPage::Applicant => question::ApplicantStep().into_any(),
        CheckPage::BirthDate => birth_date::BirthDateStep().into_any(),
        CheckPage::Nationality => question::NationalityStep().into_any(),
        CheckPage::Residency => question::ResidencyStep().into_any(),
        CheckPage::Detention => question::DetentionStep().into_any(),
        CheckPage::BankAccount => question::BankAccountStep().into_any(),
        CheckPage::Housing => question::HousingStep().into_any(),
        CheckPage::Dependents => dependents::DependentsStep().into_any(),
        CheckPage::AddDependent => dependents::AddDependentStep().into_any(),
        CheckPage::Answers => review::ReviewAnswers().into_any(),
        CheckPage::Result => result::CheckResult().into_any(),
    }
}

/// `/contact`.
fn contact_page() -> impl IntoView {
    texts::contact::install();
    contact::Contact()
}

/// `/about`.
fn about_page() -> impl IntoView {
    texts::about::install();
    about::About()
}

/// `/estimate`.
fn estimate_page() -> impl IntoView {
    texts::estimate::install();
    estimate::Estimate()
}

/// `/login`, the password page: its words, and those of any request's outcome.
fn login_start() -> impl IntoView {
    texts::sign_in::install();
    login::Login()
}

/// The words of the code and password-reset pages (`/login/...`) and of the account area.
fn install_login_words() {
    texts::sign_in::install();
    texts::account::install();
    texts::reset::install();
}

/// `/login/...`: the code and password-reset pages.
fn login_area() -> impl IntoView {
    install_login_words();
    area_page(use_area_page(Section::Login, &LOGIN), login_page)
}

fn login_page(page: LoginPage, _: Option<String>) -> AnyView {
    match page {
        // Drawn by a chunk of its own (Chunk::LoginStart), in this area's place.
        LoginPage::Password => ().into_any(),
        LoginPage::Verify => login_verify::VerifyLogin().into_any(),
        LoginPage::Reset => login_reset::PasswordReset().into_any(),
    }
}

/// `/account/...`: the signed-in guard around the page the path names. A path the area does
/// not have gets the not-found page without the guard, as any unknown address does.
fn account_area() -> impl IntoView {
    install_login_words();
    texts::bank::install();
    texts::household::install();
    // A household's dependents are counted in the pre-check's words, a payment's steps told
    // in the estimate's, the next payment's day in the dates'.
    texts::check::install();
    texts::estimate::install();
    texts::dates::install();
    let page = use_area_page(Section::Account, &ACCOUNT);
    let known = Memo::new(move |_| page.with(Option::is_some));
    let page = area_page(page, account_page);
    move || {
        if known.get() {
            view! { <account::AccountArea>{page}</account::AccountArea> }.into_any()
        } else {
            NotFound().into_any()
        }
    }
}

fn account_page(page: AccountPage, param: Option<String>) -> AnyView {
    use account::{
        bank, eligibility, home, household, objection, objection_view, objections, payment,
        payments, tickets,
    };
    match page {
        AccountPage::Home => home::AccountHome().into_any(),
        AccountPage::Eligibility => eligibility::Eligibility().into_any(),
        AccountPage::Payments => payments::Payments().into_any(),
        AccountPage::Payment => {
            let cycle = param.and_then(|cycle| cycle.parse().ok());
            view! { <payment::Payment cycle=cycle /> }.into_any()
        }
        AccountPage::Objections => objections::Objections().into_any(),
        AccountPage::NewObjection => objection::details::ObjectionDetails().into_any(),
        AccountPage::ObjectionReview => objection::review::ObjectionReview().into_any(),
        AccountPage::Objection => {
            let reference = param.unwrap_or_default();
            view! { <objection_view::ObjectionView reference=reference /> }.into_any()
        }
        AccountPage::Tickets => tickets::Tickets().into_any(),
        AccountPage::NewTicket => tickets::NewTicketPage().into_any(),
        AccountPage::Bank => bank::BankAccountPage().into_any(),
        AccountPage::Household => household::HouseholdPage().into_any(),
    }
}

// The idle warning (`IdleWarning`), drawn by the shell for someone signed in. Its code, with
// the session extension it asks for, travels in the account chunk: signing in loads that
// chunk anyway (the account area asks `GET /me`; a login goes on to it unless `next` says
// otherwise), so the public pages' main module carries neither.
split_area! { account, draw_idle_warning, preload_idle_warning; idle_warning_here }

fn idle_warning_here() -> impl IntoView {
    texts::sign_in::install();
    texts::account::install();
    IdleWarning()
}

// What the shell shows beside every page but no page needs to be drawn: the offline banner
// and the update notice (both empty until something happens) and the accessibility tools
// (the footer's last part, so their arrival moves nothing). They come in a chunk of their own
// fetched once the page is drawn, not with it: about 5 KB brotli less before the first page.
split_area! { tools, draw_offline_banner, preload_offline_banner; OfflineBanner }
split_area! { tools, draw_update_notice, preload_update_notice; UpdateNotice }
split_area! { tools, draw_accessibility_tools, preload_accessibility_tools; AccessibilityTools }

/// The offline banner, once its chunk is here.
pub fn offline_banner() -> impl IntoView {
    after_load(draw_offline_banner, preload_offline_banner)
}

/// The update notice, once its chunk is here (it reads the news public/boot.js kept).
pub fn update_notice() -> impl IntoView {
    after_load(draw_update_notice, preload_update_notice)
}

/// The accessibility tools, once their chunk is here, in a slot that keeps their room
/// meanwhile (style/main.css): on a page shorter than the screen the footer sits at the
/// bottom, and tools arriving in it would otherwise push it up.
pub fn accessibility_tools() -> impl IntoView {
    view! {
        <div class="tools-slot">
            {after_load(draw_accessibility_tools, preload_accessibility_tools)}
        </div>
    }
}

/// The idle warning once the account chunk is here; nothing if it did not arrive (the
/// server still ends an idle session, and the next account request then goes to the login
/// page).
pub fn idle_warning() -> impl IntoView {
    after_load(draw_idle_warning, preload_idle_warning)
}

/// What the split function `draw` draws, once `preload` has loaded it (each split function
/// has its own loader, even in a chunk already here); nothing before, or if it never arrives.
fn after_load<D, P, E>(draw: fn() -> D, preload: fn() -> P) -> impl IntoView
where
    D: Future<Output = Result<AnyView, ChunkError>> + 'static,
    P: Future<Output = Result<(), E>> + 'static,
{
    let arrived = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if preload().await.is_ok() {
            arrived.try_set(true);
        }
    });
    move || {
        arrived
            .get()
            .then(|| untrack(|| draw().now_or_never()).and_then(Result::ok))
    }
}

/// Runs `mount` once the chunk of the page being opened has loaded (or failed to: the page
/// switch then shows [`ChunkFailed`]), so the first drawing is the whole page. Meanwhile
/// `window.portalMounting` is a promise public/boot.js waits for before it takes over.
pub fn mount_after_chunk(mount: impl FnOnce() + 'static) {
    let path = window().location().pathname().unwrap_or_default();
    let chunk =
        crate::area_pages::section_of(&path).and_then(|(section, rest)| Chunk::of(section, rest));
    // Someone who chose English sees English from the first drawing: its texts are a pack
    // fetched beside the chunk (src/i18n/english.rs).
    let english = crate::prefs::stored_lang() == Some(crate::i18n::Lang::En);
    if chunk.is_none() && !english {
        mount();
        return;
    }
    let mut resolve = None;
    let mounted = js_sys::Promise::new(&mut |done, _| resolve = Some(done));
    let _ = js_sys::Reflect::set(&window(), &"portalMounting".into(), &mounted);
    wasm_bindgen_futures::spawn_local(async move {
        let chunk = async move {
            if let Some(chunk) = chunk {
                let _ = chunk.load().await;
            }
        };
        let texts = async move { english && crate::i18n::english::load_english().await };
        futures::future::join(chunk, texts).await;
        mount();
        if let Some(resolve) = resolve {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
}

/// Fetches the chunks of the public tools that promise to work offline once the app has
/// loaded (the pre-check, the estimate with its result, the contact and about pages, and the
/// shell's tools with the offline banner), without waiting for a visit: the service worker holds them only from the
/// second visit. Then `window.portalOfflineReady` is true: the first load is over (the
/// end-to-end tests wait for it before going offline). A failure is left alone: the page
/// tries again when opened.
pub fn prefetch_offline_chunks() {
    leptos::task::spawn_local(async {
        if Chunk::CheckStart.load().await.is_err()
            || Chunk::Check.load().await.is_err()
            || Chunk::Estimate.load().await.is_err()
            || Chunk::Contact.load().await.is_err()
            || Chunk::About.load().await.is_err()
            || !estimate::preload().await
            || preload_offline_banner().await.is_err()
        {
            return;
        }
        let _ = js_sys::Reflect::set(&window(), &"portalOfflineReady".into(), &true.into());
    });
}
