//! A JSON body extractor whose every refusal is an [`ApiError`] in the API's own shape.
//!
//! Before the body becomes a request type, every string in it (and every key) is checked
//! for control characters: NUL and the rest of Unicode's Cc, but line feed, carriage return
//! and tab, are refused with 422 `control_character` naming the field, on every endpoint at
//! once. (PostgreSQL cannot store a NUL; no one types an escape.) Free-text fields are then
//! cleaned by `rules::text::clean` in their handlers.

use axum::{
    extract::{FromRequest, Request, rejection::JsonRejection},
    http::StatusCode,
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use wire::codes;

use crate::error::{ApiError, field_error};

pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let value = match axum::Json::<Value>::from_request(request, state).await {
            Ok(axum::Json(value)) => value,
            Err(rejection) => return Err(refusal(rejection)),
        };
        let mut fields = Vec::new();
        control_characters(&value, "", &mut fields);
        if !fields.is_empty() {
            return Err(ApiError::invalid_fields(
                fields
                    .iter()
                    .map(|field| field_error(field, codes::CONTROL_CHARACTER))
                    .collect(),
            ));
        }
        serde_json::from_value(value).map(ApiJson).map_err(|error| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                codes::INVALID_JSON,
                format!("the body is not the expected JSON: {error}"),
            )
        })
    }
}

fn refusal(rejection: JsonRejection) -> ApiError {
    match rejection {
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
    }
}

/// Collects the names of the fields (top-level names, or `a.b` deeper) whose text holds a
/// refused control character.
fn control_characters(value: &Value, path: &str, fields: &mut Vec<String>) {
    let refused = |text: &str| {
        text.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    };
    let name = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::String(text) if refused(text) => fields.push(if path.is_empty() {
            "body".to_owned()
        } else {
            path.to_owned()
        }),
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                control_characters(item, &name(&index.to_string()), fields);
            }
        }
        Value::Object(members) => {
            for (key, member) in members {
                if refused(key) {
                    fields.push("body".to_owned());
                } else {
                    control_characters(member, &name(key), fields);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_every_field_with_a_control_character() {
        let body = serde_json::json!({
            "national_id": "100000\u{0}0008",
            "description": "two\nlines\tare fine",
            "members": [{"name": "\u{1b}"}],
        });
        let mut fields = Vec::new();
        control_characters(&body, "", &mut fields);
        fields.sort();
        assert_eq!(fields, vec!["members.0.name", "national_id"]);
    }
}
