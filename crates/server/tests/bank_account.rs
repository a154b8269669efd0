//! The bank account (`GET|PUT /me/bank-account`, `POST /me/bank-account/code`), on every
//! backend: the masked IBAN, a change confirmed by a step-up code bound to its account and
//! its purpose, the shared IBAN rule's codes, the tries and limits of sign-in's codes, the
//! notice by SMS, the audit row, the first payment it applies to, and logs without the IBAN.

mod support;

use std::{
    io::Write,
    sync::{Arc, Mutex, OnceLock},
};

use axum::http::{Method, StatusCode};
use serde_json::json;
use support::{TestResponse, TestServer, backends};
use wire::codes;

/// The bank-account journey's own demo account.
const ID: &str = "1000000107";
/// Another household.
const OTHER: &str = "1000000008";
/// Every demo account's IBAN.
const DEMO_IBAN: &str = "SA0380000000608010167519";
const NEW_IBAN: &str = "SA4420000001234567891234";
/// The same IBAN as a phone may type it: lower case, spaces, Arabic-Indic digits.
const NEW_IBAN_TYPED: &str = " sa44 ٢٠٠٠ 0001 ٢٣٤٥ 6789 1234 ";
const CODE_TEXT: &str = "لتغيير الحساب البنكي";

/// Everything the server logged in this test binary, to check what never appears in it.
fn captured_logs() -> &'static Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Arc::new(Mutex::new(Vec::new()));
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .json()
            .with_max_level(tracing::Level::INFO)
            .with_writer(move || LogWriter(writer.clone()))
            .finish();
        let _ = tracing::subscriber::set_global_default(subscriber);
        logs
    })
}

struct LogWriter(Arc<Mutex<Vec<u8>>>);

impl Write for LogWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut logs) = self.0.lock() {
            logs.extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

async fn start(backend: support::Backend) -> TestServer {
    captured_logs();
    TestServer::start_demo(backend).await
}

async fn ask_code(server: &TestServer, cookie: &str) -> TestResponse {
    server
        .call(
            Method::POST,
            "/api/v1/me/bank-account/code",
            None,
            Some(cookie),
            &[],
        )
        .await
}

/// A code was sent: its challenge id and the code from the outbox.
async fn new_code(server: &TestServer, cookie: &str, national_id: &str) -> (String, String) {
    let sent = ask_code(server, cookie).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.text());
    let challenge: wire::ChallengeSent = sent.json();
    (challenge.challenge_id, bank_code(server, national_id).await)
}

/// The newest bank-account code sent to `national_id`.
async fn bank_code(server: &TestServer, national_id: &str) -> String {
    outbox(server, national_id)
        .await
        .into_iter()
        .rev()
        .find(|message| message.message.contains(CODE_TEXT))
        .map(|message| message.code)
        .expect("a bank account code was sent")
}

async fn outbox(server: &TestServer, national_id: &str) -> Vec<wire::SmsMessage> {
    let all: Vec<wire::SmsMessage> = server.get("/api/v1/dev/sms-outbox").await.json();
    all.into_iter()
        .filter(|message| message.national_id == national_id)
        .collect()
}

async fn change(
    server: &TestServer,
    cookie: &str,
    iban: &str,
    challenge: &str,
    code: &str,
) -> TestResponse {
    server
        .call(
            Method::PUT,
            "/api/v1/me/bank-account",
            Some(json!({"iban": iban, "challenge_id": challenge, "code": code})),
            Some(cookie),
            &[],
        )
        .await
}

async fn stored_iban(server: &TestServer, national_id: &str) -> Option<String> {
    sqlx::query_scalar("SELECT iban FROM beneficiaries WHERE national_id = $1")
        .bind(national_id)
        .fetch_one(&server.db.pool)
        .await
        .expect("iban")
}

async fn audit_count(server: &TestServer, event: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE event = $1")
        .bind(event)
        .fetch_one(&server.db.pool)
        .await
        .expect("audit count")
}

/// The code as typed on an Arabic keyboard.
fn arabic_indic(code: &str) -> String {
    code.chars()
        .map(|c| {
            c.to_digit(10)
                .and_then(|d| char::from_u32(0x0660 + d))
                .unwrap_or(c)
        })
        .collect()
}

/// Another valid IBAN, by the rule's own check digits.
fn another_iban() -> String {
    let bban = "20000009876543210000";
    let check = rules::iban::check_digits(bban).expect("check digits");
    format!("SA{check:02}{bban}")
}

fn wrong(code: &str) -> &'static str {
    if code == "000000" { "111111" } else { "000000" }
}

fn field_codes(response: &TestResponse) -> Vec<(String, String)> {
    response
        .json::<wire::ErrorBody>()
        .fields
        .into_iter()
        .map(|field| (field.field, field.code))
        .collect()
}

#[tokio::test]
async fn a_change_with_the_right_code_replaces_the_iban_notifies_and_is_audited() {
    for backend in backends() {
        let server = start(backend).await;
        let cookie = server.login(ID).await;
        let shown: wire::BankAccount = server
            .get_as("/api/v1/me/bank-account", &cookie)
            .await
            .json();
        assert_eq!(
            shown,
            wire::BankAccount {
                masked_iban: Some("SA03****************7519".into()),
                last_change: None,
            }
        );

        let sent = ask_code(&server, &cookie).await;
        assert_eq!(sent.status, StatusCode::OK, "{}", sent.text());
        let challenge: wire::ChallengeSent = sent.json();
        assert_eq!(challenge.masked_mobile, "05******31");
        assert_eq!(challenge.expires_in_seconds, 300);
        let code = bank_code(&server, ID).await;
        let message = outbox(&server, ID).await.pop().expect("the code's SMS");
        assert!(message.message.starts_with(&code), "{}", message.message);
        assert!(message.message.contains("19911"));

        let done = change(
            &server,
            &cookie,
            NEW_IBAN_TYPED,
            &challenge.challenge_id,
            &arabic_indic(&code),
        )
        .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.text());
        let changed: wire::BankAccountChanged = done.json();
        let first = rules::payment_cycle::first_cycle_for_change(server.state.clock.today())
            .expect("a cycle");
        assert_eq!(
            changed,
            wire::BankAccountChanged {
                masked_iban: "SA44****************1234".into(),
                applies_from: wire::BankChangeFirstPayment {
                    number: first.number,
                    date: first.date.to_string(),
                },
                notice_sent: true,
            }
        );
        assert!(!done.text().contains(NEW_IBAN));
        assert_eq!(stored_iban(&server, ID).await.as_deref(), Some(NEW_IBAN));
        assert_eq!(
            stored_iban(&server, OTHER).await.as_deref(),
            Some(DEMO_IBAN),
            "only this account's"
        );

        // The notice: no code, to the registered mobile.
        let notice = outbox(&server, ID).await.pop().expect("the notice");
        assert_eq!(notice.code, "");
        assert_eq!(notice.mobile, "0551097531");
        assert!(notice.message.contains("تم تغيير الحساب البنكي"));

        // The change is kept masked, and audited in the same transaction.
        let (old, new, cycle): (Option<String>, String, i64) = sqlx::query_as(
            "SELECT old_masked_iban, new_masked_iban, applies_from_cycle FROM bank_account_changes",
        )
        .fetch_one(&server.db.pool)
        .await
        .expect("one change");
        assert_eq!(old.as_deref(), Some("SA03****************7519"));
        assert_eq!(new, "SA44****************1234");
        assert_eq!(cycle, i64::from(first.number));
        let (detail, address): (String, Option<String>) = sqlx::query_as(
            "SELECT detail, client_address FROM audit_log WHERE event = 'bank_account_changed' \
             AND national_id = $1",
        )
        .bind(ID)
        .fetch_one(&server.db.pool)
        .await
        .expect("an audit row");
        assert!(address.is_some());
        assert!(
            !detail.contains(NEW_IBAN) && !detail.contains(DEMO_IBAN),
            "{detail}"
        );
        assert!(detail.contains(&format!("applies_from_cycle={}", first.number)));

        let shown: wire::BankAccount = server
            .get_as("/api/v1/me/bank-account", &cookie)
            .await
            .json();
        assert_eq!(
            shown.masked_iban.as_deref(),
            Some("SA44****************1234")
        );
        let last = shown.last_change.expect("the change");
        assert_eq!(last.applies_from.number, first.number);
        assert_eq!(last.changed_on, server.state.clock.today().to_string());
        let me: wire::Me = server.get_as("/api/v1/me", &cookie).await.json();
        assert_eq!(me.masked_iban.as_deref(), Some("SA44****************1234"));

        // A code is used once.
        let again = change(&server, &cookie, DEMO_IBAN, &challenge.challenge_id, &code).await;
        assert_eq!(again.code(), codes::CODE_EXPIRED, "{}", again.text());
        server.stop().await;
    }
}

#[tokio::test]
async fn a_bad_or_same_iban_is_a_422_with_the_rules_code_and_uses_no_try() {
    for backend in backends() {
        let server = start(backend).await;
        let cookie = server.login(ID).await;
        let (challenge, code) = new_code(&server, &cookie, ID).await;
        let mut bad_checksum = NEW_IBAN.to_owned();
        bad_checksum.replace_range(2..4, "45");
        for (typed, expected) in [
            ("", "empty"),
            ("GB29NWBK60161331926819", "wrong_country"),
            ("SA44200000012345678912", "wrong_length"),
            ("SA44-0000001234567891234", "bad_format"),
            (bad_checksum.as_str(), "bad_checksum"),
            (DEMO_IBAN, wire::SAME_IBAN),
            ("sa03 8000 0000 6080 1016 ٧٥١٩", wire::SAME_IBAN),
        ] {
            let refused = change(&server, &cookie, typed, &challenge, &code).await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{typed}");
            assert_eq!(
                field_codes(&refused),
                [("iban".to_owned(), expected.to_owned())],
                "{typed}"
            );
        }
        let both = change(&server, &cookie, "SA00", &challenge, "12").await;
        assert_eq!(
            field_codes(&both),
            [
                ("iban".to_owned(), "wrong_length".to_owned()),
                ("code".to_owned(), "wrong_format".to_owned())
            ]
        );
        let control = change(&server, &cookie, "SA44\u{0}", &challenge, &code).await;
        assert_eq!(control.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(audit_count(&server, "bank_code_rejected").await, 0);
        // No try was used: the right code still works.
        let done = change(&server, &cookie, NEW_IBAN, &challenge, &code).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.text());
        server.stop().await;
    }
}

#[tokio::test]
async fn three_wrong_codes_end_the_code_and_thirty_parallel_ones_compare_three() {
    for backend in backends() {
        let server = start(backend).await;
        let cookie = server.login(ID).await;
        let (challenge, code) = new_code(&server, &cookie, ID).await;
        let first = change(&server, &cookie, NEW_IBAN, &challenge, wrong(&code)).await;
        assert_eq!(first.code(), codes::INVALID_CODE);
        assert_eq!(first.json::<wire::ErrorBody>().tries_left, Some(2));
        let second = change(&server, &cookie, NEW_IBAN, &challenge, wrong(&code)).await;
        assert_eq!(second.json::<wire::ErrorBody>().tries_left, Some(1));
        let third = change(&server, &cookie, NEW_IBAN, &challenge, wrong(&code)).await;
        assert_eq!(third.code(), codes::TOO_MANY_ATTEMPTS);
        let right = change(&server, &cookie, NEW_IBAN, &challenge, &code).await;
        assert_eq!(right.code(), codes::TOO_MANY_ATTEMPTS, "the code is dead");
        assert_eq!(stored_iban(&server, ID).await.as_deref(), Some(DEMO_IBAN));

        // A fresh code, 30 guesses at once: exactly three are compared.
        server.state.clock.advance(31);
        let (challenge, code) = new_code(&server, &cookie, ID).await;
        let before = audit_count(&server, "bank_code_rejected").await;
        let guesses = futures::future::join_all(
            (0..30).map(|_| change(&server, &cookie, NEW_IBAN, &challenge, wrong(&code))),
        )
        .await;
        assert_eq!(
            audit_count(&server, "bank_code_rejected").await - before,
            3,
            "{backend:?}: three codes compared"
        );
        assert!(
            guesses
                .iter()
                .all(|answer| answer.status == StatusCode::UNAUTHORIZED)
        );
        let late = change(&server, &cookie, NEW_IBAN, &challenge, &code).await;
        assert_eq!(late.code(), codes::TOO_MANY_ATTEMPTS);
        assert_eq!(stored_iban(&server, ID).await.as_deref(), Some(DEMO_IBAN));
        server.stop().await;
    }
}

#[tokio::test]
async fn a_code_confirms_only_its_own_purpose_and_account() {
    for backend in backends() {
        // More codes than an hour allows: this test is about purposes, not the limit.
        let limits = server::limits::Limits {
            codes_per_hour: 20,
            ..Default::default()
        };
        let server = start(backend)
            .await
            .with_state(|state| state.with_limits(limits));
        let cookie = server.login(ID).await;
        let other = server.login(OTHER).await;

        // A sign-in code, waiting for its verify, cannot confirm a bank change.
        let sign_in: wire::ChallengeSent = server
            .post(
                "/api/v1/session",
                json!({"national_id": ID, "password": "Demo@2026"}),
                None,
            )
            .await
            .json();
        let sign_in_code = server.last_code(ID).await;
        let refused = change(
            &server,
            &cookie,
            NEW_IBAN,
            &sign_in.challenge_id,
            &sign_in_code,
        )
        .await;
        assert_eq!(refused.code(), codes::CODE_EXPIRED, "{}", refused.text());

        // A password reset's code neither.
        let reset: wire::PasswordResetStarted = server
            .post(
                "/api/v1/password-reset",
                json!({"national_id": ID, "birth_date": "1404-02-14"}),
                None,
            )
            .await
            .json();
        let reset_code = server.last_code(ID).await;
        let refused = change(&server, &cookie, NEW_IBAN, &reset.challenge_id, &reset_code).await;
        assert_eq!(refused.code(), codes::CODE_EXPIRED, "{}", refused.text());

        // A bank code opens no session and resets no password.
        server.state.clock.advance(31);
        let (challenge, code) = new_code(&server, &cookie, ID).await;
        let verify = server
            .post(
                "/api/v1/session/verify",
                json!({"challenge_id": challenge, "code": code}),
                None,
            )
            .await;
        assert_eq!(verify.code(), codes::CODE_EXPIRED);
        let complete = server
            .post(
                "/api/v1/password-reset/complete",
                json!({"challenge_id": challenge, "code": code, "new_password": "نخلة الرياض 2026"}),
                None,
            )
            .await;
        assert_eq!(complete.code(), codes::CODE_EXPIRED);
        // Nor does it change another account's IBAN.
        let as_other = change(&server, &other, NEW_IBAN, &challenge, &code).await;
        assert_eq!(as_other.code(), codes::CODE_EXPIRED);
        assert_eq!(
            stored_iban(&server, OTHER).await.as_deref(),
            Some(DEMO_IBAN)
        );

        // A newer code ends the one before it.
        server.state.clock.advance(31);
        let (newer, newer_code) = new_code(&server, &cookie, ID).await;
        let old = change(&server, &cookie, NEW_IBAN, &challenge, &code).await;
        assert_eq!(old.code(), codes::CODE_EXPIRED);
        // Two tabs racing with the right code: one change.
        let another = another_iban();
        let (a, b) = futures::join!(
            change(&server, &cookie, NEW_IBAN, &newer, &newer_code),
            change(&server, &cookie, &another, &newer, &newer_code),
        );
        let ok = [&a, &b]
            .iter()
            .filter(|answer| answer.status == StatusCode::OK)
            .count();
        assert_eq!(ok, 1, "{} / {}", a.text(), b.text());
        let changes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bank_account_changes")
            .fetch_one(&server.db.pool)
            .await
            .expect("count");
        assert_eq!(changes, 1);

        // A code expires after five minutes.
        server.state.clock.advance(31);
        let (late, late_code) = new_code(&server, &cookie, ID).await;
        server.state.clock.advance(301);
        let expired = change(&server, &cookie, DEMO_IBAN, &late, &late_code).await;
        assert_eq!(expired.code(), codes::CODE_EXPIRED);
        server.stop().await;
    }
}

#[tokio::test]
async fn no_session_is_a_401_and_codes_count_with_sign_in_codes() {
    for backend in backends() {
        let limits = server::limits::Limits {
            codes_per_hour: 3,
            ..Default::default()
        };
        let server = start(backend)
            .await
            .with_state(|state| state.with_limits(limits));
        for (method, body) in [
            (Method::GET, None),
            (
                Method::PUT,
                Some(json!({"iban": NEW_IBAN, "challenge_id": "x", "code": "123456"})),
            ),
        ] {
            let answer = server
                .call(method, "/api/v1/me/bank-account", body, None, &[])
                .await;
            assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
            assert_eq!(answer.code(), codes::UNAUTHENTICATED);
        }
        let anonymous = server
            .call(
                Method::POST,
                "/api/v1/me/bank-account/code",
                None,
                None,
                &[],
            )
            .await;
        assert_eq!(anonymous.code(), codes::UNAUTHENTICATED);

        // The sign-in's code, then two bank codes 30 seconds apart: the hour's three.
        let cookie = server.login(ID).await;
        ask_code(&server, &cookie).await;
        let soon = ask_code(&server, &cookie).await;
        assert_eq!(soon.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(soon.code(), codes::RESEND_TOO_SOON);
        assert!(
            soon.header("retry-after")
                .parse::<u64>()
                .is_ok_and(|s| s > 0)
        );
        server.state.clock.advance(31);
        assert_eq!(ask_code(&server, &cookie).await.status, StatusCode::OK);
        server.state.clock.advance(31);
        let over = ask_code(&server, &cookie).await;
        assert_eq!(over.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(over.code(), codes::TOO_MANY_CODES);
        assert!(
            over.header("retry-after")
                .parse::<u64>()
                .is_ok_and(|s| s > 0)
        );
        let sign_in = server
            .post(
                "/api/v1/session",
                json!({"national_id": ID, "password": "Demo@2026"}),
                None,
            )
            .await;
        assert_eq!(sign_in.code(), codes::TOO_MANY_CODES);
        assert_eq!(
            outbox(&server, ID).await.len(),
            3,
            "nothing sent past the limit"
        );
        server.stop().await;
    }
}

#[tokio::test]
async fn logs_never_hold_the_iban_the_code_or_the_national_id() {
    let server = start(support::Backend::Sqlite).await;
    let cookie = server.login(ID).await;
    let (challenge, code) = new_code(&server, &cookie, ID).await;
    let wrong_answer = change(&server, &cookie, NEW_IBAN, &challenge, wrong(&code)).await;
    assert_eq!(wrong_answer.code(), codes::INVALID_CODE);
    let done = change(&server, &cookie, NEW_IBAN_TYPED, &challenge, &code).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text());
    let logs = String::from_utf8_lossy(&captured_logs().lock().expect("logs")).into_owned();
    assert!(logs.contains("bank_account_changed"), "the audit line");
    for secret in [
        NEW_IBAN,
        DEMO_IBAN,
        "20000001234567891234",
        ID,
        code.as_str(),
    ] {
        assert!(!logs.contains(secret), "the log holds {secret}");
    }
    server.stop().await;
}
