//! Filing an objection (`/account/objections/new`, `/account/objections/review`): the
//! reason and a description, check your answers, submit with an `Idempotency-Key`, then the
//! confirmation (`/account/objections/{reference}?filed=1`). The draft lives in localStorage
//! until the server confirms it.

pub mod details;
pub mod draft;
pub mod review;

use self::draft::{Draft, Target};
use crate::{
    i18n::{Lang, fill},
    prefs,
};

const DRAFT_KEY: &str = "portal.objection-draft";

/// The draft on this device, if any.
pub fn stored_draft() -> Option<Draft> {
    prefs::local_value(DRAFT_KEY)
}

pub fn store_draft(draft: &Draft) {
    prefs::store_local_value(DRAFT_KEY, draft);
}

/// Called only after the server confirmed the objection (a 2xx).
pub fn forget_draft() {
    prefs::remove_local_value(DRAFT_KEY);
}

/// What the objection is on, in words: "الدفعة ١٠٨", "التابع ٢".
pub fn subject(lang: Lang, target: &Target) -> String {
    match target {
        Target::Payment(cycle) => fill(
            lang.texts().account.payment_n,
            &[&crate::format::number(lang, i64::from(*cycle))],
        ),
        Target::Member(member) => member_name(lang, member),
    }
}

/// The sentence under the heading: "اعتراض مالي على الدفعة ١٠٨."
pub fn lead(lang: Lang, target: &Target) -> String {
    let words = &lang.texts().account;
    match target {
        Target::Payment(cycle) => fill(
            words.new_lead_financial,
            &[&crate::format::number(lang, i64::from(*cycle))],
        ),
        Target::Member(member) => fill(words.new_lead_eligibility, &[&member_name(lang, member)]),
    }
}

/// `applicant` -> "مقدم الطلب"; `dependent-2` -> "التابع ٢".
pub fn member_name(lang: Lang, member: &str) -> String {
    let texts = lang.texts();
    match member
        .strip_prefix("dependent-")
        .and_then(|n| n.parse::<i64>().ok())
    {
        Some(n) => fill(texts.check.dependent_n, &[&crate::format::number(lang, n)]),
        None => texts.account.applicant.to_string(),
    }
}
