//! The sign-in tried as an attacker would, over real HTTP (a real socket on loopback, the
//! server's own middleware stack, the client address from the socket), on SQLite and on
//! PostgreSQL: parallel guesses, resends, SMS floods, spraying, floods of sign-ins, cookies,
//! control characters and invisible text, sign-out across processes, and the logs.

mod support;

use std::{
    io::Write,
    sync::{Arc, Mutex, OnceLock},
    time::Duration,
};

use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use support::{TestServer, backends};
use wire::codes;

const FAMILY: &str = "1000000008";
const WIDOW: &str = "1000000073";
const PASSWORD: &str = "Demo@2026";

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

struct Live {
    server: TestServer,
    base: String,
    http: Client,
}

impl Live {
    async fn start(server: TestServer) -> Self {
        captured_logs();
        let base = server.serve().await;
        let http = Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .expect("client");
        Self { server, base, http }
    }

    async fn post(&self, path: &str, body: Value) -> Answer {
        self.post_with(path, body, &[]).await
    }

    async fn post_with(&self, path: &str, body: Value, headers: &[(&str, &str)]) -> Answer {
        let mut request = self.http.post(format!("{}{path}", self.base)).json(&body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Answer::from(request.send().await.expect("an answer")).await
    }

    async fn get(&self, path: &str, cookie: Option<&str>) -> Answer {
        let mut request = self.http.get(format!("{}{path}", self.base));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        Answer::from(request.send().await.expect("an answer")).await
    }

    async fn start_session(&self, national_id: &str, password: &str) -> Answer {
        self.post(
            "/api/v1/session",
            json!({"national_id": national_id, "password": password}),
        )
        .await
    }

    async fn audit_count(&self, event: &str) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE event = $1")
            .bind(event)
            .fetch_one(&self.server.db.pool)
            .await
            .expect("audit count")
    }

    async fn outbox_count(&self, national_id: &str) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM sms_outbox WHERE national_id = $1")
            .bind(national_id)
            .fetch_one(&self.server.db.pool)
            .await
            .expect("outbox count")
    }

    async fn stop(self) {
        self.server.stop().await;
    }
}

#[derive(Debug)]
struct Answer {
    status: StatusCode,
    headers: reqwest::header::HeaderMap,
    body: Value,
}

impl Answer {
    async fn from(response: reqwest::Response) -> Self {
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Self {
            status,
            headers,
            body,
        }
    }

    fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
    }

    fn field_codes(&self) -> Vec<(String, String)> {
        self.body["fields"]
            .as_array()
            .map(|fields| {
                fields
                    .iter()
                    .map(|field| {
                        (
                            field["field"].as_str().unwrap_or("").to_owned(),
                            field["code"].as_str().unwrap_or("").to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A valid national ID made from a number: nine digits, then the Luhn check digit.
fn national_id(n: u32) -> String {
    let stem = format!("1{:08}", 50_000_000 + n);
    (0..10)
        .map(|check| format!("{stem}{check}"))
        .find(|id| rules::national_id::validate(id).is_ok())
        .expect("one check digit fits")
}

async fn parallel<F, Fut>(count: usize, make: F) -> Vec<Answer>
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = Answer>,
{
    futures::future::join_all((0..count).map(make)).await
}

#[tokio::test]
async fn thirty_parallel_wrong_passwords_get_five_checks() {
    for backend in backends() {
        let live = Live::start(TestServer::start_demo(backend).await).await;
        let answers = parallel(30, |_| live.start_session(FAMILY, "guess")).await;
        let checked = live.audit_count("password_rejected").await;
        assert_eq!(checked, 5, "{backend:?}: only five passwords were checked");
        let wrong = answers
            .iter()
            .filter(|a| a.code() == codes::INVALID_CREDENTIALS)
            .count();
        let locked = answers.iter().filter(|a| a.code() == codes::LOCKED).count();
        assert_eq!(wrong + locked, 30, "{answers:?}");
        assert!(wrong <= 5);
        for answer in answers.iter().filter(|a| a.code() == codes::LOCKED) {
            assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
            assert!(
                answer
                    .header("retry-after")
                    .parse::<u64>()
                    .is_ok_and(|s| s > 0)
            );
        }
        let right = live.start_session(FAMILY, PASSWORD).await;
        assert_eq!(right.code(), codes::LOCKED, "even the right password waits");
        live.stop().await;
    }
}

#[tokio::test]
async fn thirty_parallel_wrong_codes_get_three_checks_and_kill_the_challenge() {
    for backend in backends() {
        let live = Live::start(TestServer::start_demo(backend).await).await;
        let started = live.start_session(FAMILY, PASSWORD).await;
        assert_eq!(started.status, StatusCode::OK);
        let challenge = started.body["challenge_id"]
            .as_str()
            .expect("id")
            .to_owned();
        let right = live.server.last_code(FAMILY).await;
        let wrong_code = if right == "000000" {
            "111111"
        } else {
            "000000"
        };
        let answers = parallel(30, |_| {
            live.post(
                "/api/v1/session/verify",
                json!({"challenge_id": challenge, "code": wrong_code}),
            )
        })
        .await;
        assert_eq!(
            live.audit_count("code_rejected").await,
            3,
            "{backend:?}: three codes compared"
        );
        assert!(answers.iter().all(|a| a.status == StatusCode::UNAUTHORIZED));
        let right_now = live
            .post(
                "/api/v1/session/verify",
                json!({"challenge_id": challenge, "code": right}),
            )
            .await;
        assert_eq!(
            right_now.code(),
            codes::TOO_MANY_ATTEMPTS,
            "the challenge is dead"
        );
        live.stop().await;
    }
}

#[tokio::test]
async fn a_resend_never_adds_tries_nor_extends_the_hour() {
    for backend in backends() {
        let live = Live::start(TestServer::start_demo(backend).await).await;
        let clock = live.server.state.clock.clone();
        let started = live.start_session(WIDOW, PASSWORD).await;
        let challenge = started.body["challenge_id"]
            .as_str()
            .expect("id")
            .to_owned();
        let verify = |code: &'static str| {
            live.post(
                "/api/v1/session/verify",
                json!({"challenge_id": challenge, "code": code}),
            )
        };
        let resend = || live.post("/api/v1/session/resend", json!({"challenge_id": challenge}));
        // One wrong code, then a resend: one try is still gone.
        let first = verify("999999").await;
        let first = if first.code() == codes::INVALID_CODE {
            first
        } else {
            verify("999998").await
        };
        assert_eq!(first.body["tries_left"], 2);
        clock.advance(31);
        assert_eq!(resend().await.status, StatusCode::OK);
        let after_resend = verify("999997").await;
        assert_eq!(
            after_resend.body["tries_left"], 1,
            "{backend:?}: {after_resend:?}"
        );
        verify("999996").await;
        clock.advance(31);
        let sent_before = live.outbox_count(WIDOW).await;
        let dead = resend().await;
        assert_eq!(
            dead.code(),
            codes::TOO_MANY_ATTEMPTS,
            "a dead challenge stays dead"
        );
        assert_eq!(live.outbox_count(WIDOW).await, sent_before, "no SMS for it");
        live.stop().await;

        // Resends every 30 seconds do not move the hour the challenge lives.
        let live = Live::start(TestServer::start_demo(backend).await).await;
        let clock = live.server.state.clock.clone();
        let started = live.start_session(WIDOW, PASSWORD).await;
        let challenge = started.body["challenge_id"]
            .as_str()
            .expect("id")
            .to_owned();
        clock.advance(3600);
        let late = live
            .post("/api/v1/session/resend", json!({"challenge_id": challenge}))
            .await;
        assert_eq!(late.code(), codes::CODE_EXPIRED);
        live.stop().await;
    }
}

#[tokio::test]
async fn the_right_password_twelve_times_sends_five_codes() {
    for backend in backends() {
        let live = Live::start(TestServer::start_demo(backend).await).await;
        let mut answers = Vec::new();
        for _ in 0..12 {
            answers.push(live.start_session(FAMILY, PASSWORD).await);
        }
        let sent = answers
            .iter()
            .filter(|a| a.status == StatusCode::OK)
            .count();
        assert_eq!(sent, 5, "{backend:?}");
        let refused = &answers[11];
        assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(refused.code(), codes::TOO_MANY_CODES);
        let retry = refused.body["retry_after_seconds"]
            .as_u64()
            .expect("says when");
        assert!(retry > 0 && retry <= 3600, "{retry}");
        assert_eq!(refused.header("retry-after"), retry.to_string());
        assert_eq!(live.outbox_count(FAMILY).await, 5);
        // Resends count towards the same limit.
        let challenge = answers[0].body["challenge_id"]
            .as_str()
            .expect("id")
            .to_owned();
        live.server.state.clock.advance(31);
        let resend = live
            .post("/api/v1/session/resend", json!({"challenge_id": challenge}))
            .await;
        assert_eq!(resend.code(), codes::TOO_MANY_CODES);
        live.stop().await;
    }
}

#[tokio::test]
async fn spraying_many_ids_from_one_address_is_stopped() {
    for backend in backends() {
        let live = Live::start(TestServer::start_demo(backend).await).await;
        let mut answers = Vec::new();
        for n in 0..200 {
            answers.push(live.start_session(&national_id(n), "Password1").await);
        }
        let checked = answers
            .iter()
            .filter(|a| a.code() == codes::INVALID_CREDENTIALS)
            .count();
        assert_eq!(
            checked, 50,
            "{backend:?}: the default limit is 50 per address"
        );
        let refused = &answers[199];
        assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(refused.code(), codes::TOO_MANY_REQUESTS);
        assert!(
            refused
                .header("retry-after")
                .parse::<u64>()
                .is_ok_and(|s| s > 0)
        );
        live.stop().await;
    }
}

#[tokio::test]
async fn a_forwarded_address_counts_only_behind_a_trusted_proxy() {
    let limits = server::limits::Limits {
        source_failures: 3,
        ..Default::default()
    };
    // Not trusted: the header is the attacker's, and all tries count against the socket.
    let live = Live::start(
        TestServer::start_demo(support::Backend::Sqlite)
            .await
            .with_state(|state| state.with_limits(limits)),
    )
    .await;
    let mut last = None;
    for n in 0..5 {
        let forwarded = format!("203.0.113.{n}");
        last = Some(
            live.post_with(
                "/api/v1/session",
                json!({"national_id": national_id(n), "password": "x"}),
                &[("x-forwarded-for", &forwarded)],
            )
            .await,
        );
    }
    assert_eq!(last.expect("answers").code(), codes::TOO_MANY_REQUESTS);
    live.stop().await;

    // Trusted: each forwarded address is its own source.
    let live = Live::start(
        TestServer::start_demo(support::Backend::Sqlite)
            .await
            .with_state(|mut state| {
                state.trusted_proxies = Arc::new(vec!["127.0.0.1/32".parse().expect("net")]);
                state.with_limits(limits)
            }),
    )
    .await;
    for n in 0..5 {
        let forwarded = format!("1.2.3.4, 203.0.113.{n}");
        let answer = live
            .post_with(
                "/api/v1/session",
                json!({"national_id": national_id(n), "password": "x"}),
                &[("x-forwarded-for", &forwarded)],
            )
            .await;
        assert_eq!(answer.code(), codes::INVALID_CREDENTIALS);
    }
    let audited: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT client_address FROM audit_log WHERE event = 'password_rejected'",
    )
    .fetch_all(&live.server.db.pool)
    .await
    .expect("audit");
    assert_eq!(
        audited.len(),
        5,
        "audit rows carry each client's address: {audited:?}"
    );
    assert!(
        audited
            .iter()
            .all(|address| address.starts_with("203.0.113."))
    );
    live.stop().await;
}

#[tokio::test]
async fn a_flood_of_sign_ins_is_bounded_and_answered_busy() {
    for backend in backends() {
        let limits = server::limits::Limits {
            hash_concurrency: 1,
            hash_queue: 2,
            source_failures: 1000,
            ..Default::default()
        };
        let live = Live::start(
            TestServer::start_demo(backend)
                .await
                .with_state(|state| state.with_limits(limits)),
        )
        .await;
        let ids: Vec<String> = (0..40).map(national_id).collect();
        let answers = parallel(40, |n| live.start_session(&ids[n], "flood")).await;
        let busy: Vec<&Answer> = answers
            .iter()
            .filter(|a| a.status == StatusCode::SERVICE_UNAVAILABLE)
            .collect();
        assert!(!busy.is_empty(), "{backend:?}: some were turned away");
        for answer in &busy {
            assert_eq!(answer.code(), codes::BUSY);
            assert!(answer.header("retry-after").parse::<u64>().is_ok());
        }
        assert!(
            answers.iter().all(|a| a.status == StatusCode::UNAUTHORIZED
                || a.status == StatusCode::SERVICE_UNAVAILABLE),
            "only wrong passwords or busy: {answers:?}"
        );
        // A turned-away try was not counted: the ID is not closer to its lock.
        let turned_away = answers
            .iter()
            .position(|a| a.status == StatusCode::SERVICE_UNAVAILABLE)
            .expect("one");
        let again = live
            .start_session(&national_id(turned_away as u32), "flood")
            .await;
        assert_eq!(again.code(), codes::INVALID_CREDENTIALS);
        live.stop().await;
    }
}

#[tokio::test]
async fn the_session_cookie_is_host_only_secure_and_ends_with_the_browser() {
    for backend in backends() {
        let live = Live::start(TestServer::start_demo(backend).await).await;
        let started = live.start_session(FAMILY, PASSWORD).await;
        let code = live.server.last_code(FAMILY).await;
        let verified = live
            .post(
                "/api/v1/session/verify",
                json!({"challenge_id": started.body["challenge_id"], "code": code}),
            )
            .await;
        let cookie = verified.header("set-cookie").to_owned();
        let (pair, attributes) = cookie.split_once(';').expect("attributes");
        let (name, token) = pair.split_once('=').expect("a pair");
        assert_eq!(name, "__Host-portal_session");
        assert!(token.len() >= 43, "32 random bytes");
        let mut attributes: Vec<&str> = attributes.split(';').map(str::trim).collect();
        attributes.sort_unstable();
        assert_eq!(
            attributes,
            ["HttpOnly", "Path=/", "SameSite=Strict", "Secure"]
        );
        assert!(live.get("/api/v1/me", Some(pair)).await.status.is_success());
        // No HSTS over plain http unless configured.
        assert_eq!(verified.header("strict-transport-security"), "");
        live.stop().await;
    }
    let live = Live::start(
        TestServer::start(support::Backend::Sqlite)
            .await
            .with_state(|mut state| {
                state.hsts = true;
                state
            }),
    )
    .await;
    for path in ["/", "/api/v1/health", "/api/v1/nothing"] {
        let answer = live.get(path, None).await;
        assert!(
            answer
                .header("strict-transport-security")
                .starts_with("max-age="),
            "{path}"
        );
    }
    live.stop().await;
}

#[tokio::test]
async fn control_characters_and_invisible_text_get_a_4xx_never_a_5xx() {
    for backend in backends() {
        let live = Live::start(TestServer::start_demo(backend).await).await;
        // Every text field of sign-in.
        for body in [
            json!({"national_id": "100000\u{0}0008", "password": PASSWORD}),
            json!({"national_id": FAMILY, "password": "Demo\u{0}2026"}),
        ] {
            let answer = live.post("/api/v1/session", body).await;
            assert_eq!(
                answer.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{answer:?}"
            );
            assert_eq!(answer.field_codes()[0].1, codes::CONTROL_CHARACTER);
        }
        let invisible_password = live
            .post(
                "/api/v1/session",
                json!({"national_id": FAMILY, "password": "\u{200B}\u{200B}"}),
            )
            .await;
        assert_eq!(
            invisible_password.field_codes(),
            [("password".to_owned(), codes::REQUIRED.to_owned())]
        );
        for path in ["/api/v1/session/verify", "/api/v1/session/resend"] {
            let answer = live
                .post(path, json!({"challenge_id": "a\u{0}b", "code": "123456"}))
                .await;
            assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        }
        let cookie = {
            let started = live.start_session(WIDOW, PASSWORD).await;
            let code = live.server.last_code(WIDOW).await;
            let verified = live
                .post(
                    "/api/v1/session/verify",
                    json!({"challenge_id": started.body["challenge_id"], "code": code}),
                )
                .await;
            verified
                .header("set-cookie")
                .split(';')
                .next()
                .unwrap_or_default()
                .to_owned()
        };
        // Path parameters and queries, encoded.
        for path in [
            "/api/v1/objections/OB-%00",
            "/api/v1/payments/1%00",
            "/api/v1/payments?x=%00",
            "/api/v1/objections/OB-%E2%80%AE1",
        ] {
            let answer = live.get(path, Some(&cookie)).await;
            assert!(
                answer.status.is_client_error(),
                "{backend:?} {path}: {answer:?}"
            );
            assert_eq!(
                answer.field_codes()[0].1,
                codes::CONTROL_CHARACTER,
                "{path}"
            );
        }
        let ticket = |message: &str| {
            let request = live
                .http
                .post(format!("{}/api/v1/tickets", live.base))
                .header("cookie", &cookie)
                .json(&json!({"category": "account", "message": message}));
            async move { Answer::from(request.send().await.expect("answer")).await }
        };
        for invisible in [
            "\u{200B}\u{200B}\u{200B}",
            "\u{FEFF} \u{200D}",
            "\u{202E}\u{2066}",
        ] {
            let answer = ticket(invisible).await;
            assert_eq!(
                answer.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{invisible:?}"
            );
            assert_eq!(
                answer.field_codes(),
                [("message".to_owned(), codes::REQUIRED.to_owned())]
            );
        }
        let nul = ticket("hello\u{0}").await;
        assert_eq!(nul.field_codes()[0].1, codes::CONTROL_CHARACTER);
        let overridden = ticket("invoice\u{202E}fdp.exe").await;
        assert_eq!(overridden.status, StatusCode::CREATED);
        assert_eq!(
            overridden.body["message"], "invoicefdp.exe",
            "the override is gone"
        );
        live.stop().await;
    }
}

#[tokio::test]
async fn sign_out_holds_at_once_here_and_within_five_seconds_on_another_process() {
    for backend in backends() {
        let first = TestServer::start_demo(backend).await;
        // A second server process on the same database: its own state and session memory.
        let second_state =
            server::AppState::new(first.db.clone(), first.state.static_files.clone(), true);
        let second = server::app(second_state.clone());
        let cookie = first.login(FAMILY).await;
        let me = |app: axum::Router| {
            let cookie = cookie.clone();
            async move {
                use tower::ServiceExt;
                app.oneshot(
                    axum::http::Request::get("/api/v1/me")
                        .header("cookie", cookie)
                        .body(axum::body::Body::empty())
                        .expect("request"),
                )
                .await
                .expect("answer")
                .status()
            }
        };
        assert_eq!(
            me(second.clone()).await,
            StatusCode::OK,
            "the other process knows it"
        );
        let out = first
            .call(
                axum::http::Method::DELETE,
                "/api/v1/session",
                None,
                Some(&cookie),
                &[],
            )
            .await;
        assert_eq!(out.status, StatusCode::NO_CONTENT);
        assert_eq!(
            first.get_as("/api/v1/me", &cookie).await.status,
            StatusCode::UNAUTHORIZED,
            "at once on the process that signed out"
        );
        second_state.clock.advance(6);
        assert_eq!(
            me(second).await,
            StatusCode::UNAUTHORIZED,
            "{backend:?}: within five seconds on the other"
        );
        first.stop().await;
    }
}

#[tokio::test]
async fn old_rows_are_swept() {
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        let cookie = server.login(FAMILY).await;
        server
            .post(
                "/api/v1/session",
                json!({"national_id": WIDOW, "password": "wrong"}),
                None,
            )
            .await;
        let clock = server.state.clock.clone();
        let nothing_yet = server::cleanup::sweep(&server.db, &clock)
            .await
            .expect("sweep");
        assert_eq!(nothing_yet.sessions, 0);
        clock.advance(2 * 24 * 3600);
        let swept = server::cleanup::sweep(&server.db, &clock)
            .await
            .expect("sweep");
        assert!(swept.challenges >= 1, "{swept:?}");
        assert!(swept.sessions >= 1, "{swept:?}");
        assert!(swept.rate_events >= 1, "{swept:?}");
        assert!(swept.sms_outbox >= 1, "{swept:?}");
        assert_eq!(
            server.get_as("/api/v1/me", &cookie).await.status,
            StatusCode::UNAUTHORIZED
        );
        server.stop().await;
    }
}

#[tokio::test]
async fn logs_never_hold_an_id_a_password_a_code_or_a_token() {
    let live = Live::start(TestServer::start_demo(support::Backend::Sqlite).await).await;
    let secret_password = "Secret-Pass-123";
    live.start_session(FAMILY, secret_password).await;
    let started = live.start_session(FAMILY, PASSWORD).await;
    let code = live.server.last_code(FAMILY).await;
    let verified = live
        .post_with(
            "/api/v1/session/verify",
            json!({"challenge_id": started.body["challenge_id"], "code": code}),
            &[("x-request-id", "trace-me-42")],
        )
        .await;
    assert_eq!(verified.header("x-request-id"), "trace-me-42");
    let token = verified
        .header("set-cookie")
        .split(';')
        .next()
        .and_then(|pair| pair.split_once('='))
        .map(|(_, token)| token.to_owned())
        .expect("a token");
    live.get(
        "/api/v1/payments",
        Some(&format!("__Host-portal_session={token}")),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let logs = String::from_utf8_lossy(&captured_logs().lock().expect("logs")).into_owned();
    for secret in [
        FAMILY,
        secret_password,
        PASSWORD,
        code.as_str(),
        token.as_str(),
    ] {
        assert!(!logs.contains(secret), "the log holds {secret}");
    }
    let line = logs
        .lines()
        .find(|line| line.contains("trace-me-42") && line.contains("\"route\""))
        .expect("a request line with the request id");
    for part in [
        "\"method\":\"POST\"",
        "\"route\":\"/api/v1/session/verify\"",
        "\"status\":200",
        "duration_ms",
    ] {
        assert!(line.contains(part), "{part} in {line}");
    }
    assert!(logs.contains("\"route\":\"/api/v1/payments\""));
    live.stop().await;
}

#[tokio::test]
async fn limits_hold_across_two_server_processes_on_one_database() {
    for backend in backends() {
        let live = Live::start(TestServer::start_demo(backend).await).await;
        // A second process: its own state, session memory and hashing pool, the same database.
        let second = server::AppState::new(
            live.server.db.clone(),
            live.server.state.static_files.clone(),
            true,
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("port");
        let second_base = format!("http://{}", listener.local_addr().expect("address"));
        let service =
            server::app(second).into_make_service_with_connect_info::<std::net::SocketAddr>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, service).await;
        });
        let bases = [live.base.clone(), second_base];
        let answers = parallel(30, |n| {
            let request = live
                .http
                .post(format!("{}/api/v1/session", bases[n % 2]))
                .json(&json!({"national_id": FAMILY, "password": "guess"}));
            async move { Answer::from(request.send().await.expect("answer")).await }
        })
        .await;
        assert_eq!(
            live.audit_count("password_rejected").await,
            5,
            "{backend:?}: five checks across both processes"
        );
        assert!(
            answers.iter().all(|a| a.status == StatusCode::UNAUTHORIZED
                || a.status == StatusCode::TOO_MANY_REQUESTS)
        );
        // Codes: twelve right passwords for another account, alternating processes.
        let mut sent = 0;
        for n in 0..12 {
            let answer = live
                .http
                .post(format!("{}/api/v1/session", bases[n % 2]))
                .json(&json!({"national_id": WIDOW, "password": PASSWORD}))
                .send()
                .await
                .expect("answer");
            if answer.status() == StatusCode::OK {
                sent += 1;
            }
        }
        assert_eq!(
            sent, 5,
            "{backend:?}: five codes an hour, whichever process is asked"
        );
        live.stop().await;
    }
}
