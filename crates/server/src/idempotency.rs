//! `Idempotency-Key`: a retried submission (a double tap, a lost answer, a reconnect) gets
//! the first answer back instead of creating a second record. The key is kept with the
//! answer and a fingerprint of the request; the same key with another request is refused.

use axum::{
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use sqlx::{Any, Transaction};
use wire::{IDEMPOTENCY_KEY_HEADER, codes};

use crate::{
    AppState, auth,
    error::{ApiError, ApiResult},
};

/// The key sent with the request, if any: 1 to 255 visible ASCII characters.
pub fn key_from(headers: &HeaderMap) -> ApiResult<Option<String>> {
    let Some(value) = headers.get(IDEMPOTENCY_KEY_HEADER) else {
        return Ok(None);
    };
    match value.to_str() {
        Ok(key)
            if !key.is_empty() && key.len() <= 255 && key.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            Ok(Some(key.to_owned()))
        }
        _ => Err(ApiError::invalid_field(
            IDEMPOTENCY_KEY_HEADER,
            "wrong_format",
        )),
    }
}

/// What identifies "the same request": its JSON as the server read it.
pub fn fingerprint<T: serde::Serialize>(request: &T) -> ApiResult<String> {
    Ok(auth::digest(&serde_json::to_string(request)?))
}

/// The first answer to this key, if a key was sent and answered before.
pub async fn replay(
    state: &AppState,
    beneficiary_id: i64,
    key: Option<&str>,
    fingerprint: &str,
) -> ApiResult<Option<Response>> {
    let Some(key) = key else {
        return Ok(None);
    };
    let stored: Option<(String, i64, String)> = sqlx::query_as(
        "SELECT request_fingerprint, response_status, response_body FROM idempotency_keys \
         WHERE beneficiary_id = $1 AND idempotency_key = $2",
    )
    .bind(beneficiary_id)
    .bind(key)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some((stored_fingerprint, status, body)) = stored else {
        return Ok(None);
    };
    if stored_fingerprint != fingerprint {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            codes::IDEMPOTENCY_KEY_REUSED,
            "this Idempotency-Key was used for a different request",
        ));
    }
    let status = u16::try_from(status)
        .ok()
        .and_then(|status| StatusCode::from_u16(status).ok())
        .unwrap_or(StatusCode::OK);
    Ok(Some(json_response(status, body)))
}

/// Keeps the answer with the key (when one was sent) and commits the transaction that made
/// the record. When another process answered the same key first, this transaction is rolled
/// back and that first answer is returned instead of ours.
#[allow(clippy::too_many_arguments)]
pub async fn commit(
    state: &AppState,
    mut transaction: Transaction<'_, Any>,
    beneficiary_id: i64,
    key: Option<&str>,
    fingerprint: &str,
    status: StatusCode,
    body: String,
) -> ApiResult<Response> {
    if let Some(key) = key
        && let Err(error) = remember(
            &mut transaction,
            beneficiary_id,
            key,
            fingerprint,
            status,
            &body,
            state.clock.now(),
        )
        .await
    {
        transaction.rollback().await?;
        if is_unique_violation(&error)
            && let Some(first) = replay(state, beneficiary_id, Some(key), fingerprint).await?
        {
            return Ok(first);
        }
        return Err(error.into());
    }
    transaction.commit().await?;
    Ok(json_response(status, body))
}

async fn remember(
    transaction: &mut Transaction<'_, Any>,
    beneficiary_id: i64,
    key: &str,
    fingerprint: &str,
    status: StatusCode,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO idempotency_keys (beneficiary_id, idempotency_key, request_fingerprint, \
         response_status, response_body, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(beneficiary_id)
    .bind(key)
    .bind(fingerprint)
    .bind(i64::from(status.as_u16()))
    .bind(body)
    .bind(now)
    .execute(&mut **transaction)
    .await?;
    Ok(())
}

pub fn json_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

/// Whether a database error is a unique-constraint violation (both databases).
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Database(database_error) => {
            database_error.is_unique_violation()
                || database_error
                    .message()
                    .contains("UNIQUE constraint failed")
        }
        _ => false,
    }
}
