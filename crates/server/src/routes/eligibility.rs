//! `GET /eligibility`: the latest authoritative result, per member with reasons, and whether
//! an eligibility objection may be filed (the shared objection-window rule decides).

use axum::{Json, Router, extract::State, routing::get};
use wire::{EligibilityView, MemberEligibility, ObjectionWindowView};

use crate::{AppState, auth::CurrentUser, error::ApiResult, routes::window_view};

pub fn router() -> Router<AppState> {
    Router::new().route("/eligibility", get(eligibility))
}

#[utoipa::path(get, path = "/eligibility", tag = "account", operation_id = "get_eligibility",
    security(("session" = [])),
    responses(
        (status = 200, body = EligibilityView),
        (status = 404, body = wire::ErrorBody, description = "not_found: no result yet"),
    ))]
pub async fn eligibility(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<EligibilityView>> {
    let latest: Option<(String, i64, String, Option<i64>)> = sqlx::query_as(
        "SELECT assessed_on, eligible, members_json, monthly_support_sar FROM eligibility_results \
         WHERE beneficiary_id = $1 ORDER BY assessed_on DESC, id DESC LIMIT 1",
    )
    .bind(user.beneficiary_id)
    .fetch_optional(&state.db.pool)
    .await?;
    let (assessed_on, eligible, members_json, monthly_support) =
        latest.ok_or_else(crate::error::ApiError::not_found)?;
    let members: Vec<MemberEligibility> = serde_json::from_str(&members_json)?;
    let objection = eligibility_window(&state, user.beneficiary_id, &assessed_on, &members).await?;
    Ok(Json(EligibilityView {
        assessed_on,
        eligible: eligible != 0,
        members,
        objection,
        monthly_support,
    }))
}

/// An objection is possible against a result where any member is not eligible.
pub async fn eligibility_window(
    state: &AppState,
    beneficiary_id: i64,
    assessed_on: &str,
    members: &[MemberEligibility],
) -> ApiResult<ObjectionWindowView> {
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM objections WHERE beneficiary_id = $1 AND kind = 'eligibility' \
         AND status = 'under_review'",
    )
    .bind(beneficiary_id)
    .fetch_one(&state.db.pool)
    .await?;
    let result_date = rules::Date::parse(assessed_on)
        .map_err(|error| anyhow::anyhow!("stored date {assessed_on}: {error}"))?;
    let all_eligible = members.iter().all(|member| member.eligible);
    let window = rules::objection_window::eligibility(
        state.clock.today(),
        all_eligible,
        result_date,
        open > 0,
    )
    .map_err(|error| anyhow::anyhow!("{error}"))?;
    Ok(window_view(window))
}
