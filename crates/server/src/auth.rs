//! Who is signed in: random tokens, their digests, the session cookie, the extractor that
//! turns a cookie into a [`CurrentUser`], and the Origin check on state-changing requests.
//!
//! Rules (issue "backend API"): codes live 5 minutes and allow 3 tries in all, whatever the
//! resends; a session ends 15 minutes after its last request or 8 hours after login,
//! whichever comes first. The limits on tries live in `limits.rs`.

use argon2::password_hash::rand_core::{OsRng, RngCore};
use axum::{
    extract::{FromRequestParts, Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header, request::Parts},
    middleware::Next,
    response::{IntoResponse, Response},
};
use base64::Engine;
use sha2::{Digest, Sha256};
use wire::{SESSION_COOKIE, SessionInfo, codes};

use crate::{AppState, error::ApiError};

pub const CODE_LIFETIME_SECONDS: i64 = 5 * 60;
pub const CODE_TRIES: i64 = 3;
pub const RESEND_AFTER_SECONDS: i64 = 30;
/// A challenge can be renewed by resends for this long after the password was accepted.
pub const CHALLENGE_LIFETIME_SECONDS: i64 = 3600;
pub const SESSION_IDLE_SECONDS: i64 = 15 * 60;
pub const SESSION_ABSOLUTE_SECONDS: i64 = 8 * 3600;
/// `last_seen` is written at most this often per session, so reads stay reads.
const TOUCH_EVERY_SECONDS: i64 = 15;
/// How long this process trusts its memory of a session before asking the database again:
/// a sign-out in another server process takes effect within this time (in this process, at
/// once).
const CACHE_SECONDS: i64 = 5;
/// Past this many remembered sessions, forgotten ones are swept out.
const CACHE_SWEEP_ABOVE: usize = 50_000;
/// How long a signed-out session stays refused by [`SessionCache::put`]: longer than any
/// request can run (the request time limit), so a request that read the session from the
/// database just before the sign-out cannot put it back.
const TOMBSTONE_LIFETIME: std::time::Duration = std::time::Duration::from_secs(120);

/// Open sessions this process has recently read from the database, by token digest. Spares
/// the database one query per request on the hottest paths.
#[derive(Debug, Default)]
pub struct SessionCache {
    sessions: std::sync::Mutex<Sessions>,
}

#[derive(Debug, Default)]
struct Sessions {
    open: std::collections::HashMap<String, CachedSession>,
    /// Signed out here, and when.
    ended: std::collections::HashMap<String, std::time::Instant>,
}

#[derive(Debug, Clone)]
struct CachedSession {
    beneficiary_id: i64,
    national_id: String,
    created_at: i64,
    last_seen: i64,
    read_at: i64,
}

impl SessionCache {
    fn get(&self, token_digest: &str, now: i64) -> Option<CachedSession> {
        let sessions = self.sessions.lock().ok()?;
        sessions
            .open
            .get(token_digest)
            .filter(|session| now - session.read_at < CACHE_SECONDS)
            .cloned()
    }

    fn put(&self, token_digest: &str, session: CachedSession) {
        if let Ok(mut sessions) = self.sessions.lock() {
            if sessions.ended.contains_key(token_digest) {
                return;
            }
            if sessions.open.len() > CACHE_SWEEP_ABOVE {
                let now = session.read_at;
                sessions
                    .open
                    .retain(|_, cached| now - cached.read_at < CACHE_SECONDS);
            }
            sessions.open.insert(token_digest.to_owned(), session);
        }
    }

    /// Forgets a session at once and for good (sign-out): a request in flight that read it
    /// before the sign-out cannot cache it again.
    pub fn end(&self, token_digest: &str) {
        if let Ok(mut sessions) = self.sessions.lock() {
            sessions.open.remove(token_digest);
            let now = std::time::Instant::now();
            sessions
                .ended
                .retain(|_, at| now.duration_since(*at) < TOMBSTONE_LIFETIME);
            sessions.ended.insert(token_digest.to_owned(), now);
        }
    }

    /// Forgets what is remembered of a session, so the next request reads it again.
    pub fn forget(&self, token_digest: &str) {
        if let Ok(mut sessions) = self.sessions.lock() {
            sessions.open.remove(token_digest);
        }
    }
}

/// 32 random bytes, URL-safe base64: a session token or a challenge id.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A uniformly drawn 6-digit code.
pub fn random_code() -> String {
    // Rejection sampling: 4_294_000_000 is the largest multiple of 1_000_000 below 2^32.
    loop {
        let value = OsRng.next_u32();
        if value < 4_294_000_000 {
            return format!("{:06}", value % 1_000_000);
        }
    }
}

/// What the database keeps of a secret.
pub fn digest(secret: &str) -> String {
    base64::engine::general_purpose::STANDARD_NO_PAD.encode(Sha256::digest(secret.as_bytes()))
}

/// Compares two digests in time that does not depend on where they differ.
pub fn same_digest(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |difference, (x, y)| difference | (x ^ y))
            == 0
}

/// `1000000008` -> `10******08`: what a log line may say of a national ID.
pub fn mask_national_id(national_id: &str) -> String {
    mask_mobile(national_id)
}

/// `0551234567` -> `05******67`.
pub fn mask_mobile(mobile: &str) -> String {
    let chars: Vec<char> = mobile.chars().collect();
    if chars.len() < 5 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..2].iter().collect();
    let tail: String = chars[chars.len() - 2..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 4))
}

/// `SA0380000000608010167519` -> `SA03 **** **** **** **75 19`: enough to recognise it.
pub fn mask_iban(iban: &str) -> String {
    let chars: Vec<char> = iban.chars().collect();
    if chars.len() < 8 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 8))
}

/// The signed-in beneficiary, from the session cookie.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub beneficiary_id: i64,
    pub national_id: String,
    pub token_digest: String,
    pub created_at: i64,
    pub last_seen: i64,
}

impl CurrentUser {
    /// The session's clock as of `now`, taking this request as activity.
    pub fn session_info(&self, now: i64) -> SessionInfo {
        session_info(self.created_at, now)
    }
}

pub fn session_info(created_at: i64, last_activity: i64) -> SessionInfo {
    let absolute_end = created_at + SESSION_ABSOLUTE_SECONDS;
    let idle_end = (last_activity + SESSION_IDLE_SECONDS).min(absolute_end);
    SessionInfo {
        idle_expires_in_seconds: (idle_end - last_activity).max(0) as u64,
        absolute_expires_in_seconds: (absolute_end - last_activity).max(0) as u64,
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        CurrentUser::from_headers(state, &parts.headers).await
    }
}

impl CurrentUser {
    /// The session named by the request's cookie, if it is still open; counts as activity.
    pub async fn from_headers(state: &AppState, headers: &HeaderMap) -> Result<Self, ApiError> {
        let token = session_cookie(headers).ok_or_else(ApiError::unauthenticated)?;
        let token_digest = digest(&token);
        let now = state.clock.now();
        let session = match state.sessions.get(&token_digest, now) {
            Some(session) => session,
            None => {
                let row: Option<(i64, String, i64, i64)> = sqlx::query_as(
                    "SELECT s.beneficiary_id, b.national_id, s.created_at, s.last_seen \
                     FROM sessions s JOIN beneficiaries b ON b.id = s.beneficiary_id \
                     WHERE s.token_digest = $1 AND s.ended = 0",
                )
                .bind(&token_digest)
                .fetch_optional(&state.db.pool)
                .await?;
                let (beneficiary_id, national_id, created_at, last_seen) =
                    row.ok_or_else(ApiError::unauthenticated)?;
                CachedSession {
                    beneficiary_id,
                    national_id,
                    created_at,
                    last_seen,
                    read_at: now,
                }
            }
        };
        let CachedSession {
            beneficiary_id,
            national_id,
            created_at,
            last_seen,
            read_at,
        } = session;
        if now >= last_seen + SESSION_IDLE_SECONDS || now >= created_at + SESSION_ABSOLUTE_SECONDS {
            state.sessions.forget(&token_digest);
            return Err(ApiError::unauthenticated());
        }
        let last_seen = if now - last_seen >= TOUCH_EVERY_SECONDS {
            touch(state, &token_digest, now).await?;
            now
        } else {
            last_seen
        };
        state.sessions.put(
            &token_digest,
            CachedSession {
                beneficiary_id,
                national_id: national_id.clone(),
                created_at,
                last_seen,
                read_at,
            },
        );
        Ok(CurrentUser {
            beneficiary_id,
            national_id,
            token_digest,
            created_at,
            last_seen: now,
        })
    }
}

pub async fn touch(state: &AppState, token_digest: &str, now: i64) -> Result<(), ApiError> {
    sqlx::query("UPDATE sessions SET last_seen = $1 WHERE token_digest = $2")
        .bind(now)
        .bind(token_digest)
        .execute(&state.db.pool)
        .await?;
    Ok(())
}

fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|value| !value.is_empty())
}

/// The `Set-Cookie` value that starts a session, or (with `None`) ends it. Always `Secure`
/// (the `__Host-` prefix demands it; browsers treat http://127.0.0.1 and localhost as secure),
/// and a session cookie: it leaves with the browser, the server ends it after 8 hours anyway.
pub fn session_cookie_header(token: Option<&str>) -> HeaderValue {
    let value = match token {
        Some(token) => {
            format!("{SESSION_COOKIE}={token}; Path=/; Secure; HttpOnly; SameSite=Strict")
        }
        None => format!("{SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0"),
    };
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static(""))
}

/// Refuses a state-changing request sent from another site: the Origin (when the browser
/// sends one) must be this host, and the browser must not call it cross-site.
pub async fn check_origin(
    State(_state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && !same_origin(request.headers()) {
        return ApiError::new(
            StatusCode::FORBIDDEN,
            codes::BAD_ORIGIN,
            "this request must come from the portal's own pages",
        )
        .into_response();
    }
    next.run(request).await
}

fn same_origin(headers: &HeaderMap) -> bool {
    let cross_site = headers
        .get("sec-fetch-site")
        .and_then(|value| value.to_str().ok())
        .is_some_and(|site| site == "cross-site");
    if cross_site {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        // Not a browser (curl, a test, a server): there is no cookie to abuse.
        return true;
    };
    let Some(host) = headers
        .get(header::HOST)
        .and_then(|value| value.to_str().ok())
    else {
        return false;
    };
    let origin = origin.to_str().unwrap_or("null");
    let origin_host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    origin_host.is_some_and(|origin_host| origin_host.eq_ignore_ascii_case(host))
}

/// An SMS code that has expired, was used or never existed; `next` tells the person what to do
/// (each flow words it for itself).
pub fn code_expired(next: &str) -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        codes::CODE_EXPIRED,
        format!("this code has expired: {next}"),
    )
}

/// An SMS code whose tries are used up.
pub fn too_many_attempts(next: &str) -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        codes::TOO_MANY_ATTEMPTS,
        format!("three wrong codes: {next}"),
    )
}

/// Why a challenge could not take a try, from its `tries_left` (`None`: gone or used).
pub fn unusable_code(tries_left: Option<i64>, next: &str) -> ApiError {
    match tries_left {
        Some(left) if left <= 0 => too_many_attempts(next),
        _ => code_expired(next),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..100 {
            let code = random_code();
            assert_eq!(code.len(), 6);
            assert!(code.bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn tokens_differ_and_digests_hide_them() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert_ne!(digest(&a), a);
        assert_eq!(digest(&a), digest(&a));
    }

    #[test]
    fn masks_keep_only_the_ends() {
        assert_eq!(mask_mobile("0551234567"), "05******67");
        assert_eq!(
            mask_iban("SA0380000000608010167519"),
            "SA03****************7519"
        );
    }

    #[test]
    fn a_request_in_flight_cannot_cache_a_signed_out_session() {
        let cache = SessionCache::default();
        let session = CachedSession {
            beneficiary_id: 1,
            national_id: "1000000008".to_owned(),
            created_at: 0,
            last_seen: 0,
            read_at: 10,
        };
        cache.put("t", session.clone());
        assert!(cache.get("t", 11).is_some());
        cache.end("t");
        assert!(cache.get("t", 11).is_none());
        // A request that read the row before the sign-out finishes after it.
        cache.put("t", session);
        assert!(cache.get("t", 11).is_none());
        assert!(same_digest("abc", "abc") && !same_digest("abc", "abd"));
        assert_eq!(mask_national_id("1000000008"), "10******08");
    }

    #[test]
    fn origin_must_be_this_host() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::HOST,
            HeaderValue::from_static("portal.example:8080"),
        );
        assert!(same_origin(&headers), "no Origin: not a browser");
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://portal.example:8080"),
        );
        assert!(same_origin(&headers));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(!same_origin(&headers));
        headers.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(!same_origin(&headers));
    }

    #[test]
    fn sessions_end_at_the_earlier_limit() {
        let info = session_info(0, 100);
        assert_eq!(info.idle_expires_in_seconds, SESSION_IDLE_SECONDS as u64);
        let late = session_info(0, SESSION_ABSOLUTE_SECONDS - 60);
        assert_eq!(late.idle_expires_in_seconds, 60);
    }
}
