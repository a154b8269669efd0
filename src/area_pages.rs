//! The pages inside each area of several pages. `/check/...`, `/login/...` and `/account/...`
//! are one route each in the route table (`path!("/check/*page")` in `src/lib.rs`): every
//! route costs the main wasm the router's code for it, and one route per area lets the area's
//! wasm chunk (src/lazy.rs) choose the page from the rest of the path with this table.
//!
//! The server compiles this same file (crates/server/src/app_routes.rs) for its SPA fallback
//! and the host files it generates, so the pages the app draws and the paths a host answers
//! with 200 are one list. Hence plain data and nothing from the app.

/// One area: its first path segment and its pages, in the order they are tried.
pub struct Area<P: 'static> {
    /// The first path segment: `check` for `/check/...`.
    pub prefix: &'static str,
    /// Each page's path after the prefix: `""` is the area's own page, a `:name` segment
    /// takes any one segment and hands it to the page.
    pub pages: &'static [(&'static str, P)],
}

impl<P: Copy> Area<P> {
    /// The page at `rest`, the path after the prefix (`payments/3`, slashes at either end
    /// ignored), with the value of its `:name` segment; none for a path the area lacks.
    pub fn find<'a>(&self, rest: &'a str) -> Option<(P, Option<&'a str>)> {
        self.pages
            .iter()
            .find_map(|&(pattern, page)| matches(pattern, rest).map(|param| (page, param)))
    }
}

impl<P> Area<P> {
    /// The page paths after the prefix.
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
    prefix: "check",
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
    prefix: "login",
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
    prefix: "account",
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

/// Every area's prefix and page paths: which URLs are pages, all the server needs.
pub fn all_areas() -> [(&'static str, Vec<&'static str>); 3] {
    [
        (CHECK.prefix, CHECK.paths().collect()),
        (LOGIN.prefix, LOGIN.paths().collect()),
        (ACCOUNT.prefix, ACCOUNT.paths().collect()),
    ]
}

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
}
