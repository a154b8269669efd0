//! The server over HTTP semantics, without a network: `app(state).oneshot(request)`.
//! Every test that touches the database runs against SQLite and against PostgreSQL
//! (`PORTAL_TEST_POSTGRES_URL`, which scripts/test provides).

mod support;

use axum::{
    body::Body,
    http::{Method, Request, StatusCode, header},
};
use support::{TestServer, backends};

#[tokio::test]
async fn health_answers_json_on_every_backend() {
    for backend in backends() {
        let server = TestServer::start(backend).await;
        let response = server.get("/api/v1/health").await;
        assert_eq!(response.status, StatusCode::OK, "{backend:?}");
        let health: wire::Health = response.json();
        assert_eq!(health.status, "ok");
        assert!(health.database, "{backend:?}: the database must answer");
        server.stop().await;
    }
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s() {
    let server = TestServer::start(support::Backend::Sqlite).await;
    for path in ["/api/v1/nope", "/api/v1/", "/api/nope", "/api"] {
        let response = server.get(path).await;
        assert_eq!(response.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(response.content_type(), "application/json", "{path}");
        let body: wire::ErrorBody = response.json();
        assert_eq!(body.code, wire::codes::NOT_FOUND, "{path}");
    }
    server.stop().await;
}

#[tokio::test]
async fn a_wrong_method_is_a_json_405() {
    let server = TestServer::start(support::Backend::Sqlite).await;
    let response = server
        .send(
            Request::builder()
                .method(Method::DELETE)
                .uri("/api/v1/health")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(response.status, StatusCode::METHOD_NOT_ALLOWED);
    let body: wire::ErrorBody = response.json();
    assert_eq!(body.code, wire::codes::METHOD_NOT_ALLOWED);
    server.stop().await;
}

#[tokio::test]
async fn deep_links_get_the_app_and_it_is_never_cached_stale() {
    let server = TestServer::start(support::Backend::Sqlite).await;
    for path in ["/", "/contact", "/account/payments"] {
        let response = server.get(path).await;
        assert_eq!(response.status, StatusCode::OK, "{path}");
        assert!(
            response.text().contains(r#"<html lang="ar" dir="rtl">"#),
            "{path}"
        );
        assert_eq!(response.header(header::CACHE_CONTROL), "no-cache", "{path}");
    }
    // Unknown paths are real 404s, still carrying the app so it shows its not-found page.
    for path in ["/no-such-page", "/missing.js"] {
        let missing = server.get(path).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            missing.text().contains(r#"<html lang="ar" dir="rtl">"#),
            "{path}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_compressed_for_those_who_accept_it() {
    let server = TestServer::start(support::Backend::Sqlite).await;
    let request = |encoding: &str| {
        Request::builder()
            .uri(support::HASHED_SCRIPT)
            .header(header::ACCEPT_ENCODING, encoding)
            .body(Body::empty())
            .expect("request")
    };
    let brotli = server.send(request("gzip, deflate, br")).await;
    assert_eq!(brotli.status, StatusCode::OK);
    assert_eq!(brotli.header(header::CONTENT_ENCODING), "br");
    assert!(brotli.header(header::CACHE_CONTROL).contains("immutable"));
    let gzip = server.send(request("gzip")).await;
    assert_eq!(gzip.header(header::CONTENT_ENCODING), "gzip");
    let plain = server.send(request("identity")).await;
    assert_eq!(plain.header(header::CONTENT_ENCODING), "");
    assert_eq!(plain.text(), support::SCRIPT_BODY.repeat(20));

    let etag = plain.header(header::ETAG);
    let revalidated = server
        .send(
            Request::builder()
                .uri(support::HASHED_SCRIPT)
                .header(header::IF_NONE_MATCH, etag)
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert_eq!(revalidated.status, StatusCode::NOT_MODIFIED);
    server.stop().await;
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_the_loader_hash() {
    let server = TestServer::start(support::Backend::Sqlite).await;
    for path in ["/", "/api/v1/health", "/api/v1/nope"] {
        let response = server.get(path).await;
        let csp = response.header(header::CONTENT_SECURITY_POLICY);
        assert!(csp.contains("'wasm-unsafe-eval'"), "{path}: {csp}");
        assert!(!csp.contains("'unsafe-inline'"), "{path}: {csp}");
        assert!(!csp.contains("'unsafe-eval'"), "{path}: {csp}");
        assert!(csp.contains(&support::loader_hash()), "{path}: {csp}");
        assert_eq!(response.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
        assert_eq!(response.header(header::X_FRAME_OPTIONS), "DENY");
    }
    server.stop().await;
}

#[tokio::test]
async fn oversized_bodies_are_refused_before_any_handler() {
    let server = TestServer::start(support::Backend::Sqlite).await;
    let response = server
        .send(
            Request::builder()
                .method(Method::POST)
                .uri("/api/v1/health")
                .header(header::CONTENT_LENGTH, server::MAX_BODY_BYTES + 1)
                .body(Body::from(vec![b'x'; server::MAX_BODY_BYTES + 1]))
                .expect("request"),
        )
        .await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    server.stop().await;
}

#[tokio::test]
async fn demo_seed_is_applied_once() {
    for backend in backends() {
        let server = TestServer::start(backend).await;
        server::demo::seed(&server.db, server.state.clock.today())
            .await
            .expect("first seed");
        server::demo::seed(&server.db, server.state.clock.today())
            .await
            .expect("second seed");
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM beneficiaries")
            .fetch_one(&server.db.pool)
            .await
            .expect("count");
        assert_eq!(
            count,
            server::demo::DEMO_BENEFICIARIES.len() as i64,
            "{backend:?}"
        );
        server.stop().await;
    }
}
