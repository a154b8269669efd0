//! A form's errors: which field, which message. Pages fill it on a failed submit; the
//! [`ErrorSummary`](super::error_summary::ErrorSummary) and each field read it.

use leptos::prelude::*;

use crate::i18n::Text;

/// One problem with one field.
#[derive(Debug, Clone, Copy)]
pub struct FieldError {
    /// The id of the input to focus; the summary links to `#id`.
    pub id: &'static str,
    /// What is wrong, in the table so it follows the language.
    pub message: Text,
}

/// The errors of one form, and how many submits have failed (the summary takes focus after
/// each one, even when the errors are the same).
#[derive(Debug, Clone, Copy)]
pub struct FormErrors {
    errors: RwSignal<Vec<FieldError>>,
    failures: RwSignal<u32>,
}

impl Default for FormErrors {
    fn default() -> Self {
        Self::new()
    }
}

impl FormErrors {
    pub fn new() -> Self {
        FormErrors {
            errors: RwSignal::new(Vec::new()),
            failures: RwSignal::new(0),
        }
    }

    /// Records a failed submit; with no errors it only clears.
    pub fn fail(&self, errors: Vec<FieldError>) {
        let failed = !errors.is_empty();
        self.errors.set(errors);
        if failed {
            self.failures.update(|n| *n += 1);
        }
    }

    /// Takes `result`'s errors, or clears them; returns the value when there was no error.
    pub fn check<T>(&self, result: Result<T, Vec<FieldError>>) -> Option<T> {
        match result {
            Ok(value) => {
                self.errors.set(Vec::new());
                Some(value)
            }
            Err(errors) => {
                self.fail(errors);
                None
            }
        }
    }

    /// The current errors, tracked.
    pub fn list(&self) -> Vec<FieldError> {
        self.errors.get()
    }

    /// Whether there is any error, tracked.
    pub fn any(&self) -> bool {
        self.errors.with(|errors| !errors.is_empty())
    }

    /// The first error for the field `id`, tracked.
    pub fn for_field(&self, id: &str) -> Option<Text> {
        self.errors
            .with(|errors| errors.iter().find(|e| e.id == id).map(|e| e.message))
    }

    /// The number of failed submits so far, tracked.
    pub fn failures(&self) -> u32 {
        self.failures.get()
    }
}

/// Moves keyboard focus to the element `id`, as a link in the error summary does.
pub fn focus_by_id(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = element.focus();
    }
}

/// The `aria-describedby` value: the hint and the error, when present.
pub fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut parts = Vec::new();
    if hint {
        parts.push(format!("{id}-hint"));
    }
    if error {
        parts.push(format!("{id}-error"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The inline error under a field: "Error: <message>", the prefix for screen readers.
#[component]
pub fn InlineError(
    /// The field's id; the error's own id is `<id>-error`.
    id: &'static str,
    /// The message.
    message: Text,
) -> impl IntoView {
    view! {
        <p id=format!("{id}-error") class="field-error">
            <span class="visually-hidden">{crate::i18n::t(|t| t.forms.error_prefix)} " "</span>
            {crate::i18n::t(message)}
        </p>
    }
}
