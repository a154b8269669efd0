//! Numbers, SAR amounts and dates for the active language, through the browser's own `Intl`,
//! so the app ships no locale or calendar data for display. The Hijri dates shown come from
//! `ar-SA-u-ca-islamic-umalqura`, the Umm al-Qura calendar the program uses.

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
        Lang::Ar => "ar-SA",
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

/// A whole number: "١٬٢٩٦" in Arabic, "1,296" in English.
pub fn number(lang: Lang, value: i64) -> String {
    NumberFormat::new(number_locale(lang), &JsValue::UNDEFINED).format(value as f64)
}

/// Whole SAR with the currency's name, which reads well inside a sentence:
/// "١٬٢٩٦ ريال سعودي", "1,296 Saudi riyals".
pub fn sar(lang: Lang, riyals: i64) -> String {
    let options = options(&[
        ("style", "currency".into()),
        ("currency", "SAR".into()),
        ("currencyDisplay", "name".into()),
        ("maximumFractionDigits", 0.into()),
        ("minimumFractionDigits", 0.into()),
    ]);
    NumberFormat::new(number_locale(lang), &options).format(riyals as f64)
}

/// A counted noun: "٣ سنوات", "2 dependents".
pub fn count(lang: Lang, plural: &Plural, n: u64) -> String {
    fill(plural.form(n), &[&number(lang, n as i64)])
}

/// A date in the chosen calendar, by the browser: "١٠ شعبان ١٤٤٧ هـ", "29 January 2026".
pub fn date(lang: Lang, date: Date, shown: Shown) -> String {
    let locale = match (lang, shown) {
        (Lang::Ar, Shown::Hijri) => "ar-SA-u-ca-islamic-umalqura",
        (Lang::Ar, Shown::Gregorian) => "ar-SA-u-ca-gregory",
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

/// A time of day on the hour, for opening hours: "٨:٠٠ ص", "08:00".
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

/// SAR with halalas, two decimals: "٤٬٥٠٠٫٥٠ ريال سعودي", "4,500.50 Saudi riyals".
pub fn sar_with_halalas(lang: Lang, halalas: i64) -> String {
    let options = options(&[
        ("style", "currency".into()),
        ("currency", "SAR".into()),
        ("currencyDisplay", "name".into()),
        ("minimumFractionDigits", 2.into()),
    ]);
    NumberFormat::new(number_locale(lang), &options).format(halalas as f64 / 100.0)
}

/// A date in both calendars, Hijri first: "١٠ جمادى الأولى ١٤٤٨ هـ (١٠ نوفمبر ٢٠٢٦)".
pub fn both(lang: Lang, day: Date) -> String {
    format!(
        "{} ({})",
        date(lang, day, Shown::Hijri),
        date(lang, day, Shown::Gregorian)
    )
}

/// An API date (`YYYY-MM-DD`) in both calendars; as sent when it cannot be read.
pub fn iso_date(lang: Lang, iso: &str) -> String {
    Date::parse(iso).map_or_else(|_| iso.to_string(), |day| both(lang, day))
}

/// A time of day on this device's clock: "٦:٤٠ م", "18:40".
pub fn time(lang: Lang, instant: &js_sys::Date) -> String {
    let options = options(&[("hour", "numeric".into()), ("minute", "2-digit".into())]);
    DateTimeFormat::new(number_locale(lang), &options).format_date(instant)
}
