//! Step 2: today's household and the changed one side by side («الآن» / «بعد التحديث»), the
//! first payment the change would apply to, and "send" with an `Idempotency-Key`.

use leptos::{prelude::*, task::spawn_local};
use rules::payment_cycle;
use wire::{HouseholdView, NewHouseholdChange};

use super::{
    Answers, PREVIEW_HEADING, SENT_HEADING, Step, focus_soon, relation_words,
    state::{KIND_ID, Status, preview, server_field_errors},
};
use crate::{
    api::{self, ApiError},
    components::{
        button::{Button, ButtonKind},
        form::FormErrors,
        loading::Problem,
        notice::{Notice, Tone, word_tag},
    },
    format,
    i18n::{Texts, fill, lang, t},
    messages,
    pages::account::{name, objection::draft::new_key},
    session::use_session,
};

/// Eligible / not eligible as a word and a mark, or why the member is not on this side.
fn status_cell(texts: &'static Texts, status: Status, removed: bool) -> AnyView {
    match status {
        Some(true) => word_tag(texts.account.eligible, Tone::Success).into_any(),
        Some(false) => word_tag(texts.account.not_eligible, Tone::Warning).into_any(),
        None if removed => view! { <span>{texts.household.removed}</span> }.into_any(),
        None => view! { <span>{texts.household.not_in_household}</span> }.into_any(),
    }
}

/// Step 2: now and after, side by side, and "send".
#[component]
pub fn PreviewStep(
    view: StoredValue<HouseholdView>,
    change: NewHouseholdChange,
    answers: Answers,
    errors: FormErrors,
    step: RwSignal<Step>,
    requests_retry: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let today = format::today();
    let computed = today.and_then(|today| view.with_value(|view| preview(view, &change, today)));
    let applies = today.and_then(|today| payment_cycle::first_cycle_for_change(today).ok());
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let problem = Signal::derive(move || {
        failure.with(|failure| {
            failure.as_ref().map(|error| {
                let lang = lang();
                match error.code() {
                    "too_many_open_changes" => lang.texts().household.too_many_open.to_string(),
                    _ => messages::api_error(lang, error),
                }
            })
        })
    });
    // One key for exactly this request: a retry after a lost answer files it once.
    let key = StoredValue::new(new_key());
    let request = StoredValue::new(change);
    let back = move || {
        step.set(Step::Form);
        focus_soon(KIND_ID);
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        failure.set(None);
        spawn_local(async move {
            let answer = session
                .call(api::file_household_change(
                    &request.get_value(),
                    &key.get_value(),
                ))
                .await;
            match answer {
                Ok(filed) => {
                    answers.clear();
                    requests_retry.run(());
                    let _ = step.try_set(Step::Sent(filed));
                    focus_soon(SENT_HEADING);
                }
                // Signed out: the account area goes to the login page.
                Err(error) if error.is_unauthenticated() => {}
                Err(error) => {
                    let fields = error
                        .body()
                        .map(|body| body.fields.clone())
                        .unwrap_or_default();
                    if !fields.is_empty() {
                        // Back to the form, everything typed still there, the fields marked.
                        let calendar = answers.birth.with_untracked(|birth| birth.calendar);
                        let _ = step.try_set(Step::Form);
                        errors.fail(server_field_errors(&fields, calendar));
                        return;
                    }
                    if error.code() == "idempotency_key_reused" {
                        key.set_value(new_key());
                    }
                    let _ = failure.try_set(Some(error));
                    let _ = pending.try_set(false);
                }
            }
        });
    };
    let table = move || {
        let lang = lang();
        let texts = lang.texts();
        let words = &texts.household;
        let Some(preview) = computed.clone() else {
            return view! { <Notice><p>{words.cannot_preview}</p></Notice> }.into_any();
        };
        let members = preview
            .rows
            .iter()
            .enumerate()
            .map(|(index, row)| {
                let now = preview.now.members.get(index).copied().flatten();
                let after = preview.after.members.get(index).copied().flatten();
                let relation = if row.relation == "applicant" {
                    words.you
                } else {
                    relation_words(texts, &row.relation, row.sex.as_deref())
                };
                view! {
                    <tr>
                        <th scope="row">
                            // The space keeps the name and the relation apart for a
                            // screen reader too, where the line break is only visual.
                            {name(lang, &row.name_ar, &row.name_en).to_string()}
                            " "
                            <span class="hint">
                                {relation}
                                {row.new.then(|| format!("{}{}", texts.forms.separator, words.new_member))}
                            </span>
                        </th>
                        <td>{status_cell(texts, now, false)}</td>
                        <td>{status_cell(texts, after, row.removed)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            // Focusable and named, so a keyboard can scroll it where a narrow screen and
            // long words make it wider than the page.
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="household-preview-caption">
                <table class="table">
                    <caption id="household-preview-caption" class="table__caption">{words.preview_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{words.col_member}</th>
                            <th scope="col">{words.col_now}</th>
                            <th scope="col">{words.col_after}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {members}
                        <tr>
                            <th scope="row">{words.income_label}</th>
                            <td>{format::sar_with_halalas(lang, preview.income_now.0)}</td>
                            <td>{format::sar_with_halalas(lang, preview.income_after.0)}</td>
                        </tr>
                        <tr>
                            <th scope="row">{words.support_row}</th>
                            <td class="table__number"><strong>{format::sar(lang, i64::from(preview.now.support))}</strong></td>
                            <td class="table__number"><strong>{format::sar(lang, i64::from(preview.after.support))}</strong></td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <p class="hint">{words.estimate_note}</p>
        }
        .into_any()
    };
    let applies_line = move || {
        let lang = lang();
        let words = &lang.texts().household;
        applies.map(|next| {
            view! {
                <p>
                    <strong>
                        {fill(words.applies_from, &[&format::number(lang, i64::from(next.number)), &format::both(lang, next.date)])}
                    </strong>
                </p>
                <p class="hint">{words.applies_rule}</p>
            }
        })
    };
    view! {
        <section aria-labelledby=PREVIEW_HEADING>
            <h2 id=PREVIEW_HEADING tabindex="-1">{t(|t| t.household.preview_title)}</h2>
            <p>{t(|t| t.household.preview_lead)}</p>
            <Problem message=problem />
            {table}
            {applies_line}
            <form class="form" novalidate on:submit=submit>
                <div class="button-group">
                    <button type="submit" class="button" disabled=move || pending.get()>
                        {t(|t| t.household.submit_button)}
                    </button>
                    <Button label=|t| t.household.edit_button kind=ButtonKind::Secondary on_click=Callback::new(move |()| back()) />
                </div>
                <p class="hint" role="status">{move || pending.get().then(|| t(|t| t.sign_in.sending)())}</p>
            </form>
        </section>
    }
}
