//! "اعتراضاتي" (`/account/objections`): every objection, newest first, with its reference,
//! what it is on, when it was filed and its status in words.

use leptos::prelude::*;
use wire::Objection;

use super::{objection::member_name, show};
use crate::{
    api,
    components::{notice::word_tag, page::PageHeading},
    format,
    i18n::{Lang, fill, lang},
    messages,
    session::load,
};

/// "اعتراض مالي — الدفعة ١٠٨", "اعتراض على الأهلية — مقدم الطلب".
pub fn objection_subject(lang: Lang, objection: &Objection) -> String {
    let words = &lang.texts().account;
    match (
        objection.kind.as_str(),
        objection.cycle,
        objection.member.as_deref(),
    ) {
        ("financial", Some(cycle), _) => format!(
            "{} — {}",
            words.kind_financial,
            fill(words.payment_n, &[&format::number(lang, i64::from(cycle))])
        ),
        (_, _, Some(member)) => {
            format!("{} — {}", words.kind_eligibility, member_name(lang, member))
        }
        ("financial", _, _) => words.kind_financial.to_string(),
        _ => words.kind_eligibility.to_string(),
    }
}

#[component]
pub fn Objections() -> impl IntoView {
    let (data, retry) = load(api::objections);
    view! {
        <PageHeading title=|t| t.objections_title lead=|t| t.objections_lead />
        {show(data, retry, |objections| {
            let lang = lang();
            let texts = lang.texts();
            let words = &texts.account;
            if objections.is_empty() {
                return view! { <p>{words.no_objections}</p> }.into_any();
            }
            let rows = objections
                .into_iter()
                .map(|o| {
                    let (word, tone) = messages::objection_status(texts, &o.status);
                    let subject = objection_subject(lang, &o);
                    let filed_on = format::iso_date(lang, &o.filed_on);
                    view! {
                        <tr>
                            <th scope="row">
                                <a href=format!("/account/objections/{}", o.reference)>
                                    <span dir="ltr">{o.reference.clone()}</span>
                                </a>
                            </th>
                            <td>{subject}</td>
                            <td>{filed_on}</td>
                            <td>{word_tag(word, tone)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap">
                    <table class="table">
                        <caption class="table__caption">{words.objections_caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{words.reference_label}</th>
                                <th scope="col">{words.row_subject}</th>
                                <th scope="col">{words.row_filed_on}</th>
                                <th scope="col">{words.row_status}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        })}
    }
}
