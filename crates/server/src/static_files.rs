//! The built app, held in memory with its brotli and gzip forms (read from the `.br` and `.gz`
//! files `host-config` writes beside each file, else made once at start).
//!
//! Why in memory: the app is a few hundred kilobytes, so serving from RAM costs nothing and
//! spares every phone a compression done per request. Hashed file names (Trunk's
//! `name-<16 hex>.ext`) never change content, so they are cached for a year; HTML pages, the
//! service worker and the manifest must be revalidated on every visit so a deployment is
//! picked up at once.
//!
//! Which file answers a path is decided here, and `host_config` writes the same decisions
//! for nginx and CDNs: the file itself; else a prerendered page (`/` -> `index.html`,
//! `/check` -> `check/index.html`, written by scripts/prerender); else, for a route of the
//! app's table, the app shell (`200.html`: Trunk's index.html as built) with 200; else a real
//! 404 carrying the shell, so the app still shows its own not-found page.

use std::{
    collections::HashMap,
    io::Write,
    path::{Path, PathBuf},
    sync::Arc,
};

use anyhow::Context;
use axum::{
    body::Body,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::app_routes;

/// One file of the app, in each encoding worth sending.
#[derive(Debug)]
struct Asset {
    content_type: HeaderValue,
    cache_control: HeaderValue,
    etag: HeaderValue,
    identity: Vec<u8>,
    brotli: Option<Vec<u8>>,
    gzip: Option<Vec<u8>>,
}

/// The app's files by URL path, plus the Content-Security-Policy that lets them run.
#[derive(Debug, Clone)]
pub struct StaticFiles {
    assets: Arc<HashMap<String, Asset>>,
    csp: HeaderValue,
}

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const REVALIDATE: &str = "no-cache";
pub const SHORT: &str = "public, max-age=3600";

/// The app shell for routes without a prerendered page: Trunk's `index.html` with its
/// loading skeleton, kept under this name before prerendering makes `index.html` the home
/// page (the surge.sh convention). Without it, `index.html` is the shell.
pub const SHELL: &str = "/200.html";
/// The body of a 404: a copy of the shell, so the app shows its not-found page (hosts that
/// know the name send it with 404 by themselves).
pub const NOT_FOUND_PAGE: &str = "/404.html";

/// Headers every response carries besides the CSP (and HSTS where the site is https): the
/// server's middleware and the generated host configuration both send exactly these.
pub const SECURITY_HEADERS: [(&str, &str); 5] = [
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "no-referrer"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=()",
    ),
    ("cross-origin-opener-policy", "same-origin"),
];

/// What answers a GET of a path: a status and the file whose bytes are sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookup {
    pub status: StatusCode,
    /// The URL of the file sent; `None` when there is nothing to send but a short text.
    pub file: Option<String>,
}

impl StaticFiles {
    /// Reads every file under `dir` but the host's own (`_headers`, `_redirects`, hidden
    /// folders). A missing folder gives an empty app (the API still works), which the log
    /// says loudly.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let mut files = HashMap::new();
        if dir.is_dir() {
            for path in files_under(dir)? {
                let relative = path
                    .strip_prefix(dir)
                    .context("file outside the static folder")?
                    .to_string_lossy()
                    .replace('\\', "/");
                if is_host_file(&relative) {
                    continue;
                }
                let bytes =
                    std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
                files.insert(format!("/{relative}"), bytes);
            }
        } else {
            tracing::warn!(dir = %dir.display(), "static folder missing: only the API is served");
        }
        // `x.br` and `x.gz` beside `x` are its precompressed forms, not files of their own.
        let precompressed = |url: &str| {
            ["br", "gz"].iter().any(|extension| {
                url.strip_suffix(extension)
                    .and_then(|stem| stem.strip_suffix('.'))
                    .is_some_and(|original| files.contains_key(original))
            })
        };
        let mut assets = HashMap::new();
        for (url, bytes) in &files {
            if precompressed(url) {
                continue;
            }
            let brotli = files.get(&format!("{url}.br")).cloned();
            let gzip = files.get(&format!("{url}.gz")).cloned();
            assets.insert(url.clone(), Asset::new(url, bytes.clone(), brotli, gzip));
        }
        let mut pages: Vec<(&String, &Asset)> = assets
            .iter()
            .filter(|(url, _)| url.ends_with(".html"))
            .collect();
        pages.sort_by_key(|(url, _)| *url);
        let html: Vec<String> = pages
            .iter()
            .map(|(_, asset)| String::from_utf8_lossy(&asset.identity).into_owned())
            .collect();
        let csp = HeaderValue::from_str(&content_security_policy_for(
            &html.iter().map(String::as_str).collect::<Vec<_>>(),
        ))
        .context("CSP is not a valid header value")?;
        Ok(Self {
            assets: Arc::new(assets),
            csp,
        })
    }

    /// The Content-Security-Policy for every response.
    pub fn csp(&self) -> &HeaderValue {
        &self.csp
    }

    /// Every file's URL, sorted.
    pub fn urls(&self) -> Vec<&str> {
        let mut urls: Vec<&str> = self.assets.keys().map(String::as_str).collect();
        urls.sort_unstable();
        urls
    }

    /// The headers a file is sent with: content type, cache policy, and whether brotli and
    /// gzip forms exist.
    pub fn file_headers(&self, url: &str) -> Option<FileHeaders<'_>> {
        self.assets.get(url).map(|asset| FileHeaders {
            content_type: asset
                .content_type
                .to_str()
                .unwrap_or("application/octet-stream"),
            cache_control: asset.cache_control.to_str().unwrap_or(SHORT),
            brotli: asset.brotli.is_some(),
            gzip: asset.gzip.is_some(),
        })
    }

    /// The app shell sent for routes without a page of their own.
    pub fn shell(&self) -> Option<&str> {
        [SHELL, "/index.html"]
            .into_iter()
            .find(|url| self.assets.contains_key(*url))
    }

    /// The page sent with a 404.
    pub fn not_found_page(&self) -> Option<&str> {
        if self.assets.contains_key(NOT_FOUND_PAGE) {
            Some(NOT_FOUND_PAGE)
        } else {
            self.shell()
        }
    }

    /// Which file answers `path`, and with which status (see the module's comment).
    pub fn lookup(&self, path: &str) -> Lookup {
        let found = |status, file: Option<&str>| Lookup {
            status,
            file: file.map(str::to_string),
        };
        if self.assets.contains_key(path) {
            return found(StatusCode::OK, Some(path));
        }
        let prerendered = format!("{}/index.html", path.trim_end_matches('/'));
        if self.assets.contains_key(&prerendered) {
            return found(StatusCode::OK, Some(&prerendered));
        }
        if app_routes::is_app_page(path) {
            return match self.shell() {
                Some(shell) => found(StatusCode::OK, Some(shell)),
                None => found(StatusCode::SERVICE_UNAVAILABLE, None),
            };
        }
        found(StatusCode::NOT_FOUND, self.not_found_page())
    }

    /// Answers a GET for `path` as [`StaticFiles::lookup`] decides.
    pub fn respond(&self, path: &str, request_headers: &HeaderMap) -> Response {
        let lookup = self.lookup(path);
        match lookup
            .file
            .as_deref()
            .and_then(|file| self.assets.get(file))
        {
            Some(asset) => asset.respond(lookup.status, request_headers),
            None if lookup.status == StatusCode::SERVICE_UNAVAILABLE => app_not_built(),
            None => (StatusCode::NOT_FOUND, "not found").into_response(),
        }
    }
}

/// How one file is sent (for the host configuration).
#[derive(Debug, Clone, Copy)]
pub struct FileHeaders<'a> {
    pub content_type: &'a str,
    pub cache_control: &'a str,
    pub brotli: bool,
    pub gzip: bool,
}

/// The host's own files in the folder, never served: `_headers`, `_redirects` (CDN rules)
/// and hidden folders (`.host/` for nginx, Trunk's `.stage/`).
pub fn is_host_file(relative: &str) -> bool {
    relative == "_headers"
        || relative == "_redirects"
        || relative.split('/').any(|part| part.starts_with('.'))
}

/// Whether a file is worth sending compressed: text-like and over 256 bytes.
pub fn worth_compressing(url: &str, len: usize) -> bool {
    let mime = mime_guess::from_path(url).first_or_octet_stream();
    // Images and fonts of these kinds are compressed already.
    let already_compressed = mime.type_() == "font"
        || matches!(
            mime.subtype().as_str(),
            "png" | "jpeg" | "webp" | "gif" | "avif" | "woff" | "woff2"
        )
        || url.ends_with(".br")
        || url.ends_with(".gz");
    !already_compressed && len > 256
}

/// The Content-Type a file is sent with.
pub fn content_type(url: &str) -> String {
    if url.ends_with(".webmanifest") {
        return "application/manifest+json".to_string();
    }
    let mime = mime_guess::from_path(url).first_or_octet_stream();
    if mime.type_() == "text" || mime.subtype() == "javascript" {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    }
}

/// Pages, the service worker and the manifest are revalidated on every visit; hashed files
/// are kept a year; anything else an hour.
pub fn cache_control(url: &str) -> &'static str {
    let name = url.rsplit('/').next().unwrap_or("");
    if name.ends_with(".html")
        || name == "sw.js"
        || name.ends_with(".webmanifest")
        || name == "manifest.json"
    {
        REVALIDATE
    } else if is_hashed(url) {
        IMMUTABLE
    } else {
        SHORT
    }
}

impl Asset {
    fn new(url: &str, identity: Vec<u8>, brotli: Option<Vec<u8>>, gzip: Option<Vec<u8>>) -> Self {
        let (brotli, gzip) = if worth_compressing(url, identity.len()) {
            (
                brotli.or_else(|| Some(brotli_bytes(&identity))),
                gzip.or_else(|| gzip_bytes(&identity)),
            )
        } else {
            (None, None)
        };
        let digest = Sha256::digest(&identity);
        let etag = format!(
            "\"{}\"",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..12])
        );
        Self {
            content_type: HeaderValue::from_str(&content_type(url))
                .unwrap_or(HeaderValue::from_static("application/octet-stream")),
            cache_control: HeaderValue::from_static(cache_control(url)),
            etag: HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\"")),
            identity,
            brotli,
            gzip,
        }
    }

    fn respond(&self, status: StatusCode, request_headers: &HeaderMap) -> Response {
        let mut builder = Response::builder()
            .status(status)
            .header(header::CONTENT_TYPE, self.content_type.clone())
            .header(header::VARY, "accept-encoding");
        if status == StatusCode::OK {
            builder = builder
                .header(header::CACHE_CONTROL, self.cache_control.clone())
                .header(header::ETAG, self.etag.clone());
        } else {
            builder = builder.header(header::CACHE_CONTROL, REVALIDATE);
        }
        let not_modified = status == StatusCode::OK
            && request_headers
                .get(header::IF_NONE_MATCH)
                .and_then(|value| value.to_str().ok())
                .is_some_and(|tags| tags.split(',').any(|tag| tag.trim() == self.etag));
        if not_modified {
            return builder
                .status(StatusCode::NOT_MODIFIED)
                .body(Body::empty())
                .unwrap_or_else(|_| StatusCode::NOT_MODIFIED.into_response());
        }
        let accepted = request_headers
            .get(header::ACCEPT_ENCODING)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("");
        let (encoding, bytes) = match (&self.brotli, &self.gzip) {
            (Some(br), _) if accepts(accepted, "br") => (Some("br"), br),
            (_, Some(gz)) if accepts(accepted, "gzip") => (Some("gzip"), gz),
            _ => (None, &self.identity),
        };
        if let Some(encoding) = encoding {
            builder = builder.header(header::CONTENT_ENCODING, encoding);
        }
        builder
            .header(header::CONTENT_LENGTH, bytes.len())
            .body(Body::from(bytes.clone()))
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
    }
}

impl StaticFiles {
    /// The `_headers` file a static CDN (Netlify, Cloudflare Pages) needs to serve the app as
    /// this server does.
    pub fn cdn_headers(&self) -> String {
        crate::host_config::headers_file(self)
    }
}

/// Browsers keep to https for this host for two years once they have seen it (sent when the
/// server is configured for https, and always in the CDN's headers).
pub const HSTS: &str = "max-age=63072000; includeSubDomains";

/// The policy the app runs under: no inline code except Trunk's loader, allowed by its hash;
/// `'wasm-unsafe-eval'` compiles the wasm without allowing `eval`.
pub fn content_security_policy(index_html: &str) -> String {
    content_security_policy_for(&[index_html])
}

/// The policy for a site of several HTML pages: every inline script of each is allowed.
pub fn content_security_policy_for(pages: &[&str]) -> String {
    let mut scripts: Vec<&str> = pages.iter().flat_map(|page| inline_scripts(page)).collect();
    scripts.sort_unstable();
    scripts.dedup();
    let hashes: String = scripts
        .iter()
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// The bodies of `<script>` elements without `src`, exactly as written (the hash covers
/// every byte between the tags).
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after_tag = &rest[start..];
        let Some(open_end) = after_tag.find('>') else {
            break;
        };
        let open_tag = &after_tag[..open_end];
        let body_and_rest = &after_tag[open_end + 1..];
        let Some(close) = body_and_rest.find("</script>") else {
            break;
        };
        if !open_tag.contains(" src=") {
            scripts.push(&body_and_rest[..close]);
        }
        rest = &body_and_rest[close + "</script>".len()..];
    }
    scripts
}

fn files_under(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    Ok(files)
}

/// Trunk names built files `name-<16 hex digits>...`, and scripts/wasm-split the wasm chunks
/// `name-<10 hex digits>.wasm`. Trunk writes the 64-bit hash in hex without leading zeros, so
/// it may be shorter than 16.
fn is_hashed(url: &str) -> bool {
    let name = url.rsplit('/').next().unwrap_or("");
    name.rsplit('-').next().is_some_and(|tail| {
        let digits = tail.bytes().take_while(u8::is_ascii_hexdigit).count();
        (8..=16).contains(&digits) && matches!(tail.as_bytes().get(digits), Some(b'.' | b'_'))
    })
}

fn accepts(accept_encoding: &str, coding: &str) -> bool {
    accept_encoding.split(',').any(|part| {
        let mut pieces = part.split(';');
        let name = pieces.next().unwrap_or("").trim();
        let refused = pieces.any(|param| {
            let param = param.trim().replace(' ', "");
            param == "q=0" || param == "q=0.0" || param == "q=0.00" || param == "q=0.000"
        });
        name.eq_ignore_ascii_case(coding) && !refused
    })
}

/// Brotli at its best (quality 11, the CLI's 16 MiB window): made once per build.
pub fn brotli_bytes(input: &[u8]) -> Vec<u8> {
    let mut output = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    let mut reader = input;
    match brotli::BrotliCompress(&mut reader, &mut output, &params) {
        Ok(_) => output,
        Err(_) => input.to_vec(),
    }
}

/// gzip -9.
pub fn gzip_bytes(input: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(input).ok()?;
    encoder.finish().ok()
}

fn app_not_built() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "The app is not built: run ./scripts/run (or trunk build --release) first.",
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_only_inline_scripts() {
        let html = r#"<script src="/a.js"></script><script type="module">
import init from '/x.js';
</script>"#;
        assert_eq!(inline_scripts(html), vec!["\nimport init from '/x.js';\n"]);
    }

    #[test]
    fn policy_has_no_unsafe_inline_or_eval() {
        let csp = content_security_policy("<script>boot()</script>");
        assert!(!csp.contains("'unsafe-inline'"));
        assert!(!csp.contains("'unsafe-eval'"));
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(csp.contains("'sha256-"));
    }

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed("/portal-0123456789abcdef_bg.wasm"));
        assert!(is_hashed("/style-0123456789abcdef.css"));
        assert!(is_hashed("/boot-7efbe480a92d0af.js"));
        assert!(!is_hashed("/app-icon.svg"));
        assert!(!is_hashed("/icon-192.png"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/icons/app-icon.svg"));
    }

    #[test]
    fn pages_and_workers_are_revalidated_and_hashed_files_kept() {
        assert_eq!(cache_control("/index.html"), REVALIDATE);
        assert_eq!(cache_control("/check/index.html"), REVALIDATE);
        assert_eq!(cache_control("/sw.js"), REVALIDATE);
        assert_eq!(cache_control("/manifest.webmanifest"), REVALIDATE);
        assert_eq!(cache_control("/portal-0123456789abcdef_bg.wasm"), IMMUTABLE);
        assert_eq!(cache_control("/robots.txt"), SHORT);
        assert!(is_host_file(".host/nginx.conf") && is_host_file("_headers"));
        assert!(!is_host_file("check/index.html"));
    }

    #[test]
    fn refused_encodings_are_not_sent() {
        assert!(accepts("gzip, deflate, br", "br"));
        assert!(!accepts("gzip, br;q=0", "br"));
        assert!(!accepts("identity", "gzip"));
    }
}
