//! The polite "a new version is ready" notice. `public/boot.js` registers the service worker
//! and says `portal-update-ready` when a new version is waiting; the button answers with
//! `portal-update-apply`, and boot.js reloads once the new version controls the page. Nothing
//! reloads without the person's choice, and no service worker API is bound into the wasm.

use leptos::prelude::*;

use crate::i18n::t;

/// Whether boot.js already heard of a waiting version before this component mounted.
fn update_waiting() -> bool {
    js_sys::Reflect::get(&window(), &"portalUpdate".into()).is_ok_and(|worker| worker.is_truthy())
}

fn apply_update(_: leptos::ev::MouseEvent) {
    if let Ok(event) = web_sys::Event::new("portal-update-apply") {
        let _ = window().dispatch_event(&event);
    }
}

/// A status region (heard without moving focus), filled when a new version is ready.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ready = RwSignal::new(update_waiting());
    let listener = window_event_listener_untyped("portal-update-ready", move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    view! {
        <div class="update-notice" role="status">
            <Show when=move || ready.get()>
                <div class="notice notice--info">
                    <p>{t(|t| t.pwa.update_ready)}</p>
                    <button type="button" class="button button--small" on:click=apply_update>
                        {t(|t| t.pwa.update_apply)}
                    </button>
                </div>
            </Show>
        </div>
    }
}
