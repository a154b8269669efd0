//! The app's URLs, read from its own route table (`src/lib.rs`, the `App` component) and its
//! areas' page lists (`src/area_pages.rs`) when the server is compiled, so the SPA fallback
//! here and in the generated host configuration can never drift from the pages the app
//! really has.
//!
//! The table is `view!` markup: `<Route path=path!("...") .../>` leaves inside
//! `<ParentRoute path=path!("...")>` groups. Any tag whose name ends in `Route` counts (a
//! `ProtectedRoute` too); one whose name holds `ParentRoute` nests. A route split into its own
//! wasm chunk keeps its tag and path: only its view reads `view={Lazy::<CheckRoute>::new()}`
//! (`src/lazy.rs`), and a `<` right after `::` (a turbofish) is Rust, not a tag. An area of
//! several pages is one route there, `/check/*page`, whose pages the app chooses from
//! `src/area_pages.rs`; this module compiles that file too and puts the area's pages in the
//! route's place, so `/check/nope` stays a real 404.

use std::sync::LazyLock;

/// The app's source, tracked by Cargo: editing the route table rebuilds the server.
const APP_SOURCE: &str = include_str!("../../../src/lib.rs");

/// The pages of each area, the very file the app compiles. The server reads only the paths.
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
    /// `*name`: the rest of the path, however long.
    Rest,
}

static ROUTES: LazyLock<Vec<RoutePattern>> =
    LazyLock::new(|| with_area_pages(parse_route_table(APP_SOURCE), &area_pages::all_areas()));

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
                } else if segment.starts_with('*') {
                    Segment::Rest
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
                Segment::Rest => return true,
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

    /// Has no `:param` or `*rest`: one URL, which may have a prerendered file.
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
                Segment::Rest => {
                    out.push_str("(?:/.*)?");
                    return out + "$";
                }
            }
        }
        out + "/?$"
    }

    /// The pattern in the `_redirects` / `_headers` syntax: `:name` kept, `*rest` as `*`.
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
                Segment::Rest => out.push('*'),
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
                Segment::Rest => formatter.write_str("/*")?,
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

/// The leaf routes of the first `<Routes>` table in `source`, with their parents' paths.
pub fn parse_route_table(source: &str) -> Vec<RoutePattern> {
    let table = route_table_markup(source);
    let mut parents: Vec<String> = Vec::new();
    let mut routes = Vec::new();
    let mut rest = table;
    while let Some(start) = next_tag(rest) {
        rest = &rest[start + 1..];
        let closing = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|character| character.is_ascii_alphanumeric() || *character == '_')
            .collect();
        if !name.ends_with("Route") {
            continue;
        }
        let is_parent = name.contains("ParentRoute");
        if closing {
            if is_parent {
                parents.pop();
            }
            continue;
        }
        // The tag's own text: up to the next tag (a `view=` closure holds no tag).
        let tag = &rest[..next_tag(rest).unwrap_or(rest.len())];
        let Some(path) = path_literal(tag) else {
            continue;
        };
        let self_closing = tag.trim_end().ends_with("/>");
        if is_parent && !self_closing {
            parents.push(path);
        } else {
            let full: Vec<&str> = parents
                .iter()
                .map(String::as_str)
                .chain([path.as_str()])
                .collect();
            routes.push(RoutePattern::parse(&full.join("/")));
        }
    }
    routes
}

/// `routes` with each area's route (`/check/*page`) replaced by the area's pages, in place.
fn with_area_pages(routes: Vec<RoutePattern>, areas: &[(&str, Vec<&str>)]) -> Vec<RoutePattern> {
    routes
        .into_iter()
        .flat_map(|route| match area_of(&route, areas) {
            Some((prefix, pages)) => pages
                .iter()
                .map(|page| RoutePattern::parse(&format!("{prefix}/{page}")))
                .collect(),
            None => vec![route],
        })
        .collect()
}

/// The area whose route `route` is: `/<prefix>/*rest`.
fn area_of<'a>(
    route: &RoutePattern,
    areas: &'a [(&'a str, Vec<&'a str>)],
) -> Option<&'a (&'a str, Vec<&'a str>)> {
    match route.segments.as_slice() {
        [Segment::Fixed(first), Segment::Rest] => areas.iter().find(|(prefix, _)| prefix == first),
        _ => None,
    }
}

/// Where the next tag starts: a `<` that is not a turbofish's (`Lazy::<CheckFlowRoute>`).
fn next_tag(text: &str) -> Option<usize> {
    text.match_indices('<')
        .map(|(index, _)| index)
        .find(|&index| !text[..index].ends_with("::"))
}

/// The markup between `<Routes` and `</Routes>`.
fn route_table_markup(source: &str) -> &str {
    let start = source.find("<Routes").unwrap_or(source.len());
    let end = source[start..]
        .find("</Routes>")
        .map_or(source.len(), |end| start + end);
    &source[start..end]
}

/// The string inside `path!("...")`.
fn path_literal(tag: &str) -> Option<String> {
    let start = tag.find("path!(")? + "path!(".len();
    let after = tag[start..].trim_start().strip_prefix('"')?;
    let end = after.find('"')?;
    Some(after[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(routes: &[RoutePattern]) -> Vec<String> {
        routes.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn parents_prefix_their_children() {
        let source = r#"
            view! { <Router><Routes fallback=NotFound>
                <Route path=path!("/") view=Home />
                <ParentRoute path=path!("/check") view=CheckFlow>
                    <Route path=path!("") view=CheckStart />
                    <Route path=path!("birth-date") view=BirthDateStep />
                </ParentRoute>
                <Route path=path!("/login/verify") view=VerifyLogin />
                <ProtectedParentRoute path=path!("/account") view={Lazy::<AccountAreaRoute>::new()} condition=move || Some(true) redirect_path=|| "/login">
                    <Route path=path!("payments/:cycle") view={Lazy::<PaymentRoute>::new()} />
                    <LazyRoute path=path!("files/*rest") view=Files />
                </ProtectedParentRoute>
                <Route path=path!("/estimate") view={Lazy::<EstimateRoute>::new()} />
            </Routes></Router> }
        "#;
        let routes = parse_route_table(source);
        assert_eq!(
            shown(&routes),
            [
                "/",
                "/check",
                "/check/birth-date",
                "/login/verify",
                "/account/payments/:param",
                "/account/files/*",
                "/estimate"
            ]
        );
        assert!(routes[4].matches("/account/payments/2026-01"));
        assert!(!routes[4].matches("/account/payments"));
        assert!(routes[5].matches("/account/files/a/b"));
        assert!(routes[1].matches("/check/"));
        assert!(routes[4].is_signed_in() && !routes[1].is_signed_in());
    }

    #[test]
    fn an_area_route_gives_way_to_its_pages() {
        let routes = parse_route_table(
            r#"<Routes><Route path=path!("/") view=A/><Route path=path!("/a/*page") view=B/><Route path=path!("/files/*rest") view=C/></Routes>"#,
        );
        let areas = [("a", vec!["", "b", "c/:id"])];
        assert_eq!(
            shown(&with_area_pages(routes, &areas)),
            ["/", "/a", "/a/b", "/a/c/:param", "/files/*"]
        );
    }

    /// The drift guard: every `path!` in the real table is understood, each area of
    /// `src/area_pages.rs` is a route there and nothing else is a catch-all, and the pages the
    /// deployment promises (public, signed-in, parameterised) are among them.
    #[test]
    fn the_real_route_table_is_read_whole() {
        let table = route_table_markup(APP_SOURCE);
        let literals = table.matches("path!(").count();
        let parents = table.matches("ParentRoute path=").count();
        let routes = parse_route_table(APP_SOURCE);
        assert_eq!(
            routes.len() + parents,
            literals,
            "a route in src/lib.rs was not understood: {:?}",
            shown(&routes)
        );
        let areas = area_pages::all_areas();
        for (prefix, _) in &areas {
            let routes_of_area = routes
                .iter()
                .filter(|route| area_of(route, &areas).is_some_and(|(of, _)| of == prefix))
                .count();
            assert_eq!(routes_of_area, 1, "/{prefix}/*page should be one route");
        }
        assert!(
            all()
                .iter()
                .all(|route| !route.segments.contains(&Segment::Rest)),
            "a catch-all route would answer 200 for any path under it: {:?}",
            shown(all())
        );
        for page in [
            "/",
            "/check",
            "/check/result",
            "/estimate",
            "/contact",
            "/login",
            "/account",
            "/account/payments",
            "/account/payments/2026-01",
            "/account/objections/ABC-123",
            "/login/verify",
            "/login/reset",
            "/account/bank",
            "/account/household",
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
            "/api",
        ] {
            assert!(!is_app_page(not_a_page), "{not_a_page} is not a page");
        }
    }

    #[test]
    fn regexes_match_what_the_patterns_match() {
        let routes = parse_route_table(
            r#"<Routes><Route path=path!("/") view=A/><Route path=path!("/a.b/:id") view=B/></Routes>"#,
        );
        assert_eq!(routes[0].regex(), "^/$");
        assert_eq!(routes[1].regex(), r"^/a\.b/[^/]+/?$");
        assert_eq!(routes[1].cdn_pattern(), "/a.b/:p1");
    }
}
