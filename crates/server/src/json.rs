//! A JSON body extractor whose every refusal is an [`ApiError`] in the API's own shape.

use axum::{
    extract::{FromRequest, Request, rejection::JsonRejection},
    http::StatusCode,
};
use serde::de::DeserializeOwned;
use wire::codes;

use crate::error::ApiError;

pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(match rejection {
                JsonRejection::MissingJsonContentType(_) => ApiError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    codes::UNSUPPORTED_MEDIA_TYPE,
                    "send the body as application/json",
                ),
                JsonRejection::BytesRejection(rejection)
                    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE =>
                {
                    ApiError::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        codes::PAYLOAD_TOO_LARGE,
                        "the body is too large",
                    )
                }
                other => ApiError::new(
                    StatusCode::BAD_REQUEST,
                    codes::INVALID_JSON,
                    format!("the body is not the expected JSON: {}", other.body_text()),
                ),
            }),
        }
    }
}
