//! `GET /api/v1/ready`: whether a load balancer should send this process requests. Not ready
//! when the database does not answer, or once the process has been asked to stop (it keeps
//! serving for `--drain-seconds` so the balancer can notice, then finishes what is in flight).

use std::sync::atomic::Ordering;

use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::get,
};
use wire::{Ready, codes};

use crate::{AppState, error::ApiError};

pub fn router() -> Router<AppState> {
    Router::new().route("/ready", get(ready))
}

/// 200 when this process should get requests; 503 `not_ready` when it should not.
#[utoipa::path(get, path = "/ready", tag = "health", operation_id = "get_ready",
    responses(
        (status = 200, body = Ready, description = "send requests here"),
        (status = 503, body = wire::ErrorBody, description = "not_ready: the database does not answer, or the process is stopping"),
    ))]
pub async fn ready(State(state): State<AppState>) -> Response {
    if state.draining.load(Ordering::Relaxed) {
        return not_ready("this process is stopping");
    }
    let database = sqlx::query_scalar::<_, i64>("SELECT 1")
        .fetch_one(&state.db.pool)
        .await
        .is_ok();
    if !database {
        return not_ready("the database does not answer");
    }
    Json(Ready { ready: true }).into_response()
}

fn not_ready(message: &str) -> Response {
    ApiError::new(StatusCode::SERVICE_UNAVAILABLE, codes::NOT_READY, message).into_response()
}
