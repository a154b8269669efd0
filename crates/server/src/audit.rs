//! The audit log: who signed in, failed, submitted what, when.

use crate::{AppState, error::ApiResult};

pub async fn audit(
    state: &AppState,
    national_id: Option<&str>,
    event: &str,
    detail: &str,
) -> ApiResult<()> {
    sqlx::query("INSERT INTO audit_log (at, national_id, event, detail) VALUES ($1, $2, $3, $4)")
        .bind(state.clock.now())
        .bind(national_id)
        .bind(event)
        .bind(detail)
        .execute(&state.db.pool)
        .await?;
    tracing::info!(national_id, event, detail, "audit");
    Ok(())
}
