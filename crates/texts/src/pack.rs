//! The English table as a text pack: a file beside the app (`texts-en-<hash>.txt`, written at
//! build time by `scripts/text-pack` with the `text-pack` binary) instead of strings inside
//! the wasm. Strings are data, which wasm-split cannot move into a chunk, so every English
//! word used to reach every phone, though most people read the portal in Arabic; now only
//! someone who chooses English fetches them (about 7 KB brotli; the app's `i18n::english`),
//! and the service worker keeps the pack for offline use like any other file.
//!
//! A pack is a header line, then every text of [`Texts`] in declaration order, one a line
//! (`\` and line breaks escaped); a list is its length on a line, then its texts. It is read
//! over a copy of the Arabic table, so a pack that does not fit this build (another version,
//! a truncated download) is refused whole and the app stays in Arabic.

use super::{TextTable, TextVisitor, Texts};

const HEADER: &str = "portal-texts 1";

/// The pack of `table`.
pub fn write(mut table: Texts) -> String {
    struct Writer(String);
    impl Writer {
        fn line(&mut self, text: &str) {
            for ch in text.chars() {
                match ch {
                    '\\' => self.0.push_str("\\\\"),
                    '\n' => self.0.push_str("\\n"),
                    _ => self.0.push(ch),
                }
            }
            self.0.push('\n');
        }
    }
    impl TextVisitor for Writer {
        fn text(&mut self, text: &mut &'static str) {
            self.line(text);
        }
        fn list(&mut self, list: &mut &'static [&'static str]) {
            self.line(&list.len().to_string());
            for text in list.iter() {
                self.line(text);
            }
        }
    }
    let mut writer = Writer(format!("{HEADER}\n"));
    table.each_text(&mut writer);
    writer.0
}

/// `table` with every text replaced by the pack's, or `None` if the pack does not fit it.
pub fn read(pack: &'static str, mut table: Texts) -> Option<Texts> {
    struct Reader {
        lines: std::str::Split<'static, char>,
        fits: bool,
    }
    impl Reader {
        fn next(&mut self) -> &'static str {
            match self.lines.next() {
                Some(line) if line.contains('\\') => Box::leak(unescape(line).into_boxed_str()),
                Some(line) => line,
                None => {
                    self.fits = false;
                    ""
                }
            }
        }
    }
    impl TextVisitor for Reader {
        fn text(&mut self, text: &mut &'static str) {
            *text = self.next();
        }
        fn list(&mut self, list: &mut &'static [&'static str]) {
            let Ok(len) = self.next().parse::<usize>() else {
                self.fits = false;
                return;
            };
            // A length no table has: refuse rather than allocate it.
            if len > 64 {
                self.fits = false;
                return;
            }
            let texts: Vec<&'static str> = (0..len).map(|_| self.next()).collect();
            *list = Box::leak(texts.into_boxed_slice());
        }
    }
    let body = pack.strip_prefix(HEADER)?.strip_prefix('\n')?;
    let mut reader = Reader {
        lines: body.strip_suffix('\n')?.split('\n'),
        fits: true,
    };
    table.each_text(&mut reader);
    (reader.fits && reader.lines.next().is_none()).then_some(table)
}

fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(ch) = chars.next() {
        match (ch, ch == '\\') {
            (_, true) => match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (ch, false) => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AR, EN};

    #[test]
    fn the_english_pack_reads_back_to_the_english_table() {
        let pack: &'static str = Box::leak(write(EN).into_boxed_str());
        let english = read(pack, AR).expect("a pack of this build fits it");
        assert_eq!(english.home_title, EN.home_title);
        assert_eq!(english.contact.regions.jouf, EN.contact.regions.jouf);
        assert_eq!(english.sign_in.minutes.few, EN.sign_in.minutes.few);
        assert_eq!(english.about.conditions, EN.about.conditions);
        assert_eq!(english.dates.weekdays, EN.dates.weekdays);
        assert_eq!(english.pwa.update_ready, EN.pwa.update_ready);
        assert_eq!(write(english), pack);
    }

    #[test]
    fn a_pack_that_does_not_fit_is_refused_whole() {
        let pack = write(EN);
        let half: String = pack
            .lines()
            .take(100)
            .map(|line| format!("{line}\n"))
            .collect();
        let half: &'static str = Box::leak(half.into_boxed_str());
        assert!(read(half, AR).is_none());
        let longer: &'static str = Box::leak(format!("{pack}one more\n").into_boxed_str());
        assert!(read(longer, AR).is_none());
        assert!(read("portal-texts 0\n", AR).is_none());
    }

    #[test]
    fn backslashes_and_line_breaks_survive_the_pack() {
        assert_eq!(unescape("a\\\\b\\nc"), "a\\b\nc");
    }
}
