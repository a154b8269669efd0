//! Objections: financial (on a paid payment, within 90 days of the deposit) and eligibility
//! (on a "not eligible" result, within 90 days of it). Whether one may be filed is decided by
//! the shared objection-window rule only. A retry with the same `Idempotency-Key` returns
//! the first answer and never files a second objection.

use axum::{
    Json, Router,
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
    response::Response,
    routing::get,
};
use wire::{MemberEligibility, NewObjection, OBJECTION_DESCRIPTION_MAX, Objection, codes};

use crate::{
    AppState,
    audit::audit,
    auth::CurrentUser,
    client::ClientAddress,
    error::{ApiError, ApiResult, field_error},
    idempotency,
    json::ApiJson,
    routes::{eligibility::eligibility_window, payments::payment_window},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/objections", get(list).post(create))
        .route("/objections/{reference}", get(one))
}

/// `OB-00000042`: what a beneficiary quotes to customer service.
pub fn reference(id: i64) -> String {
    format!("OB-{id:08}")
}

type ObjectionRow = (
    String,
    String,
    Option<i64>,
    Option<String>,
    String,
    String,
    String,
    String,
);

const COLUMNS: &str = "reference, kind, cycle, member, reason, description, status, filed_on";

fn objection(
    (reference, kind, cycle, member, reason, description, status, filed_on): ObjectionRow,
) -> Objection {
    Objection {
        reference,
        kind,
        cycle: cycle.and_then(|cycle| u32::try_from(cycle).ok()),
        member,
        reason,
        description,
        status,
        filed_on,
    }
}

/// Newest first.
#[utoipa::path(get, path = "/objections", tag = "objections", operation_id = "list_objections",
    security(("session" = [])),
    responses(
        (status = 200, body = Vec<Objection>),
    ))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<Objection>>> {
    let rows: Vec<ObjectionRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM objections WHERE beneficiary_id = $1 ORDER BY id DESC"
    ))
    .bind(user.beneficiary_id)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(Json(rows.into_iter().map(objection).collect()))
}

#[utoipa::path(get, path = "/objections/{reference}", tag = "objections", operation_id = "get_objection",
    security(("session" = [])),
    params(("reference" = String, Path, pattern = r"^OB-[0-9]{8}$",
        description = "the objection's reference, e.g. `OB-00000042`; any other text is a 404")),
    responses(
        (status = 200, body = Objection),
        (status = 404, body = wire::ErrorBody, description = "not_found: no objection of this beneficiary has this reference"),
    ))]
pub async fn one(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(reference): Path<String>,
) -> ApiResult<Json<Objection>> {
    let row: Option<ObjectionRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM objections WHERE beneficiary_id = $1 AND reference = $2"
    ))
    .bind(user.beneficiary_id)
    .bind(&reference)
    .fetch_optional(&state.db.pool)
    .await?;
    row.map(objection).map(Json).ok_or_else(ApiError::not_found)
}

/// File an objection.
#[utoipa::path(post, path = "/objections", tag = "objections", operation_id = "create_objection",
    security(("session" = [])),
    request_body = NewObjection,
    params(("Idempotency-Key" = Option<String>, Header, pattern = r"^[!-~]{1,255}$",
        description = "makes a retry return the first answer; 1 to 255 visible ASCII characters (else 422 validation_failed, field `idempotency-key`, code `wrong_format`)")),
    responses(
        (status = 201, body = Objection, description = "filed (or the first answer to this Idempotency-Key)"),
        (status = 409, body = wire::ErrorBody, description = "already_open"),
        (status = 422, body = wire::ErrorBody, description = "validation_failed (`fields`: `unknown_value` for a cycle or member not in the beneficiary's records or a reason that does not apply, `required`, `too_long`, `control_character`, `wrong_format`), or, decided by the records: payment_not_paid, window_closed, not_ineligible; or idempotency_key_reused"),
    ))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddress,
    headers: HeaderMap,
    ApiJson(request): ApiJson<NewObjection>,
) -> ApiResult<Response> {
    let key = idempotency::key_from(&headers)?;
    let fingerprint = idempotency::fingerprint(&request)?;
    // One submission at a time in this process, so a double tap cannot race past the checks.
    let _turn = state.submissions.lock().await;
    if let Some(first) =
        idempotency::replay(&state, user.beneficiary_id, key.as_deref(), &fingerprint).await?
    {
        return Ok(first);
    }
    let accepted = validate(&state, &user, &request).await?;

    let today = state.clock.today().to_string();
    let mut transaction = state.db.pool.begin().await?;
    let inserted: Result<i64, sqlx::Error> = sqlx::query_scalar(
        "INSERT INTO objections (reference, beneficiary_id, kind, cycle, member, reason, description, status, filed_on) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'under_review', $8) RETURNING id",
    )
    .bind(format!("pending-{}", crate::auth::random_token()))
    .bind(user.beneficiary_id)
    .bind(&request.kind)
    .bind(accepted.cycle.map(i64::from))
    .bind(accepted.member.as_deref())
    .bind(&request.reason)
    .bind(&accepted.description)
    .bind(&today)
    .fetch_one(&mut *transaction)
    .await;
    let id = match inserted {
        Ok(id) => id,
        Err(error) if idempotency::is_unique_violation(&error) => return Err(already_open()),
        Err(error) => return Err(error.into()),
    };
    let filed = Objection {
        reference: reference(id),
        kind: request.kind.clone(),
        cycle: accepted.cycle,
        member: accepted.member.clone(),
        reason: request.reason.clone(),
        description: accepted.description.clone(),
        status: "under_review".to_owned(),
        filed_on: today,
    };
    sqlx::query("UPDATE objections SET reference = $1 WHERE id = $2")
        .bind(&filed.reference)
        .bind(id)
        .execute(&mut *transaction)
        .await?;
    let body = serde_json::to_string(&filed)?;
    let response = idempotency::commit(
        &state,
        transaction,
        user.beneficiary_id,
        key.as_deref(),
        &fingerprint,
        StatusCode::CREATED,
        body,
    )
    .await?;
    audit(
        &state,
        client,
        Some(&user.national_id),
        "objection_filed",
        &filed.reference,
    )
    .await?;
    Ok(response)
}

/// What passed validation, normalised.
struct Accepted {
    cycle: Option<u32>,
    member: Option<String>,
    description: String,
}

async fn validate(
    state: &AppState,
    user: &CurrentUser,
    request: &NewObjection,
) -> ApiResult<Accepted> {
    let mut fields = Vec::new();
    // Invisible-only text is `required`; control characters are refused; bidi overrides go.
    let description = match rules::text::clean(&request.description) {
        Ok(text) if text.chars().count() > OBJECTION_DESCRIPTION_MAX => {
            fields.push(field_error("description", codes::TOO_LONG));
            String::new()
        }
        Ok(text) => text,
        Err(error) => {
            fields.push(field_error("description", error.code()));
            String::new()
        }
    };
    match request.kind.as_str() {
        "financial" => {
            if !wire::FINANCIAL_OBJECTION_REASONS.contains(&request.reason.as_str()) {
                fields.push(field_error("reason", codes::UNKNOWN_VALUE));
            }
            let Some(cycle) = request.cycle else {
                fields.push(field_error("cycle", codes::REQUIRED));
                return Err(ApiError::invalid_fields(fields));
            };
            let payment: Option<(i64, String, i64, String)> = sqlx::query_as(
                "SELECT cycle, paid_on, amount_sar, status FROM payments WHERE beneficiary_id = $1 AND cycle = $2",
            )
            .bind(user.beneficiary_id)
            .bind(i64::from(cycle))
            .fetch_optional(&state.db.pool)
            .await?;
            let Some((_, paid_on, amount, status)) = payment else {
                fields.push(field_error("cycle", codes::UNKNOWN_VALUE));
                return Err(ApiError::invalid_fields(fields));
            };
            if !fields.is_empty() {
                return Err(ApiError::invalid_fields(fields));
            }
            let summary = wire::PaymentSummary {
                cycle,
                date: paid_on,
                amount,
                status,
            };
            let window = payment_window(state, user.beneficiary_id, &summary).await?;
            refuse_unless_allowed(&window)?;
            Ok(Accepted {
                cycle: Some(cycle),
                member: None,
                description,
            })
        }
        "eligibility" => {
            let latest: Option<(String, String)> = sqlx::query_as(
                "SELECT assessed_on, members_json FROM eligibility_results \
                 WHERE beneficiary_id = $1 ORDER BY assessed_on DESC, id DESC LIMIT 1",
            )
            .bind(user.beneficiary_id)
            .fetch_optional(&state.db.pool)
            .await?;
            let Some((assessed_on, members_json)) = latest else {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "not_ineligible",
                    "there is no result to object to",
                ));
            };
            let members: Vec<MemberEligibility> = serde_json::from_str(&members_json)?;
            let member = match request.member.as_deref() {
                None => {
                    fields.push(field_error("member", codes::REQUIRED));
                    None
                }
                Some(name) => match members.iter().find(|member| member.member == name) {
                    Some(member) => Some(member),
                    None => {
                        fields.push(field_error("member", codes::UNKNOWN_VALUE));
                        None
                    }
                },
            };
            if let Some(member) = member
                && !member.eligible
                && !member.reasons.contains(&request.reason)
            {
                fields.push(field_error("reason", codes::UNKNOWN_VALUE));
            }
            if !fields.is_empty() {
                return Err(ApiError::invalid_fields(fields));
            }
            let Some(member) = member else {
                return Err(ApiError::invalid_fields(fields));
            };
            if member.eligible {
                return Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "not_ineligible",
                    "this member is eligible: there is nothing to object to",
                ));
            }
            let window =
                eligibility_window(state, user.beneficiary_id, &assessed_on, &members).await?;
            refuse_unless_allowed(&window)?;
            Ok(Accepted {
                cycle: None,
                member: Some(member.member.clone()),
                description,
            })
        }
        _ => {
            fields.push(field_error("kind", codes::UNKNOWN_VALUE));
            Err(ApiError::invalid_fields(fields))
        }
    }
}

fn refuse_unless_allowed(window: &wire::ObjectionWindowView) -> ApiResult<()> {
    match window.reason.as_deref() {
        None if window.allowed => Ok(()),
        Some("already_open") => Err(already_open()),
        reason => {
            let code = reason.unwrap_or("window_closed");
            Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                code,
                format!("an objection is not possible here: {code}"),
            ))
        }
    }
}

fn already_open() -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        "already_open",
        "an objection on this is already under review",
    )
}
