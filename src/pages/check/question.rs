//! The pre-check's one-choice questions: each a page with a back link, the question as its
//! heading, the options and "Continue".

use leptos::prelude::*;
use rules::eligibility::{ApplicantKind, Nationality};

use super::{
    back_href,
    state::{Answers, Step},
    use_changing, use_flow, use_go,
};
use crate::{
    components::{
        back_link::BackLink,
        button::Button,
        choice::{Choice, RadioGroup, YES_NO},
        error_summary::ErrorSummary,
        form::{FieldError, FormErrors},
        page::use_page_title,
    },
    i18n::Text,
};

/// One question with one answer.
#[component]
pub fn ChoiceQuestion<T>(
    /// Which step this is: its place in the flow and its field's id.
    step: Step,
    /// The question, which is the page's heading.
    question: Text,
    /// A sentence under the question.
    #[prop(optional)]
    hint: Option<Text>,
    /// The options.
    options: &'static [Choice<T>],
    /// Reads this question's answer.
    read: fn(&Answers) -> Option<T>,
    /// Writes it.
    write: fn(&mut Answers, T),
    /// The error when nothing is chosen.
    missing: Text,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let flow = use_flow();
    let go = use_go();
    let changing = use_changing();
    let id = &step.path()["/check/".len()..];
    let selected = RwSignal::new(flow.answers.with_untracked(read));
    let errors = FormErrors::new();
    let submit = Callback::new(move |()| match selected.get_untracked() {
        None => errors.fail(vec![FieldError {
            id,
            message: missing,
        }]),
        Some(value) => {
            flow.answers.update(|answers| write(answers, value));
            go(flow
                .answers
                .with_untracked(|answers| answers.next(step, changing)));
        }
    });
    let radios = view! {
        <RadioGroup
            id=id
            legend=question
            hint=hint
            options=options
            selected=selected
            errors=errors
            heading=true
            inline=options.len() == 2 && hint.is_none()
        />
    }
    .into_any();
    question_page(
        back_href(flow, step, changing),
        question,
        radios,
        submit,
        errors,
    )
}

/// The page around one question, the same for every value type.
fn question_page(
    back: &'static str,
    question: Text,
    radios: AnyView,
    submit: Callback<()>,
    errors: FormErrors,
) -> AnyView {
    use_page_title(move || question, Some(errors));
    view! {
        <BackLink href=back />
        <ErrorSummary errors=errors />
        <form
            class="form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                submit.run(());
            }
        >
            {radios}
            <Button label=|t| t.forms.continue_button />
        </form>
    }
    .into_any()
}

const KINDS: &[Choice<ApplicantKind>] = &[
    Choice {
        value: ApplicantKind::Head,
        label: |t| t.check.head,
        hint: Some(|t| t.check.head_hint),
    },
    Choice {
        value: ApplicantKind::Independent,
        label: |t| t.check.independent,
        hint: Some(|t| t.check.independent_hint),
    },
];

/// The applicant's nationality options.
pub const NATIONALITIES: &[Choice<Nationality>] = &[
    Choice {
        value: Nationality::Saudi,
        label: |t| t.check.saudi,
        hint: None,
    },
    Choice {
        value: Nationality::MobilityCard,
        label: |t| t.check.mobility_card,
        hint: Some(|t| t.check.mobility_card_hint),
    },
    Choice {
        value: Nationality::NonSaudi,
        label: |t| t.check.non_saudi,
        hint: None,
    },
];

/// `/check/applicant`: head of household or independent individual.
#[component]
pub fn ApplicantStep() -> impl IntoView {
    view! {
        <ChoiceQuestion
            step=Step::Applicant
            question=|t| t.check.applicant_question
            hint=|t| t.check.applicant_hint
            options=KINDS
            read=|a| a.kind
            write=|a, v| a.kind = Some(v)
            missing=|t| t.check.applicant_missing
        />
    }
}

/// `/check/nationality`.
#[component]
pub fn NationalityStep() -> impl IntoView {
    view! {
        <ChoiceQuestion
            step=Step::Nationality
            question=|t| t.check.nationality_question
            options=NATIONALITIES
            read=|a| a.nationality
            write=|a, v| a.nationality = Some(v)
            missing=|t| t.check.nationality_missing
        />
    }
}

/// `/check/residency`: resident in the last three months.
#[component]
pub fn ResidencyStep() -> impl IntoView {
    view! {
        <ChoiceQuestion
            step=Step::Residency
            question=|t| t.check.residency_question
            hint=|t| t.check.residency_hint
            options=YES_NO
            read=|a| a.resident
            write=|a, v| a.resident = Some(v)
            missing=|t| t.check.residency_missing
        />
    }
}

/// `/check/detention`: a prisoner or a resident of a government shelter.
#[component]
pub fn DetentionStep() -> impl IntoView {
    view! {
        <ChoiceQuestion
            step=Step::Detention
            question=|t| t.check.detention_question
            options=YES_NO
            read=|a| a.detained
            write=|a, v| a.detained = Some(v)
            missing=|t| t.check.detention_missing
        />
    }
}

/// `/check/bank-account`: a bank account in the applicant's name.
#[component]
pub fn BankAccountStep() -> impl IntoView {
    view! {
        <ChoiceQuestion
            step=Step::BankAccount
            question=|t| t.check.bank_question
            hint=|t| t.check.bank_hint
            options=YES_NO
            read=|a| a.bank_account
            write=|a, v| a.bank_account = Some(v)
            missing=|t| t.check.bank_missing
        />
    }
}

/// `/check/housing`: an independent individual's proof of separate housing.
#[component]
pub fn HousingStep() -> impl IntoView {
    view! {
        <ChoiceQuestion
            step=Step::Housing
            question=|t| t.check.housing_question
            hint=|t| t.check.housing_hint
            options=YES_NO
            read=|a| a.housing_proof
            write=|a, v| a.housing_proof = Some(v)
            missing=|t| t.check.housing_missing
        />
    }
}
