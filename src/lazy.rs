//! Route-level code splitting: the pages of the pre-check, the estimate, signing in and the
//! account area are compiled into separate wasm chunks (by `wasm-split`, which
//! `scripts/wasm-split` runs after Trunk's build) and fetched the first time one of their
//! routes is opened. Home, the shell, the router and the translations stay in the main module;
//! what only someone signed in uses (the idle warning) comes with the account chunk.
//!
//! Each area is one route in the table (`/check/*page`: the router's code is compiled once per
//! route, so few routes keep the main module small) and one `#[wasm_split(<chunk>, fallible)]`
//! function that draws the area, its layout and the page the rest of the path names
//! (src/area_pages.rs, which the server reads too), again on each move inside the area. Once
//! [`mount_after_chunk`] has loaded the chunk of the page being opened, the app draws that
//! page in the same task as its mount (public/boot.js then takes over a prerendered page with
//! nothing changing on screen). Each area's route is a [`LazyRoute`] calling that function; a
//! chunk that fails to load (offline, or a new deployment removed it) gives [`ChunkFailed`], a
//! page with a retry, never a panic (a panic aborts the whole app). A chunk is named after its
//! area's first path segment (perf/first_load.py counts a route's chunks by that name).
//!
//! Only with the `split` feature, which `index.html` turns on for Trunk's build: the unsplit
//! wasm of the wasm tests could not load (its loader imports exist only after wasm-split), so
//! without it the pages are part of the one module.

use leptos::prelude::*;
#[cfg(feature = "split")]
use leptos::wasm_split::wasm_split;
use leptos_router::LazyRoute;

use crate::{
    components::{idle_warning::IdleWarning, page::PageHeading},
    i18n::t,
};

/// A route's chunk did not load. The loader does not remember a failure, so the next try
/// fetches it afresh.
#[derive(Debug, Clone, Copy)]
pub struct ChunkError;

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

/// One split area: `split_area!(chunk, draw, preload_fn; Route => view)`. `draw()` is the
/// split function, in the wasm chunk `chunk`, that draws the area with `view()`,
/// `preload_fn` loads that chunk, and `Route` is the area's one route type, for
/// `Lazy::<Route>::new()` in the route table.
macro_rules! split_area {
    ($chunk:ident, $draw:ident, $preload:ident; $route:ident => $view:path) => {
        #[cfg(feature = "split")]
        #[wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split, preload($preload))]
        fn $draw() -> Result<AnyView, ChunkError> {
            Ok($view().into_any())
        }

        #[cfg(not(feature = "split"))]
        async fn $draw() -> Result<AnyView, ChunkError> {
            Ok($view().into_any())
        }

        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                match $draw().await {
                    Ok(view) => view,
                    Err(ChunkError) => ChunkFailed().into_any(),
                }
            }
        }
    };
}

use crate::{
    area_pages::{ACCOUNT, AccountPage, Area, CHECK, CheckPage, LOGIN, LoginPage},
    pages::{account, check, estimate, login, login_reset, login_verify, not_found::NotFound},
};

split_area! { check, draw_check, preload_check; CheckRoute => check_area }
split_area! { estimate, draw_estimate, preload_estimate; EstimateRoute => estimate::Estimate }
split_area! { login, draw_login, preload_login; LoginRoute => login_area }
split_area! { account, draw_account, preload_account; AccountRoute => account_area }

/// A page of an area (src/area_pages.rs) and the value of its `:name` segment.
type AreaPage<P> = Option<(P, Option<String>)>;

/// The page of `area` that the route's `*page` segment names, none for a path the area does
/// not have. It follows moves inside the area: the router keeps the area's one route and
/// only updates the segment (a new query alone changes nothing, as before).
fn use_area_page<P>(area: &'static Area<P>) -> Memo<AreaPage<P>>
where
    P: Copy + PartialEq + Send + Sync + 'static,
{
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| {
        params.with(|params| {
            let rest = params.get_str("page").unwrap_or_default();
            area.find(rest)
                .map(|(page, param)| (page, param.map(str::to_owned)))
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

/// `/check/...`: the flow's answers, around the page the path names.
fn check_area() -> impl IntoView {
    let page = area_page(use_area_page(&CHECK), check_page);
    view! { <check::CheckFlow>{page}</check::CheckFlow> }
}

fn check_page(page: CheckPage, _: Option<String>) -> AnyView {
    use check::{birth_date, dependents, question, result, review};
    match page {
        CheckPage::Start => check::CheckStart().into_any(),
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

/// `/login/...`.
fn login_area() -> impl IntoView {
    area_page(use_area_page(&LOGIN), login_page)
}

fn login_page(page: LoginPage, _: Option<String>) -> AnyView {
    match page {
        LoginPage::Password => login::Login().into_any(),
        LoginPage::Verify => login_verify::VerifyLogin().into_any(),
        LoginPage::Reset => login_reset::PasswordReset().into_any(),
    }
}

/// `/account/...`: the signed-in guard around the page the path names. A path the area does
/// not have gets the not-found page without the guard, as any unknown address does.
fn account_area() -> impl IntoView {
    let page = use_area_page(&ACCOUNT);
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

/// The idle warning ([`IdleWarning`]), drawn by the shell for someone signed in. Its code,
/// with the session extension it asks for, travels in the account chunk: signing in loads
/// that chunk anyway (the account area asks `GET /me`; a login goes on to it unless `next`
/// says otherwise), so the public pages' main module carries neither.
#[cfg(feature = "split")]
#[wasm_split(account, fallible, wasm_split_path = ::leptos::wasm_split)]
fn draw_idle_warning() -> Result<AnyView, ChunkError> {
    Ok(IdleWarning().into_any())
}

#[cfg(not(feature = "split"))]
async fn draw_idle_warning() -> Result<AnyView, ChunkError> {
    Ok(IdleWarning().into_any())
}

/// The idle warning once its chunk is there; nothing if it did not arrive (the server still
/// ends an idle session, and the next account request then goes to the login page). The
/// loader's future stays on this one thread; `Suspend` asks for `Send`.
pub fn idle_warning() -> impl Future<Output = Option<AnyView>> + Send {
    send_wrapper::SendWrapper::new(async { draw_idle_warning().await.ok() })
}

/// Runs `mount` once the chunk of the page being opened has loaded (or failed to: the route
/// then shows [`ChunkFailed`]), so the first drawing is the whole page. Meanwhile
/// `window.portalMounting` is a promise public/boot.js waits for before it takes over.
pub fn mount_after_chunk(mount: impl FnOnce() + 'static) {
    #[cfg(feature = "split")]
    {
        let path = window().location().pathname().unwrap_or_default();
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        let load: Option<std::pin::Pin<Box<dyn Future<Output = _>>>> = match first {
            "check" => Some(Box::pin(preload_check())),
            "estimate" => Some(Box::pin(preload_estimate())),
            "login" => Some(Box::pin(preload_login())),
            "account" => Some(Box::pin(preload_account())),
            _ => None,
        };
        // Someone who chose English sees English from the first drawing: its texts are a
        // pack fetched beside the chunk (src/i18n/english.rs).
        let english = crate::prefs::stored_lang() == Some(crate::i18n::Lang::En);
        if load.is_some() || english {
            let mut resolve = None;
            let mounted = js_sys::Promise::new(&mut |done, _| resolve = Some(done));
            let _ = js_sys::Reflect::set(&window(), &"portalMounting".into(), &mounted);
            wasm_bindgen_futures::spawn_local(async move {
                let chunk = async move {
                    if let Some(load) = load {
                        let _ = load.await;
                    }
                };
                let texts = async move { english && crate::i18n::english::load_english().await };
                futures::future::join(chunk, texts).await;
                mount();
                if let Some(resolve) = resolve {
                    let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                }
            });
            return;
        }
    }
    mount();
}

/// Fetches the chunks of the public tools that promise to work offline once the app has
/// loaded (the pre-check and the estimate), without waiting for a visit: the service worker
/// holds them only from the second visit. Then `window.portalOfflineReady` is true: the first
/// load is over (the end-to-end tests wait for it before going offline). A failure is left
/// alone: the route tries again when opened.
pub fn prefetch_offline_chunks() {
    leptos::task::spawn_local(async {
        #[cfg(feature = "split")]
        if preload_check().await.is_err() || preload_estimate().await.is_err() {
            return;
        }
        let _ = js_sys::Reflect::set(&window(), &"portalOfflineReady".into(), &true.into());
    });
}
