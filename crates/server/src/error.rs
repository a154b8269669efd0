//! One error type for every handler: a status, a stable code the app translates, an English
//! message and the fields at fault. Internal failures are logged in full and answered with a
//! generic body; nothing a client sends may turn into a 5xx.

use axum::{
    Json,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use wire::{ErrorBody, FieldError, codes};

#[derive(Debug)]
pub enum ApiError {
    /// An answer to the client: its status and body.
    Client(StatusCode, ErrorBody),
    /// Our fault: logged, answered as `internal`.
    Internal(anyhow::Error),
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        ApiError::Client(status, ErrorBody::new(code, message))
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, codes::NOT_FOUND, "no such resource")
    }

    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            codes::UNAUTHENTICATED,
            "sign in first, or again: the session has ended",
        )
    }

    /// 422 with one or more fields at fault.
    pub fn invalid_fields(fields: Vec<FieldError>) -> Self {
        let mut body = ErrorBody::new(codes::VALIDATION_FAILED, "some inputs are not valid");
        body.fields = fields;
        ApiError::Client(StatusCode::UNPROCESSABLE_ENTITY, body)
    }

    pub fn invalid_field(field: &str, code: &str) -> Self {
        Self::invalid_fields(vec![field_error(field, code)])
    }

    pub fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Client(status, _) => *status,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The code in the body, for tests and logs.
    pub fn code(&self) -> &str {
        match self {
            ApiError::Client(_, body) => &body.code,
            ApiError::Internal(_) => codes::INTERNAL,
        }
    }
}

pub fn field_error(field: &str, code: &str) -> FieldError {
    FieldError {
        field: field.to_owned(),
        code: code.to_owned(),
    }
}

impl<E: Into<anyhow::Error>> From<E> for ApiError {
    fn from(error: E) -> Self {
        ApiError::Internal(error.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::Client(status, body) => {
                let retry_after = body.retry_after_seconds;
                let mut response = (status, Json(body)).into_response();
                if let Some(seconds) = retry_after {
                    response
                        .headers_mut()
                        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
                }
                response
            }
            ApiError::Internal(error) if is_overload(&error) => {
                tracing::warn!(error = ?error, "database overloaded: answered busy");
                crate::limits::busy().into_response()
            }
            ApiError::Internal(error) => {
                tracing::error!(error = ?error, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Json(ErrorBody::new(
                        codes::INTERNAL,
                        "something went wrong on our side",
                    )),
                )
                    .into_response()
            }
        }
    }
}

/// A database that is only too busy right now (no free connection in time, SQLite's write
/// lock not granted in time, a PostgreSQL lock or serialisation conflict): the request can be
/// retried, so it is a 503 `busy` with `Retry-After`, not a 500.
fn is_overload(error: &anyhow::Error) -> bool {
    match error.downcast_ref::<sqlx::Error>() {
        Some(sqlx::Error::PoolTimedOut) => true,
        Some(sqlx::Error::Database(database_error)) => matches!(
            database_error.code().as_deref(),
            // SQLITE_BUSY, SQLITE_LOCKED; serialization_failure, deadlock_detected, lock_not_available
            Some("5" | "6" | "517" | "40001" | "40P01" | "55P03")
        ),
        _ => false,
    }
}
