//! The app's pages: its top-level sections (a page of its own, or an area of several pages)
//! and each area's pages. `src/lib.rs` draws the section a path names, and each area's wasm
//! chunk (src/lazy.rs) chooses its page from the rest of the path with its table here: one
//! route per area keeps the main wasm small, and a plain match is all a route costs it.
//!
//! The server compiles this same file (crates/server/src/app_routes.rs) for its SPA fallback
//! and the host files it generates, so the pages the app draws and the paths a host answers
//! with 200 are one list. Hence plain data and nothing from the app.

/// The top-level parts of the app, each under its own first path segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Home,
    Check,
    Estimate,
    Contact,
    About,
    Login,
    Account,
}

/// Each section's first path segment (`""` for `/`), in the order they are tried.
pub static SECTIONS: &[(&str, Section)] = &[
    ("", Section::Home),
    ("check", Section::Check),
    ("estimate", Section::Estimate),
    ("contact", Section::Contact),
    ("about", Section::About),
    ("login", Section::Login),
    ("account", Section::Account),
];

impl Section {
    /// The pages of an area; none for a section that is one page.
    pub fn area_paths(self) -> Option<Vec<&'static str>> {
        match self {
            Section::Check => Some(CHECK.paths().collect()),
            Section::Login => Some(LOGIN.paths().collect()),
            Section::Account => Some(ACCOUNT.paths().collect()),
            Section::Home | Section::Estimate | Section::Contact | Section::About => None,
        }
    }
}

/// The section `path` (a URL's path) belongs to, with the rest of the path after its first
/// segment. A section of one page takes nothing after it (a trailing slash aside); an area
/// takes any rest, and its page table decides (a rest it lacks is its not-found page).
pub fn section_of(path: &str) -> Option<(Section, &str)> {
    let path = path.trim_start_matches('/');
    let (first, rest) = path.split_once('/').unwrap_or((path, ""));
    let &(_, section) = SECTIONS.iter().find(|(name, _)| *name == first)?;
    let one_page = section.area_paths().is_none();
    if one_page && !rest.trim_matches('/').is_empty() {
        return None;
    }
    Some((section, rest))
}

/// Every page's path (`/account/payments/:cycle`): which URLs are pages, all the server needs.
pub fn all_pages() -> Vec<String> {
    SECTIONS
        .iter()
        .flat_map(|&(first, section)| {
            section
                .area_paths()
                .unwrap_or_else(|| vec![""])
                .into_iter()
                .map(move |page| match (first, page) {
                    (first, "") => format!("/{first}"),
                    (first, page) => format!("/{first}/{page}"),
                })
        })
        .collect()
}

/// An area's pages, in the order they are tried.
pub struct Area<P: 'static> {
    /// Each page's path after the area's first segment: `""` is the area's own page, a
    /// `:name` segment takes any one segment and hands it to the page.
    pub pages: &'static [(&'static str, P)],
}

impl<P: Copy> Area<P> {
    /// The page at `rest`, the path after the area's first segment (`payments/3`, slashes at
    /// either end ignored), with the value of its `:name` segment; none for a path the area
    /// lacks.
    pub fn find<'a>(&self, rest: &'a str) -> Option<(P, Option<&'a str>)> {
        self.pages
            .iter()
            .find_map(|&(pattern, page)| matches(pattern, rest).map(|param| (page, param)))
    }
}

impl<P> Area<P> {
    /// The page paths after the area's first segment.
    pub fn paths(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.pages.iter().map(|(path, _)| *path)
    }
}

/// `Some(param)` when `path` has the segments of `pattern`, no more.
fn matches<'a>(pattern: &str, path: &'a str) -> Option<Option<&'a str>> {
    let mut parts = path.split('/').filter(|part| !part.is_empty());
    let mut param = None;
    for segment in pattern.split('/').filter(|segment| !segment.is_empty()) {
        let part = parts.next()?;
        if segment.starts_with(':') {
            param = Some(part);
        } else if segment != part {
            return None;
        }
    }
    parts.next().is_none().then_some(param)
}

/// The pre-check's pages (`pages/check`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckPage {
    Start,
    Applicant,
    BirthDate,
    Nationality,
    Residency,
    Detention,
    BankAccount,
    Housing,
    Dependents,
    AddDependent,
    Answers,
    Result,
}

pub static CHECK: Area<CheckPage> = Area {
    pages: &[
        ("", CheckPage::Start),
        ("applicant", CheckPage::Applicant),
        ("birth-date", CheckPage::BirthDate),
        ("nationality", CheckPage::Nationality),
        ("residency", CheckPage::Residency),
        ("detention", CheckPage::Detention),
        ("bank-account", CheckPage::BankAccount),
        ("housing", CheckPage::Housing),
        ("dependents", CheckPage::Dependents),
        ("add-dependent", CheckPage::AddDependent),
        ("answers", CheckPage::Answers),
        ("result", CheckPage::Result),
    ],
};

/// Signing in: the password, the SMS code, a forgotten password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginPage {
    Password,
    Verify,
    Reset,
}

pub static LOGIN: Area<LoginPage> = Area {
    pages: &[
        ("", LoginPage::Password),
        ("verify", LoginPage::Verify),
        ("reset", LoginPage::Reset),
    ],
};

/// The signed-in pages (`pages/account`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountPage {
    Home,
    Eligibility,
    Payments,
    /// `:cycle`, the payment's number.
    Payment,
    Objections,
    NewObjection,
    ObjectionReview,
    /// `:reference`, the objection's reference.
    Objection,
    Tickets,
    NewTicket,
    Bank,
    Household,
}

pub static ACCOUNT: Area<AccountPage> = Area {
    pages: &[
        ("", AccountPage::Home),
        ("eligibility", AccountPage::Eligibility),
        ("payments", AccountPage::Payments),
        ("payments/:cycle", AccountPage::Payment),
        ("objections", AccountPage::Objections),
        // Before `objections/:reference`, which would take these two as a reference.
        ("objections/new", AccountPage::NewObjection),
        ("objections/review", AccountPage::ObjectionReview),
        ("objections/:reference", AccountPage::Objection),
        ("tickets", AccountPage::Tickets),
        ("tickets/new", AccountPage::NewTicket),
        ("bank", AccountPage::Bank),
        ("household", AccountPage::Household),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_finds_its_page_and_parameter() {
        assert_eq!(CHECK.find(""), Some((CheckPage::Start, None)));
        assert_eq!(CHECK.find("/"), Some((CheckPage::Start, None)));
        assert_eq!(CHECK.find("result/"), Some((CheckPage::Result, None)));
        assert_eq!(
            ACCOUNT.find("payments/2026"),
            Some((AccountPage::Payment, Some("2026")))
        );
        assert_eq!(
            ACCOUNT.find("objections/new"),
            Some((AccountPage::NewObjection, None))
        );
        assert_eq!(
            ACCOUNT.find("objections/OBJ-1"),
            Some((AccountPage::Objection, Some("OBJ-1")))
        );
        for missing in ["nope", "payments/1/2", "objections/a/b"] {
            assert_eq!(ACCOUNT.find(missing), None, "{missing}");
        }
        assert_eq!(LOGIN.find("verify/x"), None);
    }

    #[test]
    fn a_path_finds_its_section() {
        assert_eq!(section_of("/"), Some((Section::Home, "")));
        assert_eq!(section_of(""), Some((Section::Home, "")));
        assert_eq!(section_of("/estimate/"), Some((Section::Estimate, "")));
        assert_eq!(section_of("/check"), Some((Section::Check, "")));
        assert_eq!(
            section_of("/account/payments/3"),
            Some((Section::Account, "payments/3"))
        );
        // An area's unknown page is still the area's: its chunk draws the not-found page.
        assert_eq!(section_of("/login/nope"), Some((Section::Login, "nope")));
        for missing in ["/nope", "/estimate/x", "/about/a/b", "/accounts"] {
            assert_eq!(section_of(missing), None, "{missing}");
        }
    }

    #[test]
    fn every_page_is_listed_once() {
        let pages = all_pages();
        assert_eq!(pages[0], "/");
        for page in [
            "/check",
            "/check/result",
            "/estimate",
            "/login/reset",
            "/account/payments/:cycle",
        ] {
            assert_eq!(
                pages.iter().filter(|listed| *listed == page).count(),
                1,
                "{page}"
            );
        }
        for page in &pages {
            assert!(section_of(page).is_some(), "{page}");
        }
    }
}
