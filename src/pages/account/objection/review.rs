//! `/account/objections/review`: check your answers, then submit. The draft's key goes with
//! the request, so a retry (after a lost connection, a double tap, an expired session and a
//! new login) files at most one objection; the draft is removed only after the server's 2xx.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{components::Redirect, hooks::use_navigate};

use super::{draft::Target, forget_draft, lead, still_stored, stored_draft, subject};
use crate::{
    api::{self, ApiError},
    components::{
        back_link::BackLink,
        loading::Problem,
        page::PageHeading,
        summary_list::{SummaryList, SummaryRow},
    },
    i18n::{lang, t},
    messages,
    session::use_session,
};

/// What to say when the submit failed.
pub fn submit_problem(lang: crate::i18n::Lang, error: &ApiError) -> String {
    match error.body() {
        Some(body) if !body.fields.is_empty() => body
            .fields
            .iter()
            .map(|field| messages::field_code(&field.field, &field.code)(lang.texts()))
            .collect::<Vec<_>>()
            .join(lang.texts().forms.separator),
        _ => messages::api_error(lang, error),
    }
}

#[component]
pub fn ObjectionReview() -> impl IntoView {
    let session = use_session();
    // Only the signed-in account's own draft is shown and sent.
    let Some(draft) = stored_draft(&session.account_untracked().unwrap_or_default()) else {
        return view! { <Redirect path="/account/objections" /> }.into_any();
    };
    let Ok(request) = draft.request() else {
        return view! { <Redirect path=draft.target.details_href() /> }.into_any();
    };
    let navigate = use_navigate();
    let pending = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<ApiError>);
    Effect::new(move |_| {
        let lang = lang();
        problem.set(failure.with(|f| f.as_ref().map(|e| submit_problem(lang, e))));
    });
    let key = draft.key.clone();
    let description = request.description.clone();
    let draft_value = StoredValue::new(draft.clone());
    let request = StoredValue::new(request);
    let key = StoredValue::new(key);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        // A second tap while the first is on its way sends nothing.
        if pending.get_untracked() {
            return;
        }
        // Another tab may have logged out (which deletes the draft) or in as someone else
        // (whose `GET /me` deleted it): send only what is still kept, unchanged.
        if !draft_value.with_value(still_stored) {
            navigate("/account/objections", Default::default());
            return;
        }
        pending.set(true);
        failure.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            let answer = session
                .call(api::file_objection(&request.get_value(), &key.get_value()))
                .await;
            match answer {
                Ok(objection) => {
                    forget_draft();
                    navigate(
                        &format!("/account/objections/{}?filed=1", objection.reference),
                        leptos_router::NavigateOptions {
                            replace: true,
                            ..Default::default()
                        },
                    );
                }
                // Signed out: the account area goes to the login page; the draft stays.
                Err(error) if error.is_unauthenticated() => {}
                Err(error) => {
                    let _ = failure.try_set(Some(error));
                    let _ = pending.try_set(false);
                }
            }
        });
    };
    let target = draft.target.clone();
    let rows = {
        let draft = draft.clone();
        move || {
            let lang = lang();
            let texts = lang.texts();
            let words = &texts.account;
            let reason = draft.reason.as_deref().unwrap_or_default();
            let reason = match draft.target {
                Target::Payment(_) => messages::financial_reason(texts, reason),
                Target::Member(_) => messages::reason(texts, reason),
            };
            let change = Some(draft.target.details_href());
            vec![
                SummaryRow {
                    key: words.row_subject,
                    value: vec![subject(lang, &draft.target)],
                    change: None,
                },
                SummaryRow {
                    key: words.row_reason,
                    value: vec![reason.to_string()],
                    change: change.clone(),
                },
                SummaryRow {
                    key: words.row_description,
                    value: vec![description.clone()],
                    change,
                },
            ]
        }
    };
    let lead_target = target.clone();
    view! {
        <BackLink href=target.details_href() />
        <PageHeading title=|t| t.account.review_title lead=|t| t.account.review_lead />
        <p>{move || lead(lang(), &lead_target)}</p>
        <Problem message=problem />
        {move || view! { <SummaryList rows=rows() change_label=lang().texts().forms.change /> }}
        <p class="hint">{t(|t| t.account.draft_kept)}</p>
        <form class="form" novalidate on:submit=submit>
            <button type="submit" class="button" disabled=move || pending.get()>
                {t(|t| t.account.submit_objection)}
            </button>
            <p class="hint" role="status">
                {move || pending.get().then(|| t(|t| t.sign_in.sending)())}
            </p>
        </form>
    }
    .into_any()
}
