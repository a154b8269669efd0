//! The bank account (`/account/bank`): the registered IBAN, masked; its change with the new
//! IBAN checked by the shared rule (`rules::iban`) here and again by the server, a fresh SMS
//! code to confirm it even inside the session, and the first payment paid into the new
//! account (Gregorian first, Hijri with it).
//!
//! The steps are one page: what was typed (the IBAN) lives above them, so going back to edit
//! it, or a failed request, keeps it. The IBAN is only ever shown masked.

use leptos::{prelude::*, task::spawn_local};
use wire::{BankAccount, BankAccountChanged, ChallengeSent, ChangeBankAccount};

use super::show;
use crate::{
    api::{self, ApiError},
    components::{
        error_summary::ErrorSummary,
        form::{FieldError, FormErrors, focus_by_id},
        loading::Problem,
        notice::{Notice, Tone},
        page::PageHeading,
        sms_code::{CODE_FIELD, CodeField, CodeSentTo, ResendCountdown, read_code},
        text_field::TextField,
    },
    format,
    i18n::{Text, fill, lang, t},
    messages,
    session::{load, now_ms, use_session},
};

const IBAN_FIELD: &str = "iban";

/// A code sent: what names it, where it went, and when another may be asked for.
#[derive(Debug, Clone, PartialEq)]
struct Sent {
    challenge_id: String,
    masked_mobile: String,
    resend_at: f64,
}

impl Sent {
    fn from(sent: ChallengeSent) -> Self {
        Sent {
            challenge_id: sent.challenge_id,
            masked_mobile: sent.masked_mobile,
            resend_at: now_ms() + sent.resend_after_seconds as f64 * 1000.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Show,
    Form,
    /// The code step, for this IBAN (normalised).
    Code {
        sent: Sent,
        iban: String,
    },
    Done(BankAccountChanged),
}

/// The message of an IBAN code: the rule's, or the server's `same_iban`.
fn iban_message(code: &str) -> Text {
    match code {
        "empty" => |t| t.bank.iban_empty,
        "wrong_country" => |t| t.bank.iban_wrong_country,
        "wrong_length" => |t| t.bank.iban_wrong_length,
        "bad_format" => |t| t.bank.iban_bad_format,
        "control_character" => |t| t.bank.iban_control,
        wire::SAME_IBAN => |t| t.bank.iban_same,
        _ => |t| t.bank.iban_bad_checksum,
    }
}

/// The typed IBAN, normalised, or what is wrong with it, by the shared rule.
fn read_iban(typed: &str) -> Result<String, Vec<FieldError>> {
    rules::iban::validate(typed)
        .map(|iban| iban.normalized)
        .map_err(|error| {
            vec![FieldError {
                id: IBAN_FIELD,
                message: iban_message(error.code()),
            }]
        })
}

/// The first four and the last four characters, as the server masks it.
fn masked(iban: &str) -> String {
    let chars: Vec<char> = iban.chars().collect();
    if chars.len() < 8 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 8))
}

/// An IBAN (masked) always reads left to right, inside Arabic too.
fn iban_view(masked: String) -> impl IntoView {
    view! { <span dir="ltr" class="iban">{masked}</span> }
}

#[component]
pub fn BankAccountPage() -> impl IntoView {
    let step = RwSignal::new(Step::Show);
    let iban = RwSignal::new(String::new());
    // The IBAN's errors outlive the form: the server's (`same_iban`) come on the code step.
    let iban_errors = FormErrors::new();
    // A new step is a new page for a screen reader: its heading takes focus, unless the form
    // comes back with errors, whose summary takes it.
    Effect::new(move |previous: Option<()>| {
        step.track();
        if previous.is_some() && !iban_errors.any() {
            request_animation_frame(|| focus_by_id("page-title"));
        }
    });
    move || match step.get() {
        Step::Show => view! { <ShowStep step /> }.into_any(),
        Step::Form => view! { <FormStep step iban errors=iban_errors /> }.into_any(),
        Step::Code { sent, iban: new } => {
            view! { <CodeStep step sent iban=new iban_errors /> }.into_any()
        }
        Step::Done(changed) => view! { <DoneStep step changed /> }.into_any(),
    }
}

#[component]
fn ShowStep(step: RwSignal<Step>) -> impl IntoView {
    let (account, retry) = load(api::bank_account);
    view! {
        <PageHeading title=|t| t.bank.title lead=|t| t.bank.lead />
        {show(account, retry, move |account: BankAccount| {
            let lang = lang();
            let words = &lang.texts().bank;
            let registered = match account.masked_iban {
                Some(masked) => iban_view(masked).into_any(),
                None => view! { <span>{words.none_registered}</span> }.into_any(),
            };
            let last = account.last_change.map(|change| {
                let first = rules::Date::parse(&change.applies_from.date).ok();
                view! {
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{words.last_change_label}</dt>
                        <dd class="summary-list__value">{format::iso_date(lang, &change.changed_on)}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{words.applies_from_label}</dt>
                        <dd class="summary-list__value">
                            <span class="summary-list__line">
                                {fill(words.payment_n, &[&format::number(lang, i64::from(change.applies_from.number))])}
                            </span>
                            {first.map(|day| view! {
                                <span class="summary-list__line">{format::date(lang, day, format::Shown::Gregorian)}</span>
                                <span class="summary-list__line">{format::date(lang, day, format::Shown::Hijri)}</span>
                            })}
                        </dd>
                    </div>
                }
            });
            view! {
                <dl class="summary-list">
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{words.registered_label}</dt>
                        <dd class="summary-list__value">{registered}</dd>
                    </div>
                    {last}
                </dl>
                <button type="button" class="button" on:click=move |_| step.set(Step::Form)>
                    {words.change_button}
                </button>
            }
        })}
    }
}

#[component]
fn FormStep(step: RwSignal<Step>, iban: RwSignal<String>, errors: FormErrors) -> impl IntoView {
    let session = use_session();
    let failure = RwSignal::new(None::<ApiError>);
    let problem = Signal::derive(move || {
        failure.with(|f| f.as_ref().map(|e| messages::api_error(lang(), e)))
    });
    let pending = RwSignal::new(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        let Some(normalized) = errors.check(read_iban(&iban.get_untracked())) else {
            return;
        };
        pending.set(true);
        spawn_local(async move {
            match session.call(api::send_bank_account_code()).await {
                Ok(sent) => step.set(Step::Code {
                    sent: Sent::from(sent),
                    iban: normalized,
                }),
                Err(error) if error.is_unauthenticated() => {}
                Err(error) => {
                    let _ = failure.try_set(Some(error));
                    let _ = pending.try_set(false);
                }
            }
        });
    };
    view! {
        <PageHeading title=|t| t.bank.form_title lead=|t| t.bank.form_lead errors=errors />
        <ErrorSummary errors=errors />
        <Problem message=problem />
        <form class="form" novalidate on:submit=submit>
            <TextField
                id=IBAN_FIELD
                label=|t| t.bank.iban_label
                hint=|t| t.bank.iban_hint
                value=iban
                errors=errors
                autocomplete="off"
                class="input--20"
            />
            <div class="button-group">
                <button type="submit" class="button" disabled=move || pending.get()>
                    {t(|t| t.bank.send_code_button)}
                </button>
                <button
                    type="button"
                    class="button button--secondary"
                    on:click=move |_| {
                        errors.fail(Vec::new());
                        step.set(Step::Show);
                    }
                >
                    {t(|t| t.bank.cancel_button)}
                </button>
            </div>
            <p class="hint" role="status">{move || pending.get().then(|| t(|t| t.sign_in.sending)())}</p>
        </form>
    }
}

/// An error of the code step not tied to a field; a dead code says to ask for a new one.
fn code_problem(error: &ApiError) -> String {
    let pick: Option<Text> = match error.code() {
        "code_expired" => Some(|t| t.bank.code_expired),
        "too_many_attempts" => Some(|t| t.bank.too_many_attempts),
        _ => None,
    };
    let lang = lang();
    pick.map_or_else(
        || messages::api_error(lang, error),
        |pick| pick(lang.texts()).to_owned(),
    )
}

#[component]
fn CodeStep(
    step: RwSignal<Step>,
    sent: Sent,
    iban: String,
    iban_errors: FormErrors,
) -> impl IntoView {
    let session = use_session();
    let sent = RwSignal::new(sent);
    let code = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let failure = RwSignal::new(None::<ApiError>);
    let problem = Signal::derive(move || failure.with(|f| f.as_ref().map(code_problem)));
    let pending = RwSignal::new(false);
    let resent = RwSignal::new(false);
    let masked_iban = masked(&iban);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        resent.set(false);
        let Some(typed) = errors.check(read_code(&code.get_untracked())) else {
            return;
        };
        pending.set(true);
        let request = ChangeBankAccount {
            iban: iban.clone(),
            challenge_id: sent.with_untracked(|s| s.challenge_id.clone()),
            code: typed,
        };
        spawn_local(async move {
            match session.call(api::change_bank_account(&request)).await {
                Ok(changed) => step.set(Step::Done(changed)),
                Err(error) if error.is_unauthenticated() => {}
                Err(error) => {
                    let fields = error.body().map(|b| b.fields.clone()).unwrap_or_default();
                    let iban_fields: Vec<FieldError> = fields
                        .iter()
                        .filter(|field| field.field == "iban")
                        .map(|field| FieldError {
                            id: IBAN_FIELD,
                            message: iban_message(&field.code),
                        })
                        .collect();
                    if !iban_fields.is_empty() {
                        // The IBAN is for the form to fix; the code stays valid meanwhile.
                        iban_errors.fail(iban_fields);
                        step.set(Step::Form);
                        return;
                    }
                    if fields.iter().any(|field| field.field == "code") {
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
    };
    let resend = move || {
        resent.set(false);
        failure.set(None);
        spawn_local(async move {
            match session.call(api::send_bank_account_code()).await {
                Ok(renewed) => {
                    let _ = sent.try_set(Sent::from(renewed));
                    let _ = resent.try_set(true);
                }
                Err(error) if error.is_unauthenticated() => {}
                Err(error) => {
                    if let Some(seconds) = error.body().and_then(|b| b.retry_after_seconds) {
                        sent.update(|s| s.resend_at = now_ms() + seconds as f64 * 1000.0);
                    }
                    let _ = failure.try_set(Some(error));
                }
            }
        });
    };
    view! {
        <PageHeading title=|t| t.bank.code_title errors=errors />
        <CodeSentTo masked_mobile=Signal::derive(move || sent.with(|s| s.masked_mobile.clone())) />
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt class="summary-list__key">{t(|t| t.bank.iban_label)}</dt>
                <dd class="summary-list__value">{iban_view(masked_iban)}</dd>
                <dd class="summary-list__actions">
                    <button type="button" class="link-button" on:click=move |_| step.set(Step::Form)>
                        {t(|t| t.bank.edit_iban_button)}
                    </button>
                </dd>
            </div>
        </dl>
        <ErrorSummary errors=errors />
        <Problem message=problem />
        <form class="form" novalidate on:submit=submit>
            <CodeField code=code errors=errors />
            <button type="submit" class="button" disabled=move || pending.get()>
                {t(|t| t.bank.confirm_button)}
            </button>
            <p class="hint" role="status">{move || pending.get().then(|| t(|t| t.sign_in.sending)())}</p>
        </form>
        <ResendCountdown
            resend_at=Signal::derive(move || sent.with(|s| s.resend_at))
            resent=resent
            on_resend=resend
        />
    }
}

#[component]
fn DoneStep(step: RwSignal<Step>, changed: BankAccountChanged) -> impl IntoView {
    let first = rules::Date::parse(&changed.applies_from.date).ok();
    let number = changed.applies_from.number;
    let masked_iban = changed.masked_iban.clone();
    let notice_sent = changed.notice_sent;
    view! {
        <PageHeading title=|t| t.bank.done_title />
        <Notice tone=Tone::Success>
            <p role="status">
                {t(|t| t.bank.iban_label)} ": " {iban_view(masked_iban)}
            </p>
        </Notice>
        <section class="card" aria-labelledby="bank-applies">
            <h2 id="bank-applies">{t(|t| t.bank.done_applies)}</h2>
            {move || {
                let lang = lang();
                let words = &lang.texts().bank;
                view! {
                    <p>{fill(words.payment_n, &[&format::number(lang, i64::from(number))])}</p>
                    {first.map(|day| view! {
                        <p><strong>{format::date(lang, day, format::Shown::Gregorian)}</strong></p>
                        <p>{format::date(lang, day, format::Shown::Hijri)}</p>
                    })}
                    <p class="hint">{words.until_then}</p>
                }
            }}
        </section>
        <p>
            {move || {
                let words = &lang().texts().bank;
                if notice_sent { words.notice_sent } else { words.notice_not_sent }
            }}
        </p>
        <button type="button" class="button button--secondary" on:click=move |_| step.set(Step::Show)>
            {t(|t| t.bank.back_button)}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_iban_is_read_by_the_shared_rule_in_any_digits() {
        assert_eq!(
            read_iban(" sa44 ٢٠٠٠ 0001 ٢٣٤٥ 6789 1234 ").expect("valid"),
            "SA4420000001234567891234"
        );
        let texts = crate::i18n::Lang::Ar.texts();
        for (typed, expected) in [
            ("", texts.bank.iban_empty),
            ("GB29NWBK60161331926819", texts.bank.iban_wrong_country),
            ("SA44", texts.bank.iban_wrong_length),
            ("SA4520000001234567891234", texts.bank.iban_bad_checksum),
        ] {
            let errors = read_iban(typed).expect_err("invalid");
            assert_eq!(errors.len(), 1);
            assert_eq!(errors[0].id, IBAN_FIELD);
            assert_eq!((errors[0].message)(texts), expected, "{typed}");
        }
        assert_eq!(iban_message(wire::SAME_IBAN)(texts), texts.bank.iban_same);
    }

    #[test]
    fn an_iban_is_masked_as_the_server_masks_it() {
        assert_eq!(
            masked("SA4420000001234567891234"),
            "SA44****************1234"
        );
        assert_eq!(masked("SA4"), "***");
    }
}
