//! The app's languages: which one is active, and its words in views. The words themselves
//! are the `texts` crate (crates/texts), re-exported here.

pub mod english;

use leptos::prelude::*;
pub use texts::*;

/// The languages of the app; Arabic is the default and the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ar,
    En,
}

impl Lang {
    /// The `lang` attribute value.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    /// The `dir` attribute value.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En => "ltr",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, which the switch offers.
    pub fn other(self) -> Self {
        match self {
            Lang::Ar => Lang::En,
            Lang::En => Lang::Ar,
        }
    }

    /// The language's table. English comes from its text pack ([`english`]) in the split
    /// build; until that has loaded (the app waits for it before showing English) Arabic
    /// stands in, never a blank.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Ar => {
                // Without chunks, no chunk installs its part of the table (texts::Part).
                #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
                texts::install_all();
                &AR
            }
            Lang::En => english::english().unwrap_or(&AR),
        }
    }
}

/// The active language, shared through context by [`crate::App`].
#[derive(Debug, Clone, Copy)]
pub struct Locale(pub RwSignal<Lang>);

/// A pick from the table: `|t| t.home_title`. Kept as a pointer, so a text follows the
/// language when it changes.
pub type Text = fn(&'static Texts) -> &'static str;

/// The active language's texts, for use inside views: `t(|t| t.home_title)`.
pub fn t(pick: Text) -> impl Fn() -> &'static str + Copy {
    let locale = expect_locale();
    move || pick(locale.0.get().texts())
}

pub fn expect_locale() -> Locale {
    use_context::<Locale>().unwrap_or_else(|| Locale(RwSignal::new(Lang::default())))
}

/// The active language, tracked.
pub fn lang() -> Lang {
    expect_locale().0.get()
}
