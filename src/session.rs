//! The signed-in session as the app sees it: signed in or not, as which account, how long the
//! server keeps it without activity, when the last request was, and the `next` page to return
//! to after login.
//!
//! The server decides (its cookie is HttpOnly); this only mirrors what its answers said.
//! Every account request goes through [`Session::call`], so a 401 `unauthenticated` anywhere
//! signs the app out, and the account area sends the person to `/login?next=...`. A session
//! that ended on its own (inactivity, the server) keeps the draft for the same account to
//! finish after logging in again; only "Log out" removes what the device keeps about the
//! account, because the next person on a shared phone must not find it.

use std::future::Future;

use leptos::{prelude::*, task::spawn_local};
use wire::{Me, SessionInfo};

use crate::{
    api::{self, ApiError},
    prefs,
};

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
    /// Signed out, and why: the login page says it, and only [`Ended::ByChoice`] has
    /// removed the account's data from the device.
    SignedOut(Ended),
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The server said `unauthenticated` (never signed in, cookie gone, absolute limit).
    ByServer,
    /// The idle limit passed in this tab.
    Idle,
    /// The person pressed "Log out".
    ByChoice,
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

/// A `next` page that is safe to go to, else the account home: a path inside this app and
/// not the login pages themselves. `next` comes from the address bar, so anyone can write it
/// into a link; a lenient check would make the login page a jump to a look-alike site.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path) if is_app_path(path) => path.to_string(),
        _ => DEFAULT_NEXT.to_string(),
    }
}

/// One leading `/` and nothing a URL parser could read as another host: browsers drop tabs
/// and newlines (`/\t/evil` becomes `//evil`), read `\` as `/`, and some servers and proxies
/// decode `%2F` again, so none of these may appear, not even percent-encoded.
fn is_app_path(path: &str) -> bool {
    let mut chars = path.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && !path.chars().any(unsafe_in_path)
        && percent_escapes_are_plain(path)
        && !path.starts_with("/login")
        && stays_on_this_origin(path)
}

/// A character that never belongs in a `next` path: a backslash, a control or space
/// character, or an invisible one (zero-width, bidi controls) that hides what is there.
fn unsafe_in_path(c: char) -> bool {
    c == '\\'
        || c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{FEFF}')
        || ('\u{200B}'..='\u{200F}').contains(&c)
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2060}'..='\u{206F}').contains(&c)
}

/// Every `%` starts two hex digits whose byte is not `/`, `\`, `.`, `%` (a second round of
/// decoding) or a control or space character.
fn percent_escapes_are_plain(path: &str) -> bool {
    let bytes = path.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|pair| std::str::from_utf8(pair).ok())
                .and_then(|pair| u8::from_str_radix(pair, 16).ok());
            match hex {
                Some(byte)
                    if !matches!(byte, b'/' | b'\\' | b'.' | b'%')
                        && !byte.is_ascii_control()
                        && !byte.is_ascii_whitespace()
                        && byte != 0x7f =>
                {
                    i += 3;
                    continue;
                }
                _ => return false,
            }
        }
        i += 1;
    }
    true
}

/// The browser's own URL parser agrees: `new URL(path, location.origin)` keeps the origin.
/// If the parser cannot be asked, the path counts as leaving.
#[cfg(target_arch = "wasm32")]
fn stays_on_this_origin(path: &str) -> bool {
    use wasm_bindgen::{JsCast, JsValue};
    let global = js_sys::global();
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key));
    // Outside a page (the unit tests under Node.js) any https origin serves as the base:
    // only the path decides whether the host changes.
    let origin = get(&global, "location")
        .and_then(|location| get(&location, "origin"))
        .ok()
        .and_then(|origin| origin.as_string())
        .filter(|origin| origin.starts_with("http"))
        .unwrap_or_else(|| "https://portal.invalid".to_string());
    let Some(constructor) = get(&global, "URL")
        .ok()
        .and_then(|url| url.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let arguments = js_sys::Array::of2(&JsValue::from_str(path), &JsValue::from_str(&origin));
    js_sys::Reflect::construct(&constructor, &arguments)
        .and_then(|url| get(&url, "origin"))
        .ok()
        .and_then(|resolved| resolved.as_string())
        .is_some_and(|resolved| resolved == origin)
}

/// Outside a browser (native unit tests) the checks above stand alone.
#[cfg(not(target_arch = "wasm32"))]
fn stays_on_this_origin(_path: &str) -> bool {
    true
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
    /// The signed-in national ID, from `GET /me`; `None` until the account area has asked.
    /// What the device keeps about an account (the draft) is checked against it.
    pub account: RwSignal<Option<String>>,
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
            account: RwSignal::new(None),
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

    /// A login just succeeded. It may be someone else than before on this browser, so the
    /// account is forgotten until the account area asks `GET /me` again.
    pub fn logged_in(&self, info: &SessionInfo) {
        self.account.set(None);
        self.signed_in(info);
    }

    /// `GET /me` answered: signed in, as this national ID.
    pub fn identified(&self, me: &Me) {
        if self
            .account
            .with_untracked(|a| a.as_deref() != Some(&me.national_id))
        {
            self.account.set(Some(me.national_id.clone()));
        }
        self.signed_in(&me.session);
    }

    /// Signed out, for this reason.
    pub fn signed_out(&self, why: Ended) {
        let _ = self.account.try_set(None);
        let _ = self.state.try_set(SignIn::SignedOut(why));
    }

    /// Whether someone is signed in, tracked.
    pub fn is_signed_in(&self) -> bool {
        self.state.get() == SignIn::SignedIn
    }

    /// The signed-in national ID, once known, untracked.
    pub fn account_untracked(&self) -> Option<String> {
        self.account.get_untracked()
    }

    /// Runs an account request: an answer counts as activity, a 401 `unauthenticated` signs
    /// out (the account area then goes to the login page, keeping every draft).
    pub async fn call<T>(
        self,
        request: impl Future<Output = Result<T, ApiError>>,
    ) -> Result<T, ApiError> {
        let result = request.await;
        match &result {
            Err(error) if error.is_unauthenticated() => self.signed_out(Ended::ByServer),
            Err(ApiError::Network) => {}
            _ => {
                let _ = self.last_activity.try_set(now_ms());
            }
        }
        result
    }

    /// "Log out": first forgets what this device keeps about the account (even offline, the
    /// next person must not find it), then ends the session on the server, then here.
    pub fn sign_out(self) {
        prefs::forget_account_data();
        spawn_local(async move {
            api::end_session().await;
            self.signed_out(Ended::ByChoice);
        });
    }

    /// The idle limit passed: end the session on the server too (best effort). The draft
    /// stays for the same account to finish after logging in again.
    pub fn expire(self) {
        self.signed_out(Ended::Idle);
        spawn_local(async move {
            api::end_session().await;
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

    // The `next` checks also run in Chromium (`cargo test --target wasm32-unknown-unknown`),
    // where the browser's own URL parser takes part.
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

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

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn next_stays_inside_the_app() {
        for good in [
            "/account/payments?x=1",
            "/account",
            "/account/objections/new?kind=financial&cycle=108",
            "/account/objections/OB-00000001",
            "/account/payments#latest",
            "/account/%D8%A7",
            "/account/الأهلية",
        ] {
            assert_eq!(safe_next(Some(good)), good, "{good}");
        }
        assert_eq!(safe_next(None), DEFAULT_NEXT);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn next_never_leads_to_another_site() {
        for bad in [
            "https://evil.example/",
            "http:/evil.example",
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "/\\\\evil",
            "\\\\evil.example",
            "/account\\..\\..\\evil",
            "/\t/evil.example",
            "/%09/evil.example",
            "/\n/evil.example",
            "/\r//evil.example",
            "\t//evil.example",
            "/ /evil.example",
            "/\u{0}/evil.example",
            "/\u{7f}/evil.example",
            "/\u{85}/evil.example",
            "/\u{200B}/evil.example",
            "/\u{202E}/elpmaxe.live",
            "/\u{2066}/evil.example",
            "/\u{FEFF}/evil.example",
            "/\u{3000}/evil.example",
            "/%2F%2Fevil.example",
            "/%2f/evil.example",
            "/%5Cevil.example",
            "/%5c%5cevil",
            "/%252F%252Fevil.example",
            "/%2e%2e/evil",
            "/%0d%0aLocation:evil",
            "/%00",
            "/%zz",
            "/%2",
            "%2F%2Fevil",
            "%2F%2Fevil.example",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,evil",
            "evil.example",
            "account",
            "?next=//evil.example",
            "#//evil.example",
            "/login",
            "/login/verify",
            "/login?next=//evil.example",
            "",
            " ",
        ] {
            assert_eq!(safe_next(Some(bad)), DEFAULT_NEXT, "{bad:?}");
        }
    }

    /// The browser's own parser, asked directly (the checks before it catch all of these).
    #[cfg(target_arch = "wasm32")]
    #[wasm_bindgen_test::wasm_bindgen_test]
    fn the_browser_agrees_the_path_stays() {
        assert!(stays_on_this_origin("/account?x=1"));
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "https://evil.example",
        ] {
            assert!(!stays_on_this_origin(bad), "{bad:?}");
        }
    }
}
