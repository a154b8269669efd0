//! The footer's accessibility tools, as the Saudi government platform code asks: larger and
//! smaller text, and a high-contrast theme, remembered on this device.

use leptos::prelude::*;

use crate::{i18n::t, prefs};

/// The text size steps, as a multiple of the phone's own size.
const SCALES: [&str; 6] = ["0.875", "1", "1.125", "1.25", "1.5", "1.75"];
/// The index of 1 in [`SCALES`].
const DEFAULT_STEP: i8 = 1;

/// The display preferences and how they change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Display {
    /// An index into [`SCALES`], relative to the default (0 = the phone's size).
    pub text_step: i8,
    pub high_contrast: bool,
}

impl Display {
    pub fn stored() -> Self {
        Display {
            text_step: Self::clamp(prefs::stored_text_step()),
            high_contrast: prefs::stored_high_contrast(),
        }
    }

    fn clamp(step: i8) -> i8 {
        step.clamp(-DEFAULT_STEP, SCALES.len() as i8 - 1 - DEFAULT_STEP)
    }

    pub fn larger(self) -> Self {
        Display {
            text_step: Self::clamp(self.text_step + 1),
            ..self
        }
    }

    pub fn smaller(self) -> Self {
        Display {
            text_step: Self::clamp(self.text_step - 1),
            ..self
        }
    }

    pub fn can_grow(self) -> bool {
        self.larger() != self
    }

    pub fn can_shrink(self) -> bool {
        self.smaller() != self
    }

    /// The `--text-scale` value.
    pub fn scale(self) -> &'static str {
        let index = usize::try_from(self.text_step + DEFAULT_STEP).unwrap_or(1);
        SCALES.get(index).copied().unwrap_or("1")
    }

    /// Puts the preferences on `<html>` (a custom property through the CSSOM, which the CSP
    /// allows, and a `data-contrast` attribute) and remembers them.
    pub fn apply(self) {
        if let Some(html) = document()
            .document_element()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = html.style().set_property("--text-scale", self.scale());
            let _ = html.set_attribute(
                "data-contrast",
                if self.high_contrast { "high" } else { "normal" },
            );
        }
        prefs::store_text_step(self.text_step);
        prefs::store_high_contrast(self.high_contrast);
    }
}

/// Three buttons: larger text, smaller text, high contrast (a toggle, `aria-pressed`).
#[component]
pub fn AccessibilityTools() -> impl IntoView {
    let display = RwSignal::new(Display::stored());
    Effect::new(move |_| display.get().apply());
    view! {
        <section class="tools" aria-labelledby="tools-title">
            <h2 id="tools-title" class="tools__title">{t(|t| t.tools.title)}</h2>
            <div class="tools__buttons">
                <button
                    type="button"
                    class="tools__button"
                    disabled=move || !display.get().can_grow()
                    on:click=move |_| display.update(|d| *d = d.larger())
                >
                    <span aria-hidden="true" class="tools__icon">"A+"</span>
                    {t(|t| t.tools.larger)}
                </button>
                <button
                    type="button"
                    class="tools__button"
                    disabled=move || !display.get().can_shrink()
                    on:click=move |_| display.update(|d| *d = d.smaller())
                >
                    <span aria-hidden="true" class="tools__icon">"A−"</span>
                    {t(|t| t.tools.smaller)}
                </button>
                <button
                    type="button"
                    class="tools__button"
                    aria-pressed=move || if display.get().high_contrast { "true" } else { "false" }
                    on:click=move |_| display.update(|d| d.high_contrast = !d.high_contrast)
                >
                    <span aria-hidden="true" class="tools__icon">"◐"</span>
                    {t(|t| t.tools.high_contrast)}
                </button>
            </div>
        </section>
    }
}
