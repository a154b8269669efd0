//! Component tests in a real browser (headless Chromium through wasm-bindgen-test):
//! mount a piece of the app, act as a person would, check what the page shows.

#![cfg(target_arch = "wasm32")]

use leptos::{prelude::*, task::tick};
use portal::{App, i18n::Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn html_attribute(name: &str) -> Option<String> {
    document().document_element()?.get_attribute(name)
}

fn fresh_root() -> web_sys::HtmlElement {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root.unchecked_into()
}

fn forget_language() {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.remove_item("portal.lang");
    }
}

#[wasm_bindgen_test]
async fn the_app_starts_in_arabic_right_to_left() {
    forget_language();
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), App);
    tick().await;
    assert_eq!(html_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(html_attribute("dir").as_deref(), Some("rtl"));
    let heading = root.query_selector("h1").expect("query").expect("an h1");
    assert_eq!(heading.text_content().as_deref(), Some("حساب المواطن"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_language_switch_flips_lang_and_dir_and_remembers() {
    forget_language();
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), App);
    tick().await;
    let switch: web_sys::HtmlElement = root
        .query_selector("button.language-switch")
        .expect("query")
        .expect("the language switch")
        .unchecked_into();
    assert_eq!(
        switch.text_content().as_deref().map(str::trim),
        Some("English")
    );
    switch.click();
    tick().await;
    assert_eq!(html_attribute("lang").as_deref(), Some(Lang::En.code()));
    assert_eq!(html_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(portal::prefs::stored_lang(), Some(Lang::En));
    switch.click();
    tick().await;
    assert_eq!(html_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(portal::prefs::stored_lang(), Some(Lang::Ar));
    root.remove();
}

#[wasm_bindgen_test]
fn every_arabic_text_has_an_english_twin() {
    // The struct makes a missing key a compile error; this catches an empty string.
    let pairs = [
        (portal::i18n::AR.home_title, portal::i18n::EN.home_title),
        (
            portal::i18n::AR.not_found_title,
            portal::i18n::EN.not_found_title,
        ),
        (
            portal::i18n::AR.skip_to_content,
            portal::i18n::EN.skip_to_content,
        ),
    ];
    for (arabic, english) in pairs {
        assert!(!arabic.is_empty() && !english.is_empty());
        assert_ne!(arabic, english);
    }
}
