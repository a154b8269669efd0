//! The verification code (`/login/verify`): the masked mobile it went to, the field, and a
//! new code after a visible countdown. A right code opens the session and goes to `next`.

use std::time::Duration;

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    NavigateOptions,
    components::{A, Redirect},
    hooks::{use_navigate, use_query_map},
};
use wire::{ResendCode, VerifyCode};

use super::login::{Challenge, forget_challenge, next_query, store_challenge, stored_challenge};
use crate::{
    api::{self, ApiError},
    components::{
        back_link::BackLink,
        error_summary::ErrorSummary,
        form::{FieldError, FormErrors},
        loading::Problem,
        page::PageHeading,
        text_field::TextField,
    },
    i18n::{fill, lang, t},
    messages,
    session::{now_ms, safe_next, use_session},
};

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

#[component]
pub fn VerifyLogin() -> impl IntoView {
    let next = safe_next(use_query_map().with_untracked(|q| q.get("next")).as_deref());
    let Some(challenge) = stored_challenge() else {
        return view! { <Redirect path=format!("/login?{}", next_query(&next)) /> }.into_any();
    };
    let session = use_session();
    let navigate = use_navigate();
    let challenge = RwSignal::new(challenge);
    let code = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let failure = RwSignal::new(None::<ApiError>);
    let problem = Signal::derive(move || {
        failure.with(|f| f.as_ref().map(|e| messages::api_error(lang(), e)))
    });
    let pending = RwSignal::new(false);
    let resent = RwSignal::new(false);
    let now = RwSignal::new(now_ms());
    if let Ok(handle) = set_interval_with_handle(move || now.set(now_ms()), Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
    let wait = move || seconds_until(challenge.with(|c| c.resend_at), now.get());
    let waiting = Memo::new(move |_| wait() > 0);
    let submit = {
        let next = next.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            if pending.get_untracked() {
                return;
            }
            failure.set(None);
            let Some(typed) = errors.check(read_code(&code.get_untracked())) else {
                return;
            };
            pending.set(true);
            let navigate = navigate.clone();
            let next = next.clone();
            let request = VerifyCode {
                challenge_id: challenge.with_untracked(|c| c.challenge_id.clone()),
                code: typed,
            };
            spawn_local(async move {
                match api::verify_code(&request).await {
                    Ok(info) => {
                        forget_challenge();
                        session.logged_in(&info);
                        navigate(
                            &next,
                            NavigateOptions {
                                replace: true,
                                ..Default::default()
                            },
                        );
                    }
                    Err(error) => {
                        if error.code() == "validation_failed" {
                            errors.fail(vec![FieldError {
                                id: CODE_FIELD,
                                message: |t| t.account.code_wrong_format,
                            }]);
                        } else {
                            let _ = failure.try_set(Some(error));
                        }
                        let _ = pending.try_set(false);
                    }
                }
            });
        }
    };
    let resend = move |_| {
        resent.set(false);
        failure.set(None);
        let request = ResendCode {
            challenge_id: challenge.with_untracked(|c| c.challenge_id.clone()),
        };
        spawn_local(async move {
            match api::resend_code(&request).await {
                Ok(sent) => {
                    let renewed = Challenge {
                        challenge_id: sent.challenge_id,
                        masked_mobile: sent.masked_mobile,
                        resend_at: now_ms() + sent.resend_after_seconds as f64 * 1000.0,
                    };
                    store_challenge(&renewed);
                    let _ = challenge.try_set(renewed);
                    let _ = resent.try_set(true);
                }
                Err(error) => {
                    if let Some(seconds) = error.body().and_then(|b| b.retry_after_seconds) {
                        challenge.update(|c| c.resend_at = now_ms() + seconds as f64 * 1000.0);
                    }
                    let _ = failure.try_set(Some(error));
                }
            }
        });
    };
    let must_start_again = move || {
        failure.with(|f| {
            f.as_ref()
                .is_some_and(|e| matches!(e.code(), "code_expired" | "too_many_attempts"))
        })
    };
    let login_again = format!("/login?{}", next_query(&next));
    view! {
        <BackLink href=login_again.clone() />
        <PageHeading title=|t| t.account.verify_title errors=errors />
        <p class="lead">
            {move || {
                let masked = challenge.with(|c| c.masked_mobile.clone());
                fill(lang().texts().account.verify_sent, &[&format!("\u{2066}{masked}\u{2069}")])
            }}
        </p>
        <ErrorSummary errors=errors />
        <Problem message=problem />
        <Show when=must_start_again>
            <p><A href=login_again.clone()>{t(|t| t.account.start_again)}</A></p>
        </Show>
        <form class="form" novalidate on:submit=submit>
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
            <button type="submit" class="button" disabled=move || pending.get()>
                {t(|t| t.account.verify_button)}
            </button>
        </form>
        <div class="resend">
            <p role="status">{move || resent.get().then(|| t(|t| t.account.resent)())}</p>
            <Show
                when=move || waiting.get()
                fallback=move || view! {
                    <button type="button" class="button button--secondary" on:click=resend>
                        {t(|t| t.account.resend_button)}
                    </button>
                }
            >
                <p class="hint">
                    {move || {
                        let lang = lang();
                        // A long pause (`too_many_codes`) reads in minutes.
                        fill(lang.texts().account.resend_in, &[&messages::wait(lang, wait())])
                    }}
                </p>
            </Show>
        </div>
    }
    .into_any()
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
