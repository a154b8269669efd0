//! Demo-only endpoints; the router is not even built outside demo mode.

use axum::{Json, Router, extract::State, routing::get};
use wire::SmsMessage;

use crate::{AppState, error::ApiResult};

pub fn router() -> Router<AppState> {
    Router::new().route("/dev/sms-outbox", get(sms_outbox))
}

/// Every message the built-in SMS sender sent, oldest first.
#[utoipa::path(get, path = "/dev/sms-outbox", tag = "demo", operation_id = "list_sms_outbox",
    responses((status = 200, body = Vec<SmsMessage>, description = "demo mode only")))]
pub async fn sms_outbox(State(state): State<AppState>) -> ApiResult<Json<Vec<SmsMessage>>> {
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT national_id, mobile, code, message, sent_at FROM sms_outbox ORDER BY id",
    )
    .fetch_all(&state.db.pool)
    .await?;
    Ok(Json(
        rows.into_iter()
            .map(|(national_id, mobile, code, message, sent_at)| SmsMessage {
                national_id,
                mobile,
                code,
                message,
                sent_at,
            })
            .collect(),
    ))
}
