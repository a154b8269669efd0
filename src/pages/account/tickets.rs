//! "صوتك مسموع": the requests sent, with their status and answer (`/account/tickets`), and a
//! new request by category (`/account/tickets/new`).

use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::{use_navigate, use_query_map};
use wire::{NewTicket, TICKET_MESSAGE_MAX};

use super::show;
use crate::{
    api::{self, ApiError},
    components::{
        back_link::BackLink,
        button::ButtonLink,
        choice::{Choice, RadioGroup},
        error_summary::ErrorSummary,
        form::{FieldError, FormErrors},
        loading::Problem,
        notice::{Notice, Tone, word_tag},
        page::PageHeading,
        text_area::TextArea,
    },
    format,
    i18n::{fill, lang, t},
    messages,
    pages::account::objection::{draft::new_key, review::submit_problem},
    session::{load, use_session},
};

const CATEGORY_ID: &str = "category";
const MESSAGE_ID: &str = "message";

const CATEGORIES: &[Choice<&str>] = &[
    Choice {
        value: "account",
        label: |t| t.account.category_account,
        hint: None,
    },
    Choice {
        value: "registration",
        label: |t| t.account.category_registration,
        hint: None,
    },
    Choice {
        value: "eligibility",
        label: |t| t.account.category_eligibility,
        hint: None,
    },
    Choice {
        value: "payments",
        label: |t| t.account.category_payments,
        hint: None,
    },
];

/// The ticket to send, or what is wrong.
pub fn read_ticket(category: Option<&str>, message: &str) -> Result<NewTicket, Vec<FieldError>> {
    let mut errors = Vec::new();
    if category.is_none() {
        errors.push(FieldError {
            id: CATEGORY_ID,
            message: |t| t.account.category_missing,
        });
    }
    // The shared text rule, as the server applies it: invisible-only text is missing.
    let message = match rules::text::clean(message) {
        Ok(text) if text.chars().count() > TICKET_MESSAGE_MAX => {
            errors.push(FieldError {
                id: MESSAGE_ID,
                message: |t| t.account.message_too_long,
            });
            None
        }
        Ok(text) => Some(text),
        Err(error) => {
            errors.push(FieldError {
                id: MESSAGE_ID,
                message: messages::field_code("message", error.code()),
            });
            None
        }
    };
    match (category, message) {
        (Some(category), Some(message)) if errors.is_empty() => Ok(NewTicket {
            category: category.to_string(),
            message,
        }),
        _ => Err(errors),
    }
}

#[component]
pub fn Tickets() -> impl IntoView {
    let sent = use_query_map().with_untracked(|q| q.get("sent"));
    let (data, retry) = load(api::tickets);
    view! {
        <PageHeading title=|t| t.account.tickets_title lead=|t| t.account.tickets_lead />
        {sent.map(|reference| view! {
            <Notice tone=Tone::Success>
                <p role="status">{move || fill(lang().texts().account.ticket_sent, &[&reference])}</p>
            </Notice>
        })}
        <ButtonLink href="/account/tickets/new" label=|t| t.account.new_ticket />
        {show(data, retry, |tickets| {
            let lang = lang();
            let texts = lang.texts();
            let words = &texts.account;
            if tickets.is_empty() {
                return view! { <p>{words.no_tickets}</p> }.into_any();
            }
            view! {
                <h2 class="visually-hidden">{words.tickets_caption}</h2>
                <ul class="plain-list tickets">
                    {tickets
                        .into_iter()
                        .map(|ticket| {
                            let (word, tone) = messages::ticket_status(texts, &ticket.status);
                            view! {
                                <li class="card ticket">
                                    <h3 class="ticket__reference" dir="ltr">{ticket.reference.clone()}</h3>
                                    <p>{word_tag(word, tone)}</p>
                                    <dl class="ticket__details">
                                        <dt>{words.row_category}</dt>
                                        <dd>{messages::ticket_category(texts, &ticket.category)}</dd>
                                        <dt>{words.row_filed_on}</dt>
                                        <dd>{format::iso_date(lang, &ticket.opened_on)}</dd>
                                        <dt>{words.row_message}</dt>
                                        <dd>{ticket.message.clone()}</dd>
                                        {ticket.answer.clone().map(|answer| view! {
                                            <dt>{words.answer_label}</dt>
                                            <dd>{answer}</dd>
                                        })}
                                    </dl>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        })}
    }
}

#[component]
pub fn NewTicketPage() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let category = RwSignal::new(None::<&'static str>);
    let message = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let problem =
        Signal::derive(move || failure.with(|f| f.as_ref().map(|e| submit_problem(lang(), e))));
    // One key for this form: a retry of the same request is answered once.
    let key = StoredValue::new(new_key());
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Some(ticket) = errors.check(read_ticket(
            category.get_untracked(),
            &message.get_untracked(),
        )) else {
            return;
        };
        pending.set(true);
        failure.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            match session
                .call(api::open_ticket(&ticket, &key.get_value()))
                .await
            {
                Ok(ticket) => navigate(
                    &format!("/account/tickets?sent={}", ticket.reference),
                    Default::default(),
                ),
                Err(error) if error.is_unauthenticated() => {}
                Err(error) => {
                    if error.code() == "idempotency_key_reused" {
                        key.set_value(new_key());
                    }
                    let _ = failure.try_set(Some(error));
                    let _ = pending.try_set(false);
                }
            }
        });
    };
    view! {
        <BackLink href="/account/tickets" />
        <PageHeading title=|t| t.account.new_ticket_title lead=|t| t.account.new_ticket_lead errors=errors />
        <ErrorSummary errors=errors />
        <Problem message=problem />
        <form class="form" novalidate on:submit=submit>
            <RadioGroup id=CATEGORY_ID legend=|t| t.account.category_legend options=CATEGORIES selected=category errors=errors />
            <TextArea
                id=MESSAGE_ID
                label=|t| t.account.message_label
                hint=|t| t.account.message_hint
                value=message
                limit=TICKET_MESSAGE_MAX
                errors=errors
            />
            <button type="submit" class="button" disabled=move || pending.get()>
                {t(|t| t.account.send_ticket)}
            </button>
            <p class="hint" role="status">{move || pending.get().then(|| t(|t| t.sign_in.sending)())}</p>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_of_invisible_characters_only_is_missing() {
        let texts = crate::i18n::Lang::Ar.texts();
        for invisible in ["", "  \n", "\u{200B}\u{200F}", "\u{2066}\u{FEFF}\u{2069}"] {
            let errors = read_ticket(Some("account"), invisible).expect_err("missing");
            assert_eq!(errors.len(), 1, "{invisible:?}");
            assert_eq!((errors[0].message)(texts), texts.account.message_missing);
        }
        let errors = read_ticket(Some("account"), "hello\u{1B}[2J").expect_err("refused");
        assert_eq!((errors[0].message)(texts), texts.account.message_control);
        let ticket = read_ticket(Some("payments"), " \u{202E}متى الدفعة؟ ").expect("valid");
        assert_eq!(ticket.message, "متى الدفعة؟");
        assert!(read_ticket(None, "x").is_err());
        assert!(read_ticket(Some("account"), &"x".repeat(TICKET_MESSAGE_MAX + 1)).is_err());
    }
}
