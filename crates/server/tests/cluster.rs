//! More than one server: migrations when servers start at once, readiness for a load
//! balancer, and a stop (SIGTERM) that loses no request in flight.

mod support;

use std::{
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use support::{Backend, TestServer, backends};

/// A new, empty database of this backend: its URL, and what to drop afterwards.
async fn empty_database(backend: Backend, name: &str) -> (String, Option<(String, String)>) {
    match backend {
        Backend::Sqlite => {
            let folder = std::env::temp_dir().join(format!("{name}_{}", std::process::id()));
            std::fs::create_dir_all(&folder).expect("folder");
            (
                format!("sqlite:{}", folder.join("portal.db").display()),
                None,
            )
        }
        Backend::Postgres => {
            use sqlx::Connection;
            let admin = std::env::var("PORTAL_TEST_POSTGRES_URL").expect("postgres URL");
            let name = format!(
                "{name}_{}_{}",
                std::process::id(),
                server::clock::unix_seconds()
            );
            let mut connection = sqlx::PgConnection::connect(&admin).await.expect("admin");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut connection)
                .await
                .expect("create");
            let base = admin
                .rsplit_once('/')
                .map_or(admin.as_str(), |(base, _)| base);
            (format!("{base}/{name}"), Some((admin.clone(), name)))
        }
    }
}

async fn drop_database(postgres: Option<(String, String)>) {
    use sqlx::Connection;
    if let Some((admin, name)) = postgres
        && let Ok(mut connection) = sqlx::PgConnection::connect(&admin).await
    {
        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut connection)
            .await;
    }
}

#[tokio::test]
async fn four_servers_starting_at_once_migrate_once() {
    for backend in backends() {
        let (url, postgres) = empty_database(backend, "portal_race").await;
        let starts = futures::future::join_all((0..4).map(|_| server::db::connect(&url))).await;
        for start in &starts {
            assert!(start.is_ok(), "{backend:?}: {start:?}");
        }
        let db = starts.into_iter().next().expect("one").expect("connected");
        let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
            .fetch_one(&db.pool)
            .await
            .expect("migrations table");
        let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite"))
            .expect("migrations")
            .count();
        assert_eq!(applied, files as i64, "{backend:?}: each migration once");
        // Two demo seeds at once: one seeds, the other sees it done.
        let today = server::clock::Clock::default().today();
        let (a, b) = tokio::join!(
            server::demo::seed(&db, today),
            server::demo::seed(&db, today)
        );
        assert!(a.is_ok() && b.is_ok(), "{backend:?}: {a:?} {b:?}");
        db.pool.close().await;
        drop_database(postgres).await;
    }
}

#[tokio::test]
async fn ready_says_no_while_the_process_drains() {
    for backend in backends() {
        let server = TestServer::start(backend).await;
        let ready = server.get("/api/v1/ready").await;
        assert_eq!(ready.status, 200, "{backend:?}");
        assert_eq!(ready.json::<wire::Ready>(), wire::Ready { ready: true });
        server
            .state
            .draining
            .store(true, std::sync::atomic::Ordering::Relaxed);
        let draining = server.get("/api/v1/ready").await;
        assert_eq!(draining.status, 503);
        assert_eq!(draining.code(), wire::codes::NOT_READY);
        assert_eq!(
            server.get("/api/v1/health").await.status,
            200,
            "still alive"
        );
        server.stop().await;
    }
}

struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A valid national ID made from a number.
fn national_id(n: u32) -> String {
    let stem = format!("1{:08}", 60_000_000 + n);
    (0..10)
        .map(|check| format!("{stem}{check}"))
        .find(|id| rules::national_id::validate(id).is_ok())
        .expect("one check digit fits")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

#[tokio::test]
async fn sigterm_during_load_loses_no_request_in_flight() {
    let folder = std::env::temp_dir().join(format!("portal-drain-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("folder");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let process = Process(
        Command::new(env!("CARGO_BIN_EXE_server"))
            .args(["--demo", "--addr", &format!("127.0.0.1:{port}")])
            .args([
                "--database-url",
                &format!("sqlite:{}", folder.join("db").display()),
            ])
            .args(["--static-dir", &folder.join("none").display().to_string()])
            .args(["--drain-seconds", "1", "--hash-concurrency", "1"])
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts"),
    );
    let http = reqwest::Client::new();
    let started = Instant::now();
    while http
        .get(format!("{base}/api/v1/health"))
        .send()
        .await
        .is_err()
    {
        assert!(started.elapsed() < Duration::from_secs(30), "never came up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Password checks are slow, one at a time: twelve of them keep the server busy.
    let in_flight: Vec<_> = (0..12)
        .map(|n| {
            let http = http.clone();
            let url = format!("{base}/api/v1/session");
            tokio::spawn(async move {
                http.post(url)
                    .json(&serde_json::json!({"national_id": national_id(n), "password": "x"}))
                    .send()
                    .await
                    .map(|response| response.status().as_u16())
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(30)).await;
    let pid = process.0.id().to_string();
    let signalled = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(signalled.success());
    // While draining, it still serves, and says it is not ready.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let ready = http
        .get(format!("{base}/api/v1/ready"))
        .send()
        .await
        .expect("still serving while draining");
    assert_eq!(ready.status().as_u16(), 503);
    for request in in_flight {
        let status = request
            .await
            .expect("task")
            .expect("every request in flight is answered");
        assert!(status == 401 || status == 429, "{status}");
    }
    let mut process = process;
    let exit = tokio::task::spawn_blocking(move || process.0.wait())
        .await
        .expect("join")
        .expect("exit status");
    assert!(exit.success(), "a clean exit: {exit:?}");
    let _ = std::fs::remove_dir_all(&folder);
}
