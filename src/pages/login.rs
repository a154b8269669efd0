//! Log in (`/login`): national ID and password. The ID is checked in the browser with the
//! shared rule (Arabic-Indic digits accepted) before anything is sent; then a code goes by
//! SMS and the verification page (`/login/verify`) asks for it.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::{use_navigate, use_query_map};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use wire::StartSession;

use crate::{
    api::{self, ApiError},
    components::{
        error_summary::ErrorSummary,
        form::{FieldError, FormErrors},
        loading::Problem,
        notice::Notice,
        page::PageHeading,
        text_field::TextField,
    },
    i18n::{Text, lang, t},
    messages, prefs,
    session::{Ended, SignIn, safe_next, use_session},
};

pub const ID_FIELD: &str = "national-id";
pub const PASSWORD_FIELD: &str = "password";

/// The code that was sent, kept for the tab so a reload of the code page keeps it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Challenge {
    pub challenge_id: String,
    pub masked_mobile: String,
    /// When another code may be asked for, in ms since the epoch.
    pub resend_at: f64,
}

pub fn stored_challenge() -> Option<Challenge> {
    prefs::session_value(prefs::CHALLENGE_KEY)
}

/// Keeps the challenge as the JSON [`stored_challenge`] reads, written by the browser's JSON:
/// the login page's chunk carries no serde_json (issue #11).
pub fn store_challenge(challenge: &Challenge) {
    let object = js_sys::Object::new();
    let fields: [(&str, JsValue); 3] = [
        ("challenge_id", challenge.challenge_id.as_str().into()),
        ("masked_mobile", challenge.masked_mobile.as_str().into()),
        ("resend_at", challenge.resend_at.into()),
    ];
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&object, &key.into(), &value);
    }
    if let Some(json) = js_sys::JSON::stringify(&object)
        .ok()
        .and_then(|json| json.as_string())
    {
        prefs::store_session_text(prefs::CHALLENGE_KEY, &json);
    }
}

pub fn forget_challenge() {
    prefs::remove_session_value(prefs::CHALLENGE_KEY);
}

/// The message for a national ID the rule refuses.
pub fn id_message(code: &str) -> Text {
    messages::field_code("national_id", code)
}

/// The request, or what is wrong with the form, by the shared rule.
pub fn read_login(national_id: &str, password: &str) -> Result<StartSession, Vec<FieldError>> {
    let mut errors = Vec::new();
    let id = match rules::national_id::validate(national_id) {
        Ok(id) => Some(id.normalized),
        Err(error) => {
            errors.push(FieldError {
                id: ID_FIELD,
                message: id_message(error.code()),
            });
            None
        }
    };
    if password.is_empty() {
        errors.push(FieldError {
            id: PASSWORD_FIELD,
            message: |t| t.sign_in.password_empty,
        });
    }
    match id {
        Some(national_id) if errors.is_empty() => Ok(StartSession {
            national_id,
            password: password.to_string(),
        }),
        _ => Err(errors),
    }
}

/// The server's field errors as the form's.
pub fn server_fields(error: &ApiError) -> Vec<FieldError> {
    error
        .body()
        .map(|body| {
            body.fields
                .iter()
                .map(|field| FieldError {
                    id: if field.field == "password" {
                        PASSWORD_FIELD
                    } else {
                        ID_FIELD
                    },
                    message: messages::field_code(&field.field, &field.code),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// `?next=` as given, for the code page to pass on.
pub fn next_query(next: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(next).into();
    format!("next={encoded}")
}

#[component]
pub fn Login() -> impl IntoView {
    let session = use_session();
    let next = use_query_map().with_untracked(|q| q.get("next"));
    let came_for_a_page = next.is_some();
    let next = safe_next(next.as_deref());
    let national_id = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let failure = RwSignal::new(None::<ApiError>);
    let problem = Signal::derive(move || {
        failure.with(|f| f.as_ref().map(|e| messages::api_error(lang(), e)))
    });
    let pending = RwSignal::new(false);
    let navigate = use_navigate();
    let ended = match session.state.get_untracked() {
        SignIn::SignedOut(why) => Some(why),
        _ => None,
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        let Some(request) = errors.check(read_login(
            &national_id.get_untracked(),
            &password.get_untracked(),
        )) else {
            return;
        };
        pending.set(true);
        // The code page's chunk comes while the server checks the password.
        spawn_local(async {
            let _ = crate::lazy::Chunk::Login.load().await;
        });
        let navigate = navigate.clone();
        let next = next.clone();
        spawn_local(async move {
            match api::start_session(&request).await {
                Ok(sent) => {
                    store_challenge(&Challenge {
                        challenge_id: sent.challenge_id,
                        masked_mobile: sent.masked_mobile,
                        resend_at: crate::session::now_ms()
                            + sent.resend_after_seconds as f64 * 1000.0,
                    });
                    navigate(
                        &format!("/login/verify?{}", next_query(&next)),
                        Default::default(),
                    );
                }
                Err(error) => {
                    let fields = server_fields(&error);
                    if error.code() == wire::codes::INVALID_CREDENTIALS {
                        errors.fail(vec![FieldError {
                            id: PASSWORD_FIELD,
                            message: |t| t.sign_in.invalid_credentials,
                        }]);
                    } else if !fields.is_empty() {
                        errors.fail(fields);
                    } else {
                        let _ = failure.try_set(Some(error));
                    }
                    let _ = pending.try_set(false);
                }
            }
        });
    };
    view! {
        <PageHeading title=|t| t.login_title lead=|t| t.login_lead errors=errors />
        {if ended == Some(Ended::Idle) {
            Some(view! { <Notice><p>{t(|t| t.sign_in.session_expired)}</p></Notice> }.into_any())
        } else if ended == Some(Ended::ByChoice) {
            Some(view! { <Notice><p>{t(|t| t.sign_in.signed_out)}</p></Notice> }.into_any())
        } else if came_for_a_page {
            Some(view! { <Notice><p>{t(|t| t.sign_in.login_to_continue)}</p></Notice> }.into_any())
        } else {
            None
        }}
        <ErrorSummary errors=errors />
        <Problem message=problem />
        <form class="form" novalidate on:submit=submit>
            <TextField
                id=ID_FIELD
                label=|t| t.sign_in.id_label
                hint=|t| t.sign_in.id_hint
                value=national_id
                errors=errors
                inputmode="numeric"
                autocomplete="username"
                class="input--10"
            />
            <TextField
                id=PASSWORD_FIELD
                label=|t| t.sign_in.password_label
                value=password
                errors=errors
                input_type="password"
                autocomplete="current-password"
                class="input--20"
            />
            <button type="submit" class="button" disabled=move || pending.get()>
                {t(|t| t.sign_in.login_button)}
            </button>
            <p class="hint" role="status">{move || pending.get().then(|| t(|t| t.sign_in.sending)())}</p>
        </form>
        <p><a href="/login/reset">{t(|t| t.sign_in.forgot_link)}</a></p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_checked_by_the_shared_rule_before_any_request() {
        let ok = read_login("١٠٠٠٠٠٠٠٠٨", "Demo@2026").expect("valid");
        assert_eq!(ok.national_id, "1000000008");
        let errors = read_login("1000000000", "").expect_err("invalid");
        assert_eq!(
            errors.iter().map(|e| e.id).collect::<Vec<_>>(),
            [ID_FIELD, PASSWORD_FIELD]
        );
        let texts = crate::i18n::Lang::Ar.texts();
        assert_eq!((errors[0].message)(texts), texts.sign_in.id_bad_checksum);
        let short = read_login("12345", "x").expect_err("short");
        assert_eq!((short[0].message)(texts), texts.sign_in.id_wrong_length);
    }
}
