//! What an operator configures: the SMS provider over real HTTP (a small provider started
//! here), and the refusals of the `server` binary to start in an unsafe way.

mod support;

use std::{
    process::Command,
    sync::{Arc, Mutex},
    time::Duration,
};

use axum::{Json, Router, extract::State, http::HeaderMap, http::StatusCode, routing::post};
use serde_json::json;
use server::sms::{CodeMessage, HttpSender, ProviderMessage, SmsSender};
use support::TestServer;

/// A provider that answers each call with the next status of its script, and keeps what it got.
#[derive(Clone, Default)]
struct Provider {
    script: Arc<Mutex<Vec<u16>>>,
    received: Arc<Mutex<Vec<(String, ProviderMessage)>>>,
}

async fn provider_endpoint(
    State(provider): State<Provider>,
    headers: HeaderMap,
    Json(message): Json<ProviderMessage>,
) -> StatusCode {
    let authorization = headers
        .get("authorization")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_owned();
    provider
        .received
        .lock()
        .expect("lock")
        .push((authorization, message));
    let mut script = provider.script.lock().expect("lock");
    let status = if script.is_empty() {
        200
    } else {
        script.remove(0)
    };
    StatusCode::from_u16(status).unwrap_or(StatusCode::OK)
}

async fn start_provider(script: Vec<u16>) -> (Provider, String) {
    let provider = Provider {
        script: Arc::new(Mutex::new(script)),
        ..Default::default()
    };
    let app = Router::new()
        .route("/messages", post(provider_endpoint))
        .with_state(provider.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("port");
    let url = format!(
        "http://{}/messages",
        listener.local_addr().expect("address")
    );
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (provider, url)
}

fn sender(url: &str) -> HttpSender {
    HttpSender::new(
        url,
        "provider-token",
        Duration::from_secs(2),
        Duration::from_millis(10),
    )
    .expect("sender")
}

fn message() -> CodeMessage<'static> {
    CodeMessage {
        national_id: "1000000008",
        mobile: "0551234567",
        code: "123456",
        purpose: server::sms::CodePurpose::SignIn,
    }
}

#[tokio::test]
async fn the_http_sender_posts_json_with_its_token_and_retries_failures() {
    let (provider, url) = start_provider(vec![503, 500]).await;
    sender(&url)
        .send(message())
        .await
        .expect("sent on the third call");
    let received = provider.received.lock().expect("lock");
    assert_eq!(received.len(), 3, "two failures, then success");
    for (authorization, body) in received.iter() {
        assert_eq!(authorization, "Bearer provider-token");
        assert_eq!(body.to, "0551234567");
        assert!(body.text.starts_with("123456 "), "{}", body.text);
    }
}

#[tokio::test]
async fn the_http_sender_gives_up_on_a_refusal_and_after_three_failures() {
    let (provider, url) = start_provider(vec![400]).await;
    assert!(sender(&url).send(message()).await.is_err());
    assert_eq!(
        provider.received.lock().expect("lock").len(),
        1,
        "a 400 is not retried"
    );

    let (provider, url) = start_provider(vec![503, 503, 503, 503]).await;
    assert!(sender(&url).send(message()).await.is_err());
    assert_eq!(provider.received.lock().expect("lock").len(), 3);

    // Nothing listens: every call fails fast and is retried, then it gives up.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
        listener.local_addr().expect("address")
    };
    assert!(
        sender(&format!("http://{closed}/x"))
            .send(message())
            .await
            .is_err()
    );
}

#[tokio::test]
async fn sign_in_through_the_provider_stores_no_code() {
    let (provider, url) = start_provider(vec![]).await;
    let server = TestServer::start_demo(support::Backend::Sqlite)
        .await
        .with_state(|mut state| {
            state.sms = Arc::new(sender(&url));
            state
        });
    let started = server
        .post(
            "/api/v1/session",
            json!({"national_id": "1000000008", "password": "Demo@2026"}),
            None,
        )
        .await;
    assert_eq!(started.status, StatusCode::OK, "{}", started.text());
    let text = provider.received.lock().expect("lock")[0].1.text.clone();
    let code = &text[..6];
    let outbox: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sms_outbox")
        .fetch_one(&server.db.pool)
        .await
        .expect("count");
    assert_eq!(outbox, 0, "only the demo sender keeps messages");
    let digests: Vec<String> = sqlx::query_scalar("SELECT code_digest FROM login_challenges")
        .fetch_all(&server.db.pool)
        .await
        .expect("digests");
    assert!(digests.iter().all(|digest| !digest.contains(code)));
    let challenge: wire::ChallengeSent = started.json();
    let verified = server
        .post(
            "/api/v1/session/verify",
            json!({"challenge_id": challenge.challenge_id, "code": code}),
            None,
        )
        .await;
    assert_eq!(verified.status, StatusCode::OK);
    server.stop().await;
}

/// Runs the real binary with these arguments; it must refuse to start.
fn refused(args: &[&str], env: &[(&str, &str)]) -> String {
    let folder = std::env::temp_dir().join(format!("portal-start-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("folder");
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .args(args)
        .args(["--static-dir", &folder.join("none").display().to_string()])
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "error");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("the server binary runs");
    assert!(!output.status.success(), "{args:?} must not start");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[tokio::test]
async fn the_server_refuses_to_start_unsafely() {
    let folder = std::env::temp_dir().join(format!("portal-refuse-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("folder");
    let database = format!("sqlite:{}", folder.join("real.db").display());

    let public = refused(
        &["--demo", "--addr", "0.0.0.0:0", "--database-url", &database],
        &[],
    );
    assert!(public.contains("loopback"), "{public}");

    let no_provider = refused(&["--addr", "127.0.0.1:0", "--database-url", &database], &[]);
    assert!(no_provider.contains("--sms-sender http"), "{no_provider}");

    // A database with one real household: demo mode would publish its codes.
    let db = server::db::connect(&database).await.expect("database");
    sqlx::query(
        "INSERT INTO beneficiaries (national_id, name_ar, name_en, birth_date, birth_calendar, \
         nationality, kind, mobile, password_hash, created_at) VALUES \
         ('1234567897', 'x', 'x', '1400-01-01', 'hijri', 'saudi', 'head', '0500000000', 'x', '2026-01-01')",
    )
    .execute(&db.pool)
    .await
    .expect("a real row");
    db.pool.close().await;
    let real = refused(
        &[
            "--demo",
            "--addr",
            "127.0.0.1:0",
            "--database-url",
            &database,
        ],
        &[],
    );
    assert!(real.contains("demo mode refuses this database"), "{real}");
    let _ = std::fs::remove_dir_all(&folder);
}
