//! The signed-in pages under `/account`. [`AccountArea`] wraps them all: it asks the server
//! whether someone is signed in (on a fresh load), sends a signed-out visitor to
//! `/login?next=<this page>`, and does the same whenever any request answers 401.

pub mod bank;
pub mod chart;
pub mod eligibility;
pub mod home;
pub mod household;
pub mod objection;
pub mod objection_view;
pub mod objections;
pub mod payment;
pub mod payments;
pub mod tickets;

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    NavigateOptions,
    hooks::{use_location, use_navigate},
};

use crate::{
    api::{self, ApiError},
    components::loading::{LoadFailed, Loading},
    i18n::Lang,
    session::{Ended, Load, SignIn, login_href, use_session},
};

/// Holds every page under `/account`. Its pages see the session only once the account is
/// known, so what the device keeps (the draft) can be checked against it.
#[component]
pub fn AccountArea(
    /// The page the path names (src/lazy.rs), drawn once the account is known.
    children: ChildrenFn,
) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let navigate = use_navigate();
    let failed = RwSignal::new(None::<ApiError>);
    let check = Callback::new(move |()| {
        failed.set(None);
        spawn_local(async move {
            match api::me().await {
                Ok(me) => {
                    // Someone else's draft left on a shared phone goes before any page shows.
                    objection::keep_draft_of(&me.national_id);
                    session.identified(&me);
                }
                Err(error) if error.is_unauthenticated() => session.signed_out(Ended::ByServer),
                Err(error) => {
                    let _ = failed.try_set(Some(error));
                }
            }
        });
    });
    // A fresh load, or a login just made (by whom, only `GET /me` says).
    let unknown = match session.state.get_untracked() {
        SignIn::Unknown => true,
        SignIn::SignedIn => session.account.with_untracked(Option::is_none),
        SignIn::SignedOut(_) => false,
    };
    if unknown {
        check.run(());
    }
    Effect::new(move |_| {
        if let SignIn::SignedOut(why) = session.state.get() {
            // After "Log out" the page belongs to nobody: the next login starts afresh.
            let to = if why == Ended::ByChoice {
                "/login".to_string()
            } else {
                let path = location.pathname.get_untracked();
                let search = location.search.get_untracked();
                let next = if search.is_empty() {
                    path
                } else {
                    format!("{path}?{search}")
                };
                login_href(&next)
            };
            navigate(
                &to,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    move || {
        let known = session.account.with(Option::is_some);
        match (session.state.get(), failed.get()) {
            (SignIn::SignedIn, _) if known => children().into_any(),
            (SignIn::Unknown | SignIn::SignedIn, Some(error)) => {
                view! { <LoadFailed error=error retry=check /> }.into_any()
            }
            _ => view! { <Loading /> }.into_any(),
        }
    }
}

/// Loading, the failure with "Try again", or `ready` with the data.
pub fn show<T, V>(
    data: RwSignal<Load<T>>,
    retry: Callback<()>,
    ready: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match data.get() {
        Load::Loading => view! { <Loading /> }.into_any(),
        Load::Failed(error) => view! { <LoadFailed error=error retry=retry /> }.into_any(),
        Load::Ready(value) => ready(value).into_any(),
    }
}

/// A person's name in the active language.
pub fn name<'a>(lang: Lang, ar: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Ar => ar,
        Lang::En => en,
    }
}
