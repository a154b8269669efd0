//! Normalising typed digits.
//!
//! Rule (rules-spec.md, "Normalising typed digits"): before validating a typed number, trim
//! surrounding white space, drop inner ASCII spaces and U+00A0 (no-break space), and map
//! Arabic-Indic digits U+0660-U+0669 (٠-٩) and Extended Arabic-Indic digits U+06F0-U+06F9
//! (۰-۹) to 0-9. Users on Arabic keyboards type these digits (domain.md, "National ID").

/// Normalises a typed number: trims, drops inner spaces, maps Arabic digits to ASCII.
///
/// Any other character is kept as it is, so the caller's validation can reject it.
pub fn typed_digits(input: &str) -> String {
    input
        .trim()
        .chars()
        .filter(|c| *c != ' ' && *c != '\u{00A0}')
        .map(ascii_digit)
        .collect()
}

/// Maps one Arabic-Indic or Extended Arabic-Indic digit to its ASCII digit; other characters
/// are returned unchanged.
pub fn ascii_digit(c: char) -> char {
    let offset = match c {
        '\u{0660}'..='\u{0669}' => u32::from(c) - 0x0660,
        '\u{06F0}'..='\u{06F9}' => u32::from(c) - 0x06F0,
        _ => return c,
    };
    char::from_digit(offset, 10).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_both_arabic_digit_sets_and_drops_spaces() {
        assert_eq!(typed_digits("  ١٠٠٠ ٠٠٠\u{00A0}۰۰۸ "), "1000000008");
        assert_eq!(typed_digits("sa03 8000"), "sa038000");
    }
}
