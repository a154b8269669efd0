//! A fresh server per test: its own database (a new SQLite file, or a new PostgreSQL
//! database) and a small built-app folder with an inline loader like Trunk's.

#![allow(dead_code)]

use std::path::PathBuf;

use axum::{
    Router,
    body::Body,
    http::{HeaderName, Method, Request, StatusCode},
};
use base64::Engine;
use http_body_util::BodyExt;
use sha2::{Digest, Sha256};
use tower::ServiceExt;

pub const HASHED_SCRIPT: &str = "/portal-0123456789abcdef.js";
pub const SCRIPT_BODY: &str =
    "export function run() { return 'the app, long enough to be worth compressing'; }\n";
const LOADER: &str = "\nimport init from '/portal-0123456789abcdef.js';\nawait init();\n";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// SQLite always; PostgreSQL too when `PORTAL_TEST_POSTGRES_URL` is set (scripts/test sets
/// it; in CI a missing PostgreSQL is a failure, not a skip).
pub fn backends() -> Vec<Backend> {
    let mut backends = vec![Backend::Sqlite];
    if std::env::var("PORTAL_TEST_POSTGRES_URL").is_ok() {
        backends.push(Backend::Postgres);
    } else if std::env::var("CI").is_ok() {
        panic!("PORTAL_TEST_POSTGRES_URL must be set in CI (scripts/test sets it)");
    }
    backends
}

pub fn loader_hash() -> String {
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(LOADER.as_bytes()))
    )
}

pub struct TestServer {
    pub app: Router,
    pub state: server::AppState,
    pub db: server::db::Database,
    folder: PathBuf,
    postgres: Option<(String, String)>,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl TestResponse {
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_slice(&self.body).unwrap_or_else(|error| {
            panic!(
                "not the expected JSON ({error}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: impl TryInto<HeaderName>) -> String {
        name.try_into()
            .ok()
            .and_then(|name| self.headers.get(name))
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
            .to_owned()
    }

    /// `name=value` of the cookie this response sets.
    pub fn cookie(&self) -> String {
        self.header("set-cookie")
            .split(';')
            .next()
            .unwrap_or_default()
            .to_owned()
    }

    /// The error code of a JSON error body.
    pub fn code(&self) -> String {
        self.json::<wire::ErrorBody>().code
    }

    pub fn content_type(&self) -> String {
        self.header("content-type")
    }
}

fn unique_name() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!(
        "portal_t_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        server::clock::unix_seconds()
    )
}

impl TestServer {
    pub async fn start(backend: Backend) -> Self {
        Self::start_with(backend, true).await
    }

    /// `demo` decides whether the demo-only endpoints exist (no demo data is seeded here).
    pub async fn start_with(backend: Backend, demo: bool) -> Self {
        let name = unique_name();
        let folder = std::env::temp_dir().join(&name);
        let dist = folder.join("dist");
        std::fs::create_dir_all(&dist).expect("temp folder");
        std::fs::write(
            dist.join("index.html"),
            format!(
                "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><script type=\"module\">{LOADER}</script></head><body></body></html>\n"
            ),
        )
        .expect("index.html");
        std::fs::write(dist.join(&HASHED_SCRIPT[1..]), SCRIPT_BODY.repeat(20)).expect("script");

        let (url, postgres) = match backend {
            Backend::Sqlite => (
                format!("sqlite:{}", folder.join("portal.db").display()),
                None,
            ),
            Backend::Postgres => {
                let admin = std::env::var("PORTAL_TEST_POSTGRES_URL").expect("postgres URL");
                create_postgres_database(&admin, &name).await;
                let base = admin
                    .rsplit_once('/')
                    .map(|(base, _)| base)
                    .unwrap_or(&admin);
                (format!("{base}/{name}"), Some((admin, name.clone())))
            }
        };
        let db = server::db::connect(&url).await.expect("database");
        let static_files = server::static_files::StaticFiles::load(&dist).expect("static files");
        let state = server::AppState::new(db.clone(), static_files, demo);
        let app = server::app(state.clone());
        Self {
            app,
            state,
            db,
            folder,
            postgres,
        }
    }

    /// The same server with its state changed (limits, SMS sender, https...).
    pub fn with_state(mut self, change: impl FnOnce(server::AppState) -> server::AppState) -> Self {
        self.state = change(self.state.clone());
        self.app = server::app(self.state.clone());
        self
    }

    /// Serves this server over real HTTP on a free loopback port, with the socket's peer as
    /// the client address, as `main` does; returns its base URL.
    pub async fn serve(&self) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let address = listener.local_addr().expect("an address");
        let service = self
            .app
            .clone()
            .into_make_service_with_connect_info::<std::net::SocketAddr>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, service).await;
        });
        format!("http://{address}")
    }

    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response = self
            .app
            .clone()
            .oneshot(request)
            .await
            .expect("the router never fails");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
            .to_vec();
        TestResponse {
            status,
            headers,
            body,
        }
    }

    /// A server whose database holds the demo households.
    pub async fn start_demo(backend: Backend) -> Self {
        let server = Self::start(backend).await;
        server::demo::seed(&server.db, server.state.clock.today())
            .await
            .expect("demo seed");
        server
    }

    /// A JSON request, with the session cookie when given.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<serde_json::Value>,
        cookie: Option<&str>,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let mut request = Request::builder().method(method).uri(path);
        if body.is_some() {
            request = request.header("content-type", "application/json");
        }
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let body = body.map_or_else(Body::empty, |json| Body::from(json.to_string()));
        self.send(request.body(body).expect("request")).await
    }

    pub async fn post(
        &self,
        path: &str,
        body: serde_json::Value,
        cookie: Option<&str>,
    ) -> TestResponse {
        self.call(Method::POST, path, Some(body), cookie, &[]).await
    }

    pub async fn get_as(&self, path: &str, cookie: &str) -> TestResponse {
        self.call(Method::GET, path, None, Some(cookie), &[]).await
    }

    /// The newest code the built-in SMS sender wrote for this ID.
    pub async fn last_code(&self, national_id: &str) -> String {
        let outbox: Vec<wire::SmsMessage> = self.get("/api/v1/dev/sms-outbox").await.json();
        outbox
            .into_iter()
            .rev()
            .find(|message| message.national_id == national_id)
            .map(|message| message.code)
            .expect("a code was sent")
    }

    /// Password, then the code from the outbox: the `name=value` of the session cookie.
    pub async fn login(&self, national_id: &str) -> String {
        let started = self
            .post(
                "/api/v1/session",
                serde_json::json!({"national_id": national_id, "password": "Demo@2026"}),
                None,
            )
            .await;
        assert_eq!(started.status, StatusCode::OK, "{}", started.text());
        let challenge: wire::ChallengeSent = started.json();
        let code = self.last_code(national_id).await;
        let verified = self
            .post(
                "/api/v1/session/verify",
                serde_json::json!({"challenge_id": challenge.challenge_id, "code": code}),
                None,
            )
            .await;
        assert_eq!(verified.status, StatusCode::OK, "{}", verified.text());
        verified.cookie()
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.send(Request::get(path).body(Body::empty()).expect("request"))
            .await
    }

    pub async fn stop(self) {
        self.db.pool.close().await;
        if let Some((admin, name)) = &self.postgres {
            drop_postgres_database(admin, name).await;
        }
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

async fn create_postgres_database(admin_url: &str, name: &str) {
    use sqlx::Connection;
    let mut connection = sqlx::PgConnection::connect(admin_url)
        .await
        .expect("PostgreSQL at PORTAL_TEST_POSTGRES_URL");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut connection)
        .await
        .expect("create test database");
}

async fn drop_postgres_database(admin_url: &str, name: &str) {
    use sqlx::Connection;
    if let Ok(mut connection) = sqlx::PgConnection::connect(admin_url).await {
        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut connection)
            .await;
    }
}
