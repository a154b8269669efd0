//! A built app as static hosts serve it: which file answers which path with which status
//! (the file, a prerendered page, the shell for the app's routes, a real 404), the same in
//! the server and in the configuration `host-config` generates for nginx and CDNs.

use std::path::{Path, PathBuf};

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use server::{
    app_routes, host_config,
    static_files::{IMMUTABLE, REVALIDATE, StaticFiles},
};

const SCRIPT: &str = "/portal-0123456789abcdef.js";

/// A dist/ as the build leaves it: the prerendered home as index.html, the shell kept as
/// 200.html, a prerendered /check with an inline script of its own, hashed code.
fn built_app(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("portal_static_{}_{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("check")).expect("folder");
    let page = |body: &str, script: &str| {
        format!(
            "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><script type=\"module\">{script}</script></head><body>{body}{}</body></html>\n",
            " ".repeat(400)
        )
    };
    let write = |path: &str, text: String| std::fs::write(dir.join(path), text).expect("file");
    write("index.html", page("home", "init()"));
    write("200.html", page("shell", "init()"));
    write("check/index.html", page("check", "init('check')"));
    write(&SCRIPT[1..], "export default 1;\n".repeat(40));
    write("robots.txt", "User-agent: *\n".to_string());
    dir
}

fn lookup(files: &StaticFiles, path: &str) -> (StatusCode, String) {
    let found = files.lookup(path);
    (found.status, found.file.unwrap_or_default())
}

#[test]
fn files_prerendered_pages_app_routes_and_unknown_paths_are_told_apart() {
    let dir = built_app("lookup");
    host_config::generate(&dir).expect("generated");
    let files = StaticFiles::load(&dir).expect("loaded");
    let ok = StatusCode::OK;
    assert_eq!(lookup(&files, "/"), (ok, "/index.html".into()));
    assert_eq!(lookup(&files, "/200.html"), (ok, "/200.html".into()));
    assert_eq!(lookup(&files, SCRIPT), (ok, SCRIPT.into()));
    assert_eq!(lookup(&files, "/check"), (ok, "/check/index.html".into()));
    assert_eq!(lookup(&files, "/check/"), (ok, "/check/index.html".into()));
    // Routes without a page of their own, public or signed in: the shell, 200.
    for path in [
        "/check/result",
        "/login",
        "/account",
        "/account/payments/2026-01",
    ] {
        assert_eq!(lookup(&files, path), (ok, "/200.html".into()), "{path}");
    }
    // Anything else: a real 404, with the shell so the app says the page does not exist.
    for path in [
        "/does-not-exist",
        "/account/nope/deeper",
        "/missing.js",
        "/_headers",
    ] {
        assert_eq!(
            lookup(&files, path),
            (StatusCode::NOT_FOUND, "/404.html".into()),
            "{path}"
        );
    }
    // The host's own files and the precompressed forms are not pages of their own.
    let urls = files.urls();
    assert!(
        !urls
            .iter()
            .any(|url| url.starts_with("/.host") || url.ends_with(".br"))
    );
    assert!(urls.contains(&"/404.html"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn responses_carry_the_cache_policy_and_the_precompressed_bytes() {
    let dir = built_app("respond");
    host_config::generate(&dir).expect("generated");
    let files = StaticFiles::load(&dir).expect("loaded");
    let mut brotli = HeaderMap::new();
    brotli.insert(
        header::ACCEPT_ENCODING,
        HeaderValue::from_static("gzip, br"),
    );
    let script = files.respond(SCRIPT, &brotli);
    assert_eq!(script.status(), StatusCode::OK);
    assert_eq!(script.headers()[header::CACHE_CONTROL], IMMUTABLE);
    assert_eq!(script.headers()[header::CONTENT_ENCODING], "br");
    let on_disk = std::fs::read(dir.join(format!("{}.br", &SCRIPT[1..]))).expect(".br");
    assert_eq!(
        script.headers()[header::CONTENT_LENGTH],
        on_disk.len().to_string().as_str()
    );
    for path in ["/", "/check", "/account/payments"] {
        let page = files.respond(path, &HeaderMap::new());
        assert_eq!(page.status(), StatusCode::OK, "{path}");
        assert_eq!(page.headers()[header::CACHE_CONTROL], REVALIDATE, "{path}");
    }
    let missing = files.respond("/does-not-exist", &HeaderMap::new());
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(missing.headers()[header::CACHE_CONTROL], REVALIDATE);
    // Every page's inline script runs under the one policy.
    let csp = files.csp().to_str().expect("ascii").to_string();
    assert_eq!(csp.matches("'sha256-").count(), 2, "{csp}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|_| panic!("{name} written"))
}

#[test]
fn the_generated_host_configuration_follows_the_route_table_and_the_files() {
    let dir = built_app("config");
    host_config::generate(&dir).expect("generated");
    let files = StaticFiles::load(&dir).expect("loaded");
    let nginx = read(&dir, host_config::NGINX_INCLUDE);
    let redirects = read(&dir, "_redirects");
    let headers = read(&dir, "_headers");
    // Every route of the app (src/lib.rs) is in the nginx fallback; routes added there
    // appear here without any edit.
    for route in app_routes::all() {
        let regex = route.regex();
        let alternative = regex.trim_start_matches('^').trim_end_matches('$');
        if route.to_string() != "/" {
            assert!(
                nginx.contains(alternative),
                "{route} missing from nginx.conf"
            );
        }
        if !route.is_fixed() {
            assert!(
                redirects.contains(&route.cdn_pattern()),
                "{route} missing from _redirects"
            );
        }
    }
    assert!(nginx.contains("location = /check { rewrite ^ /check/index.html last; }"));
    assert!(nginx.contains("error_page 404 /404.html;"));
    assert!(nginx.contains(&format!("location = {SCRIPT}.br {{")));
    assert!(redirects.trim_end().ends_with("/*  /404.html  404"));
    assert!(
        !redirects.contains("/check  /200.html"),
        "prerendered pages need no rewrite"
    );
    assert!(redirects.contains("/account/payments  /200.html  200"));
    // CDNs join the values of every matching rule: the catch-all must set no cache policy.
    let catch_all = headers.split("\n\n").next().expect("first rule");
    assert!(!catch_all.contains("Cache-Control"), "{catch_all}");
    let csp = files.csp().to_str().expect("ascii");
    assert!(headers.contains(csp) && nginx.contains(csp));
    assert!(headers.contains(&format!("{SCRIPT}\n  Cache-Control: {IMMUTABLE}")));
    // Nothing environment-specific: no absolute path, host or port.
    for text in [&nginx, &redirects, &headers] {
        assert!(!text.contains(&dir.display().to_string()));
        assert!(!text.contains("127.0.0.1") && !text.contains("http://"));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
