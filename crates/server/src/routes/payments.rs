//! `GET /payments` and `GET /payments/{cycle}`: the monthly payments, and one with its
//! per-member breakdown (the rules' stored steps) and whether a financial objection may be
//! filed (the shared objection-window rule decides).

use axum::{
    Json, Router,
    extract::{Path, State},
    routing::get,
};
use wire::{ObjectionWindowView, PaymentDetail, PaymentSummary};

use crate::{
    AppState,
    auth::CurrentUser,
    error::{ApiError, ApiResult},
    routes::window_view,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/payments", get(list))
        .route("/payments/{cycle}", get(one))
}

/// Newest first; the 24 most recent.
#[utoipa::path(get, path = "/payments", tag = "account", operation_id = "list_payments",
    security(("session" = [])),
    responses(
        (status = 200, body = Vec<PaymentSummary>),
    ))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<PaymentSummary>>> {
    let rows: Vec<(i64, String, i64, String)> = sqlx::query_as(
        "SELECT cycle, paid_on, amount_sar, status FROM payments \
         WHERE beneficiary_id = $1 ORDER BY cycle DESC LIMIT 24",
    )
    .bind(user.beneficiary_id)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(Json(rows.into_iter().map(summary).collect()))
}

#[utoipa::path(get, path = "/payments/{cycle}", tag = "account", operation_id = "get_payment",
    security(("session" = [])),
    params(("cycle" = u32, Path, description = "the payment number: December 2017 is 1; any other text is a 404")),
    responses(
        (status = 200, body = PaymentDetail),
        (status = 404, body = wire::ErrorBody, description = "not_found: no payment of this beneficiary has this number"),
    ))]
pub async fn one(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(cycle): Path<String>,
) -> ApiResult<Json<PaymentDetail>> {
    // Any path text is accepted by the router; anything but a payment number is a 404.
    let cycle: u32 = cycle.parse().map_err(|_| ApiError::not_found())?;
    let row: Option<(i64, String, i64, String, Option<String>)> = sqlx::query_as(
        "SELECT cycle, paid_on, amount_sar, status, steps_json FROM payments \
         WHERE beneficiary_id = $1 AND cycle = $2",
    )
    .bind(user.beneficiary_id)
    .bind(i64::from(cycle))
    .fetch_optional(&state.db.pool)
    .await?;
    let (cycle, paid_on, amount, status, steps_json) = row.ok_or_else(ApiError::not_found)?;
    let steps = steps_json
        .as_deref()
        .map(serde_json::from_str::<rules::Steps>)
        .transpose()?;
    let payment = summary((cycle, paid_on, amount, status));
    let objection = payment_window(&state, user.beneficiary_id, &payment).await?;
    Ok(Json(PaymentDetail {
        payment,
        steps,
        objection,
    }))
}

fn summary((cycle, paid_on, amount, status): (i64, String, i64, String)) -> PaymentSummary {
    PaymentSummary {
        cycle: u32::try_from(cycle).unwrap_or_default(),
        date: paid_on,
        amount,
        status,
    }
}

pub fn rules_status(status: &str) -> rules::objection_window::PaymentStatus {
    use rules::objection_window::PaymentStatus;
    match status {
        "paid" => PaymentStatus::Paid,
        "processing" => PaymentStatus::BeingProcessed,
        "returned" => PaymentStatus::Returned,
        _ => PaymentStatus::NoPayment,
    }
}

pub async fn payment_window(
    state: &AppState,
    beneficiary_id: i64,
    payment: &PaymentSummary,
) -> ApiResult<ObjectionWindowView> {
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM objections WHERE beneficiary_id = $1 AND kind = 'financial' \
         AND cycle = $2 AND status = 'under_review'",
    )
    .bind(beneficiary_id)
    .bind(i64::from(payment.cycle))
    .fetch_one(&state.db.pool)
    .await?;
    let paid_on = rules::Date::parse(&payment.date)
        .map_err(|error| anyhow::anyhow!("stored date {}: {error}", payment.date))?;
    let window = rules::objection_window::payment(
        state.clock.today(),
        rules_status(&payment.status),
        paid_on,
        open > 0,
    )
    .map_err(|error| anyhow::anyhow!("{error}"))?;
    Ok(window_view(window))
}
