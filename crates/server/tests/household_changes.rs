//! Household change requests («تحديث البيانات»): the household as the rules read it, each
//! kind of change, field codes for bad input (never a 5xx), another household's member, the
//! `Idempotency-Key` replay, and the limit of open requests under parallel filings from two
//! "processes" (two app states on one database), on SQLite and PostgreSQL.

mod support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use support::{TestResponse, TestServer, backends};
use wire::{HouseholdChange, HouseholdView, OPEN_HOUSEHOLD_CHANGES_MAX, codes};

/// Wife, a son and a daughter (demo data).
const FAMILY: &str = "1000000115";
/// Another household, with its own members.
const OTHER: &str = "1000000008";

const PATH: &str = "/api/v1/me/household-changes";

async fn file(server: &TestServer, cookie: &str, key: &str, body: Value) -> TestResponse {
    server
        .call(
            Method::POST,
            PATH,
            Some(body),
            Some(cookie),
            &[("idempotency-key", key)],
        )
        .await
}

/// The fields at fault, as `field:code`.
fn fields(response: &TestResponse) -> Vec<String> {
    let body: wire::ErrorBody = response.json();
    body.fields
        .iter()
        .map(|field| format!("{}:{}", field.field, field.code))
        .collect()
}

fn daughter() -> Value {
    json!({
        "kind": "add_dependent", "relation": "child", "sex": "female",
        "name": "  \u{202E}جنى ناصر العمري ", "birth_date": "١٤٤٧-٠١-٠٥",
        "calendar": "hijri", "nationality": "saudi",
    })
}

#[tokio::test]
async fn the_household_is_read_as_the_rules_see_it_with_each_members_sex() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let cookie = server.login(FAMILY).await;
        let household = server.get_as("/api/v1/me/household", &cookie).await;
        assert_eq!(household.status, StatusCode::OK, "{}", household.text());
        let household: HouseholdView = household.json();
        assert_eq!(household.monthly_income_sar, "3000.00");
        assert_eq!(household.applicant.calendar, "hijri");
        assert!(household.applicant.bank_account && household.applicant.iban_valid);
        let members: Vec<(&str, Option<&str>)> = household
            .members
            .iter()
            .map(|member| (member.relation.as_str(), member.sex.as_deref()))
            .collect();
        assert_eq!(
            members,
            [
                ("spouse", Some("female")),
                ("child", Some("male")),
                ("child", Some("female"))
            ]
        );
        // The eligibility result names the sex too, so the words can say الزوجة, ابن, ابنة.
        let eligibility: wire::EligibilityView =
            server.get_as("/api/v1/eligibility", &cookie).await.json();
        let sexes: Vec<Option<&str>> = eligibility
            .members
            .iter()
            .map(|member| member.sex.as_deref())
            .collect();
        assert_eq!(sexes, [None, Some("female"), Some("male"), Some("female")]);
        server.stop().await;
    }
}

#[tokio::test]
async fn each_kind_of_change_is_filed_under_review_with_a_reference() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let cookie = server.login(FAMILY).await;
        let today = server.state.clock.today();
        let applies = rules::payment_cycle::first_cycle_for_change(today).expect("a cycle");

        let added = file(&server, &cookie, "add-1", daughter()).await;
        assert_eq!(added.status, StatusCode::CREATED, "{}", added.text());
        let added: HouseholdChange = added.json();
        assert!(added.reference.starts_with("HC-") && added.reference.len() == 11);
        assert_eq!(added.status, "under_review");
        assert_eq!(added.submitted_on, today.to_string());
        assert_eq!(added.applies_from.number, applies.number);
        assert_eq!(added.applies_from.date, applies.date.to_string());
        // Normalised: bidi override gone, trimmed, ASCII digits.
        assert_eq!(added.name.as_deref(), Some("جنى ناصر العمري"));
        assert_eq!(added.birth_date.as_deref(), Some("1447-01-05"));
        assert_eq!(added.sex.as_deref(), Some("female"));

        let household: HouseholdView = server.get_as("/api/v1/me/household", &cookie).await.json();
        let son = household.members[1].id;
        let removed = file(
            &server,
            &cookie,
            "remove-1",
            json!({"kind": "remove_dependent", "member_id": son}),
        )
        .await;
        assert_eq!(removed.status, StatusCode::CREATED, "{}", removed.text());
        let removed: HouseholdChange = removed.json();
        assert_eq!(removed.member_id, Some(son));
        assert_eq!(
            removed.member_name_en.as_deref(),
            Some("Saeed Nasser Alamri")
        );

        let income = file(
            &server,
            &cookie,
            "income-1",
            json!({"kind": "income", "monthly_income_sar": "٢٥٠٠٠٫٥"}),
        )
        .await;
        assert_eq!(income.status, StatusCode::CREATED, "{}", income.text());
        let income: HouseholdChange = income.json();
        assert_eq!(income.monthly_income_sar.as_deref(), Some("25000.50"));
        let whole = file(
            &server,
            &cookie,
            "income-2",
            json!({"kind": "income", "monthly_income_sar": 0}),
        )
        .await;
        assert_eq!(whole.status, StatusCode::CREATED, "{}", whole.text());

        // Newest first; the records themselves are unchanged until the program decides.
        let listed: Vec<HouseholdChange> = server.get_as(PATH, &cookie).await.json();
        let references: Vec<&str> = listed.iter().map(|c| c.reference.as_str()).collect();
        let whole: HouseholdChange = whole.json();
        assert_eq!(
            references,
            [
                whole.reference.as_str(),
                income.reference.as_str(),
                removed.reference.as_str(),
                added.reference.as_str()
            ]
        );
        assert_eq!(listed[3], added);
        let after: HouseholdView = server.get_as("/api/v1/me/household", &cookie).await.json();
        assert_eq!(after, household);

        // Removing the same member again while the first request is open.
        let again = file(
            &server,
            &cookie,
            "remove-2",
            json!({"kind": "remove_dependent", "member_id": son}),
        )
        .await;
        assert_eq!(fields(&again), ["member_id:already_requested"]);
        server.stop().await;
    }
}

#[tokio::test]
async fn bad_input_is_422_with_field_codes_never_a_5xx() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let cookie = server.login(FAMILY).await;
        let with = |change: Value| {
            let mut body = daughter();
            if let (Some(body), Some(change)) = (body.as_object_mut(), change.as_object()) {
                for (key, value) in change {
                    body.insert(key.clone(), value.clone());
                }
            }
            body
        };
        let cases: Vec<(Value, Vec<&str>)> = vec![
            (json!({"kind": "rename"}), vec!["kind:unknown_value"]),
            (
                json!({"kind": "add_dependent"}),
                vec![
                    "relation:required",
                    "sex:required",
                    "name:required",
                    "calendar:required",
                    "nationality:required",
                    "birth_date:required",
                ],
            ),
            (
                with(json!({"relation": "cousin", "sex": "x", "nationality": "french"})),
                vec![
                    "relation:unknown_value",
                    "sex:unknown_value",
                    "nationality:unknown_value",
                ],
            ),
            (
                with(json!({"calendar": "julian"})),
                vec!["calendar:unknown_value"],
            ),
            (with(json!({"name": " \u{200B} "})), vec!["name:required"]),
            (
                with(json!({"name": "a\u{0}b"})),
                vec!["name:control_character"],
            ),
            (
                with(json!({"name": "a\nb"})),
                vec!["name:control_character"],
            ),
            (
                with(json!({"name": "ن".repeat(wire::MEMBER_NAME_MAX + 1)})),
                vec!["name:too_long"],
            ),
            (
                with(json!({"birth_date": "1447-13-01"})),
                vec!["birth_date:bad_date"],
            ),
            (
                with(json!({"birth_date": "5/1/1447"})),
                vec!["birth_date:bad_date"],
            ),
            (
                with(json!({"birth_date": "1500-01-01"})),
                vec!["birth_date:birth_in_future"],
            ),
            (
                with(json!({"birth_date": "2090-01-01", "calendar": "gregorian"})),
                vec!["birth_date:birth_in_future"],
            ),
            (
                with(json!({"birth_date": "0900-01-01"})),
                vec!["birth_date:out_of_range"],
            ),
            (
                json!({"kind": "remove_dependent"}),
                vec!["member_id:required"],
            ),
            (
                json!({"kind": "remove_dependent", "member_id": 999_999_999}),
                vec!["member_id:unknown_value"],
            ),
            (
                json!({"kind": "income"}),
                vec!["monthly_income_sar:required"],
            ),
            (
                json!({"kind": "income", "monthly_income_sar": " "}),
                vec!["monthly_income_sar:required"],
            ),
            (
                json!({"kind": "income", "monthly_income_sar": -5}),
                vec!["monthly_income_sar:negative_income"],
            ),
            (
                json!({"kind": "income", "monthly_income_sar": "100.123"}),
                vec!["monthly_income_sar:too_much_precision"],
            ),
            (
                json!({"kind": "income", "monthly_income_sar": "4,500"}),
                vec!["monthly_income_sar:bad_amount"],
            ),
            (
                json!({"kind": "income", "monthly_income_sar": "1000000.01"}),
                vec!["monthly_income_sar:too_large"],
            ),
            (
                json!({"kind": "income", "monthly_income_sar": i64::MAX}),
                vec!["monthly_income_sar:bad_amount"],
            ),
            (
                json!({"kind": "income", "monthly_income_sar": "3000"}),
                vec!["monthly_income_sar:unchanged"],
            ),
        ];
        for (index, (body, expected)) in cases.into_iter().enumerate() {
            let response = file(&server, &cookie, &format!("bad-{index}"), body.clone()).await;
            assert_eq!(
                response.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{body}: {}",
                response.text()
            );
            assert_eq!(response.code(), codes::VALIDATION_FAILED, "{body}");
            assert_eq!(fields(&response), expected, "{body}");
        }
        // Shapes the JSON reader refuses: 400, still not a 5xx.
        for body in [
            json!({"kind": "remove_dependent", "member_id": "abc"}),
            json!({"kind": "income", "monthly_income_sar": 4500.5}),
            json!({"relation": "child"}),
        ] {
            let response = file(&server, &cookie, "shape", body.clone()).await;
            assert_eq!(response.status, StatusCode::BAD_REQUEST, "{body}");
        }
        // The key is required, and of the objections' form.
        let no_key = server
            .call(Method::POST, PATH, Some(daughter()), Some(&cookie), &[])
            .await;
        assert_eq!(fields(&no_key), ["idempotency-key:required"]);
        let bad_key = server
            .call(
                Method::POST,
                PATH,
                Some(daughter()),
                Some(&cookie),
                &[("idempotency-key", "has space")],
            )
            .await;
        assert_eq!(fields(&bad_key), ["idempotency-key:wrong_format"]);
        // Nothing was filed.
        let listed: Vec<HouseholdChange> = server.get_as(PATH, &cookie).await.json();
        assert!(listed.is_empty());
        server.stop().await;
    }
}

#[tokio::test]
async fn another_households_member_cannot_be_removed() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let other = server.login(OTHER).await;
        let theirs: HouseholdView = server.get_as("/api/v1/me/household", &other).await.json();
        let cookie = server.login(FAMILY).await;
        let response = file(
            &server,
            &cookie,
            "foreign",
            json!({"kind": "remove_dependent", "member_id": theirs.members[0].id}),
        )
        .await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(fields(&response), ["member_id:unknown_value"]);
        assert!(!response.text().contains(&theirs.members[0].name_en));
        server.stop().await;
    }
}

#[tokio::test]
async fn a_retry_with_the_same_key_gets_the_first_answer() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let cookie = server.login(FAMILY).await;
        let (first, second) = tokio::join!(
            file(&server, &cookie, "same", daughter()),
            file(&server, &cookie, "same", daughter())
        );
        assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
        assert_eq!(second.status, StatusCode::CREATED);
        assert_eq!(first.body, second.body);
        let later = file(&server, &cookie, "same", daughter()).await;
        assert_eq!(later.body, first.body);
        let reused = file(
            &server,
            &cookie,
            "same",
            json!({"kind": "income", "monthly_income_sar": "4000"}),
        )
        .await;
        assert_eq!(reused.code(), codes::IDEMPOTENCY_KEY_REUSED);
        let listed: Vec<HouseholdChange> = server.get_as(PATH, &cookie).await.json();
        assert_eq!(listed.len(), 1);
        server.stop().await;
    }
}

#[tokio::test]
async fn the_limit_of_open_requests_holds_under_parallel_filings() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let cookie = server.login(FAMILY).await;
        // A second "process": its own submission turn, the same database.
        let other_process = server::app(server::AppState {
            submissions: Default::default(),
            ..server.state.clone()
        });
        let attempts = OPEN_HOUSEHOLD_CHANGES_MAX * 2 + 2;
        let requests = (0..attempts).map(|index| {
            let cookie = cookie.clone();
            let app = if index % 2 == 0 {
                server.app.clone()
            } else {
                other_process.clone()
            };
            async move {
                use tower::ServiceExt;
                let request = axum::http::Request::post(PATH)
                    .header("content-type", "application/json")
                    .header("cookie", cookie)
                    .header("idempotency-key", format!("parallel-{index}"))
                    .body(axum::body::Body::from(
                        json!({"kind": "income", "monthly_income_sar": 4000 + index}).to_string(),
                    ))
                    .expect("request");
                let response = app.oneshot(request).await.expect("an answer");
                let status = response.status();
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .expect("body")
                    .to_bytes();
                (status, String::from_utf8_lossy(&body).into_owned())
            }
        });
        let answers = futures::future::join_all(requests).await;
        let created = answers
            .iter()
            .filter(|(status, _)| *status == StatusCode::CREATED)
            .count();
        assert_eq!(created, OPEN_HOUSEHOLD_CHANGES_MAX, "{answers:?}");
        for (status, body) in &answers {
            assert!(
                *status == StatusCode::CREATED
                    || (*status == StatusCode::CONFLICT && body.contains("too_many_open_changes")),
                "{status} {body}"
            );
        }
        let listed: Vec<HouseholdChange> = server.get_as(PATH, &cookie).await.json();
        assert_eq!(listed.len(), OPEN_HOUSEHOLD_CHANGES_MAX);
        // A decision frees a place.
        sqlx::query("UPDATE household_changes SET status = 'accepted' WHERE reference = $1")
            .bind(&listed[0].reference)
            .execute(&server.db.pool)
            .await
            .expect("a decision");
        let next = file(
            &server,
            &cookie,
            "after-decision",
            json!({"kind": "income", "monthly_income_sar": 3999}),
        )
        .await;
        assert_eq!(next.status, StatusCode::CREATED, "{}", next.text());
        let listed: Vec<HouseholdChange> = server.get_as(PATH, &cookie).await.json();
        assert_eq!(listed[1].status, "accepted");
        server.stop().await;
    }
}

#[tokio::test]
async fn every_household_endpoint_needs_a_session() {
    let server = TestServer::start_demo(support::Backend::Sqlite).await;
    for (method, path) in [
        (Method::GET, "/api/v1/me/household"),
        (Method::GET, PATH),
        (Method::POST, PATH),
    ] {
        let body = (method == Method::POST).then(daughter);
        let response = server
            .call(
                method.clone(),
                path,
                body,
                None,
                &[("idempotency-key", "k")],
            )
            .await;
        assert_eq!(response.status, StatusCode::UNAUTHORIZED, "{method} {path}");
        assert_eq!(response.code(), codes::UNAUTHENTICATED);
    }
    let document: Value = server.get("/api/v1/openapi.json").await.json();
    for path in ["/me/household", "/me/household-changes"] {
        assert!(document["paths"].get(path).is_some(), "{path}");
    }
    server.stop().await;
}
