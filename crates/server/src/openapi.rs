//! The OpenAPI 3.1 document at `/api/v1/openapi.json`, derived from the handlers'
//! annotations and the wire types, so it cannot drift from the code.
//!
//! The answers every operation can get from the layers around the handlers (the Origin check,
//! the body limit, the JSON extractor, the session extractor, the control-character check of
//! the path, the time limit) are added here once, by [`CommonResponses`], as references to
//! `components.responses`; the handlers' annotations list only what they decide themselves.
//! Request bodies say what the server accepts, extra members included ([`CLEAN_JSON`]), so a
//! client generated from the document sends nothing the server refuses for its form alone.

use utoipa::{
    Modify, OpenApi,
    openapi::{
        self, ContentBuilder, Ref, RefOr, ResponseBuilder,
        path::Operation,
        schema::{AdditionalProperties, Schema},
        security::{ApiKey, ApiKeyValue, SecurityScheme},
    },
};

use crate::routes;

/// The security scheme of signed-in operations: the session cookie.
pub const SESSION_SECURITY: &str = "session";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Citizen Account portal API",
        description = "The API behind the beneficiary portal. Errors are `{code, message, fields}` with stable codes.",
    ),
    servers((url = "/api/v1")),
    paths(
        routes::health::health,
        routes::instance::instance,
        routes::ready::ready,
        routes::session::start,
        routes::session::verify,
        routes::session::resend,
        routes::session::extend,
        routes::session::end,
        routes::password_reset::start,
        routes::password_reset::complete,
        routes::me::me,
        routes::eligibility::eligibility,
        routes::payments::list,
        routes::payments::one,
        routes::objections::list,
        routes::objections::one,
        routes::objections::create,
        routes::tickets::list,
        routes::tickets::create,
        routes::household_changes::household_view,
        routes::household_changes::list,
        routes::household_changes::create,
        routes::bank_account::show,
        routes::bank_account::send_code,
        routes::bank_account::change,
        routes::dev::sms_outbox,
    ),
    components(schemas(wire::ErrorBody, wire::FieldError)),
    modifiers(&CommonResponses),
)]
struct ApiDoc;

pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// An answer of the layers around the handlers, shared by many operations.
struct Common {
    /// The name in `components.responses`.
    name: &'static str,
    status: &'static str,
    description: &'static str,
    /// Which operations can get it.
    applies: fn(&Facts) -> bool,
}

/// What decides which common answers an operation can get.
struct Facts {
    /// Not GET, HEAD or OPTIONS: the Origin check applies.
    changes_state: bool,
    has_body: bool,
    signed_in: bool,
}

const COMMON: &[Common] = &[
    Common {
        name: "InvalidJson",
        status: "400",
        description: "invalid_json: the body is not JSON, or not of the expected shape (a member missing or of another type)",
        applies: |facts| facts.has_body,
    },
    Common {
        name: "Unauthenticated",
        status: "401",
        description: "unauthenticated: no session cookie, or the session has ended (15 minutes idle, 8 hours in all, or signed out)",
        applies: |facts| facts.signed_in,
    },
    Common {
        name: "BadOrigin",
        status: "403",
        description: "bad_origin: a state-changing request whose Origin is not this host, or sent cross-site (Sec-Fetch-Site)",
        applies: |facts| facts.changes_state,
    },
    Common {
        name: "PayloadTooLarge",
        status: "413",
        description: "payload_too_large: the body is over 16 KiB",
        applies: |facts| facts.has_body,
    },
    Common {
        name: "UnsupportedMediaType",
        status: "415",
        description: "unsupported_media_type: the body is not sent as application/json",
        applies: |facts| facts.has_body,
    },
    Common {
        name: "ValidationFailed",
        status: "422",
        description: "validation_failed: `fields` names each input at fault with its code; `control_character` for a control character (or a bidi override) in the path or the query, or a control character other than tab, line feed and carriage return in any string or member name of the body",
        applies: |_| true,
    },
    Common {
        name: "Internal",
        status: "500",
        description: "internal: a fault of the server (logged); never the answer to anything a client sends",
        applies: |_| true,
    },
    Common {
        name: "Unavailable",
        status: "503",
        description: "timeout: the request took longer than the server allows (busy where an operation says so), with retry_after_seconds and Retry-After",
        applies: |_| true,
    },
];

/// Any JSON value without a control character (but tab, line feed and carriage return) in a
/// string or a member name: what the JSON extractor lets through as an extra member of a
/// request body (and then ignores).
const CLEAN_JSON: &str = "CleanJson";
/// A string without those control characters (JSON Schema `pattern`, ECMA-262 syntax).
pub const NO_CONTROL_CHARACTERS: &str =
    r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$";

/// The request bodies whose extra members are described by [`CLEAN_JSON`].
const REQUEST_SCHEMAS: &[&str] = &[
    "StartSession",
    "VerifyCode",
    "ResendCode",
    "StartPasswordReset",
    "CompletePasswordReset",
    "NewObjection",
    "NewTicket",
    "NewHouseholdChange",
    "ChangeBankAccount",
];

struct CommonResponses;

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.security_schemes.insert(
            SESSION_SECURITY.to_owned(),
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                wire::SESSION_COOKIE,
                "The session cookie set by POST /session/verify (HttpOnly, Secure, SameSite=Strict).",
            ))),
        );
        for common in COMMON {
            components.responses.insert(
                common.name.to_owned(),
                RefOr::T(
                    ResponseBuilder::new()
                        .description(common.description)
                        .content(
                            "application/json",
                            ContentBuilder::new()
                                .schema(Some(Ref::from_schema_name("ErrorBody")))
                                .build(),
                        )
                        .build(),
                ),
            );
        }
        if let Ok(clean) = serde_json::from_value::<RefOr<Schema>>(clean_json_schema()) {
            components.schemas.insert(CLEAN_JSON.to_owned(), clean);
        }
        for name in REQUEST_SCHEMAS {
            if let Some(RefOr::T(Schema::Object(object))) = components.schemas.get_mut(*name) {
                object.additional_properties = Some(Box::new(AdditionalProperties::RefOr(
                    RefOr::Ref(Ref::from_schema_name(CLEAN_JSON)),
                )));
                object.property_names = serde_json::from_value(serde_json::json!({
                    "type": "string", "pattern": NO_CONTROL_CHARACTERS,
                }))
                .ok();
            }
        }

        for item in openapi.paths.paths.values_mut() {
            let operations = [
                (false, &mut item.get),
                (true, &mut item.put),
                (true, &mut item.post),
                (true, &mut item.delete),
                (true, &mut item.patch),
                (false, &mut item.head),
                (false, &mut item.options),
            ];
            for (changes_state, operation) in operations {
                if let Some(operation) = operation {
                    add_common(operation, changes_state);
                }
            }
        }
    }
}

fn add_common(operation: &mut Operation, changes_state: bool) {
    let facts = Facts {
        changes_state,
        has_body: operation.request_body.is_some(),
        signed_in: operation
            .security
            .as_ref()
            .is_some_and(|requirements| !requirements.is_empty()),
    };
    for common in COMMON.iter().filter(|common| (common.applies)(&facts)) {
        // An operation's own description of a status (what its handler decides) wins.
        operation
            .responses
            .responses
            .entry(common.status.to_owned())
            .or_insert_with(|| RefOr::Ref(Ref::from_response_name(common.name)));
    }
}

fn clean_json_schema() -> serde_json::Value {
    serde_json::json!({
        "description": "Any JSON value without a control character (but tab, line feed and carriage return) in a string or a member name.",
        "anyOf": [
            {"type": ["null", "boolean", "number"]},
            {"type": "string", "pattern": NO_CONTROL_CHARACTERS},
            {"type": "array", "items": {"$ref": format!("#/components/schemas/{CLEAN_JSON}")}},
            {
                "type": "object",
                "propertyNames": {"type": "string", "pattern": NO_CONTROL_CHARACTERS},
                "additionalProperties": {"$ref": format!("#/components/schemas/{CLEAN_JSON}")},
            },
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_answers_are_added_where_they_can_happen() {
        let document = serde_json::to_value(document()).expect("serialises");
        let responses = |path: &str, method: &str| -> Vec<String> {
            document["paths"][path][method]["responses"]
                .as_object()
                .map(|map| map.keys().cloned().collect())
                .unwrap_or_default()
        };
        assert_eq!(
            responses("/tickets", "post"),
            [
                "201", "400", "401", "403", "413", "415", "422", "500", "503"
            ]
        );
        assert_eq!(responses("/health", "get"), ["200", "422", "500", "503"]);
        assert!(responses("/me", "get").contains(&"401".to_owned()));
        // The handler's own description of a status stays.
        assert!(
            document["paths"]["/session"]["post"]["responses"]["401"]["description"]
                .as_str()
                .is_some_and(|text| text.contains("invalid_credentials"))
        );
        assert_eq!(
            document["components"]["schemas"]["NewTicket"]["additionalProperties"]["$ref"],
            "#/components/schemas/CleanJson"
        );
    }
}
