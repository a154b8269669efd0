//! The signed-in session as the app sees it: signed in or not, how long the server keeps it
//! without activity, when the last request was, and the `next` page to return to after login.
//!
//! The server decides (its cookie is HttpOnly); this only mirrors what its answers said.
//! Every account request goes through [`Session::call`], so a 401 `unauthenticated` anywhere
//! signs the app out, and the account area sends the person to `/login?next=...`. Nothing
//! here touches a draft: signing out after inactivity loses nothing typed.

use std::future::Future;

use leptos::{prelude::*, task::spawn_local};
use wire::SessionInfo;

use crate::api::{self, ApiError};

/// Seconds before the idle limit when the warning opens.
pub const WARNING_SECONDS: u64 = 120;
/// The server's idle limit, until it says otherwise.
pub const DEFAULT_IDLE_SECONDS: u64 = 15 * 60;
/// Where a login goes when it has no `next`.
pub const DEFAULT_NEXT: &str = "/account";

/// Whether someone is signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignIn {
    /// Not asked yet (a fresh load): the account area asks `GET /me`.
    Unknown,
    SignedIn,
    /// Signed out; `expired` when the session ended for inactivity, not by choice.
    SignedOut {
        expired: bool,
    },
}

/// Where the idle clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdlePhase {
    Active,
    /// The warning is open: this many seconds are left.
    Warning(u64),
    Expired,
}

/// Where the idle clock stands at `now_ms`, the last request having been at `last_ms`.
pub fn idle_phase(now_ms: f64, last_ms: f64, idle_seconds: u64) -> IdlePhase {
    let elapsed = ((now_ms - last_ms) / 1000.0).max(0.0) as u64;
    let left = idle_seconds.saturating_sub(elapsed);
    if left == 0 {
        IdlePhase::Expired
    } else if left <= WARNING_SECONDS {
        IdlePhase::Warning(left)
    } else {
        IdlePhase::Active
    }
}

/// A `next` page that is safe to go to: a path inside this app (one leading `/`, no scheme,
/// no other host, not the login pages themselves), else the account home.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.contains("://")
                && !path.starts_with("/login") =>
        {
            path.to_string()
        }
        _ => DEFAULT_NEXT.to_string(),
    }
}

/// `/login?next=<path>`, the path percent-encoded.
pub fn login_href(next: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(next).into();
    format!("/login?next={encoded}")
}

/// Milliseconds since the epoch, by the device's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The session's state, shared through context by [`crate::App`].
#[derive(Debug, Clone, Copy)]
pub struct Session {
    pub state: RwSignal<SignIn>,
    /// When the last request the server counted as activity was answered.
    pub last_activity: RwSignal<f64>,
    /// The server's idle limit, from the last [`SessionInfo`].
    pub idle_seconds: RwSignal<u64>,
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

impl Session {
    pub fn new() -> Session {
        Session {
            state: RwSignal::new(SignIn::Unknown),
            last_activity: RwSignal::new(now_ms()),
            idle_seconds: RwSignal::new(DEFAULT_IDLE_SECONDS),
        }
    }

    /// The server opened or extended the session.
    pub fn signed_in(&self, info: &SessionInfo) {
        self.idle_seconds.set(info.idle_expires_in_seconds.max(1));
        self.last_activity.set(now_ms());
        if self.state.get_untracked() != SignIn::SignedIn {
            self.state.set(SignIn::SignedIn);
        }
    }

    /// Signed out, by choice or by the server.
    pub fn signed_out(&self, expired: bool) {
        self.state.set(SignIn::SignedOut { expired });
    }

    /// Whether someone is signed in, tracked.
    pub fn is_signed_in(&self) -> bool {
        self.state.get() == SignIn::SignedIn
    }

    /// Runs an account request: an answer counts as activity, a 401 `unauthenticated` signs
    /// out (the account area then goes to the login page, keeping every draft).
    pub async fn call<T>(
        self,
        request: impl Future<Output = Result<T, ApiError>>,
    ) -> Result<T, ApiError> {
        let result = request.await;
        match &result {
            Err(error) if error.is_unauthenticated() => {
                let _ = self.state.try_set(SignIn::SignedOut { expired: false });
            }
            Err(ApiError::Network) => {}
            _ => {
                let _ = self.last_activity.try_set(now_ms());
            }
        }
        result
    }

    /// "Log out": ends the session on the server, then here.
    pub fn sign_out(self) {
        spawn_local(async move {
            let _ = api::end_session().await;
            let _ = self.state.try_set(SignIn::SignedOut { expired: false });
        });
    }

    /// The idle limit passed: end the session on the server too (best effort).
    pub fn expire(self) {
        self.signed_out(true);
        spawn_local(async move {
            let _ = api::end_session().await;
        });
    }
}

/// The session from context (a fresh one outside the app, in component tests).
pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or_default()
}

/// What a page has of the data it asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

/// Asks the API through the session and keeps the answer; the returned callback asks again
/// (the "Try again" button).
pub fn load<T, F, Fut>(fetch: F) -> (RwSignal<Load<T>>, Callback<()>)
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let session = use_session();
    let data = RwSignal::new(Load::Loading);
    let run = Callback::new(move |()| {
        let _ = data.try_set(Load::Loading);
        let request = fetch();
        spawn_local(async move {
            let answer = match session.call(request).await {
                Ok(value) => Load::Ready(value),
                Err(error) => Load::Failed(error),
            };
            let _ = data.try_set(answer);
        });
    });
    run.run(());
    (data, run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_opens_two_minutes_before_the_idle_limit() {
        let minute = 60_000.0;
        assert_eq!(idle_phase(12.0 * minute, 0.0, 900), IdlePhase::Active);
        assert_eq!(idle_phase(13.0 * minute, 0.0, 900), IdlePhase::Warning(120));
        assert_eq!(idle_phase(14.5 * minute, 0.0, 900), IdlePhase::Warning(30));
        assert_eq!(idle_phase(15.0 * minute, 0.0, 900), IdlePhase::Expired);
        assert_eq!(
            idle_phase(0.0, 5.0 * minute, 900),
            IdlePhase::Active,
            "a clock that went back"
        );
    }

    #[test]
    fn next_stays_inside_the_app() {
        assert_eq!(
            safe_next(Some("/account/payments?x=1")),
            "/account/payments?x=1"
        );
        assert_eq!(safe_next(None), DEFAULT_NEXT);
        for bad in [
            "https://evil.example/",
            "//evil.example",
            "/\\evil",
            "account",
            "/login/verify",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), DEFAULT_NEXT, "{bad}");
        }
    }
}
