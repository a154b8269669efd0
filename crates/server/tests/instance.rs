//! `GET /api/v1/instance` and the setting behind it: the app says whether this copy is a
//! demo and who operates it, and outside demo mode the server will not start without a name.

mod support;

use std::{process::Command, sync::Arc};

use axum::http::StatusCode;
use server::routes::instance::Operator;
use support::{Backend, TestServer};

#[tokio::test]
async fn a_demo_says_so_and_names_no_operator() {
    let server = TestServer::start(Backend::Sqlite).await;
    let response = server.get("/api/v1/instance").await;
    assert_eq!(response.status, StatusCode::OK);
    let instance: wire::Instance = response.json();
    assert_eq!(
        instance,
        wire::Instance {
            demo: true,
            operator_ar: None,
            operator_en: None,
        }
    );
    server.stop().await;
}

#[tokio::test]
async fn an_operated_instance_names_its_operator() {
    let server = TestServer::start_with(Backend::Sqlite, false)
        .await
        .with_state(|mut state| {
            state.operator = Arc::new(Operator {
                ar: Some("الجهة المشغلة".to_owned()),
                en: Some("The operator".to_owned()),
            });
            state
        });
    let instance: wire::Instance = server.get("/api/v1/instance").await.json();
    assert!(!instance.demo);
    assert_eq!(instance.operator_ar.as_deref(), Some("الجهة المشغلة"));
    assert_eq!(instance.operator_en.as_deref(), Some("The operator"));
    server.stop().await;
}

#[test]
fn outside_demo_mode_the_server_refuses_to_start_without_an_operator() {
    let folder = std::env::temp_dir().join(format!("portal-operator-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("folder");
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["--addr", "127.0.0.1:0"])
        .args(["--sms-sender", "http", "--sms-url", "http://127.0.0.1:9/"])
        .args([
            "--database-url",
            &format!("sqlite:{}", folder.join("db").display()),
        ])
        .args(["--static-dir", &folder.join("none").display().to_string()])
        .args(["--operator-en", "Only English"])
        .env_remove("PORTAL_OPERATOR_AR")
        .env("PORTAL_SMS_TOKEN", "token")
        .env("RUST_LOG", "error")
        .output()
        .expect("the server binary runs");
    assert!(
        !output.status.success(),
        "must not start without an operator"
    );
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("--operator-ar"), "{said}");
    let _ = std::fs::remove_dir_all(&folder);
}
