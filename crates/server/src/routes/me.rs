//! `GET /me`: who is signed in, and how long the session has left.

use axum::{Json, Router, extract::State, routing::get};
use wire::Me;

use crate::{
    AppState,
    auth::{self, CurrentUser},
    error::ApiResult,
};

pub fn router() -> Router<AppState> {
    Router::new().route("/me", get(me))
}

#[utoipa::path(get, path = "/me", tag = "account", operation_id = "get_me",
    security(("session" = [])),
    responses(
        (status = 200, body = Me),
    ))]
pub async fn me(State(state): State<AppState>, user: CurrentUser) -> ApiResult<Json<Me>> {
    let (name_ar, name_en, kind, nationality, mobile, iban): (
        String,
        String,
        String,
        String,
        String,
        Option<String>,
    ) = sqlx::query_as(
        "SELECT name_ar, name_en, kind, nationality, mobile, iban FROM beneficiaries WHERE id = $1",
    )
    .bind(user.beneficiary_id)
    .fetch_one(&state.db.pool)
    .await?;
    Ok(Json(Me {
        national_id: user.national_id.clone(),
        name_ar,
        name_en,
        kind,
        nationality,
        masked_mobile: auth::mask_mobile(&mobile),
        masked_iban: iban.as_deref().map(auth::mask_iban),
        session: user.session_info(state.clock.now()),
    }))
}
