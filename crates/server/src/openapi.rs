//! The OpenAPI 3.1 document at `/api/v1/openapi.json`, derived from the handlers'
//! annotations and the wire types, so it cannot drift from the code.

use utoipa::OpenApi;

use crate::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Citizen Account portal API",
        description = "The API behind the beneficiary portal. Errors are `{code, message, fields}` with stable codes.",
    ),
    servers((url = "/api/v1")),
    paths(
        routes::health::health,
        routes::session::start,
        routes::session::verify,
        routes::session::resend,
        routes::session::extend,
        routes::session::end,
        routes::me::me,
        routes::eligibility::eligibility,
        routes::payments::list,
        routes::payments::one,
        routes::objections::list,
        routes::objections::one,
        routes::objections::create,
        routes::tickets::list,
        routes::tickets::create,
        routes::dev::sms_outbox,
    ),
    components(schemas(wire::ErrorBody, wire::FieldError)),
)]
struct ApiDoc;

pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}
