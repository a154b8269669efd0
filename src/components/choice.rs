//! Radio and checkbox groups: a fieldset, its legend (the page's heading when the group is
//! the page's one question), a hint, the inline error and the options.

use leptos::prelude::*;

use crate::{
    components::form::{FormErrors, InlineError, described_by},
    i18n::{Text, t},
};

/// One option of a group.
#[derive(Debug, Clone, Copy)]
pub struct Choice<T: 'static> {
    pub value: T,
    pub label: Text,
    pub hint: Option<Text>,
}

/// The yes / no options most questions use.
pub const YES_NO: &[Choice<bool>] = &[
    Choice {
        value: true,
        label: |t| t.forms.yes,
        hint: None,
    },
    Choice {
        value: false,
        label: |t| t.forms.no,
        hint: None,
    },
];

/// The id of option `index`: the first option carries the group's id, so the error summary's
/// link lands on it.
fn option_id(id: &str, index: usize) -> String {
    if index == 0 {
        id.to_string()
    } else {
        format!("{id}-{index}")
    }
}

/// The legend: a plain one, or the page's `<h1>` when the group is the page's question.
fn legend(text: Text, heading: bool) -> impl IntoView {
    if heading {
        view! {
            <legend class="fieldset__legend fieldset__legend--page">
                <h1 id="page-title" tabindex="-1">{t(text)}</h1>
            </legend>
        }
        .into_any()
    } else {
        view! { <legend class="fieldset__legend">{t(text)}</legend> }.into_any()
    }
}

/// Radio or checkbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Radio,
    Checkbox,
}

/// Everything a group shows, without the option type: the generic components below only map
/// their values to positions, so the view code exists once, not once per value type.
struct Group {
    kind: Kind,
    id: &'static str,
    legend: Text,
    hint: Option<Text>,
    options: Vec<(Text, Option<Text>)>,
    /// Whether option `i` is checked (tracked).
    checked: Callback<usize, bool>,
    /// Option `i` was checked (`true`) or unchecked.
    changed: Callback<(usize, bool)>,
    errors: FormErrors,
    heading: bool,
    inline: bool,
}

fn group(group: Group) -> AnyView {
    let Group {
        kind,
        id,
        legend,
        hint,
        options,
        checked,
        changed,
        errors,
        heading,
        inline,
    } = group;
    let error = move || errors.for_field(id);
    let input_type = if kind == Kind::Radio {
        "radio"
    } else {
        "checkbox"
    };
    let items = options
        .into_iter()
        .enumerate()
        .map(|(index, (label, option_hint))| {
            let input_id = option_id(id, index);
            let hint_id = format!("{id}-{index}-hint");
            view! {
                <div class="choice">
                    <input
                        class="choice__input"
                        type=input_type
                        id=input_id.clone()
                        name=id
                        aria-describedby=option_hint.map(|_| hint_id.clone())
                        prop:checked=move || checked.run(index)
                        on:change=move |event| changed.run((index, event_target_checked(&event)))
                    />
                    <label class="choice__label" for=input_id>{t(label)}</label>
                    {option_hint.map(|hint| view! { <p id=hint_id class="hint choice__hint">{t(hint)}</p> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <fieldset
                class="fieldset"
                aria-describedby=move || described_by(id, hint.is_some(), error().is_some())
            >
                {self::legend(legend, heading)}
                {hint.map(|hint| view! { <p id=format!("{id}-hint") class="hint">{t(hint)}</p> })}
                {move || error().map(|message| view! { <InlineError id=id message=message /> })}
                <div class="choices" class:choices--inline=inline>{items}</div>
            </fieldset>
        </div>
    }
    .into_any()
}

fn labels<T>(options: &[Choice<T>]) -> Vec<(Text, Option<Text>)> {
    options.iter().map(|c| (c.label, c.hint)).collect()
}

/// Choose one.
#[component]
pub fn RadioGroup<T>(
    /// The group's name; its first option's id.
    id: &'static str,
    /// The question.
    legend: Text,
    /// A sentence under the question.
    #[prop(optional_no_strip)]
    hint: Option<Text>,
    /// The options, in order (a constant list, or one made for this page).
    #[prop(into)]
    options: Vec<Choice<T>>,
    /// The chosen value, read and written.
    selected: RwSignal<Option<T>>,
    /// The form's errors; the group shows its own.
    errors: FormErrors,
    /// The question is the page's heading.
    #[prop(optional)]
    heading: bool,
    /// Lay two short options side by side (yes / no).
    #[prop(optional)]
    inline: bool,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let labels = labels(&options);
    let options = StoredValue::new(options);
    group(Group {
        kind: Kind::Radio,
        id,
        legend,
        hint,
        options: labels,
        checked: Callback::new(move |index: usize| {
            let value = options.with_value(|options| options.get(index).map(|c| c.value));
            value.is_some() && selected.get() == value
        }),
        changed: Callback::new(move |(index, _): (usize, bool)| {
            if let Some(choice) = options.with_value(|options| options.get(index).copied()) {
                selected.set(Some(choice.value));
            }
        }),
        errors,
        heading,
        inline,
    })
}

/// Choose any.
#[component]
pub fn CheckboxGroup<T>(
    /// The group's name; its first option's id.
    id: &'static str,
    /// The question.
    legend: Text,
    /// A sentence under the question.
    #[prop(optional_no_strip)]
    hint: Option<Text>,
    /// The options, in order.
    options: &'static [Choice<T>],
    /// The chosen values, read and written.
    selected: RwSignal<Vec<T>>,
    /// The form's errors; the group shows its own.
    errors: FormErrors,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    group(Group {
        kind: Kind::Checkbox,
        id,
        legend,
        hint,
        options: labels(options),
        checked: Callback::new(move |index: usize| {
            options
                .get(index)
                .is_some_and(|c| selected.with(|chosen| chosen.contains(&c.value)))
        }),
        changed: Callback::new(move |(index, on): (usize, bool)| {
            if let Some(choice) = options.get(index) {
                selected.update(|chosen| {
                    chosen.retain(|v| *v != choice.value);
                    if on {
                        chosen.push(choice.value);
                    }
                });
            }
        }),
        errors,
        heading: false,
        inline: false,
    })
}
