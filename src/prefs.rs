//! What this device remembers. Preferences (language, text size, contrast) live in
//! localStorage; the pre-check's answers live in sessionStorage, so they survive a reload but
//! leave with the tab; the objection draft lives in localStorage until the server confirms
//! it. A browser that refuses storage (private mode, disabled) simply
//! forgets; nothing fails.
//!
//! A phone may be shared, so what belongs to an account (the draft, the login challenge) is
//! named here, and [`forget_account_data`] removes all of it at an explicit sign-out.

use serde::{Serialize, de::DeserializeOwned};

use crate::i18n::Lang;

const LANG_KEY: &str = "portal.lang";
const TEXT_SIZE_KEY: &str = "portal.text-size";
const CONTRAST_KEY: &str = "portal.contrast";
/// The objection being written (localStorage), with the national ID that wrote it.
pub const DRAFT_KEY: &str = "portal.objection-draft";
/// The login in progress: the challenge of the code just sent (sessionStorage).
pub const CHALLENGE_KEY: &str = "portal.login";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

pub fn stored_lang() -> Option<Lang> {
    Lang::from_code(&storage()?.get_item(LANG_KEY).ok()??)
}

pub fn store_lang(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
}

/// The text size step chosen in the footer (0 is the phone's own size).
pub fn stored_text_step() -> i8 {
    storage()
        .and_then(|s| s.get_item(TEXT_SIZE_KEY).ok().flatten())
        .and_then(|value| value.parse().ok())
        .unwrap_or(0)
}

pub fn store_text_step(step: i8) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(TEXT_SIZE_KEY, &step.to_string());
    }
}

pub fn stored_high_contrast() -> bool {
    storage()
        .and_then(|s| s.get_item(CONTRAST_KEY).ok().flatten())
        .is_some_and(|value| value == "high")
}

pub fn store_high_contrast(on: bool) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(CONTRAST_KEY, if on { "high" } else { "normal" });
    }
}

/// A value kept for this tab as JSON; `None` when absent or unreadable.
pub fn session_value<T: DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&session()?.get_item(key).ok()??).ok()
}

pub fn store_session_value<T: Serialize>(key: &str, value: &T) {
    if let (Some(session), Ok(json)) = (session(), serde_json::to_string(value)) {
        let _ = session.set_item(key, &json);
    }
}

/// A text kept for this tab as it is (no JSON: its readers need no parser).
pub fn session_text(key: &str) -> Option<String> {
    session()?.get_item(key).ok()?
}

pub fn store_session_text(key: &str, text: &str) {
    if let Some(session) = session() {
        let _ = session.set_item(key, text);
    }
}

/// A value kept on this device as JSON (localStorage): it survives a reload, a lost
/// connection and the end of a session. `None` when absent or unreadable.
pub fn local_value<T: DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&storage()?.get_item(key).ok()??).ok()
}

pub fn store_local_value<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(value)) {
        let _ = storage.set_item(key, &json);
    }
}

pub fn remove_local_value(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

pub fn remove_session_value(key: &str) {
    if let Some(session) = session() {
        let _ = session.remove_item(key);
    }
}

/// Removes everything this device keeps about an account: the next person on a shared phone
/// must find neither the draft nor the login in progress.
pub fn forget_account_data() {
    remove_local_value(DRAFT_KEY);
    remove_session_value(CHALLENGE_KEY);
}
