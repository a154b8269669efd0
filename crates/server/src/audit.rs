//! The audit log: who signed in, failed, submitted what, when, and from which address.
//! The table holds the national ID (it is the record of who did what); the log line masks it.

use crate::{AppState, auth::mask_national_id, client::ClientAddress, error::ApiResult};

pub async fn audit(
    state: &AppState,
    client: ClientAddress,
    national_id: Option<&str>,
    event: &str,
    detail: &str,
) -> ApiResult<()> {
    let client_address = client.audit_text();
    sqlx::query(
        "INSERT INTO audit_log (at, national_id, event, detail, client_address) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(state.clock.now())
    .bind(national_id)
    .bind(event)
    .bind(detail)
    .bind(&client_address)
    .execute(&state.db.pool)
    .await?;
    tracing::info!(
        national_id = national_id.map(mask_national_id),
        event,
        detail,
        client_address,
        "audit"
    );
    Ok(())
}

/// [`audit`] inside a transaction: the record stands or falls with the change it records.
pub async fn audit_in(
    connection: &mut sqlx::AnyConnection,
    at: i64,
    client: ClientAddress,
    national_id: &str,
    event: &str,
    detail: &str,
) -> ApiResult<()> {
    let client_address = client.audit_text();
    sqlx::query(
        "INSERT INTO audit_log (at, national_id, event, detail, client_address) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(at)
    .bind(national_id)
    .bind(event)
    .bind(detail)
    .bind(&client_address)
    .execute(&mut *connection)
    .await?;
    tracing::info!(
        national_id = mask_national_id(national_id),
        event,
        detail,
        client_address,
        "audit"
    );
    Ok(())
}
