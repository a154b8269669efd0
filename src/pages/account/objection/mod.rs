//! Filing an objection (`/account/objections/new`, `/account/objections/review`): the
//! reason and a description, check your answers, submit with an `Idempotency-Key`, then the
//! confirmation (`/account/objections/{reference}?filed=1`). The draft lives in localStorage
//! until the server confirms it, for the account that wrote it only.

pub mod details;
pub mod draft;
pub mod review;

use self::draft::{Draft, Target};
use crate::{
    i18n::{Lang, fill},
    prefs,
};

/// The draft on this device, if `account` (the signed-in national ID) wrote it. Anyone
/// else's draft, left on a shared phone, is deleted unread: it is neither shown nor sent.
pub fn stored_draft(account: &str) -> Option<Draft> {
    let draft = prefs::local_value::<Draft>(prefs::DRAFT_KEY);
    if draft.as_ref().is_some_and(|d| d.belongs_to(account)) {
        draft
    } else {
        forget_draft();
        None
    }
}

/// Deletes any draft but `account`'s (called as soon as `GET /me` names the account).
pub fn keep_draft_of(account: &str) {
    let _ = stored_draft(account);
}

/// Whether exactly this draft is still the one kept on the device.
pub fn still_stored(draft: &Draft) -> bool {
    prefs::local_value::<Draft>(prefs::DRAFT_KEY).as_ref() == Some(draft)
}

pub fn store_draft(draft: &Draft) {
    prefs::store_local_value(prefs::DRAFT_KEY, draft);
}

/// Called after the server confirmed the objection (a 2xx), and for a draft that is not the
/// signed-in account's; "Log out" deletes it too ([`prefs::forget_account_data`]).
pub fn forget_draft() {
    prefs::remove_local_value(prefs::DRAFT_KEY);
}

/// What the objection is on, in words: "الدفعة 108", "التابع 2".
pub fn subject(lang: Lang, target: &Target) -> String {
    match target {
        Target::Payment(cycle) => fill(
            lang.texts().account.payment_n,
            &[&crate::format::number(lang, i64::from(*cycle))],
        ),
        Target::Member(member) => member_name(lang, member),
    }
}

/// The sentence under the heading: "اعتراض مالي على الدفعة 108."
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

/// `applicant` -> "مقدم الطلب"; `dependent-2` -> "التابع 2".
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
