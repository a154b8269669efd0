//! A notice (a boxed sentence that must not be missed) and the status tag, which never relies
//! on colour alone: it carries a word and a symbol.

use leptos::prelude::*;

use crate::i18n::{Text, t};

/// How a notice or a tag reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Info,
    Success,
    Warning,
}

impl Tone {
    fn suffix(self) -> &'static str {
        match self {
            Tone::Info => "info",
            Tone::Success => "success",
            Tone::Warning => "warning",
        }
    }

    /// The symbol beside the word, hidden from screen readers (the word says it).
    fn symbol(self) -> &'static str {
        match self {
            Tone::Info => "ℹ",
            Tone::Success => "✓",
            Tone::Warning => "✗",
        }
    }
}

/// A boxed paragraph or more.
#[component]
pub fn Notice(
    /// Info (default), success or warning.
    #[prop(optional)]
    tone: Tone,
    /// What the notice says.
    children: Children,
) -> impl IntoView {
    view! { <div class=format!("notice notice--{}", tone.suffix())>{children()}</div> }
}

/// A short status: a symbol and a word, such as "✓ متحقق".
#[component]
pub fn StatusTag(
    /// Success ✓, warning ✗ or info ℹ.
    tone: Tone,
    /// The word.
    label: Text,
) -> impl IntoView {
    view! {
        <strong class=format!("tag tag--{}", tone.suffix())>
            <span class="tag__symbol" aria-hidden="true">{tone.symbol()}</span>
            " "
            {t(label)}
        </strong>
    }
}

/// A status tag for a word already picked in the active language (an API status in words).
pub fn word_tag(word: &'static str, tone: Tone) -> impl IntoView {
    view! {
        <strong class=format!("tag tag--{}", tone.suffix())>
            <span class="tag__symbol" aria-hidden="true">{tone.symbol()}</span>
            " "
            {word}
        </strong>
    }
}
