//! The reference backend: the API under `/api/v1` and the built app, in one process.
//!
//! [`app`] builds the whole router from a state, so tests drive it without a network.

pub mod app_routes;
pub mod audit;
pub mod auth;
pub mod cleanup;
pub mod client;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod host_config;
pub mod household;
pub mod idempotency;
pub mod json;
pub mod limits;
pub mod observe;
pub mod openapi;
pub mod routes;
pub mod sms;
pub mod static_files;

use std::sync::Arc;

use axum::{
    Json, Router,
    extract::{Request, State},
    http::{HeaderValue, Method, StatusCode, header},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::get,
};
use tower_http::{
    catch_panic::CatchPanicLayer, compression::CompressionLayer, limit::RequestBodyLimitLayer,
};
use wire::codes;

use crate::{
    clock::Clock, db::Database, error::ApiError, sms::SmsSender, static_files::StaticFiles,
};

/// Request bodies larger than this are refused before a handler reads them.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub db: Database,
    pub static_files: StaticFiles,
    pub demo: bool,
    pub clock: Clock,
    pub sms: Arc<dyn SmsSender>,
    /// Submissions (objections, tickets) take turns, so a double tap cannot race past the
    /// idempotency and objection-window checks.
    pub submissions: Arc<tokio::sync::Mutex<()>>,
    /// Sessions recently read from the database.
    pub sessions: Arc<auth::SessionCache>,
    /// The limits on sign-in tries, codes, work and time.
    pub limits: limits::Limits,
    /// Password checks run here, a bounded number at once.
    pub hashing: Arc<limits::HashPool>,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Arc<Vec<ipnet::IpNet>>,
    /// Served over https: send `Strict-Transport-Security`.
    pub hsts: bool,
    /// Asked to stop: `/ready` says no while in-flight and late requests are still served.
    pub draining: Arc<std::sync::atomic::AtomicBool>,
    /// Who operates this instance (`GET /instance`).
    pub operator: Arc<routes::instance::Operator>,
}

impl AppState {
    /// The usual state: the built-in SMS sender writing to this database's outbox.
    pub fn new(db: Database, static_files: StaticFiles, demo: bool) -> Self {
        let clock = Clock::default();
        let sms = Arc::new(sms::OutboxSender {
            db: db.clone(),
            clock: clock.clone(),
        });
        let limits = limits::Limits::default();
        Self {
            db,
            static_files,
            demo,
            clock,
            sms,
            submissions: Arc::default(),
            sessions: Arc::default(),
            hashing: limits::HashPool::new(limits.hash_concurrency, limits.hash_queue),
            limits,
            trusted_proxies: Arc::default(),
            hsts: false,
            draining: Arc::default(),
            operator: Arc::default(),
        }
    }

    /// The same state with other limits (and a password pool of their size).
    pub fn with_limits(mut self, limits: limits::Limits) -> Self {
        self.hashing = limits::HashPool::new(limits.hash_concurrency, limits.hash_queue);
        self.limits = limits;
        self
    }
}

/// The whole service: API, static app, security headers, compression, logs.
pub fn app(state: AppState) -> Router {
    let mut api = Router::new()
        .merge(routes::health::router())
        .merge(routes::instance::router())
        .merge(routes::ready::router())
        .merge(routes::session::router())
        .merge(routes::password_reset::router())
        .merge(routes::me::router())
        .merge(routes::bank_account::router())
        .merge(routes::eligibility::router())
        .merge(routes::payments::router())
        .merge(routes::objections::router())
        .merge(routes::tickets::router())
        .merge(routes::household_changes::router())
        .route("/openapi.json", get(|| async { Json(openapi::document()) }));
    if state.demo {
        api = api.merge(routes::dev::router());
    }
    let api = api
        .route_layer(middleware::from_fn(observe::record_route))
        .fallback(api_not_found)
        .method_not_allowed_fallback(api_method_not_allowed)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::check_origin,
        ))
        .layer(middleware::from_fn(observe::refuse_control_characters))
        .layer(middleware::map_response(no_store))
        // JSON bodies are small; the app's own files are already compressed in memory.
        .layer(CompressionLayer::new());
    Router::new()
        .nest(wire::API_PREFIX, api)
        .route("/api", axum::routing::any(api_not_found))
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        .fallback(serve_app)
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(middleware::map_response(json_payload_too_large))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security_headers,
        ))
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::Internal(anyhow::anyhow!("handler panicked")).into_response()
        }))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            client::remember_client_address,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            observe::observe,
        ))
        .with_state(state)
}

async fn api_not_found() -> ApiError {
    ApiError::not_found()
}

async fn api_method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        codes::METHOD_NOT_ALLOWED,
        "method not allowed",
    )
}

async fn serve_app(State(state): State<AppState>, request: Request) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return api_method_not_allowed().await.into_response();
    }
    state
        .static_files
        .respond(request.uri().path(), request.headers())
}

/// Personal data must not be kept by a shared cache or the browser's back button cache.
async fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

/// The body limit answers in plain text; answer in the API's shape instead.
async fn json_payload_too_large(response: Response) -> Response {
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE
        && !response
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|value| value.as_bytes().starts_with(b"application/json"))
    {
        return ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            codes::PAYLOAD_TOO_LARGE,
            "the body is too large",
        )
        .into_response();
    }
    response
}

/// Headers every response carries; the CSP is computed from the built `index.html`.
async fn security_headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        state.static_files.csp().clone(),
    );
    // The same list the generated static-host configuration sends (host_config.rs).
    for (name, value) in static_files::SECURITY_HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if state.hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(static_files::HSTS),
        );
    }
    response
}
