//! English in the split build: its texts are a pack beside the app (crates/texts, `pack`),
//! fetched the first time someone chooses English with the wasm chunk that reads it, so
//! Arabic readers download neither.
//! Other builds (the wasm tests, native) keep English compiled in.

use texts::Texts;

/// The English table: compiled in, except in the split build, where it is the pack.
#[cfg(not(all(feature = "split", target_arch = "wasm32")))]
pub fn english() -> Option<&'static Texts> {
    Some(&texts::EN)
}

/// The English table once [`load_english`] has read its pack.
#[cfg(all(feature = "split", target_arch = "wasm32"))]
pub fn english() -> Option<&'static Texts> {
    LOADED.get().copied()
}

#[cfg(all(feature = "split", target_arch = "wasm32"))]
static LOADED: std::sync::OnceLock<&'static Texts> = std::sync::OnceLock::new();

/// Makes English available: true at once where it is compiled in.
#[cfg(not(all(feature = "split", target_arch = "wasm32")))]
pub async fn load_english() -> bool {
    true
}

/// Fetches and reads the English pack named by `<meta name="portal-texts-en">`, once; false
/// when it cannot be had (offline before it was ever kept, or a pack of another version).
#[cfg(all(feature = "split", target_arch = "wasm32"))]
pub async fn load_english() -> bool {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    if LOADED.get().is_some() {
        return true;
    }
    let url = leptos::prelude::document()
        .query_selector(r#"meta[name="portal-texts-en"]"#)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"));
    let Some(url) = url else {
        return false;
    };
    let fetched = async {
        let response = JsFuture::from(leptos::prelude::window().fetch_with_str(&url))
            .await
            .ok()?
            .dyn_into::<web_sys::Response>()
            .ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?)
            .await
            .ok()?
            .as_string()
    };
    let Some(pack) = fetched.await else {
        return false;
    };
    match read_pack(Box::leak(pack.into_boxed_str())).await {
        Ok(Some(texts)) => {
            let _ = LOADED.set(texts);
            true
        }
        Ok(None) | Err(crate::lazy::ChunkError) => false,
    }
}

/// Reads the pack over the Arabic table. In a wasm chunk of its own, which only someone who
/// chooses English fetches: reading walks every text of the table, a lot of code.
#[cfg(all(feature = "split", target_arch = "wasm32"))]
#[leptos::wasm_split::wasm_split(english, fallible, wasm_split_path = ::leptos::wasm_split)]
fn read_pack(pack: &'static str) -> Result<Option<&'static Texts>, crate::lazy::ChunkError> {
    Ok(texts::pack::read(pack, texts::AR).map(|texts| &*Box::leak(Box::new(texts))))
}
