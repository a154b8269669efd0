//! Forgot password (`POST /password-reset`, `POST /password-reset/complete`), on every
//! backend: the same answer for an unknown ID or a wrong birth date, the whole flow ending
//! every session, sign-in's limits, and the shared password rule's codes.

mod support;

use axum::http::StatusCode;
use serde_json::{Value, json};
use support::{TestResponse, TestServer, backends};
use wire::codes;

const ID: &str = "1000000008";
const BIRTH: &str = "1405-03-12";
const NEW_PASSWORD: &str = "نخلة الرياض 2026";

/// A valid national ID that no demo household has.
fn unknown_id() -> String {
    (0..10)
        .map(|check| format!("155555555{check}"))
        .find(|id| rules::national_id::validate(id).is_ok())
        .expect("one check digit fits")
}

async fn start(server: &TestServer, national_id: &str, birth_date: &str) -> TestResponse {
    server
        .post(
            "/api/v1/password-reset",
            json!({"national_id": national_id, "birth_date": birth_date}),
            None,
        )
        .await
}

async fn complete(
    server: &TestServer,
    challenge: &str,
    code: &str,
    password: &str,
) -> TestResponse {
    server
        .post(
            "/api/v1/password-reset/complete",
            json!({"challenge_id": challenge, "code": code, "new_password": password}),
            None,
        )
        .await
}

async fn outbox_count(server: &TestServer, national_id: &str) -> usize {
    let outbox: Vec<wire::SmsMessage> = server.get("/api/v1/dev/sms-outbox").await.json();
    outbox
        .iter()
        .filter(|message| message.national_id == national_id)
        .count()
}

/// The answer with its challenge id blanked, to compare answers whole.
fn shape(response: &TestResponse) -> (StatusCode, Value) {
    let mut body: Value = response.json();
    let id = body["challenge_id"].as_str().unwrap_or_default().len();
    body["challenge_id"] = json!(id);
    (response.status, body)
}

fn wrong(code: &str) -> &'static str {
    if code == "000000" { "111111" } else { "000000" }
}

#[tokio::test]
async fn an_unknown_id_and_a_wrong_birth_date_answer_as_a_right_one_and_send_nothing() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let unknown = unknown_id();
        let right = start(&server, ID, BIRTH).await;
        assert_eq!(right.status, StatusCode::OK, "{}", right.text());
        assert_eq!(outbox_count(&server, ID).await, 1);
        // Arabic-Indic digits, unpadded month and day: the same date.
        let typed = start(&server, ID, "١٤٠٥-٣-١٢").await;
        assert_eq!(shape(&typed), shape(&right));
        assert_eq!(outbox_count(&server, ID).await, 2);

        let wrong_date = start(&server, ID, "1405-03-13").await;
        let gregorian = start(&server, ID, "1985-01-04").await;
        let nobody = start(&server, &unknown, BIRTH).await;
        for answer in [&wrong_date, &gregorian, &nobody] {
            assert_eq!(shape(answer), shape(&right), "{}", answer.text());
        }
        assert_eq!(
            outbox_count(&server, ID).await,
            2,
            "no code for a wrong date"
        );
        assert_eq!(outbox_count(&server, &unknown).await, 0);

        // Completing a reset that could never work answers as a wrong code does.
        let fake: wire::PasswordResetStarted = nobody.json();
        let real: wire::PasswordResetStarted = right.json();
        let code = server.last_code(ID).await;
        let on_fake = complete(&server, &fake.challenge_id, "123456", NEW_PASSWORD).await;
        let on_real = complete(&server, &real.challenge_id, wrong(&code), NEW_PASSWORD).await;
        assert_eq!(on_fake.status, StatusCode::UNAUTHORIZED);
        assert_eq!(on_fake.json::<Value>(), on_real.json::<Value>());
        assert_eq!(on_fake.code(), codes::INVALID_CODE);

        // Bad input is a 422 with the field's code, never a 5xx.
        let bad = start(&server, "12345", "yesterday").await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let body: wire::ErrorBody = bad.json();
        let fields: Vec<(String, String)> = body
            .fields
            .iter()
            .map(|field| (field.field.clone(), field.code.clone()))
            .collect();
        assert!(
            fields.contains(&("birth_date".into(), "bad_date".into())),
            "{fields:?}"
        );
        assert!(
            fields.iter().any(|(field, _)| field == "national_id"),
            "{fields:?}"
        );
        server.stop().await;
    }
}

#[tokio::test]
async fn a_reset_changes_the_password_and_ends_every_session() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let first = server.login(ID).await;
        let second = server.login(ID).await;
        // Both in this process's session memory.
        for cookie in [&first, &second] {
            assert_eq!(
                server.get_as("/api/v1/me", cookie).await.status,
                StatusCode::OK
            );
        }
        let started: wire::PasswordResetStarted = start(&server, ID, BIRTH).await.json();
        let code = server.last_code(ID).await;

        // Weak passwords are refused with the rule's code, and use no try of the code.
        for (weak, expected) in [
            ("Qm7#vL2", "too_short"),
            ("Password1", "too_common"),
            ("١٢٣٤٥٦٧٨", "too_common"),
            ("my id 1000000008", "contains_national_id"),
        ] {
            let refused = complete(&server, &started.challenge_id, &code, weak).await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{weak}");
            let body: wire::ErrorBody = refused.json();
            assert_eq!(body.fields.len(), 1, "{weak}");
            assert_eq!(body.fields[0].field, "new_password");
            assert_eq!(body.fields[0].code, expected, "{weak}");
        }
        let control = complete(&server, &started.challenge_id, &code, "abc\u{0}defghij").await;
        assert_eq!(control.status, StatusCode::UNPROCESSABLE_ENTITY);

        let done = complete(&server, &started.challenge_id, &code, NEW_PASSWORD).await;
        assert_eq!(done.status, StatusCode::NO_CONTENT, "{}", done.text());
        for cookie in [&first, &second] {
            let me = server.get_as("/api/v1/me", cookie).await;
            assert_eq!(me.status, StatusCode::UNAUTHORIZED, "ended at once");
        }
        let again = complete(&server, &started.challenge_id, &code, "another good one").await;
        assert_eq!(
            again.code(),
            codes::CODE_EXPIRED,
            "a code changes a password once"
        );

        let old = server
            .post(
                "/api/v1/session",
                json!({"national_id": ID, "password": "Demo@2026"}),
                None,
            )
            .await;
        assert_eq!(old.code(), codes::INVALID_CREDENTIALS);
        let new = server
            .post(
                "/api/v1/session",
                json!({"national_id": ID, "password": NEW_PASSWORD}),
                None,
            )
            .await;
        assert_eq!(new.status, StatusCode::OK, "{}", new.text());

        let audited: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE event = 'password_reset' AND national_id = $1 \
             AND client_address IS NOT NULL",
        )
        .bind(ID)
        .fetch_one(&server.db.pool)
        .await
        .expect("audit");
        assert_eq!(audited, 1);
        server.stop().await;
    }
}

#[tokio::test]
async fn three_wrong_codes_end_a_reset() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let started: wire::PasswordResetStarted = start(&server, ID, BIRTH).await.json();
        let code = server.last_code(ID).await;
        let guesses = futures::future::join_all(
            (0..6).map(|_| complete(&server, &started.challenge_id, wrong(&code), NEW_PASSWORD)),
        )
        .await;
        let invalid = guesses
            .iter()
            .filter(|answer| answer.code() == codes::INVALID_CODE)
            .count();
        assert_eq!(invalid, 2, "two with tries left, then too_many_attempts");
        assert!(
            guesses
                .iter()
                .all(|answer| answer.status == StatusCode::UNAUTHORIZED)
        );
        let late = complete(&server, &started.challenge_id, &code, NEW_PASSWORD).await;
        assert_eq!(late.code(), codes::TOO_MANY_ATTEMPTS);
        server.stop().await;
    }
}

#[tokio::test]
async fn resets_are_limited_per_id_and_codes_are_shared_with_sign_in() {
    for backend in backends() {
        let limits = server::limits::Limits {
            password_tries: 3,
            codes_per_hour: 3,
            ..Default::default()
        };
        let server = TestServer::start_demo(backend)
            .await
            .with_state(|state| state.with_limits(limits));
        // Parallel tries for one ID, known or not: exactly the limit gets through.
        let unknown = unknown_id();
        let answers =
            futures::future::join_all((0..8).map(|_| start(&server, &unknown, BIRTH))).await;
        let through = answers
            .iter()
            .filter(|answer| answer.status == StatusCode::OK)
            .count();
        assert_eq!(through, 3);
        for answer in answers.iter().filter(|a| a.status != StatusCode::OK) {
            assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
            assert_eq!(answer.code(), codes::LOCKED);
            assert!(
                answer
                    .json::<wire::ErrorBody>()
                    .retry_after_seconds
                    .is_some()
            );
        }

        // Two sign-ins and one reset use the account's three codes of the hour.
        server.login(ID).await;
        server.login(ID).await;
        assert_eq!(start(&server, ID, BIRTH).await.status, StatusCode::OK);
        let over = start(&server, ID, BIRTH).await;
        assert_eq!(over.code(), codes::TOO_MANY_CODES, "{}", over.text());
        let sign_in = server
            .post(
                "/api/v1/session",
                json!({"national_id": ID, "password": "Demo@2026"}),
                None,
            )
            .await;
        assert_eq!(sign_in.code(), codes::TOO_MANY_CODES);
        server.stop().await;
    }
}
