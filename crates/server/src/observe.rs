//! Every request: an id, a time limit, one log line, and a refusal of control characters in
//! the path or query before any handler (or database) sees them.

use std::time::{Duration, Instant};

use axum::{
    extract::{MatchedPath, Request, State},
    http::{HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use tracing::Instrument;
use wire::codes;

use crate::{AppState, error::ApiError};

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// The route template a response came from, carried out to the log line.
#[derive(Debug, Clone)]
struct RouteTemplate(String);

/// Inside the API router: remembers which route matched (`/api/v1/payments/{cycle}`), so the
/// log shows the template and never the values in the path.
pub async fn record_route(matched: Option<MatchedPath>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    if let Some(matched) = matched {
        response
            .extensions_mut()
            .insert(RouteTemplate(matched.as_str().to_owned()));
    }
    response
}

/// Gives the request an id (the caller's `X-Request-Id` when it is a sane one), answers it
/// within the time limit, and logs method, route template, status, duration and id.
pub async fn observe(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let request_id = request
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|value| value.to_str().ok())
        .filter(|id| {
            !id.is_empty()
                && id.len() <= 64
                && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        .map(str::to_owned)
        .unwrap_or_else(|| crate::auth::random_token()[..22].to_owned());
    let method = request.method().clone();
    let is_api = request.uri().path().starts_with("/api/");
    let span = tracing::info_span!("request", request_id = %request_id);
    let limit = Duration::from_secs(state.limits.request_timeout_seconds);
    let mut response =
        match tokio::time::timeout(limit, next.run(request).instrument(span.clone())).await {
            Ok(response) => response,
            Err(_) => {
                let mut error = wire::ErrorBody::new(codes::TIMEOUT, "the request took too long");
                error.retry_after_seconds = Some(5);
                ApiError::Client(StatusCode::SERVICE_UNAVAILABLE, error).into_response()
            }
        };
    let route = response
        .extensions()
        .get::<RouteTemplate>()
        .map(|route| route.0.clone())
        .unwrap_or_else(|| if is_api { "/api/(unknown)" } else { "/(app)" }.to_owned());
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    let _entered = span.enter();
    tracing::info!(
        %method,
        route,
        status = response.status().as_u16(),
        duration_ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    response
}

/// NUL and other control characters, and bidi overrides, are refused in the path and the
/// query, percent-encoded or not (PostgreSQL cannot even store a NUL).
pub async fn refuse_control_characters(request: Request, next: Next) -> Response {
    let uri = request.uri();
    let raw = uri.path_and_query().map_or(uri.path(), |pq| pq.as_str());
    if has_control_character(raw) {
        return ApiError::invalid_field("path", codes::CONTROL_CHARACTER).into_response();
    }
    next.run(request).await
}

fn has_control_character(raw: &str) -> bool {
    let decoded = percent_decode(raw);
    let text = String::from_utf8_lossy(&decoded);
    rules::text::has_control_character(&text)
}

/// Percent-decoding of bytes; a `%` not followed by two hex digits stays as it is.
fn percent_decode(raw: &str) -> Vec<u8> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(high), Some(low)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((high * 16 + low) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_control_characters_are_found() {
        assert!(has_control_character("/api/v1/objections/OB%00"));
        assert!(has_control_character("/api/v1/objections/x?q=%0d%0a"));
        assert!(has_control_character("/api/v1/x/%E2%80%AE"), "U+202E");
        assert!(!has_control_character("/api/v1/payments/1447-05?x=%41"));
        assert!(!has_control_character("/account/%"));
    }
}
