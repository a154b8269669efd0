//! Free text a person types (an objection's description, a ticket's message).
//!
//! Rule (issue "Sign-in and sessions that withstand abuse", OWASP ASVS 5.1.4 / 5.2.2): text
//! is checked before anything is stored or shown:
//! - bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are removed: they
//!   can make stored text read differently from what was typed ("Trojan Source"), and a
//!   person cannot see them to take them out;
//! - any other control character (NUL, escape, ...; Unicode category Cc) is refused with
//!   `control_character`, except line feed, carriage return and tab, which multi-line text
//!   needs;
//! - surrounding white space is trimmed;
//! - text with nothing visible left, once zero-width characters and the remaining direction
//!   marks (U+200B-U+200F, U+2060, U+FEFF, U+061C, U+180E) are set aside, is `required`, the
//!   same as empty text. Those marks stay inside text that has visible characters, where
//!   Arabic typing uses them.

/// Why a text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextError {
    Required,
    ControlCharacter,
}

crate::error_codes!(TextError {
    Required => "required", "nothing visible was written";
    ControlCharacter => "control_character", "the text contains a control character";
});

/// Cleans a typed text: bidi overrides removed, trimmed; refused when it holds a control
/// character or nothing visible.
pub fn clean(input: &str) -> Result<String, TextError> {
    if input.chars().any(is_refused_control) {
        return Err(TextError::ControlCharacter);
    }
    let kept: String = input.chars().filter(|c| !is_bidi_override(*c)).collect();
    let trimmed = kept.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    if trimmed.is_empty() {
        return Err(TextError::Required);
    }
    Ok(trimmed.to_owned())
}

/// Whether a short, single-line value (an ID, a code, a password, a path segment) holds a
/// control character or a bidi override: such values are refused whole.
pub fn has_control_character(input: &str) -> bool {
    input.chars().any(|c| c.is_control() || is_bidi_override(c))
}

/// Control characters refused in free text: all of Cc but line feed, carriage return, tab.
fn is_refused_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// Bidi embeddings, overrides and isolates.
pub fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that take no room on screen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{061C}' | '\u{180E}'
    ) || is_bidi_override(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_ordinary_arabic_text_and_its_marks() {
        assert_eq!(clean("  المبلغ ناقص\n"), Ok("المبلغ ناقص".to_owned()));
        assert_eq!(clean("سطر\nسطر\tثان"), Ok("سطر\nسطر\tثان".to_owned()));
        // A right-to-left mark inside visible text stays.
        assert_eq!(clean("رقم\u{200F} 5"), Ok("رقم\u{200F} 5".to_owned()));
    }

    #[test]
    fn invisible_only_is_required() {
        for text in [
            "",
            "   ",
            "\u{200B}\u{200B}",
            "\u{FEFF}\u{200D} \u{2060}",
            "\u{202E}\u{200F}",
        ] {
            assert_eq!(clean(text), Err(TextError::Required), "{text:?}");
        }
    }

    #[test]
    fn control_characters_are_refused_and_overrides_removed() {
        assert_eq!(clean("a\0b"), Err(TextError::ControlCharacter));
        assert_eq!(clean("a\u{1B}[31m"), Err(TextError::ControlCharacter));
        assert_eq!(clean("a\u{7F}"), Err(TextError::ControlCharacter));
        assert_eq!(clean("abc\u{202E}fed"), Ok("abcfed".to_owned()));
        assert!(has_control_character("12\u{0}3"));
        assert!(has_control_character("x\u{2066}"));
        assert!(!has_control_character("Demo@2026"));
    }
}
