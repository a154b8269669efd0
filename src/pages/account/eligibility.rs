//! Eligibility (`/account/eligibility`, "الأهلية"): the latest result for the applicant and
//! each dependent, the reasons in plain words, and "اعتراض" with its deadline where the
//! shared objection-window rule allows one.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wire::{MemberEligibility, ObjectionWindowView};

use super::{
    household::{fixable_by_update, relation_words},
    name, show,
};
use crate::{
    api,
    components::{
        notice::{Tone, word_tag},
        page::PageHeading,
    },
    format,
    i18n::{fill, lang},
    messages,
    session::load,
};

/// One member's card.
fn member_card(member: MemberEligibility, window: ObjectionWindowView) -> impl IntoView {
    let lang = lang();
    let texts = lang.texts();
    let words = &texts.account;
    let id = format!("member-{}", member.member);
    let (word, tone) = if member.eligible {
        (words.eligible, Tone::Success)
    } else {
        (words.not_eligible, Tone::Warning)
    };
    let objection = (!member.eligible).then(|| {
        let deadline = window
            .deadline
            .as_deref()
            .map(|d| format::iso_date(lang, d))
            .unwrap_or_default();
        if window.allowed {
            let href = format!(
                "/account/objections/new?kind=eligibility&member={}",
                member.member
            );
            let navigate = use_navigate();
            let deadline_id = format!("{id}-deadline");
            view! {
                <p id=deadline_id.clone()>{fill(words.eligibility_objection_allowed, &[&deadline])}</p>
                <button
                    type="button"
                    class="button button--secondary"
                    aria-describedby=format!("{id}-name {deadline_id}")
                    on:click=move |_| navigate(&href, Default::default())
                >
                    {words.object_button}
                </button>
            }
            .into_any()
        } else {
            view! {
                <p>
                    {messages::window_reason(
                        lang,
                        window.reason.as_deref(),
                        window.deadline.as_deref(),
                    )}
                </p>
            }
            .into_any()
        }
    });
    // A reason the household's data can resolve: update it first (then object if need be).
    let fix = (!member.eligible && fixable_by_update(&member.reasons)).then(|| {
        view! {
            <p>
                {texts.household.fixable_note}
                " "
                <a href="/account/household">{texts.household.fixable_link}</a>
            </p>
        }
    });
    view! {
        <section class="card member" aria-labelledby=format!("{id}-name")>
            <h2 id=format!("{id}-name") class="member__name">
                {name(lang, &member.name_ar, &member.name_en).to_string()}
            </h2>
            <p class="hint">{relation_words(texts, &member.relation, member.sex.as_deref())}</p>
            <p>{word_tag(word, tone)}</p>
            {(!member.reasons.is_empty()).then(|| {
                view! {
                    <h3>{words.reasons_title}</h3>
                    <ul class="bullets">
                        {member
                            .reasons
                            .iter()
                            .map(|code| view! { <li>{messages::reason(texts, code)}</li> })
                            .collect_view()}
                    </ul>
                }
            })}
            {fix}
            {objection}
        </section>
    }
}

#[component]
pub fn Eligibility() -> impl IntoView {
    let (data, retry) = load(api::eligibility);
    view! {
        <PageHeading title=|t| t.eligibility_title lead=|t| t.eligibility_lead />
        {show(data, retry, |view| {
            let lang = lang();
            let words = &lang.texts().account;
            let (word, tone) = if view.eligible {
                (words.eligible, Tone::Success)
            } else {
                (words.not_eligible, Tone::Warning)
            };
            let cards = view
                .members
                .clone()
                .into_iter()
                .map(|member| member_card(member, view.objection.clone()))
                .collect::<Vec<_>>();
            view! {
                <p class="household-status">
                    {words.household_status} ": " {word_tag(word, tone)}
                </p>
                <p class="hint">{fill(words.assessed_on, &[&format::iso_date(lang, &view.assessed_on)])}</p>
                <div class="cards cards--wide">{cards}</div>
            }
        })}
    }
}
