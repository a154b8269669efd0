//! Preferences remembered on this device (localStorage). A browser that refuses storage
//! (private mode, disabled) simply forgets; nothing fails.

use crate::i18n::Lang;

const LANG_KEY: &str = "portal.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn stored_lang() -> Option<Lang> {
    Lang::from_code(&storage()?.get_item(LANG_KEY).ok()??)
}

pub fn store_lang(lang: Lang) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
}
