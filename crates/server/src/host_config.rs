//! Makes a built `dist/` ready for any static host or CDN, with the decisions the reference
//! server makes ([`StaticFiles`]): brotli and gzip forms beside every compressible file, a
//! `404.html`, and the host's configuration generated from the files and the app's route
//! table (`app_routes`), so a CDN, nginx and this server send the same headers and statuses.
//!
//! Written into the folder:
//! - `x.br`, `x.gz` beside each compressible `x` (brotli quality 11, gzip -9);
//! - `404.html`: a copy of the app shell (`200.html`, else `index.html`), sent with status
//!   404 (Cloudflare Pages, GitHub Pages and surge.sh pick it up by name);
//! - `_headers` and `_redirects`: Netlify / Cloudflare Pages rules (security headers, cache
//!   lifetimes, the SPA fallback for the app's routes, 404 for the rest);
//! - `.host/nginx.conf`: the same for nginx, to `include` inside a `server {}` whose `root`
//!   is the folder. Nothing in it names a host, a port or a path on disk.

use std::{
    fmt::Write as _,
    path::{Path, PathBuf},
};

use anyhow::Context;

use crate::{
    app_routes::{self, RoutePattern},
    static_files::{
        self, HSTS, NOT_FOUND_PAGE, REVALIDATE, SECURITY_HEADERS, SHELL, StaticFiles, is_host_file,
        worth_compressing,
    },
};

/// Where the nginx include is written, relative to the folder.
pub const NGINX_INCLUDE: &str = ".host/nginx.conf";

/// What `generate` wrote, for the build's log.
#[derive(Debug, Default)]
pub struct Report {
    pub compressed: usize,
    pub files: usize,
    pub routes: usize,
}

/// Writes everything the module's comment lists into `dir`. Run it again after any change
/// to the folder: it rewrites every generated file.
pub fn generate(dir: &Path) -> anyhow::Result<Report> {
    anyhow::ensure!(
        dir.join("index.html").is_file(),
        "{} has no index.html: build the app first",
        dir.display()
    );
    let shell = [&SHELL[1..], "index.html"]
        .into_iter()
        .map(|name| dir.join(name))
        .find(|path| path.is_file())
        .context("no app shell")?;
    std::fs::copy(&shell, dir.join(&NOT_FOUND_PAGE[1..]))
        .with_context(|| format!("copying {} to 404.html", shell.display()))?;
    let compressed = precompress(dir)?;

    let files = StaticFiles::load(dir)?;
    let routes = app_routes::all();
    std::fs::write(dir.join("_headers"), headers_file(&files))?;
    std::fs::write(dir.join("_redirects"), redirects_file(&files, routes))?;
    let nginx = dir.join(NGINX_INCLUDE);
    if let Some(folder) = nginx.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(&nginx, nginx_include(&files, routes))?;
    Ok(Report {
        compressed,
        files: files.urls().len(),
        routes: routes.len(),
    })
}

/// Writes `x.br` and `x.gz` beside every file worth compressing; returns how many files.
fn precompress(dir: &Path) -> anyhow::Result<usize> {
    let mut count = 0;
    for path in files_under(dir)? {
        let relative = path
            .strip_prefix(dir)
            .context("file outside the folder")?
            .to_string_lossy()
            .replace('\\', "/");
        if is_host_file(&relative) || relative.ends_with(".br") || relative.ends_with(".gz") {
            continue;
        }
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        if !worth_compressing(&relative, bytes.len()) {
            continue;
        }
        let with_suffix = |suffix: &str| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        };
        std::fs::write(with_suffix(".br"), static_files::brotli_bytes(&bytes))?;
        if let Some(gzip) = static_files::gzip_bytes(&bytes) {
            std::fs::write(with_suffix(".gz"), gzip)?;
        }
        count += 1;
    }
    Ok(count)
}

/// The security headers every response carries, CSP and HSTS included.
fn every_response_headers(files: &StaticFiles) -> Vec<(String, String)> {
    let mut headers = vec![
        (
            "Content-Security-Policy".to_string(),
            files.csp().to_str().unwrap_or_default().to_string(),
        ),
        ("Strict-Transport-Security".to_string(), HSTS.to_string()),
    ];
    headers.extend(
        SECURITY_HEADERS
            .iter()
            .map(|(name, value)| (title_case(name), (*value).to_string())),
    );
    headers
}

/// `x-frame-options` -> `X-Frame-Options`.
fn title_case(name: &str) -> String {
    name.split('-')
        .map(|word| {
            let mut characters = word.chars();
            characters.next().map_or(String::new(), |first| {
                first.to_ascii_uppercase().to_string() + characters.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Prerendered pages: `/check` for `check/index.html` (not the root's own index.html).
fn prerendered_pages(files: &StaticFiles) -> Vec<String> {
    files
        .urls()
        .into_iter()
        .filter_map(|url| url.strip_suffix("/index.html"))
        .filter(|page| !page.is_empty())
        .map(str::to_string)
        .collect()
}

/// App routes sent the shell: not `/`, not prerendered, and (to keep CDN rules from
/// stacking) not already covered by a route with a parameter.
fn fallback_routes<'a>(files: &StaticFiles, routes: &'a [RoutePattern]) -> Vec<&'a RoutePattern> {
    let prerendered = prerendered_pages(files);
    routes
        .iter()
        .filter(|route| route.to_string() != "/")
        .filter(|route| !(route.is_fixed() && prerendered.contains(&route.to_string())))
        .filter(|route| {
            !route.is_fixed()
                || !routes
                    .iter()
                    .any(|other| !other.is_fixed() && other.matches(&route.to_string()))
        })
        .collect()
}

/// Netlify / Cloudflare Pages `_headers`. Cache-Control is given once per path (both hosts
/// join the values of every rule that matches, so `/*` carries none).
pub fn headers_file(files: &StaticFiles) -> String {
    let mut out = String::from(
        "# Generated by host-config from the built app and its route table: do not edit.\n/*\n",
    );
    for (name, value) in every_response_headers(files) {
        let _ = writeln!(out, "  {name}: {value}");
    }
    let mut rule = |path: &str, cache: &str| {
        let _ = write!(out, "\n{path}\n  Cache-Control: {cache}\n");
    };
    rule("/", REVALIDATE);
    for page in prerendered_pages(files) {
        rule(&page, REVALIDATE);
        rule(&format!("{page}/"), REVALIDATE);
    }
    for url in files.urls() {
        if let Some(headers) = files.file_headers(url) {
            rule(url, headers.cache_control);
        }
    }
    for route in fallback_routes(files, app_routes::all()) {
        rule(&route.cdn_pattern(), REVALIDATE);
    }
    out
}

/// Netlify / Cloudflare Pages `_redirects`: a rewrite (200) of the app's routes to the
/// shell, which hosts apply only when no file matches, then a 404 for everything else.
fn redirects_file(files: &StaticFiles, routes: &[RoutePattern]) -> String {
    let shell = files.shell().unwrap_or(SHELL);
    let not_found = files.not_found_page().unwrap_or(shell);
    let mut out = String::from(
        "# Generated by host-config from the app's route table (src/lib.rs): do not edit.\n",
    );
    for route in fallback_routes(files, routes) {
        let _ = writeln!(out, "{}  {shell}  200", route.cdn_pattern());
    }
    let _ = writeln!(out, "/*  {not_found}  404");
    out
}

/// The nginx include: one exact location per file (its type, cache lifetime, security
/// headers, and the `.br` form for clients that accept brotli; `gzip_static` serves the
/// `.gz`), the prerendered pages, one regex location for the app's routes, and 404 with the
/// shell for anything else. Debian's nginx has no brotli module, hence the rewrite to `.br`.
pub fn nginx_include(files: &StaticFiles, routes: &[RoutePattern]) -> String {
    let shell = files.shell().unwrap_or(SHELL);
    let not_found = files.not_found_page().unwrap_or(shell);
    let security: String = every_response_headers(files)
        .iter()
        .map(|(name, value)| format!("    add_header {name} \"{value}\" always;\n"))
        .collect();
    let mut out = format!(
        "# Generated by host-config from the built app and its route table: do not edit.\n\
         # Include inside a `server {{ }}` whose `root` is this folder; proxy the API with\n\
         # `location ^~ /api/ {{ ... }}` so no rule here can take its paths.\n\
         index index.html;\n\
         gzip_static on;\n\
         etag on;\n\
         error_page 404 {not_found};\n\n\
         # The host's own files are not the app's.\n\
         location ~ \"/\\.\" {{ return 404; }}\n\
         location = /_headers {{ return 404; }}\n\
         location = /_redirects {{ return 404; }}\n\n\
         location = / {{ rewrite ^ /index.html last; }}\n"
    );
    for page in prerendered_pages(files) {
        let _ = write!(
            out,
            "location = {page} {{ rewrite ^ {page}/index.html last; }}\n\
             location = {page}/ {{ rewrite ^ {page}/index.html last; }}\n"
        );
    }
    let fallback: Vec<String> = routes
        .iter()
        .filter(|route| route.to_string() != "/")
        .map(|route| {
            let regex = route.regex();
            regex
                .trim_start_matches('^')
                .trim_end_matches('$')
                .to_string()
        })
        .collect();
    if !fallback.is_empty() {
        let _ = write!(
            out,
            "\n# The app's routes (src/lib.rs) without a page of their own: the app shell.\n\
             location ~ \"^(?:{})$\" {{ rewrite ^ {shell} last; }}\n",
            fallback.join("|")
        );
    }
    for url in files.urls() {
        let Some(headers) = files.file_headers(url) else {
            continue;
        };
        let cache = headers.cache_control;
        let content_type = headers.content_type;
        let vary = if headers.brotli || headers.gzip {
            "    add_header Vary \"Accept-Encoding\" always;\n"
        } else {
            ""
        };
        let _ = write!(
            out,
            "\nlocation = {url} {{\n    types {{ }}\n    default_type \"{content_type}\";\n\
             {security}    add_header Cache-Control \"{cache}\" always;\n{vary}"
        );
        if headers.brotli {
            let _ = write!(
                out,
                "    if ($http_accept_encoding ~* \"(^|[ ,])br *(,|;|$)\") {{ rewrite ^ {url}.br last; }}\n}}\n\
                 location = {url}.br {{\n    internal;\n    types {{ }}\n    default_type \"{content_type}\";\n\
                 {security}    add_header Cache-Control \"{cache}\" always;\n{vary}\
                 \x20   add_header Content-Encoding \"br\" always;\n}}\n"
            );
        } else {
            out.push_str("}\n");
        }
    }
    let _ = write!(
        out,
        "\n# Anything else: a file added after generation, or a real 404.\n\
         location / {{\n    try_files $uri =404;\n{security}    add_header Cache-Control \"{}\" always;\n}}\n",
        static_files::SHORT
    );
    out
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
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_are_title_cased() {
        assert_eq!(
            title_case("x-content-type-options"),
            "X-Content-Type-Options"
        );
        assert_eq!(
            title_case("cross-origin-opener-policy"),
            "Cross-Origin-Opener-Policy"
        );
    }
}
