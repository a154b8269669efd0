//! The verification code (`/login/verify`): the masked mobile it went to, the field, and a
//! new code after a visible countdown. A right code opens the session and goes to `next`.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    NavigateOptions,
    components::Redirect,
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
        sms_code::{CODE_FIELD, CodeField, CodeSentTo, ResendCountdown, read_code},
    },
    i18n::{lang, t},
    messages,
    session::{now_ms, safe_next, use_session},
};

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
    let resend = move || {
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
        <CodeSentTo masked_mobile=Signal::derive(move || challenge.with(|c| c.masked_mobile.clone())) />
        <ErrorSummary errors=errors />
        <Problem message=problem />
        <Show when=must_start_again>
            <p><a href=login_again.clone()>{t(|t| t.account.start_again)}</a></p>
        </Show>
        <form class="form" novalidate on:submit=submit>
            <CodeField code=code errors=errors />
            <button type="submit" class="button" disabled=move || pending.get()>
                {t(|t| t.account.verify_button)}
            </button>
        </form>
        <ResendCountdown
            resend_at=Signal::derive(move || challenge.with(|c| c.resend_at))
            resent=resent
            on_resend=resend
        />
    }
    .into_any()
}
