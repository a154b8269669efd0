//! `/check/birth-date`: the applicant's date of birth, Hijri or Gregorian.

use leptos::prelude::*;

use super::{back_href, state::Step, use_changing, use_flow, use_go};
use crate::{
    components::{
        back_link::BackLink,
        button::Button,
        date_field::DateField,
        error_summary::ErrorSummary,
        form::{FieldError, FormErrors},
        page::use_page_title,
    },
    format,
};

const ID: &str = "birth-date";

#[component]
pub fn BirthDateStep() -> impl IntoView {
    let flow = use_flow();
    let go = use_go();
    let changing = use_changing();
    let today = format::today();
    let value = RwSignal::new(
        flow.answers
            .with_untracked(|a| a.birth.clone().unwrap_or_default()),
    );
    let errors = FormErrors::new();
    use_page_title(|| |t| t.check.birth_question, Some(errors));
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let input = value.get_untracked();
        let checked = today.map(|today| input.birth_date(today)).unwrap_or(Err(
            crate::components::date_field::DateInputError::NoSuchDay,
        ));
        match checked {
            Err(error) => errors.fail(vec![FieldError {
                id: ID,
                message: error.message(input.calendar),
            }]),
            Ok(_) => {
                flow.answers.update(|answers| answers.birth = Some(input));
                go(flow
                    .answers
                    .with_untracked(|a| a.next(Step::BirthDate, changing)));
            }
        }
    };
    view! {
        <BackLink href=back_href(flow, Step::BirthDate, changing) />
        <ErrorSummary errors=errors />
        <form class="form" novalidate on:submit=submit>
            <DateField
                id=ID
                legend=|t| t.check.birth_question
                hint=|t| t.check.birth_hint
                value=value
                errors=errors
                today=today
                heading=true
            />
            <Button label=|t| t.forms.continue_button />
        </form>
    }
}
