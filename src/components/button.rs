//! Buttons: the form's main action, a secondary action, and a link that looks like a button.

use leptos::prelude::*;

use crate::i18n::{Text, t};

/// A button's weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ButtonKind {
    /// The page's one main action.
    #[default]
    Primary,
    /// Any other action.
    Secondary,
}

impl ButtonKind {
    fn class(self) -> &'static str {
        match self {
            ButtonKind::Primary => "button",
            ButtonKind::Secondary => "button button--secondary",
        }
    }
}

/// A `<button>`; inside a form it submits unless `on_click` is given.
#[component]
pub fn Button(
    /// The words on the button.
    label: Text,
    /// Primary (default) or secondary.
    #[prop(optional)]
    kind: ButtonKind,
    /// Run on click; the button is then `type="button"`.
    #[prop(optional, into)]
    on_click: Option<Callback<()>>,
) -> impl IntoView {
    let kind_attr = if on_click.is_some() {
        "button"
    } else {
        "submit"
    };
    view! {
        <button
            type=kind_attr
            class=kind.class()
            on:click=move |_| {
                if let Some(on_click) = on_click {
                    on_click.run(());
                }
            }
        >
            {t(label)}
        </button>
    }
}

/// A link to another page that looks like a button ("Start now").
#[component]
pub fn ButtonLink(
    /// Where it goes, inside the app.
    href: &'static str,
    /// The words on it.
    label: Text,
    /// Primary (default) or secondary.
    #[prop(optional)]
    kind: ButtonKind,
) -> impl IntoView {
    view! {
        <a href=href class=format!("{} button--link", kind.class())>
            {t(label)}
        </a>
    }
}
