//! Route-level code splitting: the pages of the pre-check, the estimate, signing in and the
//! account area are compiled into separate wasm chunks (by `wasm-split`, which
//! `scripts/wasm-split` runs after Trunk's build) and fetched the first time one of their
//! routes is opened. Home, the shell, the router and the translations stay in the main module;
//! what only someone signed in uses (the idle warning) comes with the account chunk.
//!
//! Each area is one `#[wasm_split(<chunk>, fallible)]` function that draws any of its pages,
//! so the area has one loader: once [`mount_after_chunk`] has loaded the chunk of the page
//! being opened, the app draws that page in the same task as its mount (public/boot.js then
//! takes over a prerendered page with nothing changing on screen). Each route is a
//! [`LazyRoute`] calling that function; a chunk that fails to load (offline, or a new
//! deployment removed it) gives [`ChunkFailed`], a page with a retry, never a panic (a panic
//! aborts the whole app). A chunk is named after its routes' first path segment
//! (perf/first_load.py counts a route's chunks by that name).
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

/// One split area: `split_area!(chunk, Page, draw, preload_fn; Route => Component, ...)`.
/// `Page` names the area's pages, `draw(Page)` is the split function that draws one, in the
/// wasm chunk `chunk`, `preload_fn` loads that chunk, and each `Route` is a route type for
/// `Lazy::<Route>::new()` in the route table.
macro_rules! split_area {
    ($chunk:ident, $page:ident, $draw:ident, $preload:ident; $($route:ident => $view:path,)*) => {
        /// The pages of one split area.
        #[derive(Debug, Clone, Copy)]
        #[repr(u8)]
        pub enum $page {
            $($route,)*
        }

        #[cfg(feature = "split")]
        #[wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split, preload($preload))]
        fn $draw(page: $page) -> Result<AnyView, ChunkError> {
            Ok(match page {
                $($page::$route => $view().into_any(),)*
            })
        }

        #[cfg(not(feature = "split"))]
        async fn $draw(page: $page) -> Result<AnyView, ChunkError> {
            Ok(match page {
                $($page::$route => $view().into_any(),)*
            })
        }

        $(
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_this: Self) -> AnyView {
                    match $draw($page::$route).await {
                        Ok(view) => view,
                        Err(ChunkError) => ChunkFailed().into_any(),
                    }
                }
            }
        )*
    };
}

use crate::pages::{account, check, estimate, login, login_reset, login_verify};

split_area! { check, CheckPage, draw_check, preload_check;
    CheckFlowRoute => check::CheckFlow,
    CheckStartRoute => check::CheckStart,
    ApplicantRoute => check::question::ApplicantStep,
    BirthDateRoute => check::birth_date::BirthDateStep,
    NationalityRoute => check::question::NationalityStep,
    ResidencyRoute => check::question::ResidencyStep,
    DetentionRoute => check::question::DetentionStep,
    BankAccountRoute => check::question::BankAccountStep,
    HousingRoute => check::question::HousingStep,
    DependentsRoute => check::dependents::DependentsStep,
    AddDependentRoute => check::dependents::AddDependentStep,
    ReviewAnswersRoute => check::review::ReviewAnswers,
    CheckResultRoute => check::result::CheckResult,
}

split_area! { estimate, EstimatePage, draw_estimate, preload_estimate;
    EstimateRoute => estimate::Estimate,
}

split_area! { login, LoginPage, draw_login, preload_login;
    LoginRoute => login::Login,
    VerifyLoginRoute => login_verify::VerifyLogin,
    PasswordResetRoute => login_reset::PasswordReset,
}

split_area! { account, AccountPage, draw_account, preload_account;
    AccountAreaRoute => account::AccountArea,
    AccountHomeRoute => account::home::AccountHome,
    EligibilityRoute => account::eligibility::Eligibility,
    PaymentsRoute => account::payments::Payments,
    PaymentRoute => account::payment::Payment,
    ObjectionsRoute => account::objections::Objections,
    ObjectionDetailsRoute => account::objection::details::ObjectionDetails,
    ObjectionReviewRoute => account::objection::review::ObjectionReview,
    ObjectionViewRoute => account::objection_view::ObjectionView,
    TicketsRoute => account::tickets::Tickets,
    NewTicketRoute => account::tickets::NewTicketPage,
    BankRoute => account::bank::BankAccountPage,
    HouseholdRoute => account::household::HouseholdPage,
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
        if let Some(load) = load {
            let mut resolve = None;
            let mounted = js_sys::Promise::new(&mut |done, _| resolve = Some(done));
            let _ = js_sys::Reflect::set(&window(), &"portalMounting".into(), &mounted);
            wasm_bindgen_futures::spawn_local(async move {
                let _ = load.await;
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
