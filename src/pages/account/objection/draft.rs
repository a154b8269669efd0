//! The objection being written: whose it is, what it is on, the reason, the description and
//! the `Idempotency-Key` that goes with exactly this content. Pure: no view, no storage.
//!
//! A phone may be shared: the draft names the national ID that wrote it, and nobody else's
//! session shows or sends it.
//!
//! The key is made once per draft and kept through every retry, so a retry after a lost
//! answer gets the first answer back instead of filing twice. Changing the content makes a
//! new key: the server would refuse the old key with different content.

use serde::{Deserialize, Serialize};
use wire::{NewObjection, OBJECTION_DESCRIPTION_MAX};

use crate::{components::form::FieldError, messages};

/// The id of the reason group; the error summary links to it.
pub const REASON_ID: &str = "reason";
/// The id of the description field.
pub const DESCRIPTION_ID: &str = "description";

/// What an objection is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// A payment, by its number: a financial objection.
    Payment(u32),
    /// A member of the latest eligibility result (`applicant`, `dependent-N`).
    Member(String),
}

impl Target {
    /// Reads `?kind=financial&cycle=108` or `?kind=eligibility&member=applicant`.
    pub fn from_query(
        kind: Option<&str>,
        cycle: Option<&str>,
        member: Option<&str>,
    ) -> Option<Target> {
        match kind {
            Some("financial") => cycle?.parse().ok().map(Target::Payment),
            Some("eligibility") => {
                let member = member?;
                let known = member == "applicant"
                    || member
                        .strip_prefix("dependent-")
                        .is_some_and(|n| n.parse::<u32>().is_ok());
                known.then(|| Target::Member(member.to_string()))
            }
            _ => None,
        }
    }

    /// The details page for this target.
    pub fn details_href(&self) -> String {
        match self {
            Target::Payment(cycle) => {
                format!("/account/objections/new?kind=financial&cycle={cycle}")
            }
            Target::Member(member) => {
                format!("/account/objections/new?kind=eligibility&member={member}")
            }
        }
    }

    /// The page the objection was started from.
    pub fn origin_href(&self) -> String {
        match self {
            Target::Payment(cycle) => format!("/account/payments/{cycle}"),
            Target::Member(_) => "/account/eligibility".to_string(),
        }
    }
}

/// The draft as kept in localStorage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The national ID of the account that wrote it. A draft kept before owners were
    /// recorded has none and reads as nobody's.
    pub owner: String,
    pub target: Target,
    pub reason: Option<String>,
    pub description: String,
    /// Sent as `Idempotency-Key`.
    pub key: String,
}

impl Draft {
    /// An empty draft by `owner` on `target`.
    pub fn new(owner: String, target: Target, key: String) -> Draft {
        Draft {
            owner,
            target,
            reason: None,
            description: String::new(),
            key,
        }
    }

    /// The draft with this content; a new key (from `fresh_key`) only if the content changed.
    pub fn with_content(
        &self,
        reason: Option<String>,
        description: String,
        fresh_key: impl FnOnce() -> String,
    ) -> Draft {
        if reason == self.reason && description == self.description {
            return self.clone();
        }
        Draft {
            owner: self.owner.clone(),
            target: self.target.clone(),
            reason,
            description,
            key: fresh_key(),
        }
    }

    /// Whether `account` (a national ID) wrote this draft; nobody owns an ownerless one.
    pub fn belongs_to(&self, account: &str) -> bool {
        !self.owner.is_empty() && self.owner == account
    }

    /// What is wrong with the content, if anything.
    pub fn problems(&self) -> Vec<FieldError> {
        self.checked().err().unwrap_or_default()
    }

    /// The reason and the description as the server will read them (the shared text rule:
    /// bidi overrides removed, trimmed), or what is wrong.
    fn checked(&self) -> Result<(String, String), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.reason.as_deref().is_none_or(str::is_empty) {
            errors.push(FieldError {
                id: REASON_ID,
                message: |t| t.account.reason_missing,
            });
        }
        let description = match rules::text::clean(&self.description) {
            Ok(text) if text.chars().count() > OBJECTION_DESCRIPTION_MAX => {
                errors.push(FieldError {
                    id: DESCRIPTION_ID,
                    message: |t| t.account.description_too_long,
                });
                None
            }
            Ok(text) => Some(text),
            Err(error) => {
                errors.push(FieldError {
                    id: DESCRIPTION_ID,
                    message: messages::field_code("description", error.code()),
                });
                None
            }
        };
        match (&self.reason, description) {
            (Some(reason), Some(description)) if errors.is_empty() => {
                Ok((reason.clone(), description))
            }
            _ => Err(errors),
        }
    }

    /// The request to send, or what is wrong.
    pub fn request(&self) -> Result<NewObjection, Vec<FieldError>> {
        let (reason, description) = self.checked()?;
        let (kind, cycle, member) = match &self.target {
            Target::Payment(cycle) => ("financial", Some(*cycle), None),
            Target::Member(member) => ("eligibility", None, Some(member.clone())),
        };
        Ok(NewObjection {
            kind: kind.to_string(),
            cycle,
            member,
            reason,
            description,
        })
    }
}

/// A fresh idempotency key: 128 random bits as hex, from the browser.
pub fn new_key() -> String {
    let mut key = String::from("ob-");
    for _ in 0..4 {
        let part = (js_sys::Math::random() * 4_294_967_296.0) as u32;
        key.push_str(&format!("{part:08x}"));
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        Draft::new("1000000008".into(), Target::Payment(108), "k1".into())
    }

    #[test]
    fn the_query_names_a_payment_or_a_member() {
        assert_eq!(
            Target::from_query(Some("financial"), Some("108"), None),
            Some(Target::Payment(108))
        );
        assert_eq!(
            Target::from_query(Some("eligibility"), None, Some("dependent-2")),
            Some(Target::Member("dependent-2".into()))
        );
        assert_eq!(Target::from_query(Some("financial"), Some("x"), None), None);
        assert_eq!(
            Target::from_query(Some("eligibility"), None, Some("admin")),
            None
        );
        assert_eq!(Target::from_query(None, Some("108"), None), None);
    }

    #[test]
    fn the_key_stays_while_the_content_stays_and_changes_with_it() {
        let first =
            draft().with_content(Some("short_payment".into()), "less".into(), || "k2".into());
        assert_eq!(first.key, "k2");
        let retry = first.with_content(Some("short_payment".into()), "less".into(), || "k3".into());
        assert_eq!(retry.key, "k2", "a retry sends the same key");
        let edited =
            first.with_content(Some("short_payment".into()), "less!".into(), || "k4".into());
        assert_eq!(edited.key, "k4");
    }

    #[test]
    fn a_draft_needs_a_reason_and_a_description_within_the_limit() {
        let errors = draft().problems();
        assert_eq!(
            errors.iter().map(|e| e.id).collect::<Vec<_>>(),
            [REASON_ID, DESCRIPTION_ID]
        );
        let long = draft().with_content(
            Some("zero_payment".into()),
            "ب".repeat(OBJECTION_DESCRIPTION_MAX + 1),
            || "k".into(),
        );
        assert_eq!(long.problems().len(), 1);
        let exact = draft().with_content(
            Some("zero_payment".into()),
            "ب".repeat(OBJECTION_DESCRIPTION_MAX),
            || "k".into(),
        );
        let request = exact.request().expect("valid");
        assert_eq!(request.kind, "financial");
        assert_eq!(request.cycle, Some(108));
        assert_eq!(request.member, None);
    }

    #[test]
    fn an_eligibility_draft_names_the_member() {
        let draft = Draft::new(
            "1000000008".into(),
            Target::Member("applicant".into()),
            "k".into(),
        )
        .with_content(
            Some("no_bank_account".into()),
            "  opened an account  ".into(),
            || "k2".into(),
        );
        let request = draft.request().expect("valid");
        assert_eq!(request.kind, "eligibility");
        assert_eq!(request.member.as_deref(), Some("applicant"));
        assert_eq!(request.description, "opened an account");
    }

    #[test]
    fn a_draft_belongs_only_to_the_account_that_wrote_it() {
        let edited = draft().with_content(Some("zero_payment".into()), "x".into(), || "k2".into());
        assert!(edited.belongs_to("1000000008"), "editing keeps the owner");
        assert!(!edited.belongs_to("1000000016"));
        let ownerless = Draft::new(String::new(), Target::Payment(108), "k".into());
        assert!(!ownerless.belongs_to(""), "an ownerless draft is nobody's");
        let old: Result<Draft, _> = serde_json::from_str(
            r#"{"target":{"Payment":108},"reason":null,"description":"","key":"k"}"#,
        );
        assert!(
            old.is_err(),
            "a draft kept without an owner is not read back"
        );
    }

    #[test]
    fn invisible_only_text_is_missing_and_control_characters_are_refused() {
        let texts = crate::i18n::Lang::Ar.texts();
        for invisible in [
            "\u{200B}\u{200C}",
            " \u{FEFF} ",
            "\u{202E}\u{2066}\u{2069}",
            "\u{061C}\u{2060}",
        ] {
            let errors = draft()
                .with_content(Some("zero_payment".into()), invisible.into(), || "k".into())
                .problems();
            assert_eq!(errors.len(), 1, "{invisible:?}");
            assert_eq!(
                (errors[0].message)(texts),
                texts.account.description_missing
            );
        }
        let errors = draft()
            .with_content(Some("zero_payment".into()), "a\u{0}b".into(), || "k".into())
            .problems();
        assert_eq!(
            (errors[0].message)(texts),
            texts.account.description_control
        );
        let request = draft()
            .with_content(
                Some("zero_payment".into()),
                " \u{202E}لم يصل\u{202C} ".into(),
                || "k".into(),
            )
            .request()
            .expect("valid");
        assert_eq!(
            request.description, "لم يصل",
            "sent as the server will read it"
        );
    }
}
