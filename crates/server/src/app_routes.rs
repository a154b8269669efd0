//! The app's URLs, from the very file the app draws its pages from (`src/area_pages.rs`: its
//! sections and each area's pages), compiled here too, so the SPA fallback here and in the
//! generated host configuration can never drift from the pages the app really has.

use std::sync::LazyLock;

/// The app's pages, the file the app compiles. The server reads only the paths.
#[allow(dead_code)]
#[path = "../../../src/area_pages.rs"]
mod area_pages;

/// One URL pattern of the app: `/account/payments/:cycle`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutePattern {
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Fixed(String),
    /// `:name`: any one segment.
    Param,
}

static ROUTES: LazyLock<Vec<RoutePattern>> = LazyLock::new(|| {
    area_pages::all_pages()
        .iter()
        .map(|page| RoutePattern::parse(page))
        .collect()
});

/// Every page route of the app, in table order.
pub fn all() -> &'static [RoutePattern] {
    &ROUTES
}

/// Whether the app has a page at `path` (a trailing slash is the same page).
pub fn is_app_page(path: &str) -> bool {
    ROUTES.iter().any(|route| route.matches(path))
}

impl RoutePattern {
    fn parse(path: &str) -> Self {
        let segments = split(path)
            .map(|segment| {
                if segment.starts_with(':') {
                    Segment::Param
                } else {
                    Segment::Fixed(segment.to_string())
                }
            })
            .collect();
        Self { segments }
    }

    pub fn matches(&self, path: &str) -> bool {
        let mut parts = split(path);
        for segment in &self.segments {
            match segment {
                Segment::Param => {
                    if parts.next().is_none() {
                        return false;
                    }
                }
                Segment::Fixed(fixed) => {
                    if parts.next() != Some(fixed.as_str()) {
                        return false;
                    }
                }
            }
        }
        parts.next().is_none()
    }

    /// Signed-in pages: never prerendered, always the SPA fallback.
    pub fn is_signed_in(&self) -> bool {
        matches!(self.segments.first(), Some(Segment::Fixed(first)) if first == "account")
    }

    /// Has no `:param`: one URL, which may have a prerendered file.
    pub fn is_fixed(&self) -> bool {
        self.segments
            .iter()
            .all(|segment| matches!(segment, Segment::Fixed(_)))
    }

    /// A PCRE matching the path, with or without a trailing slash (nginx `location ~`).
    pub fn regex(&self) -> String {
        if self.segments.is_empty() {
            return "^/$".to_string();
        }
        let mut out = String::from("^");
        for segment in &self.segments {
            match segment {
                Segment::Fixed(fixed) => {
                    out.push('/');
                    out.push_str(&regex_escape(fixed));
                }
                Segment::Param => out.push_str("/[^/]+"),
            }
        }
        out + "/?$"
    }

    /// The pattern in the `_redirects` / `_headers` syntax: `:name` kept.
    pub fn cdn_pattern(&self) -> String {
        if self.segments.is_empty() {
            return "/".to_string();
        }
        let mut out = String::new();
        for (index, segment) in self.segments.iter().enumerate() {
            out.push('/');
            match segment {
                Segment::Fixed(fixed) => out.push_str(fixed),
                Segment::Param => out.push_str(&format!(":p{index}")),
            }
        }
        out
    }
}

impl std::fmt::Display for RoutePattern {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.segments.is_empty() {
            return formatter.write_str("/");
        }
        for segment in &self.segments {
            match segment {
                Segment::Fixed(fixed) => write!(formatter, "/{fixed}")?,
                Segment::Param => formatter.write_str("/:param")?,
            }
        }
        Ok(())
    }
}

fn split(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|segment| !segment.is_empty())
}

fn regex_escape(text: &str) -> String {
    text.chars()
        .flat_map(|character| {
            let special = "\\.+*?()|[]{}^$".contains(character);
            special.then_some('\\').into_iter().chain([character])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(routes: &[RoutePattern]) -> Vec<String> {
        routes.iter().map(ToString::to_string).collect()
    }

    /// The drift guard: the pages the deployment promises (public, signed-in, parameterised)
    /// are app pages, and unknown paths under an area are not.
    #[test]
    fn the_real_pages_are_read_whole() {
        assert_eq!(all().len(), area_pages::all_pages().len());
        for page in [
            "/",
            "/check",
            "/check/result",
            "/estimate",
            "/contact",
            "/about",
            "/login",
            "/account",
            "/account/payments",
            "/account/payments/2026-01",
            "/account/objections/ABC-123",
            "/login/verify",
            "/login/reset",
            "/account/bank",
            "/account/household",
            "/check/",
        ] {
            assert!(is_app_page(page), "{page} should be an app page");
        }
        for not_a_page in [
            "/no-such-page",
            "/account/nope",
            "/account/nope/deeper",
            "/account/payments/1/2",
            "/check/nope",
            "/check/x/y",
            "/login/nope",
            "/login/verify/x",
            "/estimate/x",
            "/api",
        ] {
            assert!(!is_app_page(not_a_page), "{not_a_page} is not a page");
        }
        let signed_in: Vec<String> = all()
            .iter()
            .filter(|route| route.is_signed_in())
            .map(ToString::to_string)
            .collect();
        assert!(signed_in.iter().all(|route| route.starts_with("/account")));
        assert!(signed_in.contains(&"/account/payments/:param".to_string()));
        assert!(shown(all()).contains(&"/".to_string()));
    }

    #[test]
    fn regexes_match_what_the_patterns_match() {
        let routes = [RoutePattern::parse("/"), RoutePattern::parse("/a.b/:id")];
        assert_eq!(routes[0].regex(), "^/$");
        assert_eq!(routes[1].regex(), r"^/a\.b/[^/]+/?$");
        assert_eq!(routes[1].cdn_pattern(), "/a.b/:p1");
        assert!(routes[1].matches("/a.b/x/") && !routes[1].matches("/a.b"));
    }
}
