//! A text field with its label, an optional hint and its inline error.

use leptos::prelude::*;

use crate::{
    components::form::{FormErrors, InlineError, described_by},
    i18n::{Text, t},
};

/// One labelled input. Numbers typed on an Arabic keyboard (٠-٩) are kept as typed; the
/// rules read them.
#[component]
pub fn TextField(
    /// The input's id and name; the error summary links here.
    id: &'static str,
    /// The label.
    label: Text,
    /// A sentence under the label.
    #[prop(optional)]
    hint: Option<Text>,
    /// The value, read and written.
    value: RwSignal<String>,
    /// The form's errors; the field shows its own.
    errors: FormErrors,
    /// `inputmode` for the phone's keyboard: "numeric", "decimal".
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Extra classes for the input, such as a width: "input--short".
    #[prop(optional)]
    class: &'static str,
    /// The input's type: "text" (default), "password".
    #[prop(optional)]
    input_type: Option<&'static str>,
    /// `autocomplete`: "off" (default), "username", "current-password", "one-time-code".
    #[prop(optional)]
    autocomplete: Option<&'static str>,
) -> impl IntoView {
    let error = move || errors.for_field(id);
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <label class="field__label" for=id>{t(label)}</label>
            {hint.map(|hint| view! { <p id=format!("{id}-hint") class="hint">{t(hint)}</p> })}
            {move || error().map(|message| view! { <InlineError id=id message=message /> })}
            <input
                id=id
                name=id
                type=input_type.unwrap_or("text")
                class=format!("input {class}")
                inputmode=inputmode
                autocomplete=autocomplete.unwrap_or("off")
                spellcheck="false"
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=move || described_by(id, hint.is_some(), error().is_some())
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            />
        </div>
    }
}
