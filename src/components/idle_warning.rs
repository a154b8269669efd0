//! The warning two minutes before the session ends for inactivity: a modal `<dialog>` (focus
//! moves into it, the page behind is inert) offering "Stay signed in". When the time is up
//! the app signs out and the account area goes to the login page; drafts stay where they are.
//! The shell draws it only while someone is signed in, and its code comes with the account
//! chunk (`crate::lazy::idle_warning`), out of the main module every visitor downloads.

use std::time::Duration;

use leptos::{html, prelude::*, task::spawn_local};

use crate::{
    api,
    i18n::{fill, lang, t},
    messages,
    session::{IdlePhase, idle_phase, now_ms, use_session},
};

/// Watches the idle clock while someone is signed in.
#[component]
pub fn IdleWarning() -> impl IntoView {
    let session = use_session();
    let now = RwSignal::new(now_ms());
    if let Ok(handle) = set_interval_with_handle(move || now.set(now_ms()), Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
    let phase = Memo::new(move |_| {
        if !session.is_signed_in() {
            return IdlePhase::Active;
        }
        idle_phase(
            now.get(),
            session.last_activity.get(),
            session.idle_seconds.get(),
        )
    });
    let dialog = NodeRef::<html::Dialog>::new();
    let busy = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else { return };
        match phase.get() {
            IdlePhase::Warning(_) => {
                if !dialog.open() {
                    let _ = dialog.show_modal();
                }
            }
            IdlePhase::Active => {
                if dialog.open() {
                    dialog.close();
                }
            }
            IdlePhase::Expired => {
                if dialog.open() {
                    dialog.close();
                }
                session.expire();
            }
        }
    });
    let stay = move || {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            if let Ok(info) = session.call(api::extend_session()).await {
                session.signed_in(&info);
            }
            let _ = busy.try_set(false);
        });
    };
    let left = move || match phase.get() {
        IdlePhase::Warning(seconds) => {
            let lang = lang();
            fill(
                lang.texts().account.idle_body,
                &[&messages::wait(lang, seconds)],
            )
        }
        _ => String::new(),
    };
    view! {
        <dialog
            class="idle-dialog"
            node_ref=dialog
            aria-labelledby="idle-title"
            aria-describedby="idle-body"
            on:close=move |_| {
                if matches!(phase.get_untracked(), IdlePhase::Warning(_)) {
                    stay();
                }
            }
        >
            <h2 id="idle-title">{t(|t| t.account.idle_title)}</h2>
            <p id="idle-body">{left}</p>
            <div class="button-group">
                <button type="button" class="button" autofocus on:click=move |_| stay()>
                    {t(|t| t.account.stay_signed_in)}
                </button>
                <button
                    type="button"
                    class="button button--secondary"
                    on:click=move |_| session.sign_out()
                >
                    {t(|t| t.account_menu.sign_out)}
                </button>
            </div>
        </dialog>
    }
}
