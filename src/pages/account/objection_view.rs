//! One objection (`/account/objections/{reference}`); with `?filed=1` it is the confirmation
//! after submitting: the reference to quote and what happens next.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wire::Objection;

use super::{objections::objection_subject, show};
use crate::{
    api,
    components::{
        notice::word_tag,
        page::PageHeading,
        print_button::PrintButton,
        summary_list::{SummaryList, SummaryRow},
    },
    format,
    i18n::{Texts, lang},
    messages,
    session::load,
};

fn details(objection: Objection, filed: bool) -> impl IntoView {
    let lang = lang();
    let texts = lang.texts();
    let words = &texts.account;
    let (word, tone) = messages::objection_status(texts, &objection.status);
    let reason = if objection.kind == "financial" {
        messages::financial_reason(texts, &objection.reason)
    } else {
        messages::reason(texts, &objection.reason)
    };
    let row = |key: &'static str, value: String| SummaryRow {
        key,
        value: vec![value],
        change: None,
    };
    let rows = vec![
        row(words.reference_label, objection.reference.clone()),
        row(words.row_subject, objection_subject(lang, &objection)),
        row(words.row_reason, reason.to_string()),
        row(words.row_description, objection.description.clone()),
        row(
            words.row_filed_on,
            format::iso_date(lang, &objection.filed_on),
        ),
        row(words.row_status, word.to_string()),
    ];
    view! {
        {filed.then(|| view! {
            <div class="panel panel--success confirmation">
                <p class="confirmation__label">{words.reference_label}</p>
                <p class="confirmation__reference" dir="ltr">{objection.reference.clone()}</p>
            </div>
        })}
        <p>{word_tag(word, tone)}</p>
        <SummaryList rows=rows change_label=texts.forms.change />
        <h2>{words.next_title}</h2>
        <ul class="bullets">
            {words.next_steps.iter().map(|step| view! { <li>{*step}</li> }).collect_view()}
        </ul>
        <PrintButton />
    }
}

#[component]
pub fn ObjectionView(
    /// The reference from `/account/objections/:reference`.
    reference: String,
) -> impl IntoView {
    let filed = use_query_map().with_untracked(|q| q.get("filed").is_some());
    let title: fn(&'static Texts) -> &'static str = if filed {
        |t| t.account.filed_title
    } else {
        |t| t.account.objection_title
    };
    let (data, retry) = load(move || {
        let reference = reference.clone();
        async move { api::objection(&reference).await }
    });
    view! {
        <PageHeading title=title />
        {show(data, retry, move |objection| details(objection, filed))}
    }
}
