//! A multi-line field with a character count (GOV.UK pattern): the limit is shown, and the
//! count of what is left follows the typing, announced politely.

use leptos::prelude::*;

use crate::{
    components::form::{FormErrors, InlineError},
    format,
    i18n::{Text, lang, t},
};

/// What the counter says: characters left, or how many too many.
pub fn remaining(value: &str, limit: usize) -> (bool, u64) {
    let used = value.chars().count();
    if used > limit {
        (false, (used - limit) as u64)
    } else {
        (true, (limit - used) as u64)
    }
}

/// A labelled `<textarea>` with its hint, inline error and counter.
#[component]
pub fn TextArea(
    /// The field's id and name; the error summary links here.
    id: &'static str,
    /// The label.
    label: Text,
    /// A sentence under the label.
    hint: Text,
    /// The value, read and written.
    value: RwSignal<String>,
    /// The most characters accepted.
    limit: usize,
    /// The form's errors; the field shows its own.
    errors: FormErrors,
) -> impl IntoView {
    let error = move || errors.for_field(id);
    let counter = move || {
        let lang = lang();
        let words = &lang.texts().account;
        let (within, n) = value.with(|v| remaining(v, limit));
        let plural = if within {
            &words.chars_left
        } else {
            &words.chars_over
        };
        (within, format::count(lang, plural, n))
    };
    let described = move || {
        let mut ids = format!("{id}-hint {id}-count");
        if error().is_some() {
            ids.push_str(&format!(" {id}-error"));
        }
        ids
    };
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <label class="field__label" for=id>{t(label)}</label>
            <p id=format!("{id}-hint") class="hint">{t(hint)}</p>
            {move || error().map(|message| view! { <InlineError id=id message=message /> })}
            <textarea
                id=id
                name=id
                class="input textarea"
                rows="6"
                spellcheck="true"
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            ></textarea>
            <p
                id=format!("{id}-count")
                class="hint character-count"
                class:character-count--over=move || !counter().0
                aria-live="polite"
            >
                {move || counter().1}
            </p>
        </div>
    }
}
