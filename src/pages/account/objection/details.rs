//! `/account/objections/new?kind=...`: the reason and the description, kept in the draft at
//! every keystroke.

use leptos::prelude::*;
use leptos_router::{
    components::Redirect,
    hooks::{use_navigate, use_query_map},
};

use super::{
    draft::{DESCRIPTION_ID, Draft, REASON_ID, Target, new_key},
    lead, store_draft, stored_draft,
};
use crate::{
    api,
    components::{
        back_link::BackLink,
        button::Button,
        choice::{Choice, RadioGroup},
        error_summary::ErrorSummary,
        form::FormErrors,
        loading::{LoadFailed, Loading},
        notice::Notice,
        page::PageHeading,
        text_area::TextArea,
    },
    i18n::{lang, t},
    session::{Load, load, use_session},
};

/// The reasons of a financial objection.
const FINANCIAL: &[Choice<&str>] = &[
    Choice {
        value: "short_payment",
        label: |t| t.account.reason_short,
        hint: Some(|t| t.account.reason_short_hint),
    },
    Choice {
        value: "zero_payment",
        label: |t| t.account.reason_zero,
        hint: Some(|t| t.account.reason_zero_hint),
    },
];

/// Every reason an eligibility result can give; a member's own are picked from these.
const ELIGIBILITY: &[Choice<&str>] = &[
    Choice {
        value: "under_18",
        label: |t| t.account.reason_under_18,
        hint: None,
    },
    Choice {
        value: "nationality_not_covered",
        label: |t| t.account.reason_nationality,
        hint: None,
    },
    Choice {
        value: "not_resident",
        label: |t| t.account.reason_not_resident,
        hint: None,
    },
    Choice {
        value: "detained_or_sheltered",
        label: |t| t.account.reason_detained,
        hint: None,
    },
    Choice {
        value: "no_bank_account",
        label: |t| t.account.reason_no_bank,
        hint: None,
    },
    Choice {
        value: "invalid_iban",
        label: |t| t.account.reason_invalid_iban,
        hint: None,
    },
    Choice {
        value: "has_dependents",
        label: |t| t.account.reason_has_dependents,
        hint: None,
    },
    Choice {
        value: "no_housing_proof",
        label: |t| t.account.reason_no_housing,
        hint: None,
    },
    Choice {
        value: "commercial_registration",
        label: |t| t.account.reason_commercial,
        hint: None,
    },
    Choice {
        value: "data_mismatch",
        label: |t| t.account.reason_data_mismatch,
        hint: None,
    },
    Choice {
        value: "applicant_not_eligible",
        label: |t| t.account.reason_applicant_not_eligible,
        hint: None,
    },
];

/// The options for `target`: the two financial reasons, or the member's own reasons.
pub fn reason_choices(target: &Target, member_reasons: &[String]) -> Vec<Choice<&'static str>> {
    match target {
        Target::Payment(_) => FINANCIAL.to_vec(),
        Target::Member(_) => ELIGIBILITY
            .iter()
            .filter(|choice| member_reasons.iter().any(|r| r == choice.value))
            .copied()
            .collect(),
    }
}

/// The target named by the query, if any.
pub fn use_target() -> Option<Target> {
    use_query_map().with_untracked(|query| {
        Target::from_query(
            query.get("kind").as_deref(),
            query.get("cycle").as_deref(),
            query.get("member").as_deref(),
        )
    })
}

#[component]
pub fn ObjectionDetails() -> impl IntoView {
    let Some(target) = use_target() else {
        return view! {
            <PageHeading title=|t| t.account.new_title />
            <Notice><p>{t(|t| t.account.nothing_to_object)}</p></Notice>
        }
        .into_any();
    };
    match target.clone() {
        Target::Payment(_) => {
            view! { <DetailsForm target=target choices=FINANCIAL.to_vec() /> }.into_any()
        }
        Target::Member(member) => {
            let (data, retry) = load(api::eligibility);
            view! {
                {move || match data.get() {
                    Load::Loading => view! { <Loading /> }.into_any(),
                    Load::Failed(error) => view! { <LoadFailed error=error retry=retry /> }.into_any(),
                    Load::Ready(view) => {
                        let reasons = view
                            .members
                            .iter()
                            .find(|m| m.member == member && !m.eligible)
                            .map(|m| m.reasons.clone())
                            .unwrap_or_default();
                        let choices = reason_choices(&target, &reasons);
                        if choices.is_empty() || !view.objection.allowed {
                            return view! { <Redirect path=target.origin_href() /> }.into_any();
                        }
                        let fixable = crate::pages::account::household::fixable_by_update(&reasons);
                        view! { <DetailsForm target=target.clone() choices=choices fixable=fixable /> }.into_any()
                    }
                }}
            }
            .into_any()
        }
    }
}

/// The form itself, once the options are known.
#[component]
fn DetailsForm(
    /// What the objection is on.
    target: Target,
    /// The reasons to choose from.
    choices: Vec<Choice<&'static str>>,
    /// A reason of the member's can be resolved by updating the household's data: say so,
    /// with the way there, before the objection.
    #[prop(optional)]
    fixable: bool,
) -> impl IntoView {
    // The account area shows its pages only once `GET /me` named the account.
    let account = use_session().account_untracked().unwrap_or_default();
    let draft = match stored_draft(&account) {
        Some(draft) if draft.target == target => draft,
        _ => Draft::new(account, target.clone(), new_key()),
    };
    let reason = RwSignal::new(
        draft
            .reason
            .as_deref()
            .and_then(|r| choices.iter().find(|c| c.value == r).map(|c| c.value)),
    );
    let description = RwSignal::new(draft.description.clone());
    let draft = StoredValue::new(draft);
    // Every change is kept at once: a reload or a lost session loses nothing.
    Effect::new(move |first: Option<()>| {
        let reason = reason.get().map(str::to_string);
        let description = description.get();
        if first.is_some() || draft.with_value(|d| d.reason.is_some() || !d.description.is_empty())
        {
            let next = draft.with_value(|d| d.with_content(reason, description, new_key));
            store_draft(&next);
            draft.set_value(next);
        }
    });
    let errors = FormErrors::new();
    let navigate = use_navigate();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let current = draft.get_value();
        if errors.check(current.request()).is_some() {
            store_draft(&current);
            navigate("/account/objections/review", Default::default());
        }
    };
    let legend = match target {
        Target::Payment(_) => |t: &'static crate::i18n::Texts| t.account.reason_legend_financial,
        Target::Member(_) => |t: &'static crate::i18n::Texts| t.account.reason_legend_eligibility,
    };
    let lead_target = target.clone();
    let origin = target.origin_href();
    view! {
        <BackLink href=origin />
        <PageHeading title=|t| t.account.new_title errors=errors />
        <p class="lead">{move || lead(lang(), &lead_target)}</p>
        {fixable.then(|| view! {
            <Notice>
                <p>
                    {t(|t| t.household.fixable_note)}
                    " "
                    <a href="/account/household">{t(|t| t.household.fixable_link)}</a>
                </p>
            </Notice>
        })}
        <ErrorSummary errors=errors />
        <form class="form" novalidate on:submit=submit>
            <RadioGroup id=REASON_ID legend=legend options=choices selected=reason errors=errors />
            <TextArea
                id=DESCRIPTION_ID
                label=|t| t.account.description_label
                hint=|t| t.account.description_hint
                value=description
                limit=wire::OBJECTION_DESCRIPTION_MAX
                errors=errors
            />
            <p class="hint">{t(|t| t.account.draft_kept)}</p>
            <Button label=|t| t.forms.continue_button />
        </form>
    }
    .into_any()
}
