//! "صوتك مسموع" (Your Voice Is Heard): tickets by category, and their status.

use axum::{
    Json, Router,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::Response,
    routing::get,
};
use wire::{NewTicket, TICKET_CATEGORIES, TICKET_MESSAGE_MAX, Ticket, codes};

use crate::{
    AppState,
    audit::audit,
    auth::CurrentUser,
    client::ClientAddress,
    error::{ApiError, ApiResult, field_error},
    idempotency,
    json::ApiJson,
};

pub fn router() -> Router<AppState> {
    Router::new().route("/tickets", get(list).post(create))
}

/// `TK-00000007`.
pub fn reference(id: i64) -> String {
    format!("TK-{id:08}")
}

/// Newest first.
#[utoipa::path(get, path = "/tickets", tag = "tickets", operation_id = "list_tickets",
    security(("session" = [])),
    responses(
        (status = 200, body = Vec<Ticket>),
    ))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<Ticket>>> {
    let rows: Vec<(String, String, String, String, Option<String>, String)> = sqlx::query_as(
        "SELECT reference, category, message, status, answer, opened_on FROM tickets \
         WHERE beneficiary_id = $1 ORDER BY id DESC",
    )
    .bind(user.beneficiary_id)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(Json(
        rows.into_iter()
            .map(
                |(reference, category, message, status, answer, opened_on)| Ticket {
                    reference,
                    category,
                    message,
                    status,
                    answer,
                    opened_on,
                },
            )
            .collect(),
    ))
}

#[utoipa::path(post, path = "/tickets", tag = "tickets", operation_id = "create_ticket",
    security(("session" = [])),
    request_body = NewTicket,
    params(("Idempotency-Key" = Option<String>, Header, pattern = r"^[!-~]{1,255}$",
        description = "makes a retry return the first answer; 1 to 255 visible ASCII characters (else 422 validation_failed, field `idempotency-key`, code `wrong_format`)")),
    responses(
        (status = 201, body = Ticket, description = "opened (or the first answer to this Idempotency-Key)"),
        (status = 422, body = wire::ErrorBody, description = "validation_failed (`fields`: `unknown_value`, `required`, `too_long`, `control_character`, `wrong_format`), or idempotency_key_reused"),
    ))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddress,
    headers: HeaderMap,
    ApiJson(request): ApiJson<NewTicket>,
) -> ApiResult<Response> {
    let key = idempotency::key_from(&headers)?;
    let fingerprint = idempotency::fingerprint(&request)?;
    let mut fields = Vec::new();
    if !TICKET_CATEGORIES.contains(&request.category.as_str()) {
        fields.push(field_error("category", codes::UNKNOWN_VALUE));
    }
    // Invisible-only text is `required`; control characters are refused; bidi overrides go.
    let message = match rules::text::clean(&request.message) {
        Ok(text) if text.chars().count() > TICKET_MESSAGE_MAX => {
            fields.push(field_error("message", codes::TOO_LONG));
            String::new()
        }
        Ok(text) => text,
        Err(error) => {
            fields.push(field_error("message", error.code()));
            String::new()
        }
    };
    if !fields.is_empty() {
        return Err(ApiError::invalid_fields(fields));
    }
    let _turn = state.submissions.lock().await;
    if let Some(first) =
        idempotency::replay(&state, user.beneficiary_id, key.as_deref(), &fingerprint).await?
    {
        return Ok(first);
    }
    let today = state.clock.today().to_string();
    let mut transaction = state.db.pool.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO tickets (reference, beneficiary_id, category, message, status, opened_on) \
         VALUES ($1, $2, $3, $4, 'open', $5) RETURNING id",
    )
    .bind(format!("pending-{}", crate::auth::random_token()))
    .bind(user.beneficiary_id)
    .bind(&request.category)
    .bind(&message)
    .bind(&today)
    .fetch_one(&mut *transaction)
    .await?;
    let ticket = Ticket {
        reference: reference(id),
        category: request.category.clone(),
        message,
        status: "open".to_owned(),
        answer: None,
        opened_on: today,
    };
    sqlx::query("UPDATE tickets SET reference = $1 WHERE id = $2")
        .bind(&ticket.reference)
        .bind(id)
        .execute(&mut *transaction)
        .await?;
    let body = serde_json::to_string(&ticket)?;
    let response = idempotency::commit(
        &state,
        transaction,
        user.beneficiary_id,
        key.as_deref(),
        &fingerprint,
        StatusCode::CREATED,
        body,
    )
    .await?;
    audit(
        &state,
        client,
        Some(&user.national_id),
        "ticket_opened",
        &ticket.reference,
    )
    .await?;
    Ok(response)
}
