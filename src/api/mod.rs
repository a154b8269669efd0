//! The only code that knows the API's URLs: one generic request function and one typed
//! function per endpoint, returning the wire types or an [`ApiError`].
//!
//! Cookies go with every request (same origin), so the session needs nothing here.
//!
//! Two requests every page may make, `GET /instance` (the footer) and `DELETE /session`
//! ("Log out"), and the first step of signing in (`POST /session`, the one request of the
//! `/login` page) go through the browser's `fetch` and its own JSON instead: the main wasm
//! module, which every page downloads, and the login page's chunk then carry neither
//! gloo-net nor serde_json (issue #11); the generic `request` lives in the route chunks that
//! call it.

use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::window;
use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wire::{
    API_PREFIX, ChallengeSent, EligibilityView, ErrorBody, IDEMPOTENCY_KEY_HEADER, Me,
    NewObjection, NewTicket, Objection, PaymentDetail, PaymentSummary, ResendCode, SessionInfo,
    StartSession, Ticket, VerifyCode,
};
use wire::{CompletePasswordReset, PasswordResetStarted, StartPasswordReset};

/// Why a request did not give what was asked.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer at all: offline, or the connection dropped. What the user typed is kept.
    Network,
    /// The server answered with an error in the API's shape.
    Server { status: u16, body: ErrorBody },
    /// The server answered something this app does not understand.
    Unexpected(u16),
}

impl ApiError {
    /// The stable code the pages translate: the server's, or `network` / `unexpected`.
    pub fn code(&self) -> &str {
        match self {
            ApiError::Network => "network",
            ApiError::Server { body, .. } => &body.code,
            ApiError::Unexpected(_) => "unexpected",
        }
    }

    /// The signed-in session has ended (or never was): the page should send to `/login`.
    pub fn is_unauthenticated(&self) -> bool {
        matches!(self, ApiError::Server { status: 401, body } if body.code == wire::codes::UNAUTHENTICATED)
    }

    /// The error body, when the server sent one.
    pub fn body(&self) -> Option<&ErrorBody> {
        match self {
            ApiError::Server { body, .. } => Some(body),
            _ => None,
        }
    }
}

fn url(path: &str) -> String {
    format!("{API_PREFIX}{path}")
}

/// Sends one request and reads the JSON answer (or, with `()`, ignores an empty one).
async fn request<T: DeserializeOwned>(
    method: Method,
    path: &str,
    body: Option<&impl Serialize>,
    idempotency_key: Option<&str>,
) -> Result<T, ApiError> {
    let mut builder = RequestBuilder::new(&url(path))
        .method(method)
        .header("accept", "application/json");
    if let Some(key) = idempotency_key {
        builder = builder.header(IDEMPOTENCY_KEY_HEADER, key);
    }
    let request = match body {
        Some(body) => builder.json(body).map_err(|_| ApiError::Unexpected(0))?,
        None => builder.build().map_err(|_| ApiError::Unexpected(0))?,
    };
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    let status = response.status();
    let text = response.text().await.map_err(|_| ApiError::Network)?;
    if (200..300).contains(&status) {
        let text = if text.is_empty() { "null" } else { &text };
        serde_json::from_str(text).map_err(|_| ApiError::Unexpected(status))
    } else {
        match serde_json::from_str::<ErrorBody>(&text) {
            Ok(body) => Err(ApiError::Server { status, body }),
            Err(_) => Err(ApiError::Unexpected(status)),
        }
    }
}

const NO_BODY: Option<&()> = None;

/// Sends the national ID and password; the code goes by SMS. Through the browser's JSON (see
/// the module's comment), so the answer is read field by field.
pub async fn start_session(request: &StartSession) -> Result<ChallengeSent, ApiError> {
    let body = [
        ("national_id", request.national_id.as_str()),
        ("password", request.password.as_str()),
    ];
    let answer = send_json("POST", "/session", &body).await?;
    let unexpected = || ApiError::Unexpected(200);
    Ok(ChallengeSent {
        challenge_id: text_field(&answer, "challenge_id").ok_or_else(unexpected)?,
        masked_mobile: text_field(&answer, "masked_mobile").ok_or_else(unexpected)?,
        expires_in_seconds: number_field(&answer, "expires_in_seconds").ok_or_else(unexpected)?,
        resend_after_seconds: number_field(&answer, "resend_after_seconds")
            .ok_or_else(unexpected)?,
    })
}

pub async fn verify_code(request: &VerifyCode) -> Result<SessionInfo, ApiError> {
    self::request(Method::POST, "/session/verify", Some(request), None).await
}

pub async fn resend_code(request: &ResendCode) -> Result<ChallengeSent, ApiError> {
    self::request(Method::POST, "/session/resend", Some(request), None).await
}

pub async fn start_password_reset(
    request: &StartPasswordReset,
) -> Result<PasswordResetStarted, ApiError> {
    self::request(Method::POST, "/password-reset", Some(request), None).await
}

pub async fn complete_password_reset(request: &CompletePasswordReset) -> Result<(), ApiError> {
    self::request(
        Method::POST,
        "/password-reset/complete",
        Some(request),
        None,
    )
    .await
}

pub async fn extend_session() -> Result<SessionInfo, ApiError> {
    request(Method::POST, "/session/extend", NO_BODY, None).await
}

pub async fn me() -> Result<Me, ApiError> {
    request(Method::GET, "/me", NO_BODY, None).await
}

pub async fn eligibility() -> Result<EligibilityView, ApiError> {
    request(Method::GET, "/eligibility", NO_BODY, None).await
}

pub async fn payments() -> Result<Vec<PaymentSummary>, ApiError> {
    request(Method::GET, "/payments", NO_BODY, None).await
}

pub async fn payment(cycle: u32) -> Result<PaymentDetail, ApiError> {
    request(Method::GET, &format!("/payments/{cycle}"), NO_BODY, None).await
}

pub async fn objections() -> Result<Vec<Objection>, ApiError> {
    request(Method::GET, "/objections", NO_BODY, None).await
}

pub async fn objection(reference: &str) -> Result<Objection, ApiError> {
    request(
        Method::GET,
        &format!("/objections/{reference}"),
        NO_BODY,
        None,
    )
    .await
}

/// Files an objection; the same `idempotency_key` on a retry never files a second one.
pub async fn file_objection(
    objection: &NewObjection,
    idempotency_key: &str,
) -> Result<Objection, ApiError> {
    request(
        Method::POST,
        "/objections",
        Some(objection),
        Some(idempotency_key),
    )
    .await
}

pub async fn tickets() -> Result<Vec<Ticket>, ApiError> {
    request(Method::GET, "/tickets", NO_BODY, None).await
}

pub async fn open_ticket(ticket: &NewTicket, idempotency_key: &str) -> Result<Ticket, ApiError> {
    request(
        Method::POST,
        "/tickets",
        Some(ticket),
        Some(idempotency_key),
    )
    .await
}

/// Whether this copy is a demo and who operates it (public). Read field by field from the
/// browser's parse of the answer; `None` for anything else than a 2xx with a boolean `demo`.
pub async fn instance() -> Option<wire::Instance> {
    let answer = send_json("GET", "/instance", &[]).await.ok()?;
    Some(wire::Instance {
        demo: field(&answer, "demo")?.as_bool()?,
        operator_ar: text_field(&answer, "operator_ar"),
        operator_en: text_field(&answer, "operator_en"),
    })
}

/// Ends the session on the server, best effort: the answer is not read (the app signs out
/// whatever it says, and offline it cannot say anything).
pub async fn end_session() {
    let _ = fetch("DELETE", "/session", &web_sys::RequestInit::new()).await;
}

/// One request through the browser's `fetch`; `Err` only without an answer.
async fn fetch(
    method: &str,
    path: &str,
    init: &web_sys::RequestInit,
) -> Result<web_sys::Response, ApiError> {
    init.set_method(method);
    let answer = JsFuture::from(window().fetch_with_str_and_init(&url(path), init))
        .await
        .map_err(|_| ApiError::Network)?;
    answer.dyn_into().map_err(|_| ApiError::Network)
}

/// One request through the browser's `fetch` and JSON: `body`'s text fields as a JSON object
/// (none: no body), the answer as the browser parsed it (`null` when empty), or the error in
/// the API's shape, as `request` gives them.
async fn send_json(method: &str, path: &str, body: &[(&str, &str)]) -> Result<JsValue, ApiError> {
    let init = web_sys::RequestInit::new();
    let headers = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&headers, &"accept".into(), &"application/json".into());
    if !body.is_empty() {
        let object = js_sys::Object::new();
        for (key, value) in body {
            let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
        }
        let json = js_sys::JSON::stringify(&object).map_err(|_| ApiError::Unexpected(0))?;
        init.set_body(&json);
        let _ = js_sys::Reflect::set(&headers, &"content-type".into(), &"application/json".into());
    }
    init.set_headers(&headers);
    let response = fetch(method, path, &init).await?;
    let status = response.status();
    let text = match response.text() {
        Ok(text) => JsFuture::from(text).await.map_err(|_| ApiError::Network)?,
        Err(_) => return Err(ApiError::Network),
    };
    let text = text.as_string().unwrap_or_default();
    let answer = if text.is_empty() {
        Ok(JsValue::NULL)
    } else {
        js_sys::JSON::parse(&text)
    };
    match answer {
        Ok(answer) if response.ok() => Ok(answer),
        Ok(answer) => Err(
            error_body(&answer).map_or(ApiError::Unexpected(status), |body| ApiError::Server {
                status,
                body,
            }),
        ),
        Err(_) => Err(ApiError::Unexpected(status)),
    }
}

/// An error answer, as the browser parsed it, read as [`ErrorBody`]; `None` without a text
/// `code`. A count that is not a whole number from 0 up is left out.
pub fn error_body(answer: &JsValue) -> Option<ErrorBody> {
    let fields = field(answer, "fields")
        .and_then(|fields| fields.dyn_into::<js_sys::Array>().ok())
        .map(|fields| {
            fields
                .iter()
                .filter_map(|one| {
                    Some(wire::FieldError {
                        field: text_field(&one, "field")?,
                        code: text_field(&one, "code")?,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Some(ErrorBody {
        code: text_field(answer, "code")?,
        message: text_field(answer, "message").unwrap_or_default(),
        fields,
        retry_after_seconds: number_field(answer, "retry_after_seconds"),
        tries_left: number_field(answer, "tries_left"),
    })
}

/// `answer[key]`, if `answer` is an object that has it.
fn field(answer: &JsValue, key: &str) -> Option<JsValue> {
    if !answer.is_object() {
        return None;
    }
    js_sys::Reflect::get(answer, &JsValue::from_str(key))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

fn text_field(answer: &JsValue, key: &str) -> Option<String> {
    field(answer, key)?.as_string()
}

/// A whole number that fits `N` (a count, seconds); `None` for anything else.
fn number_field<N: TryFrom<u64>>(answer: &JsValue, key: &str) -> Option<N> {
    let number = field(answer, key)?.as_f64()?;
    if number < 0.0 || number.fract() != 0.0 || number > 9_007_199_254_740_991.0 {
        return None;
    }
    N::try_from(number as u64).ok()
}

/// The registered bank account, masked, and its latest change.
pub async fn bank_account() -> Result<wire::BankAccount, ApiError> {
    request(Method::GET, "/me/bank-account", NO_BODY, None).await
}

/// Sends a fresh code to the registered mobile to confirm a change of the bank account.
pub async fn send_bank_account_code() -> Result<ChallengeSent, ApiError> {
    request(Method::POST, "/me/bank-account/code", NO_BODY, None).await
}

/// Changes the bank account with the code from the SMS.
pub async fn change_bank_account(
    change: &wire::ChangeBankAccount,
) -> Result<wire::BankAccountChanged, ApiError> {
    request(Method::PUT, "/me/bank-account", Some(change), None).await
}

/// The household as recorded, as the rules read it.
pub async fn household() -> Result<wire::HouseholdView, ApiError> {
    request(Method::GET, "/me/household", NO_BODY, None).await
}

/// The household's change requests, newest first.
pub async fn household_changes() -> Result<Vec<wire::HouseholdChange>, ApiError> {
    request(Method::GET, "/me/household-changes", NO_BODY, None).await
}

/// Files a household change; the same `idempotency_key` on a retry never files a second one.
pub async fn file_household_change(
    change: &wire::NewHouseholdChange,
    idempotency_key: &str,
) -> Result<wire::HouseholdChange, ApiError> {
    request(
        Method::POST,
        "/me/household-changes",
        Some(change),
        Some(idempotency_key),
    )
    .await
}
