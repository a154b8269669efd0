//! The SMS code step's pieces, shared by signing in, the password reset and the bank account
//! change: reading the six digits, the field, where the code went, and a new code after a
//! visible countdown.

use std::time::Duration;

use leptos::prelude::*;

use crate::{
    components::{
        form::{FieldError, FormErrors},
        text_field::TextField,
    },
    i18n::{fill, lang, t},
    messages,
    session::now_ms,
};

/// The code field's id, the same on every page that asks for a code.
pub const CODE_FIELD: &str = "code";

/// The six digits, or what is wrong (Arabic-Indic digits are accepted).
pub fn read_code(typed: &str) -> Result<String, Vec<FieldError>> {
    let code = rules::normalize::typed_digits(typed);
    if code.is_empty() {
        return Err(vec![FieldError {
            id: CODE_FIELD,
            message: |t| t.account.code_empty,
        }]);
    }
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(vec![FieldError {
            id: CODE_FIELD,
            message: |t| t.account.code_wrong_format,
        }]);
    }
    Ok(code)
}

/// Whole seconds until `at` (ms), never below 0.
pub fn seconds_until(at: f64, now: f64) -> u64 {
    ((at - now) / 1000.0).ceil().max(0.0) as u64
}

/// The code field: six digits, offered by the phone from the SMS (`one-time-code`).
#[component]
pub fn CodeField(code: RwSignal<String>, errors: FormErrors) -> impl IntoView {
    view! {
        <TextField
            id=CODE_FIELD
            label=|t| t.account.code_label
            hint=|t| t.account.code_hint
            value=code
            errors=errors
            inputmode="numeric"
            autocomplete="one-time-code"
            class="input--6"
        />
    }
}

/// "We sent a code to …": the masked mobile, kept left to right inside the sentence.
#[component]
pub fn CodeSentTo(#[prop(into)] masked_mobile: Signal<String>) -> impl IntoView {
    view! {
        <p class="lead">
            {move || {
                let masked = masked_mobile.get();
                fill(lang().texts().account.verify_sent, &[&format!("\u{2066}{masked}\u{2069}")])
            }}
        </p>
    }
}

/// A new code: the countdown until one may be asked for (a long pause reads in minutes),
/// then the button; `resent` says so politely once a new code has gone.
#[component]
pub fn ResendCountdown(
    /// When a new code may be asked for (ms since the epoch).
    #[prop(into)]
    resend_at: Signal<f64>,
    resent: RwSignal<bool>,
    on_resend: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let now = RwSignal::new(now_ms());
    if let Ok(handle) = set_interval_with_handle(move || now.set(now_ms()), Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
    let wait = move || seconds_until(resend_at.get(), now.get());
    let waiting = Memo::new(move |_| wait() > 0);
    view! {
        <div class="resend">
            <p role="status">{move || resent.get().then(|| t(|t| t.account.resent)())}</p>
            <Show
                when=move || waiting.get()
                fallback=move || view! {
                    <button type="button" class="button button--secondary" on:click=move |_| on_resend()>
                        {t(|t| t.account.resend_button)}
                    </button>
                }
            >
                <p class="hint">
                    {move || {
                        let lang = lang();
                        fill(lang.texts().account.resend_in, &[&messages::wait(lang, wait())])
                    }}
                </p>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_six_digits_typed_in_either_script() {
        assert_eq!(read_code("١٢٣٤٥٦").expect("valid"), "123456");
        assert_eq!(read_code(" 123 456 ").expect("valid"), "123456");
        assert!(read_code("").is_err());
        assert!(read_code("12345").is_err());
        assert!(read_code("12345a").is_err());
    }

    #[test]
    fn the_countdown_rounds_up_and_stops_at_zero() {
        assert_eq!(seconds_until(30_000.0, 0.0), 30);
        assert_eq!(seconds_until(30_000.0, 29_001.0), 1);
        assert_eq!(seconds_until(30_000.0, 31_000.0), 0);
    }
}
