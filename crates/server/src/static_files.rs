//! The built app, held in memory with its brotli and gzip forms made once at start.
//!
//! Why in memory: the app is a few hundred kilobytes, so serving from RAM costs nothing and
//! spares every phone a compression done per request. Hashed file names (Trunk's
//! `name-<16 hex>.ext`) never change content, so they are cached for a year; `index.html`
//! must be revalidated on every visit so a deployment is picked up at once.

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

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
const SHORT: &str = "public, max-age=3600";

impl StaticFiles {
    /// Reads every file under `dir`. A missing folder gives an empty app (the API still
    /// works), which the log says loudly.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let mut assets = HashMap::new();
        if dir.is_dir() {
            for path in files_under(dir)? {
                let bytes =
                    std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
                let relative = path
                    .strip_prefix(dir)
                    .context("file outside the static folder")?
                    .to_string_lossy()
                    .replace('\\', "/");
                let url = format!("/{relative}");
                assets.insert(url.clone(), Asset::new(&url, bytes));
            }
        } else {
            tracing::warn!(dir = %dir.display(), "static folder missing: only the API is served");
        }
        let index = assets
            .get("/index.html")
            .map(|asset| String::from_utf8_lossy(&asset.identity).into_owned())
            .unwrap_or_default();
        let csp = HeaderValue::from_str(&content_security_policy(&index))
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

    /// Answers a GET for `path`: the file when it exists, else `index.html` for anything that
    /// looks like a page (the app's router decides), else 404.
    pub fn respond(&self, path: &str, request_headers: &HeaderMap) -> Response {
        let asset = match self.assets.get(path) {
            Some(asset) => asset,
            None if looks_like_page(path) => match self.assets.get("/index.html") {
                Some(index) => index,
                None => return app_not_built(),
            },
            None => return (StatusCode::NOT_FOUND, "not found").into_response(),
        };
        asset.respond(request_headers)
    }
}

impl Asset {
    fn new(url: &str, identity: Vec<u8>) -> Self {
        let mime = mime_guess::from_path(url).first_or_octet_stream();
        // Images and fonts of these kinds are compressed already.
        let already_compressed = mime.type_() == "font"
            || matches!(
                mime.subtype().as_str(),
                "png" | "jpeg" | "webp" | "gif" | "avif" | "woff" | "woff2"
            );
        let compressible = !already_compressed && identity.len() > 256;
        let (brotli, gzip) = if compressible {
            (Some(brotli_bytes(&identity)), gzip_bytes(&identity))
        } else {
            (None, None)
        };
        let content_type = if mime.type_() == "text" || mime.subtype() == "javascript" {
            format!("{mime}; charset=utf-8")
        } else {
            mime.to_string()
        };
        let cache_control = if url == "/index.html" {
            REVALIDATE
        } else if is_hashed(url) {
            IMMUTABLE
        } else {
            SHORT
        };
        let digest = Sha256::digest(&identity);
        let etag = format!(
            "\"{}\"",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..12])
        );
        Self {
            content_type: HeaderValue::from_str(&content_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream")),
            cache_control: HeaderValue::from_static(cache_control),
            etag: HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\"")),
            identity,
            brotli,
            gzip,
        }
    }

    fn respond(&self, request_headers: &HeaderMap) -> Response {
        let mut builder = Response::builder()
            .header(header::CONTENT_TYPE, self.content_type.clone())
            .header(header::CACHE_CONTROL, self.cache_control.clone())
            .header(header::ETAG, self.etag.clone())
            .header(header::VARY, "accept-encoding");
        let not_modified = request_headers
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
    /// The headers file a static CDN needs to serve the app as this server does.
    pub fn cdn_headers(&self) -> String {
        let csp = self.csp.to_str().unwrap_or_default();
        let mut out = format!(
            "/*\n  Content-Security-Policy: {csp}\n  Strict-Transport-Security: {HSTS}\n  \
             X-Content-Type-Options: nosniff\n  \
             X-Frame-Options: DENY\n  Referrer-Policy: no-referrer\n  \
             Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=()\n  \
             Cross-Origin-Opener-Policy: same-origin\n  Cache-Control: {SHORT}\n\n\
             /\n  Cache-Control: {REVALIDATE}\n\n/index.html\n  Cache-Control: {REVALIDATE}\n"
        );
        let mut hashed: Vec<&String> = self.assets.keys().filter(|url| is_hashed(url)).collect();
        hashed.sort();
        for url in hashed {
            out.push_str(&format!("\n{url}\n  Cache-Control: {IMMUTABLE}\n"));
        }
        out
    }
}

/// Browsers keep to https for this host for two years once they have seen it (sent when the
/// server is configured for https, and always in the CDN's headers).
pub const HSTS: &str = "max-age=63072000; includeSubDomains";

/// The policy the app runs under: no inline code except Trunk's loader, allowed by its hash;
/// `'wasm-unsafe-eval'` compiles the wasm without allowing `eval`.
pub fn content_security_policy(index_html: &str) -> String {
    let hashes: String = inline_scripts(index_html)
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

/// A path without a file extension in its last segment is a page of the app.
fn looks_like_page(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    !last.contains('.')
}

/// Trunk names built files `name-<16 hex digits>...`.
fn is_hashed(url: &str) -> bool {
    let name = url.rsplit('/').next().unwrap_or("");
    name.rsplit('-').next().is_some_and(|tail| {
        tail.len() > 16 && tail.as_bytes()[..16].iter().all(u8::is_ascii_hexdigit)
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

fn brotli_bytes(input: &[u8]) -> Vec<u8> {
    let mut output = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut reader = input;
    match brotli::BrotliCompress(&mut reader, &mut output, &params) {
        Ok(_) => output,
        Err(_) => input.to_vec(),
    }
}

fn gzip_bytes(input: &[u8]) -> Option<Vec<u8>> {
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
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/icons/app-icon.svg"));
    }

    #[test]
    fn pages_and_files_are_told_apart() {
        assert!(looks_like_page("/account/payments"));
        assert!(looks_like_page("/"));
        assert!(!looks_like_page("/favicon.ico"));
    }

    #[test]
    fn refused_encodings_are_not_sent() {
        assert!(accepts("gzip, deflate, br", "br"));
        assert!(!accepts("gzip, br;q=0", "br"));
        assert!(!accepts("identity", "gzip"));
    }
}
