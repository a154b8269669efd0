//! Forgot password (`/login/reset`): national ID and birth date as recorded -> the SMS code
//! and the new password twice -> a confirmation with a link to log in.
//!
//! The calendar of the birth date follows the ID (1: citizen, Hijri; 2: resident, Gregorian)
//! and the person may switch it; a date typed in the other calendar is converted to the
//! record's by the rules before it is sent. The new password is checked with the shared rule
//! (`rules::password`) here and again by the server. The second step never says whether a
//! code was sent: the server does not tell, so an unknown ID learns nothing here either.

use leptos::{prelude::*, task::spawn_local};
use rules::{
    Date,
    age::BirthDate,
    national_id::{self, IdKind},
};
use wire::{CompletePasswordReset, StartPasswordReset};

use super::login::id_message;
use crate::{
    api::{self, ApiError},
    components::{
        button::ButtonLink,
        date_field::{Calendar, DateField, DateInput},
        error_summary::ErrorSummary,
        form::{FieldError, FormErrors, focus_by_id},
        loading::Problem,
        page::PageHeading,
        sms_code::{CODE_FIELD, CodeField, read_code},
        text_field::TextField,
    },
    format,
    i18n::{Text, lang, t},
    messages,
};

const ID_FIELD: &str = "national-id";
const BIRTH_FIELD: &str = "birth-date";
const NEW_FIELD: &str = "new-password";
const CONFIRM_FIELD: &str = "confirm-password";

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Ask,
    Code {
        challenge_id: String,
        national_id: String,
    },
    Done,
}

/// The calendar a record keeps for this kind of ID.
fn recorded_calendar(kind: IdKind) -> Calendar {
    match kind {
        IdKind::Citizen => Calendar::Hijri,
        IdKind::Resident => Calendar::Gregorian,
    }
}

/// Step one's request, or what is wrong, by the shared rules.
fn read_start(
    typed_id: &str,
    date: &DateInput,
    today: Option<Date>,
) -> Result<StartPasswordReset, Vec<FieldError>> {
    let mut errors = Vec::new();
    let id = match national_id::validate(typed_id) {
        Ok(id) => Some(id),
        Err(error) => {
            errors.push(FieldError {
                id: ID_FIELD,
                message: id_message(error.code()),
            });
            None
        }
    };
    let birth = match today.map(|today| date.birth_date(today)) {
        Some(Ok(birth)) => Some(birth),
        Some(Err(error)) => {
            errors.push(FieldError {
                id: BIRTH_FIELD,
                message: error.message(date.calendar),
            });
            None
        }
        // No reading of today's date: the server judges the date alone.
        None => None,
    };
    let Some(id) = id.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    let calendar = recorded_calendar(id.kind);
    let converted = match birth {
        _ if date.calendar == calendar => date.iso().ok(),
        Some(BirthDate::Gregorian(day)) => day.to_hijri().ok().map(|d| d.to_string()),
        Some(BirthDate::Hijri(day)) => day.to_gregorian().ok().map(|d| d.to_string()),
        None => None,
    };
    match converted {
        Some(birth_date) => Ok(StartPasswordReset {
            national_id: id.normalized,
            birth_date,
        }),
        None => Err(vec![FieldError {
            id: BIRTH_FIELD,
            message: |t| t.forms.date_no_such_day,
        }]),
    }
}

/// Step two's code and password, or what is wrong.
fn read_complete(
    code: &str,
    password: &str,
    confirm: &str,
    national_id: &str,
) -> Result<(String, String), Vec<FieldError>> {
    let mut errors = Vec::new();
    let code = read_code(code).map_err(|mut e| errors.append(&mut e)).ok();
    if password.is_empty() {
        errors.push(FieldError {
            id: NEW_FIELD,
            message: |t| t.reset.new_password_empty,
        });
    } else if let Err(error) = rules::password::check(password, national_id) {
        errors.push(FieldError {
            id: NEW_FIELD,
            message: messages::field_code("new_password", error.code()),
        });
    }
    if confirm.is_empty() {
        errors.push(FieldError {
            id: CONFIRM_FIELD,
            message: |t| t.reset.confirm_empty,
        });
    } else if confirm != password {
        errors.push(FieldError {
            id: CONFIRM_FIELD,
            message: |t| t.reset.mismatch,
        });
    }
    match code {
        Some(code) if errors.is_empty() => Ok((code, password.to_owned())),
        _ => Err(errors),
    }
}

/// The server's field errors as this page's.
fn server_fields(error: &ApiError) -> Vec<FieldError> {
    let Some(body) = error.body() else {
        return Vec::new();
    };
    body.fields
        .iter()
        .map(|field| FieldError {
            id: match field.field.as_str() {
                "birth_date" => BIRTH_FIELD,
                "code" => CODE_FIELD,
                "new_password" => NEW_FIELD,
                _ => ID_FIELD,
            },
            message: messages::field_code(&field.field, &field.code),
        })
        .collect()
}

/// An error not tied to a field, in words; a dead code says to start the reset again.
fn problem_text(error: &ApiError) -> String {
    let pick: Option<Text> = match error.code() {
        "code_expired" => Some(|t| t.reset.code_expired),
        "too_many_attempts" => Some(|t| t.reset.too_many_attempts),
        _ => None,
    };
    let lang = lang();
    pick.map_or_else(
        || messages::api_error(lang, error),
        |pick| pick(lang.texts()).to_owned(),
    )
}

#[component]
pub fn PasswordReset() -> impl IntoView {
    let step = RwSignal::new(Step::Ask);
    // Kept across the steps, so "start again" finds what was typed.
    let national_id = RwSignal::new(String::new());
    let birth = RwSignal::new(DateInput::default());
    // A new step is a new page for a screen reader: its heading takes focus.
    Effect::new(move |previous: Option<()>| {
        step.track();
        if previous.is_some() {
            request_animation_frame(|| focus_by_id("page-title"));
        }
    });
    move || match step.get() {
        Step::Ask => view! { <AskStep step national_id birth /> }.into_any(),
        Step::Code {
            challenge_id,
            national_id,
        } => view! { <CodeStep step challenge_id national_id /> }.into_any(),
        Step::Done => view! { <DoneStep /> }.into_any(),
    }
}

#[component]
fn AskStep(
    step: RwSignal<Step>,
    national_id: RwSignal<String>,
    birth: RwSignal<DateInput>,
) -> impl IntoView {
    let errors = FormErrors::new();
    let failure = RwSignal::new(None::<ApiError>);
    let problem = Signal::derive(move || failure.with(|f| f.as_ref().map(problem_text)));
    let pending = RwSignal::new(false);
    let today = format::today();
    // The ID tells which calendar the record keeps; the person may still switch.
    let kind = Memo::new(move |_| {
        national_id
            .with(|id| national_id::validate(id).ok())
            .map(|id| id.kind)
    });
    Effect::new(move |_| {
        if let Some(kind) = kind.get() {
            birth.update(|b| b.calendar = recorded_calendar(kind));
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        let read = birth.with_untracked(|b| read_start(&national_id.get_untracked(), b, today));
        let Some(request) = errors.check(read) else {
            return;
        };
        pending.set(true);
        spawn_local(async move {
            match api::start_password_reset(&request).await {
                Ok(started) => step.set(Step::Code {
                    challenge_id: started.challenge_id,
                    national_id: request.national_id,
                }),
                Err(error) => {
                    let fields = server_fields(&error);
                    if fields.is_empty() {
                        let _ = failure.try_set(Some(error));
                    } else {
                        errors.fail(fields);
                    }
                    let _ = pending.try_set(false);
                }
            }
        });
    };
    view! {
        <PageHeading title=|t| t.reset.title lead=|t| t.reset.lead errors=errors />
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
            <DateField
                id=BIRTH_FIELD
                legend=|t| t.reset.birth_legend
                hint=|t| t.reset.birth_hint
                value=birth
                errors=errors
                today=today
            />
            <button type="submit" class="button" disabled=move || pending.get()>
                {t(|t| t.reset.send_button)}
            </button>
            <p class="hint" role="status">{move || pending.get().then(|| t(|t| t.sign_in.sending)())}</p>
        </form>
    }
}

#[component]
fn CodeStep(step: RwSignal<Step>, challenge_id: String, national_id: String) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let failure = RwSignal::new(None::<ApiError>);
    let problem = Signal::derive(move || failure.with(|f| f.as_ref().map(problem_text)));
    let pending = RwSignal::new(false);
    let must_start_again = move || {
        failure.with(|f| {
            f.as_ref()
                .is_some_and(|e| matches!(e.code(), "code_expired" | "too_many_attempts"))
        })
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        failure.set(None);
        let Some((typed_code, new_password)) = errors.check(read_complete(
            &code.get_untracked(),
            &password.get_untracked(),
            &confirm.get_untracked(),
            &national_id,
        )) else {
            return;
        };
        pending.set(true);
        let request = CompletePasswordReset {
            challenge_id: challenge_id.clone(),
            code: typed_code,
            new_password,
        };
        spawn_local(async move {
            match api::complete_password_reset(&request).await {
                Ok(()) => step.set(Step::Done),
                Err(error) => {
                    let fields = server_fields(&error);
                    if fields.is_empty() {
                        let _ = failure.try_set(Some(error));
                    } else {
                        errors.fail(fields);
                    }
                    let _ = pending.try_set(false);
                }
            }
        });
    };
    view! {
        <PageHeading title=|t| t.reset.code_title lead=|t| t.reset.code_lead errors=errors />
        <ErrorSummary errors=errors />
        <Problem message=problem />
        <Show when=must_start_again>
            <p>
                <button type="button" class="button button--secondary" on:click=move |_| step.set(Step::Ask)>
                    {t(|t| t.reset.start_again)}
                </button>
            </p>
        </Show>
        <form class="form" novalidate on:submit=submit>
            <CodeField code=code errors=errors />
            <TextField
                id=NEW_FIELD
                label=|t| t.reset.new_password_label
                hint=|t| t.reset.new_password_hint
                value=password
                errors=errors
                input_type="password"
                autocomplete="new-password"
                class="input--20"
            />
            <TextField
                id=CONFIRM_FIELD
                label=|t| t.reset.confirm_label
                value=confirm
                errors=errors
                input_type="password"
                autocomplete="new-password"
                class="input--20"
            />
            <button type="submit" class="button" disabled=move || pending.get()>
                {t(|t| t.reset.save_button)}
            </button>
            <p class="hint" role="status">{move || pending.get().then(|| t(|t| t.sign_in.sending)())}</p>
        </form>
    }
}

#[component]
fn DoneStep() -> impl IntoView {
    view! {
        <PageHeading title=|t| t.reset.done_title />
        <p>{t(|t| t.reset.done_body)}</p>
        <ButtonLink href="/login" label=|t| t.reset.login_link />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(calendar: Calendar, day: &str, month: &str, year: &str) -> DateInput {
        DateInput {
            calendar,
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    #[test]
    fn the_birth_date_is_sent_in_the_records_calendar() {
        let today = Date::new(2026, 1, 1).ok();
        let hijri = typed(Calendar::Hijri, "١٢", "٣", "١٤٠٥");
        let sent = read_start("١٠٠٠٠٠٠٠٠٨", &hijri, today).expect("valid");
        assert_eq!(sent.national_id, "1000000008");
        assert_eq!(sent.birth_date, "1405-03-12");
        // A resident who typed the Hijri day: sent as the Gregorian one.
        let resident = read_start("2000000006", &hijri, today).expect("valid");
        assert_ne!(resident.birth_date, "1405-03-12");
        assert!(
            resident.birth_date.starts_with("1984-"),
            "{}",
            resident.birth_date
        );
        let errors = read_start("1000000000", &DateInput::default(), today).expect_err("invalid");
        assert_eq!(
            errors.iter().map(|e| e.id).collect::<Vec<_>>(),
            [ID_FIELD, BIRTH_FIELD]
        );
    }

    #[test]
    fn the_new_password_follows_the_shared_rule_and_is_typed_twice() {
        let ok = read_complete("١٢٣٤٥٦", "نخلة الرياض", "نخلة الرياض", "1000000008");
        assert_eq!(ok.expect("valid").0, "123456");
        let texts = crate::i18n::Lang::Ar.texts();
        let weak = read_complete("123456", "12345678", "12345678", "1000000008").expect_err("weak");
        assert_eq!((weak[0].message)(texts), texts.reset.too_common);
        let id = read_complete("123456", "1000000008", "1000000008", "1000000008").expect_err("id");
        assert_eq!((id[0].message)(texts), texts.reset.contains_national_id);
        let differ = read_complete("12", "نخلة الرياض", "نخلة", "1000000008").expect_err("two");
        assert_eq!(
            differ.iter().map(|e| e.id).collect::<Vec<_>>(),
            [CODE_FIELD, CONFIRM_FIELD]
        );
    }
}
