//! The banner that says the device is offline, from the window's `online` / `offline`
//! events; a status region, so screen readers hear it without losing their place.

use leptos::{ev, prelude::*};

use crate::i18n::t;

/// Shown while the browser says there is no connection.
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let online = RwSignal::new(window().navigator().on_line());
    let on = window_event_listener(ev::online, move |_| online.set(true));
    let off = window_event_listener(ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    view! {
        <div class="offline-banner" role="status">
            <Show when=move || !online.get()>
                <p class="offline-banner__text">
                    <span aria-hidden="true">"⚠ "</span>
                    {t(|t| t.pwa.offline)}
                </p>
            </Show>
        </div>
    }
}
