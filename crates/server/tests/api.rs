//! Every endpoint and every error code of `/api/v1`, over HTTP semantics, on SQLite and on
//! PostgreSQL. Accounts are the demo households (README); the clock is moved to see codes,
//! locks and sessions expire.

mod support;

use axum::http::{Method, StatusCode};
use serde_json::json;
use support::{TestServer, backends};
use wire::codes;

const FAMILY: &str = "1000000008";
const NO_BANK_ACCOUNT: &str = "1000000040";
const PROCESSING: &str = "1000000065";
const OPEN_OBJECTION: &str = "1000000073";

async fn start_session(
    server: &TestServer,
    national_id: &str,
    password: &str,
) -> support::TestResponse {
    server
        .post(
            "/api/v1/session",
            json!({"national_id": national_id, "password": password}),
            None,
        )
        .await
}

#[tokio::test]
async fn sign_in_with_password_and_code_opens_a_strict_session() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        // Arabic-Indic digits are what an Arabic keyboard types.
        let started = start_session(&server, "١٠٠٠٠٠٠٠٠٨", "Demo@2026").await;
        assert_eq!(started.status, StatusCode::OK, "{backend:?}");
        let challenge: wire::ChallengeSent = started.json();
        assert_eq!(challenge.masked_mobile, "05******67");
        assert_eq!(challenge.expires_in_seconds, 300);
        let code = server.last_code(FAMILY).await;
        let verified = server
            .post(
                "/api/v1/session/verify",
                json!({"challenge_id": challenge.challenge_id, "code": code}),
                None,
            )
            .await;
        assert_eq!(verified.status, StatusCode::OK);
        let cookie = verified.header("set-cookie");
        assert!(
            cookie.starts_with("__Host-portal_session="),
            "a __Host- cookie: {cookie}"
        );
        for part in ["; Path=/", "; Secure", "; HttpOnly", "; SameSite=Strict"] {
            assert!(cookie.contains(part), "{cookie}");
        }
        assert!(!cookie.contains("Max-Age"), "a session cookie: {cookie}");
        assert!(!cookie.contains("Domain"), "{cookie}");
        let me: wire::Me = server.get_as("/api/v1/me", &verified.cookie()).await.json();
        assert_eq!(me.national_id, FAMILY);
        assert_eq!(me.session.idle_expires_in_seconds, 900);
        // The same code cannot open a second session.
        let again = server
            .post(
                "/api/v1/session/verify",
                json!({"challenge_id": challenge.challenge_id, "code": code}),
                None,
            )
            .await;
        assert_eq!(again.code(), codes::CODE_EXPIRED);
        server.stop().await;
    }
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_id_get_the_same_answer() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let wrong = start_session(&server, FAMILY, "wrong").await;
        let unknown = start_session(&server, "1234567897", "Demo@2026").await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert_eq!(wrong.status, unknown.status);
        assert_eq!(wrong.body, unknown.body);
        assert_eq!(wrong.code(), codes::INVALID_CREDENTIALS);
        server.stop().await;
    }
}

#[tokio::test]
async fn bad_input_names_the_field_and_the_rules_code() {
    let server = TestServer::start_demo(support::Backend::Sqlite).await;
    let response = start_session(&server, "1000000000", "").await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body: wire::ErrorBody = response.json();
    assert_eq!(body.code, codes::VALIDATION_FAILED);
    let fields: Vec<(String, String)> =
        body.fields.into_iter().map(|f| (f.field, f.code)).collect();
    assert_eq!(
        fields,
        vec![
            ("national_id".to_owned(), "bad_checksum".to_owned()),
            ("password".to_owned(), codes::REQUIRED.to_owned())
        ]
    );
    let letters = start_session(&server, "10000a0008", "x").await;
    assert_eq!(
        letters.json::<wire::ErrorBody>().fields[0].code,
        "not_digits"
    );
    server.stop().await;
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_id_for_fifteen_minutes() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        for attempt in 1..=4 {
            let response = start_session(&server, FAMILY, "wrong").await;
            assert_eq!(
                response.code(),
                codes::INVALID_CREDENTIALS,
                "attempt {attempt}"
            );
        }
        let fifth = start_session(&server, FAMILY, "wrong").await;
        assert_eq!(fifth.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(fifth.code(), codes::LOCKED);
        let locked = start_session(&server, FAMILY, "Demo@2026").await;
        assert_eq!(
            locked.code(),
            codes::LOCKED,
            "even the right password waits"
        );
        let body: wire::ErrorBody = locked.json();
        let retry = body.retry_after_seconds.expect("says when to try again");
        assert!(retry > 800 && retry <= 900, "{retry}");
        assert_eq!(locked.header("retry-after"), retry.to_string());
        server.state.clock.advance(901);
        assert_eq!(
            start_session(&server, FAMILY, "Demo@2026").await.status,
            StatusCode::OK
        );
        server.stop().await;
    }
}

#[tokio::test]
async fn unknown_ids_lock_the_same_way() {
    let server = TestServer::start_demo(support::Backend::Sqlite).await;
    for _ in 0..4 {
        start_session(&server, "1234567897", "x").await;
    }
    assert_eq!(
        start_session(&server, "1234567897", "x").await.code(),
        codes::LOCKED
    );
    server.stop().await;
}

#[tokio::test]
async fn three_wrong_codes_end_the_attempt() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let challenge: wire::ChallengeSent =
            start_session(&server, FAMILY, "Demo@2026").await.json();
        let right = server.last_code(FAMILY).await;
        let wrong = if right == "000000" {
            "111111"
        } else {
            "000000"
        };
        let verify = |code: &str| {
            server.post(
                "/api/v1/session/verify",
                json!({"challenge_id": challenge.challenge_id, "code": code}),
                None,
            )
        };
        let first = verify(wrong).await;
        assert_eq!(first.code(), codes::INVALID_CODE);
        assert_eq!(first.json::<wire::ErrorBody>().tries_left, Some(2));
        assert_eq!(
            verify(wrong).await.json::<wire::ErrorBody>().tries_left,
            Some(1)
        );
        assert_eq!(verify(wrong).await.code(), codes::TOO_MANY_ATTEMPTS);
        assert_eq!(verify(&right).await.code(), codes::TOO_MANY_ATTEMPTS);
        let malformed = verify("12ab").await;
        assert_eq!(malformed.status, StatusCode::UNPROCESSABLE_ENTITY);
        server.stop().await;
    }
}

#[tokio::test]
async fn a_code_expires_after_five_minutes_and_a_resend_replaces_it() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let challenge: wire::ChallengeSent =
            start_session(&server, FAMILY, "Demo@2026").await.json();
        let first_code = server.last_code(FAMILY).await;
        let resend = || {
            server.post(
                "/api/v1/session/resend",
                json!({"challenge_id": challenge.challenge_id}),
                None,
            )
        };
        let too_soon = resend().await;
        assert_eq!(too_soon.code(), codes::RESEND_TOO_SOON);
        assert!(
            too_soon
                .json::<wire::ErrorBody>()
                .retry_after_seconds
                .is_some()
        );
        server.state.clock.advance(301);
        let expired = server
            .post(
                "/api/v1/session/verify",
                json!({"challenge_id": challenge.challenge_id, "code": first_code}),
                None,
            )
            .await;
        assert_eq!(expired.code(), codes::CODE_EXPIRED);
        assert_eq!(resend().await.status, StatusCode::OK);
        let second_code = server.last_code(FAMILY).await;
        // Arabic-Indic digits in the code are accepted too.
        let arabic: String = second_code
            .chars()
            .map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
            .collect();
        let verified = server
            .post(
                "/api/v1/session/verify",
                json!({"challenge_id": challenge.challenge_id, "code": arabic}),
                None,
            )
            .await;
        assert_eq!(verified.status, StatusCode::OK, "{}", verified.text());
        let unknown = server
            .post(
                "/api/v1/session/resend",
                json!({"challenge_id": "nope"}),
                None,
            )
            .await;
        assert_eq!(unknown.code(), codes::CODE_EXPIRED);
        server.stop().await;
    }
}

#[tokio::test]
async fn sessions_end_when_idle_for_fifteen_minutes_unless_extended() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let cookie = server.login(FAMILY).await;
        server.state.clock.advance(14 * 60);
        let extended = server
            .call(
                Method::POST,
                "/api/v1/session/extend",
                None,
                Some(&cookie),
                &[],
            )
            .await;
        assert_eq!(extended.status, StatusCode::OK);
        let info: wire::SessionInfo = extended.json();
        assert_eq!(info.idle_expires_in_seconds, 900);
        server.state.clock.advance(14 * 60);
        assert_eq!(
            server.get_as("/api/v1/me", &cookie).await.status,
            StatusCode::OK
        );
        server.state.clock.advance(15 * 60 + 1);
        let expired = server.get_as("/api/v1/me", &cookie).await;
        assert_eq!(expired.status, StatusCode::UNAUTHORIZED);
        assert_eq!(expired.code(), codes::UNAUTHENTICATED);
        server.stop().await;
    }
}

#[tokio::test]
async fn sessions_end_eight_hours_after_login_whatever_happens() {
    let server = TestServer::start_demo(support::Backend::Sqlite).await;
    let cookie = server.login(FAMILY).await;
    for _ in 0..40 {
        server.state.clock.advance(12 * 60);
        server
            .call(
                Method::POST,
                "/api/v1/session/extend",
                None,
                Some(&cookie),
                &[],
            )
            .await;
    }
    assert_eq!(
        server.get_as("/api/v1/me", &cookie).await.code(),
        codes::UNAUTHENTICATED
    );
    server.stop().await;
}

#[tokio::test]
async fn signing_out_ends_the_session_and_clears_the_cookie() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let cookie = server.login(FAMILY).await;
        let ended = server
            .call(Method::DELETE, "/api/v1/session", None, Some(&cookie), &[])
            .await;
        assert_eq!(ended.status, StatusCode::NO_CONTENT);
        assert!(ended.header("set-cookie").contains("Max-Age=0"));
        assert_eq!(
            server.get_as("/api/v1/me", &cookie).await.status,
            StatusCode::UNAUTHORIZED
        );
        server.stop().await;
    }
}

#[tokio::test]
async fn every_personal_endpoint_needs_a_session() {
    let server = TestServer::start_demo(support::Backend::Sqlite).await;
    for path in [
        "/api/v1/me",
        "/api/v1/eligibility",
        "/api/v1/payments",
        "/api/v1/payments/1",
        "/api/v1/objections",
        "/api/v1/objections/OB-00000001",
        "/api/v1/tickets",
    ] {
        let response = server.get(path).await;
        assert_eq!(response.status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(response.code(), codes::UNAUTHENTICATED, "{path}");
        let forged = server.get_as(path, "__Host-portal_session=forged").await;
        assert_eq!(forged.status, StatusCode::UNAUTHORIZED, "{path}");
    }
    let extend = server
        .call(Method::POST, "/api/v1/session/extend", None, None, &[])
        .await;
    assert_eq!(extend.code(), codes::UNAUTHENTICATED);
    server.stop().await;
}

#[tokio::test]
async fn eligibility_shows_each_member_with_reasons_and_the_objection_window() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let family: wire::EligibilityView = server
            .get_as("/api/v1/eligibility", &server.login(FAMILY).await)
            .await
            .json();
        assert!(family.eligible);
        assert_eq!(family.members.len(), 4);
        assert!(family.members.iter().all(|member| member.eligible));
        assert!(!family.objection.allowed);
        assert_eq!(family.objection.reason.as_deref(), Some("not_ineligible"));
        // The next payment's expected amount: 720 + a wife 360 + two children 216 each, the
        // income 3,000 SAR below the exemption threshold.
        assert_eq!(family.monthly_support, Some(1512));

        let no_bank: wire::EligibilityView = server
            .get_as("/api/v1/eligibility", &server.login(NO_BANK_ACCOUNT).await)
            .await
            .json();
        assert!(!no_bank.eligible);
        assert_eq!(
            no_bank.members[0].reasons,
            vec!["no_bank_account".to_owned()]
        );
        assert_eq!(
            no_bank.members[1].reasons,
            vec!["applicant_not_eligible".to_owned()]
        );
        assert!(no_bank.objection.allowed);
        assert!(no_bank.objection.deadline.is_some());
        assert_eq!(no_bank.monthly_support, Some(0));

        let registration: wire::EligibilityView = server
            .get_as("/api/v1/eligibility", &server.login("1000000057").await)
            .await
            .json();
        assert_eq!(
            registration.members[0].reasons,
            vec!["commercial_registration".to_owned()]
        );
        // A record-based reason stops the support the rules alone would give.
        assert_eq!(registration.monthly_support, Some(0));
        server.stop().await;
    }
}

#[tokio::test]
async fn payments_list_24_months_and_one_explains_its_amount() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let cookie = server.login(FAMILY).await;
        let payments: Vec<wire::PaymentSummary> =
            server.get_as("/api/v1/payments", &cookie).await.json();
        assert_eq!(payments.len(), 24);
        assert!(
            payments
                .windows(2)
                .all(|pair| pair[0].cycle > pair[1].cycle),
            "newest first"
        );
        let newest = &payments[0];
        assert_eq!(newest.status, "paid");
        assert_eq!(newest.amount, 1512);

        let detail: wire::PaymentDetail = server
            .get_as(&format!("/api/v1/payments/{}", newest.cycle), &cookie)
            .await
            .json();
        let steps = detail.steps.expect("the rules' steps are stored");
        assert_eq!(steps.members.len(), 4);
        assert_eq!(steps.uncapped_entitlement, 1512);
        assert!(detail.objection.allowed);
        assert!(detail.objection.deadline.is_some());

        let old: wire::PaymentDetail = server
            .get_as(&format!("/api/v1/payments/{}", payments[23].cycle), &cookie)
            .await
            .json();
        assert_eq!(old.objection.reason.as_deref(), Some("window_closed"));

        for missing in [
            "/api/v1/payments/1",
            "/api/v1/payments/abc",
            "/api/v1/payments/-1",
        ] {
            let response = server.get_as(missing, &cookie).await;
            assert_eq!(response.status, StatusCode::NOT_FOUND, "{missing}");
            assert_eq!(response.code(), codes::NOT_FOUND);
        }
        server.stop().await;
    }
}

#[tokio::test]
async fn the_cap_of_six_and_the_income_taper_show_in_the_payments() {
    let server = TestServer::start_demo(support::Backend::Sqlite).await;
    let capped: Vec<wire::PaymentSummary> = server
        .get_as("/api/v1/payments", &server.login("1000000016").await)
        .await
        .json();
    let detail: wire::PaymentDetail = server
        .get_as(
            &format!("/api/v1/payments/{}", capped[0].cycle),
            &server.login("1000000016").await,
        )
        .await
        .json();
    assert!(detail.steps.expect("steps").cap_applied);
    assert_eq!(capped[0].amount, 2088);
    let tapered: Vec<wire::PaymentSummary> = server
        .get_as("/api/v1/payments", &server.login("1000000024").await)
        .await
        .json();
    assert_eq!(
        tapered[0].amount, 1008,
        "1512 x (18000 - 12000) / (18000 - 9000)"
    );
    server.stop().await;
}

#[tokio::test]
async fn a_financial_objection_is_filed_once_whatever_the_retries() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let cookie = server.login(FAMILY).await;
        let payments: Vec<wire::PaymentSummary> =
            server.get_as("/api/v1/payments", &cookie).await.json();
        let body = json!({
            "kind": "financial", "cycle": payments[0].cycle,
            "reason": "short_payment", "description": "  المبلغ أقل من المستحق  ",
        });
        let file = |key: &'static str, body: serde_json::Value| {
            let cookie = cookie.clone();
            let server = &server;
            async move {
                server
                    .call(
                        Method::POST,
                        "/api/v1/objections",
                        Some(body),
                        Some(&cookie),
                        &[("idempotency-key", key)],
                    )
                    .await
            }
        };
        let (first, second) =
            tokio::join!(file("key-1", body.clone()), file("key-1", body.clone()));
        assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
        assert_eq!(second.status, StatusCode::CREATED);
        assert_eq!(first.body, second.body, "the retry gets the first answer");
        let filed: wire::Objection = first.json();
        assert!(filed.reference.starts_with("OB-"));
        assert_eq!(filed.status, "under_review");
        assert_eq!(filed.description, "المبلغ أقل من المستحق");

        let another_key = file("key-2", body.clone()).await;
        assert_eq!(another_key.status, StatusCode::CONFLICT);
        assert_eq!(another_key.code(), "already_open");
        let reused = file(
            "key-1",
            json!({"kind": "financial", "cycle": payments[1].cycle,
            "reason": "zero_payment", "description": "x"}),
        )
        .await;
        assert_eq!(reused.code(), codes::IDEMPOTENCY_KEY_REUSED);

        let mine: Vec<wire::Objection> = server.get_as("/api/v1/objections", &cookie).await.json();
        assert_eq!(mine.len(), 1);
        let one = server
            .get_as(&format!("/api/v1/objections/{}", filed.reference), &cookie)
            .await;
        assert_eq!(one.json::<wire::Objection>(), filed);
        let detail: wire::PaymentDetail = server
            .get_as(&format!("/api/v1/payments/{}", payments[0].cycle), &cookie)
            .await
            .json();
        assert_eq!(detail.objection.reason.as_deref(), Some("already_open"));
        // Someone else's objection is not found, not forbidden: it does not exist for you.
        let other = server.login(NO_BANK_ACCOUNT).await;
        let foreign = server
            .get_as(&format!("/api/v1/objections/{}", filed.reference), &other)
            .await;
        assert_eq!(foreign.status, StatusCode::NOT_FOUND);
        server.stop().await;
    }
}

#[tokio::test]
async fn the_objection_window_rule_refuses_with_its_own_codes() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let cookie = server.login(FAMILY).await;
        let payments: Vec<wire::PaymentSummary> =
            server.get_as("/api/v1/payments", &cookie).await.json();
        let objection = |cycle: u32| json!({"kind": "financial", "cycle": cycle, "reason": "short_payment", "description": "x"});
        let old = server
            .post(
                "/api/v1/objections",
                objection(payments[23].cycle),
                Some(&cookie),
            )
            .await;
        assert_eq!(old.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(old.code(), "window_closed");

        let processing_cookie = server.login(PROCESSING).await;
        let processing: Vec<wire::PaymentSummary> = server
            .get_as("/api/v1/payments", &processing_cookie)
            .await
            .json();
        assert_eq!(processing[0].status, "processing");
        let not_paid = server
            .post(
                "/api/v1/objections",
                objection(processing[0].cycle),
                Some(&processing_cookie),
            )
            .await;
        assert_eq!(not_paid.code(), "payment_not_paid");

        let open_cookie = server.login(OPEN_OBJECTION).await;
        let open: Vec<wire::Objection> = server
            .get_as("/api/v1/objections", &open_cookie)
            .await
            .json();
        let open_cycle = open[0].cycle.expect("a financial objection");
        let already = server
            .post(
                "/api/v1/objections",
                objection(open_cycle),
                Some(&open_cookie),
            )
            .await;
        assert_eq!(already.code(), "already_open");

        let eligible = server
            .post(
                "/api/v1/objections",
                json!({"kind": "eligibility", "member": "applicant", "reason": "no_bank_account", "description": "x"}),
                Some(&cookie),
            )
            .await;
        assert_eq!(eligible.code(), "not_ineligible");
        server.stop().await;
    }
}

#[tokio::test]
async fn an_eligibility_objection_names_the_member_and_the_reason() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let cookie = server.login(NO_BANK_ACCOUNT).await;
        let wrong_reason = server
            .post(
                "/api/v1/objections",
                json!({"kind": "eligibility", "member": "applicant", "reason": "under_18", "description": "x"}),
                Some(&cookie),
            )
            .await;
        assert_eq!(
            wrong_reason.json::<wire::ErrorBody>().fields[0].field,
            "reason"
        );
        let no_member = server
            .post(
                "/api/v1/objections",
                json!({"kind": "eligibility", "member": "dependent-9", "reason": "no_bank_account", "description": "x"}),
                Some(&cookie),
            )
            .await;
        assert_eq!(
            no_member.json::<wire::ErrorBody>().fields[0].code,
            codes::UNKNOWN_VALUE
        );
        let filed = server
            .post(
                "/api/v1/objections",
                json!({"kind": "eligibility", "member": "applicant", "reason": "no_bank_account",
                       "description": "فتحت حساباً بنكياً باسمي"}),
                Some(&cookie),
            )
            .await;
        assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.text());
        let view: wire::EligibilityView =
            server.get_as("/api/v1/eligibility", &cookie).await.json();
        assert_eq!(view.objection.reason.as_deref(), Some("already_open"));
        server.stop().await;
    }
}

#[tokio::test]
async fn objection_input_is_validated_field_by_field() {
    let server = TestServer::start_demo(support::Backend::Sqlite).await;
    let cookie = server.login(FAMILY).await;
    let cases = [
        (
            json!({"kind": "other", "reason": "x", "description": "x"}),
            "kind",
            codes::UNKNOWN_VALUE,
        ),
        (
            json!({"kind": "financial", "reason": "short_payment", "description": "x"}),
            "cycle",
            codes::REQUIRED,
        ),
        (
            json!({"kind": "financial", "cycle": 1, "reason": "short_payment", "description": "x"}),
            "cycle",
            codes::UNKNOWN_VALUE,
        ),
        (
            json!({"kind": "financial", "cycle": 1, "reason": "bored", "description": "x"}),
            "reason",
            codes::UNKNOWN_VALUE,
        ),
        (
            json!({"kind": "eligibility", "reason": "x", "description": "x"}),
            "member",
            codes::REQUIRED,
        ),
        (
            json!({"kind": "financial", "cycle": 1, "reason": "short_payment", "description": "   "}),
            "description",
            codes::REQUIRED,
        ),
        (
            json!({"kind": "financial", "cycle": 1, "reason": "short_payment", "description": "ا".repeat(501)}),
            "description",
            codes::TOO_LONG,
        ),
    ];
    for (body, field, code) in cases {
        let response = server
            .post("/api/v1/objections", body.clone(), Some(&cookie))
            .await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let error: wire::ErrorBody = response.json();
        assert!(
            error
                .fields
                .iter()
                .any(|f| f.field == field && f.code == code),
            "{body}: {:?}",
            error.fields
        );
    }
    let bad_key = server
        .call(
            Method::POST,
            "/api/v1/objections",
            Some(json!({"kind": "financial", "cycle": 1, "reason": "short_payment", "description": "x"})),
            Some(&cookie),
            &[("idempotency-key", "has space")],
        )
        .await;
    assert_eq!(
        bad_key.json::<wire::ErrorBody>().fields[0].field,
        "idempotency-key"
    );
    server.stop().await;
}

#[tokio::test]
async fn tickets_are_opened_by_category_and_followed() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let cookie = server.login(FAMILY).await;
        let opened = server
            .post(
                "/api/v1/tickets",
                json!({"category": "payments", "message": "لم تصلني دفعة هذا الشهر"}),
                Some(&cookie),
            )
            .await;
        assert_eq!(opened.status, StatusCode::CREATED);
        let ticket: wire::Ticket = opened.json();
        assert!(ticket.reference.starts_with("TK-"));
        assert_eq!(ticket.status, "open");
        let mine: Vec<wire::Ticket> = server.get_as("/api/v1/tickets", &cookie).await.json();
        assert_eq!(mine, vec![ticket]);
        let invalid = server
            .post(
                "/api/v1/tickets",
                json!({"category": "weather", "message": ""}),
                Some(&cookie),
            )
            .await;
        let fields: Vec<String> = invalid
            .json::<wire::ErrorBody>()
            .fields
            .into_iter()
            .map(|f| format!("{}:{}", f.field, f.code))
            .collect();
        assert_eq!(fields, vec!["category:unknown_value", "message:required"]);
        let long = server
            .post(
                "/api/v1/tickets",
                json!({"category": "account", "message": "x".repeat(1001)}),
                Some(&cookie),
            )
            .await;
        assert_eq!(
            long.json::<wire::ErrorBody>().fields[0].code,
            codes::TOO_LONG
        );
        server.stop().await;
    }
}

#[tokio::test]
async fn the_sms_outbox_exists_only_in_demo_mode() {
    let server = TestServer::start_demo(support::Backend::Sqlite).await;
    start_session(&server, FAMILY, "Demo@2026").await;
    let outbox: Vec<serde_json::Value> = server.get("/api/v1/dev/sms-outbox").await.json();
    let message = outbox.last().expect("one message");
    for key in ["national_id", "code", "sent_at"] {
        assert!(message.get(key).is_some(), "{key}");
    }
    server.stop().await;

    let production = TestServer::start_with(support::Backend::Sqlite, false).await;
    assert_eq!(
        production.get("/api/v1/dev/sms-outbox").await.status,
        StatusCode::NOT_FOUND
    );
    production.stop().await;
}

#[tokio::test]
async fn state_changes_from_another_site_are_refused() {
    let server = TestServer::start_demo(support::Backend::Sqlite).await;
    let cookie = server.login(FAMILY).await;
    for (name, value) in [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let response = server
            .call(
                Method::POST,
                "/api/v1/tickets",
                Some(json!({"category": "account", "message": "x"})),
                Some(&cookie),
                &[(name, value), ("host", "localhost")],
            )
            .await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{name}");
        assert_eq!(response.code(), codes::BAD_ORIGIN);
    }
    let same_site = server
        .call(
            Method::POST,
            "/api/v1/tickets",
            Some(json!({"category": "account", "message": "x"})),
            Some(&cookie),
            &[
                ("origin", "http://localhost:8080"),
                ("host", "localhost:8080"),
            ],
        )
        .await;
    assert_eq!(same_site.status, StatusCode::CREATED);
    server.stop().await;
}

#[tokio::test]
async fn malformed_requests_get_4xx_json_never_5xx() {
    let server = TestServer::start_demo(support::Backend::Sqlite).await;
    let cookie = server.login(FAMILY).await;
    let bodies = [
        "",
        "{",
        "null",
        "[]",
        "\"x\"",
        "{\"national_id\": 5}",
        "{\"kind\": null}",
        "{\"cycle\": -1, \"kind\": \"financial\", \"reason\": \"x\", \"description\": \"x\"}",
        "{\"cycle\": 99999999999, \"kind\": \"financial\"}",
        "\u{0}\u{1}",
    ];
    for path in [
        "/api/v1/session",
        "/api/v1/session/verify",
        "/api/v1/session/resend",
        "/api/v1/objections",
        "/api/v1/tickets",
    ] {
        for body in bodies {
            let response = server
                .send(
                    axum::http::Request::post(path)
                        .header("content-type", "application/json")
                        .header("cookie", &cookie)
                        .body(axum::body::Body::from(body))
                        .expect("request"),
                )
                .await;
            assert!(
                response.status.is_client_error(),
                "{path} {body:?}: {}",
                response.status
            );
            assert_eq!(
                response.content_type(),
                "application/json",
                "{path} {body:?}"
            );
        }
    }
    let no_type = server
        .send(
            axum::http::Request::post("/api/v1/tickets")
                .header("cookie", &cookie)
                .body(axum::body::Body::from("{}"))
                .expect("request"),
        )
        .await;
    assert_eq!(no_type.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(no_type.code(), codes::UNSUPPORTED_MEDIA_TYPE);
    let huge = server
        .post(
            "/api/v1/tickets",
            json!({"category": "account", "message": "x".repeat(40_000)}),
            Some(&cookie),
        )
        .await;
    assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(huge.code(), codes::PAYLOAD_TOO_LARGE);
    server.stop().await;
}

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint() {
    let server = TestServer::start_demo(support::Backend::Sqlite).await;
    let document: serde_json::Value = server.get("/api/v1/openapi.json").await.json();
    assert_eq!(document["openapi"], "3.1.0");
    for path in [
        "/health",
        "/session",
        "/session/verify",
        "/session/resend",
        "/session/extend",
        "/me",
        "/eligibility",
        "/payments",
        "/payments/{cycle}",
        "/objections",
        "/objections/{reference}",
        "/tickets",
        "/dev/sms-outbox",
    ] {
        assert!(document["paths"].get(path).is_some(), "{path}");
    }
    server.stop().await;
}

#[tokio::test]
async fn sign_ins_and_submissions_are_audited() {
    let server = TestServer::start_demo(support::Backend::Sqlite).await;
    start_session(&server, FAMILY, "wrong").await;
    let cookie = server.login(FAMILY).await;
    server
        .post(
            "/api/v1/tickets",
            json!({"category": "account", "message": "x"}),
            Some(&cookie),
        )
        .await;
    let events: Vec<String> =
        sqlx::query_scalar("SELECT event FROM audit_log WHERE national_id = $1 ORDER BY id")
            .bind(FAMILY)
            .fetch_all(&server.db.pool)
            .await
            .expect("audit log");
    assert_eq!(
        events,
        vec![
            "password_rejected",
            "password_accepted",
            "signed_in",
            "ticket_opened"
        ]
    );
    server.stop().await;
}
