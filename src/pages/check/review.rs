//! `/check/answers`: every answer with a link to change it, then the result.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use rules::{
    age::BirthDate,
    eligibility::{ApplicantKind, Nationality},
};

use super::{
    back_href,
    dependents::dependent_line,
    state::{Answers, Step},
    use_flow, use_go,
};
use crate::{
    components::{
        back_link::BackLink,
        button::Button,
        date_field::DateInput,
        page::PageHeading,
        summary_list::{SummaryList, SummaryRow},
    },
    format::{self, Shown},
    i18n::{Lang, Texts},
};

fn yes_no(texts: &'static Texts, value: Option<bool>) -> String {
    match value {
        Some(true) => texts.forms.yes.into(),
        Some(false) => texts.forms.no.into(),
        None => String::new(),
    }
}

/// A date of birth as typed, and in words in both calendars.
pub fn birth_lines(lang: Lang, birth: &DateInput) -> Vec<String> {
    let texts = lang.texts();
    let words = format::today()
        .and_then(|today| birth.birth_date(today).ok())
        .and_then(|birth| match birth {
            BirthDate::Hijri(hijri) => hijri.to_gregorian().ok().map(|d| (d, Shown::Hijri)),
            BirthDate::Gregorian(date) => Some((date, Shown::Gregorian)),
        })
        .map(|(date, first)| {
            let second = if first == Shown::Hijri {
                Shown::Gregorian
            } else {
                Shown::Hijri
            };
            vec![
                format::date(lang, date, first),
                format::date(lang, date, second),
            ]
        });
    let mut lines = words.unwrap_or_else(|| vec![birth.as_typed(texts.forms.hijri_suffix)]);
    // The counted day differs from the typed one: say why here too.
    lines.extend(
        format::today()
            .and_then(|today| crate::components::date_field::moved_note(birth, today, lang)),
    );
    lines
}

/// The rows of the answers page.
pub fn rows(lang: Lang, answers: &Answers) -> Vec<SummaryRow> {
    let texts = lang.texts();
    let check = &texts.check;
    let row = |key: &'static str, value: Vec<String>, step: Step| SummaryRow {
        key,
        value,
        change: Some(step.change_path()),
    };
    let kind = match answers.kind {
        Some(ApplicantKind::Head) => check.head,
        Some(ApplicantKind::Independent) => check.independent,
        None => "",
    };
    let nationality = match answers.nationality {
        Some(Nationality::Saudi) => check.saudi,
        Some(Nationality::MobilityCard) => check.mobility_card,
        Some(Nationality::NonSaudi) => check.non_saudi,
        None => "",
    };
    let mut rows = vec![
        row(check.row_applicant, vec![kind.into()], Step::Applicant),
        row(
            check.row_birth,
            answers
                .birth
                .as_ref()
                .map(|b| birth_lines(lang, b))
                .unwrap_or_default(),
            Step::BirthDate,
        ),
        row(
            check.row_nationality,
            vec![nationality.into()],
            Step::Nationality,
        ),
        row(
            check.row_residency,
            vec![yes_no(texts, answers.resident)],
            Step::Residency,
        ),
        row(
            check.row_detention,
            vec![yes_no(texts, answers.detained)],
            Step::Detention,
        ),
        row(
            check.row_bank,
            vec![yes_no(texts, answers.bank_account)],
            Step::BankAccount,
        ),
    ];
    if answers.applies(Step::Housing) {
        rows.push(row(
            check.row_housing,
            vec![yes_no(texts, answers.housing_proof)],
            Step::Housing,
        ));
    }
    let mut dependents = vec![format::count(
        lang,
        &check.dependents_count,
        answers.dependents.len() as u64,
    )];
    dependents.extend(
        answers
            .dependents
            .iter()
            .enumerate()
            .map(|(index, dependent)| dependent_line(lang, index, dependent)),
    );
    rows.push(row(check.row_dependents, dependents, Step::Dependents));
    rows
}

#[component]
pub fn ReviewAnswers() -> impl IntoView {
    let flow = use_flow();
    let go = use_go();
    if let Some(step) = flow.answers.with_untracked(Answers::first_unanswered) {
        return view! { <Redirect path=step.path() /> }.into_any();
    }
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        go(Step::Result);
    };
    view! {
        <BackLink href=back_href(flow, Step::Answers, false) />
        <PageHeading title=|t| t.check.review_title lead=|t| t.check.review_lead />
        {move || {
            let lang = crate::i18n::lang();
            let rows = flow.answers.with(|answers| rows(lang, answers));
            view! { <SummaryList rows=rows change_label=lang.texts().forms.change /> }
        }}
        <form class="form" novalidate on:submit=submit>
            <Button label=|t| t.check.show_result />
        </form>
    }
    .into_any()
}
