//! Numbers, SAR amounts and dates for the active language, through the browser's own `Intl`,
//! so the app ships no locale or calendar data for display. The Hijri dates shown come from
//! `ar-SA-u-ca-islamic-umalqura`, the Umm al-Qura calendar the program uses.
//!
//! Digits: Western (0-9) in both languages (`-u-nu-latn`), as national IDs, IBANs, codes and
//! phone numbers are printed and typed (ARCHITECTURE.md, "Digits"); input still accepts
//! Arabic-Indic digits. Amounts are "1,296 ر.س" / "1,296 SAR", one unbreakable line; dates
//! Gregorian first, the Hijri date beside it.

use rules::Date;
use wasm_bindgen::prelude::*;

use crate::i18n::{Lang, Plural, fill};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl)]
    type NumberFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl)]
    fn new(locale: &str, options: &JsValue) -> NumberFormat;
    #[wasm_bindgen(method)]
    fn format(this: &NumberFormat, value: f64) -> String;

    #[wasm_bindgen(js_namespace = Intl)]
    type DateTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl)]
    fn new(locale: &str, options: &JsValue) -> DateTimeFormat;
    #[wasm_bindgen(method, js_name = format)]
    fn format_date(this: &DateTimeFormat, date: &js_sys::Date) -> String;
}

/// Which calendar a date is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Hijri,
    Gregorian,
}

fn number_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "ar-SA-u-nu-latn",
        Lang::En => "en-GB",
    }
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// A whole number: "1,296" in both languages.
pub fn number(lang: Lang, value: i64) -> String {
    NumberFormat::new(number_locale(lang), &JsValue::UNDEFINED).format(value as f64)
}

/// The amount and the currency's short mark after it, kept on one line by a no-break space:
/// "1,296 ر.س", "1,296 SAR". Grammatical after any number (unlike "٥ ريال سعودي") and
/// narrow enough for a table on a 360 px screen.
fn with_currency(lang: Lang, amount: String) -> String {
    match lang {
        Lang::Ar => format!("{amount}\u{a0}ر.س"),
        Lang::En => format!("{amount}\u{a0}SAR"),
    }
}

/// Whole SAR: "1,296 ر.س", "1,296 SAR".
pub fn sar(lang: Lang, riyals: i64) -> String {
    with_currency(lang, number(lang, riyals))
}

/// A counted noun: "3 سنوات", "2 dependents".
pub fn count(lang: Lang, plural: &Plural, n: u64) -> String {
    fill(plural.form(n), &[&number(lang, n as i64)])
}

/// A date in the chosen calendar, by the browser: "10 شعبان 1447 هـ", "29 January 2026".
pub fn date(lang: Lang, date: Date, shown: Shown) -> String {
    let locale = match (lang, shown) {
        (Lang::Ar, Shown::Hijri) => "ar-SA-u-ca-islamic-umalqura-nu-latn",
        (Lang::Ar, Shown::Gregorian) => "ar-SA-u-ca-gregory-nu-latn",
        (Lang::En, Shown::Hijri) => "en-GB-u-ca-islamic-umalqura",
        (Lang::En, Shown::Gregorian) => "en-GB-u-ca-gregory",
    };
    let options = options(&[
        ("timeZone", "UTC".into()),
        ("day", "numeric".into()),
        ("month", "long".into()),
        ("year", "numeric".into()),
    ]);
    let instant = js_sys::Date::new_0();
    instant.set_utc_full_year_with_month_date(
        date.year() as u32,
        i32::from(date.month()) - 1,
        i32::from(date.day()),
    );
    instant.set_utc_hours(12);
    DateTimeFormat::new(locale, &options).format_date(&instant)
}

/// A time of day on the hour, for opening hours: "8:00 ص", "08:00".
pub fn hour(lang: Lang, hour: u8) -> String {
    let options = options(&[
        ("timeZone", "UTC".into()),
        ("hour", "numeric".into()),
        ("minute", "2-digit".into()),
    ]);
    let instant = js_sys::Date::new(&JsValue::from_f64(f64::from(hour) * 3_600_000.0));
    DateTimeFormat::new(number_locale(lang), &options).format_date(&instant)
}

/// Today on this device, in its own time zone: the app's assessment date.
pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    let month = u8::try_from(now.get_month() + 1).ok()?;
    let day = u8::try_from(now.get_date()).ok()?;
    Date::new(i32::try_from(now.get_full_year()).ok()?, month, day).ok()
}

/// SAR with halalas, two decimals: "4,500.50 ر.س", "4,500.50 SAR".
pub fn sar_with_halalas(lang: Lang, halalas: i64) -> String {
    let options = options(&[
        ("minimumFractionDigits", 2.into()),
        ("maximumFractionDigits", 2.into()),
    ]);
    let amount = NumberFormat::new(number_locale(lang), &options).format(halalas as f64 / 100.0);
    with_currency(lang, amount)
}

/// A date in both calendars, Gregorian first, as every payment and deadline is shown:
/// "10 نوفمبر 2026 (10 جمادى الأولى 1448 هـ)".
pub fn both(lang: Lang, day: Date) -> String {
    format!(
        "{} ({})",
        date(lang, day, Shown::Gregorian),
        date(lang, day, Shown::Hijri)
    )
}

/// An API date (`YYYY-MM-DD`) in both calendars; as sent when it cannot be read.
pub fn iso_date(lang: Lang, iso: &str) -> String {
    Date::parse(iso).map_or_else(|_| iso.to_string(), |day| both(lang, day))
}

/// A time of day on this device's clock: "6:40 م", "18:40".
pub fn time(lang: Lang, instant: &js_sys::Date) -> String {
    let options = options(&[("hour", "numeric".into()), ("minute", "2-digit".into())]);
    DateTimeFormat::new(number_locale(lang), &options).format_date(instant)
}

/// A length in tenths of a unit, for SVG attributes: 1234 → "123.4", -5 → "-0.5". Integer
/// formatting only, so the wasm carries no float formatter.
pub fn tenths(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let value = value.unsigned_abs();
    format!("{sign}{}.{}", value / 10, value % 10)
}
