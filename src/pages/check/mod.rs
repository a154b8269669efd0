//! The eligibility pre-check (`/check/...`): one question per page, a "check your answers"
//! page, then the result from the shared rules. It runs entirely in the browser, so once the
//! app is loaded it works offline; the answers are kept for the tab, so a reload keeps them.

pub mod birth_date;
pub mod dependents;
pub mod question;
pub mod result;
pub mod review;
pub mod state;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use self::state::{Answers, Step};
use crate::{components::page::PageHeading, i18n::t, prefs};

const ANSWERS_KEY: &str = "portal.check";
/// Where the start page's button goes: the first question not answered yet, kept beside the
/// answers so the start page (a wasm chunk of its own, src/lazy.rs) needs no JSON to know it.
const NEXT_KEY: &str = "portal.check.next";

/// The pre-check's shared state: the answers, kept for the tab.
#[derive(Debug, Clone, Copy)]
pub struct Flow {
    pub answers: RwSignal<Answers>,
}

impl Flow {
    /// The answers kept for this tab, or none.
    pub fn load() -> Flow {
        Flow {
            answers: RwSignal::new(prefs::session_value(ANSWERS_KEY).unwrap_or_default()),
        }
    }

    /// Forgets every answer.
    pub fn clear(&self) {
        self.answers.set(Answers::default());
    }
}

/// The flow from the surrounding [`CheckFlow`], or a fresh one from storage.
pub fn use_flow() -> Flow {
    use_context::<Flow>().unwrap_or_else(Flow::load)
}

/// Whether this page was opened from "Check your answers" to change one answer.
pub fn use_changing() -> bool {
    use_query_map().with_untracked(|query| query.get("change").is_some())
}

/// Goes to a step.
pub fn use_go() -> impl Fn(Step) + Clone {
    let navigate = use_navigate();
    move |step: Step| navigate(step.path(), Default::default())
}

/// Where "Back" goes from `step`.
pub fn back_href(flow: Flow, step: Step, changing: bool) -> &'static str {
    if changing {
        return Step::Answers.path();
    }
    flow.answers
        .with_untracked(|answers| answers.previous(step))
        .map_or("/check", Step::path)
}

/// Holds the answers for every page under `/check` and writes them to the tab's storage on
/// every change.
#[component]
pub fn CheckFlow(
    /// The page the path names (src/lazy.rs).
    children: Children,
) -> impl IntoView {
    let flow = Flow::load();
    provide_context(flow);
    Effect::new(move |_| {
        flow.answers.with(|answers| {
            prefs::store_session_value(ANSWERS_KEY, answers);
            let next = answers.first_unanswered().unwrap_or(Step::Answers);
            prefs::store_session_text(NEXT_KEY, next.path());
        })
    });
    children()
}

/// The start page (`/check`): what the pre-check asks and promises, and the way in, to the
/// first question not answered yet. Plain, so its chunk is small: the questions' code comes
/// after it has been drawn.
#[component]
pub fn CheckStart() -> impl IntoView {
    let start = prefs::session_text(NEXT_KEY)
        .filter(|next| next.starts_with("/check/"))
        .unwrap_or_else(|| Step::Applicant.path().to_owned());
    view! {
        <PageHeading title=|t| t.check_title lead=|t| t.check_lead />
        <ul class="bullets">
            <li>{t(|t| t.check.start_need)}</li>
            <li>{t(|t| t.check.start_private)}</li>
            <li>{t(|t| t.check.start_offline)}</li>
        </ul>
        <a class="button button--link" href=start>{t(|t| t.check.start_button)}</a>
    }
}
