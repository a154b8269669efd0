//! The household as the rules read it (`GET /me/household`) and the change requests a
//! beneficiary files on it («تحديث البيانات»): add or remove a dependent, change the monthly
//! income. The app previews a change with the shared rules; the server checks it again with
//! the same rules (dates, the money rule, the text rule, and that the changed household can be
//! assessed), keeps it under review with a reference and the first payment it would apply to
//! (`rules::payment_cycle::first_cycle_for_change`). Nothing in the records changes until the
//! program accepts it. A retry with the same `Idempotency-Key` gets the first answer.

use axum::{
    Json, Router,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::Response,
    routing::get,
};
use rules::{
    Date, Halalas,
    age::{self, BirthDate},
    dates::Calendar,
    eligibility::{Dependent, Nationality, Relation, Sex},
    money::SarAmount,
};
use wire::{
    ChangeAppliesFrom, FieldError, HOUSEHOLD_INCOME_MAX_SAR, HouseholdApplicant, HouseholdChange,
    HouseholdMember, HouseholdView, IDEMPOTENCY_KEY_HEADER, MEMBER_NAME_MAX, NewHouseholdChange,
    OPEN_HOUSEHOLD_CHANGES_MAX, codes,
};

use crate::{
    AppState,
    audit::audit,
    auth::CurrentUser,
    client::ClientAddress,
    error::{ApiError, ApiResult, field_error},
    household::{self, HouseholdRecord},
    idempotency,
    json::ApiJson,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/household", get(household_view))
        .route("/me/household-changes", get(list).post(create))
}

/// `HC-00000042`: what a beneficiary quotes to customer service.
pub fn reference(id: i64) -> String {
    format!("HC-{id:08}")
}

/// The error code of a household with as many requests under review as allowed.
pub const TOO_MANY_OPEN_CHANGES: &str = "too_many_open_changes";
/// The field code of a member an open request already removes.
pub const ALREADY_REQUESTED: &str = "already_requested";
/// The field code of an income equal to the recorded one.
pub const UNCHANGED: &str = "unchanged";
/// The field code of an income above [`HOUSEHOLD_INCOME_MAX_SAR`].
pub const TOO_LARGE: &str = "too_large";

/// The scope of the row that makes two filings of one household count one after the other.
const LOCK_SCOPE: &str = "household_changes";

/// A birth date's two fields as one date and its calendar.
fn recorded_date(gregorian: &Option<String>, hijri: &Option<String>) -> (String, String) {
    let (date, calendar) = match (gregorian, hijri) {
        (_, Some(hijri)) => (hijri.clone(), Calendar::Hijri),
        (Some(gregorian), None) => (gregorian.clone(), Calendar::Gregorian),
        (None, None) => (String::new(), Calendar::Gregorian),
    };
    (date, calendar.code().to_owned())
}

/// The records as the wire shows them.
pub fn view_of(record: &HouseholdRecord) -> HouseholdView {
    let applicant = &record.applicant;
    let (birth_date, calendar) = recorded_date(&applicant.birth_date, &applicant.birth_date_hijri);
    HouseholdView {
        applicant: HouseholdApplicant {
            name_ar: record.applicant_name_ar.clone(),
            name_en: record.applicant_name_en.clone(),
            kind: applicant.kind.code().to_owned(),
            birth_date,
            calendar,
            nationality: applicant.nationality.code().to_owned(),
            resident_last_3_months: applicant.resident_last_3_months,
            detained_or_sheltered: applicant.detained_or_sheltered,
            bank_account: applicant.bank_account,
            iban_valid: applicant
                .iban
                .as_deref()
                .is_none_or(|iban| rules::iban::validate(iban).is_ok()),
            housing_proof: applicant.housing_proof,
        },
        members: record
            .dependents
            .iter()
            .map(|recorded| {
                let dependent = &recorded.dependent;
                let (birth_date, calendar) =
                    recorded_date(&dependent.birth_date, &dependent.birth_date_hijri);
                HouseholdMember {
                    id: recorded.id,
                    relation: dependent.relation.code().to_owned(),
                    sex: recorded.sex.clone(),
                    name_ar: recorded.name_ar.clone(),
                    name_en: recorded.name_en.clone(),
                    birth_date,
                    calendar,
                    nationality: dependent.nationality.code().to_owned(),
                }
            })
            .collect(),
        monthly_income_sar: Halalas(record.monthly_income_halalas).to_string(),
        commercial_registration: record.commercial_registration,
    }
}

/// The household as recorded today.
#[utoipa::path(get, path = "/me/household", tag = "household", operation_id = "get_household",
    security(("session" = [])),
    responses(
        (status = 200, body = HouseholdView),
    ))]
pub async fn household_view(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<HouseholdView>> {
    let record = household::load(&state.db.pool, user.beneficiary_id, state.clock.today()).await?;
    Ok(Json(view_of(&record)))
}

type ChangeRow = (String, String, String);

fn change_of((reference, status, details): ChangeRow) -> ApiResult<HouseholdChange> {
    let mut change: HouseholdChange = serde_json::from_str(&details)?;
    change.reference = reference;
    change.status = status;
    Ok(change)
}

async fn changes(
    state: &AppState,
    beneficiary_id: i64,
    open_only: bool,
) -> ApiResult<Vec<HouseholdChange>> {
    let filter = if open_only {
        " AND status = 'under_review'"
    } else {
        ""
    };
    let rows: Vec<ChangeRow> = sqlx::query_as(&format!(
        "SELECT reference, status, details_json FROM household_changes \
         WHERE beneficiary_id = $1{filter} ORDER BY id DESC"
    ))
    .bind(beneficiary_id)
    .fetch_all(&state.db.pool)
    .await?;
    rows.into_iter().map(change_of).collect()
}

/// The household's change requests, newest first.
#[utoipa::path(get, path = "/me/household-changes", tag = "household", operation_id = "list_household_changes",
    security(("session" = [])),
    responses(
        (status = 200, body = Vec<HouseholdChange>),
    ))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<HouseholdChange>>> {
    Ok(Json(changes(&state, user.beneficiary_id, false).await?))
}

/// File a change request.
#[utoipa::path(post, path = "/me/household-changes", tag = "household", operation_id = "create_household_change",
    security(("session" = [])),
    request_body = NewHouseholdChange,
    params(("Idempotency-Key" = String, Header, pattern = r"^[!-~]{1,255}$",
        description = "required: makes a retry return the first answer; 1 to 255 visible ASCII characters (else 422 validation_failed, field `idempotency-key`, code `required` or `wrong_format`)")),
    responses(
        (status = 201, body = HouseholdChange, description = "filed, under review (or the first answer to this Idempotency-Key)"),
        (status = 409, body = wire::ErrorBody, description = "too_many_open_changes: the household already has 5 requests under review"),
        (status = 422, body = wire::ErrorBody, description = "validation_failed (`fields`: `required`, `unknown_value` (a kind, relation, sex, calendar or nationality not listed, or a member not of this household), `already_requested`, `too_long`, `control_character`, the age rule's `bad_date`, `out_of_range`, `birth_in_future`, the money rule's `negative_income`, `too_much_precision`, `bad_amount`, `too_large`, `unchanged`), or idempotency_key_reused"),
    ))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    client: ClientAddress,
    headers: HeaderMap,
    ApiJson(request): ApiJson<NewHouseholdChange>,
) -> ApiResult<Response> {
    let Some(key) = idempotency::key_from(&headers)? else {
        return Err(ApiError::invalid_field(
            IDEMPOTENCY_KEY_HEADER,
            codes::REQUIRED,
        ));
    };
    let fingerprint = idempotency::fingerprint(&request)?;
    // One submission at a time in this process, so a double tap cannot race past the checks.
    let _turn = state.submissions.lock().await;
    if let Some(first) =
        idempotency::replay(&state, user.beneficiary_id, Some(&key), &fingerprint).await?
    {
        return Ok(first);
    }
    let today = state.clock.today();
    let record = household::load(&state.db.pool, user.beneficiary_id, today).await?;
    let open = changes(&state, user.beneficiary_id, true).await?;
    let mut change = validate(&record, &request, today, &open)?;
    let applies = rules::payment_cycle::first_cycle_for_change(today)
        .map_err(|error| anyhow::anyhow!("no payment after {today}: {error}"))?;
    change.status = "under_review".to_owned();
    change.submitted_on = today.to_string();
    change.applies_from = ChangeAppliesFrom {
        number: applies.number,
        date: applies.date.to_string(),
    };

    let now = state.clock.now();
    let mut transaction = state.db.pool.begin().await?;
    // Writing the household's row first makes two filings (in any process) count one after
    // the other: on PostgreSQL it locks the row, on SQLite it takes the write lock.
    sqlx::query(
        "INSERT INTO rate_subjects (scope, subject, touched) VALUES ($1, $2, $3) \
         ON CONFLICT (scope, subject) DO UPDATE SET touched = excluded.touched",
    )
    .bind(LOCK_SCOPE)
    .bind(user.beneficiary_id.to_string())
    .bind(now)
    .execute(&mut *transaction)
    .await?;
    let under_review: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM household_changes WHERE beneficiary_id = $1 AND status = 'under_review'",
    )
    .bind(user.beneficiary_id)
    .fetch_one(&mut *transaction)
    .await?;
    if under_review >= OPEN_HOUSEHOLD_CHANGES_MAX as i64 {
        transaction.rollback().await?;
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            TOO_MANY_OPEN_CHANGES,
            format!(
                "{OPEN_HOUSEHOLD_CHANGES_MAX} requests are already under review: wait for a decision"
            ),
        ));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO household_changes (reference, beneficiary_id, kind, details_json, status, \
         submitted_on, applies_from_cycle, created_at) \
         VALUES ($1, $2, $3, '{}', 'under_review', $4, $5, $6) RETURNING id",
    )
    .bind(format!("pending-{}", crate::auth::random_token()))
    .bind(user.beneficiary_id)
    .bind(&change.kind)
    .bind(&change.submitted_on)
    .bind(i64::from(applies.number))
    .bind(now)
    .fetch_one(&mut *transaction)
    .await?;
    change.reference = reference(id);
    let body = serde_json::to_string(&change)?;
    sqlx::query("UPDATE household_changes SET reference = $1, details_json = $2 WHERE id = $3")
        .bind(&change.reference)
        .bind(&body)
        .bind(id)
        .execute(&mut *transaction)
        .await?;
    let response = idempotency::commit(
        &state,
        transaction,
        user.beneficiary_id,
        Some(&key),
        &fingerprint,
        StatusCode::CREATED,
        body,
    )
    .await?;
    audit(
        &state,
        client,
        Some(&user.national_id),
        "household_change_filed",
        &change.reference,
    )
    .await?;
    Ok(response)
}

/// An empty request of `kind`, filled by [`validate`].
fn blank(kind: &str) -> HouseholdChange {
    HouseholdChange {
        reference: String::new(),
        kind: kind.to_owned(),
        status: String::new(),
        submitted_on: String::new(),
        applies_from: ChangeAppliesFrom {
            number: 0,
            date: String::new(),
        },
        relation: None,
        sex: None,
        name: None,
        birth_date: None,
        calendar: None,
        nationality: None,
        member_id: None,
        member_name_ar: None,
        member_name_en: None,
        monthly_income_sar: None,
    }
}

/// One of `allowed`, or the field's code.
fn one_of<T>(
    fields: &mut Vec<FieldError>,
    field: &str,
    value: Option<&str>,
    from_code: fn(&str) -> Option<T>,
) -> Option<T> {
    match value.map(from_code) {
        None => fields.push(field_error(field, codes::REQUIRED)),
        Some(Some(value)) => return Some(value),
        Some(None) => fields.push(field_error(field, codes::UNKNOWN_VALUE)),
    }
    None
}

/// A name: the text rule, one line, at most [`MEMBER_NAME_MAX`] characters.
fn member_name(fields: &mut Vec<FieldError>, name: Option<&str>) -> Option<String> {
    let code = match name.map(rules::text::clean) {
        None => codes::REQUIRED,
        Some(Err(error)) => error.code(),
        Some(Ok(name)) if name.contains(['\n', '\r', '\t']) => codes::CONTROL_CHARACTER,
        Some(Ok(name)) if name.chars().count() > MEMBER_NAME_MAX => codes::TOO_LONG,
        Some(Ok(name)) => return Some(name),
    };
    fields.push(field_error("name", code));
    None
}

/// What the request asks, normalised and checked with the shared rules against the
/// household as recorded on `today`; or every field at fault.
pub fn validate(
    record: &HouseholdRecord,
    request: &NewHouseholdChange,
    today: Date,
    open: &[HouseholdChange],
) -> ApiResult<HouseholdChange> {
    let mut fields = Vec::new();
    let mut household = record.household_on(today);
    let (mut change, field_of_assessment) = match request.kind.as_str() {
        "add_dependent" => {
            let relation = one_of(
                &mut fields,
                "relation",
                request.relation.as_deref(),
                Relation::from_code,
            );
            let sex = one_of(&mut fields, "sex", request.sex.as_deref(), Sex::from_code);
            let name = member_name(&mut fields, request.name.as_deref());
            let calendar = one_of(
                &mut fields,
                "calendar",
                request.calendar.as_deref(),
                Calendar::from_code,
            );
            let nationality = one_of(
                &mut fields,
                "nationality",
                request.nationality.as_deref(),
                Nationality::from_code,
            );
            let birth_date = request
                .birth_date
                .as_deref()
                .map(rules::normalize::typed_digits)
                .filter(|date| !date.is_empty());
            let birth = match (&birth_date, calendar) {
                (None, _) => {
                    fields.push(field_error("birth_date", codes::REQUIRED));
                    None
                }
                (Some(date), Some(calendar)) => {
                    let (gregorian, hijri) = calendar.fields(date.as_str());
                    match BirthDate::from_fields(gregorian, hijri)
                        .and_then(|birth| age::years(birth, today))
                    {
                        Ok(_) => Some((gregorian.map(str::to_owned), hijri.map(str::to_owned))),
                        Err(error) => {
                            fields.push(field_error("birth_date", error.code()));
                            None
                        }
                    }
                }
                // The calendar's own error says enough.
                (Some(_), None) => None,
            };
            if let (
                Some(relation),
                Some(sex),
                Some(name),
                Some((gregorian, hijri)),
                Some(calendar),
                Some(nationality),
                true,
            ) = (
                relation,
                sex,
                name,
                birth,
                calendar,
                nationality,
                fields.is_empty(),
            ) {
                household.dependents.push(Dependent {
                    relation,
                    birth_date: gregorian,
                    birth_date_hijri: hijri,
                    nationality,
                });
                let mut change = blank("add_dependent");
                change.relation = Some(relation.code().to_owned());
                change.sex = Some(sex.code().to_owned());
                change.name = Some(name);
                change.birth_date = birth_date;
                change.calendar = Some(calendar.code().to_owned());
                change.nationality = Some(nationality.code().to_owned());
                (change, "birth_date")
            } else {
                return Err(ApiError::invalid_fields(fields));
            }
        }
        "remove_dependent" => {
            let Some(member_id) = request.member_id else {
                return Err(ApiError::invalid_field("member_id", codes::REQUIRED));
            };
            // Another household's member is no member of this one: the same answer as none.
            let Some(position) = record
                .dependents
                .iter()
                .position(|recorded| recorded.id == member_id)
            else {
                return Err(ApiError::invalid_field("member_id", codes::UNKNOWN_VALUE));
            };
            if open.iter().any(|change| {
                change.kind == "remove_dependent" && change.member_id == Some(member_id)
            }) {
                return Err(ApiError::invalid_field("member_id", ALREADY_REQUESTED));
            }
            let member = &record.dependents[position];
            household.dependents.remove(position);
            let mut change = blank("remove_dependent");
            change.member_id = Some(member_id);
            change.member_name_ar = Some(member.name_ar.clone());
            change.member_name_en = Some(member.name_en.clone());
            (change, "member_id")
        }
        "income" => {
            const FIELD: &str = "monthly_income_sar";
            let income = match &request.monthly_income_sar {
                None => Err(codes::REQUIRED),
                Some(SarAmount::Text(text)) if text.trim().is_empty() => Err(codes::REQUIRED),
                Some(amount) => amount.to_halalas().map_err(|error| error.code()),
            };
            let income = match income {
                Ok(income) if income > Halalas::from_sar(HOUSEHOLD_INCOME_MAX_SAR) => {
                    Err(TOO_LARGE)
                }
                Ok(income) if income.0 == record.monthly_income_halalas => Err(UNCHANGED),
                other => other,
            };
            let income = income.map_err(|code| ApiError::invalid_field(FIELD, code))?;
            household.monthly_income = SarAmount::from(income);
            let mut change = blank("income");
            change.monthly_income_sar = Some(income.to_string());
            (change, FIELD)
        }
        _ => return Err(ApiError::invalid_field("kind", codes::UNKNOWN_VALUE)),
    };
    // The changed household must be one the rules can assess and estimate.
    let assessment = rules::assess(&household)
        .map_err(|error| ApiError::invalid_field(field_of_assessment, error.code()))?;
    rules::estimate(&assessment)
        .map_err(|error| anyhow::anyhow!("no parameters for {today}: {error}"))?;
    change.status = "under_review".to_owned();
    Ok(change)
}
