//! `GET /api/v1/health`: is the process up, and does the database answer.

use axum::{Json, Router, extract::State, routing::get};
use wire::Health;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/health", get(health))
}

/// Is the process up, and does the database answer.
#[utoipa::path(get, path = "/health", tag = "health", operation_id = "get_health",
    responses((status = 200, body = Health)))]
pub async fn health(State(state): State<AppState>) -> Json<Health> {
    let database = sqlx::query_scalar::<_, i64>("SELECT 1")
        .fetch_one(&state.db.pool)
        .await
        .is_ok();
    Json(Health {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database,
        demo: state.demo,
    })
}
