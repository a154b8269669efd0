//! A date of birth typed as day, month and year, in the Hijri (Umm al-Qura) or the
//! Gregorian calendar; Arabic-Indic digits are accepted. The rules crate reads the date; the
//! field shows the same day in the other calendar through the browser's `Intl`.
//!
//! A Hijri 30th in a month our Umm al-Qura table gives 29 days is accepted as the 1st of the
//! next month (the tables disagree before 1420 AH; `rules::dates`), and the field says so in
//! a polite live region: it is information, not an error.

use leptos::prelude::*;
pub use rules::dates::Calendar;
use rules::{
    Date, HijriDate,
    age::{self, AgeError, BirthDate},
    dates::DateError,
    normalize::typed_digits,
};
use serde::{Deserialize, Serialize};

use crate::{
    components::form::{FormErrors, InlineError, described_by},
    format::{self, Shown},
    i18n::{Text, fill, lang, t},
};

/// A date as typed: three boxes and the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DateInput {
    pub calendar: Calendar,
    pub day: String,
    pub month: String,
    pub year: String,
}

/// Why a typed date of birth is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateInputError {
    Missing,
    Incomplete,
    NotNumbers,
    YearDigits,
    NoSuchDay,
    OutOfRange,
    InFuture,
}

impl DateInputError {
    /// The message, in the table.
    pub fn message(self, calendar: Calendar) -> Text {
        match self {
            DateInputError::Missing => |t| t.forms.date_missing,
            DateInputError::Incomplete => |t| t.forms.date_incomplete,
            DateInputError::NotNumbers => |t| t.forms.date_not_numbers,
            DateInputError::YearDigits => |t| t.forms.date_year_digits,
            DateInputError::NoSuchDay => |t| t.forms.date_no_such_day,
            DateInputError::OutOfRange => match calendar {
                Calendar::Hijri => |t| t.forms.date_out_of_range_hijri,
                Calendar::Gregorian => |t| t.forms.date_out_of_range_gregorian,
            },
            DateInputError::InFuture => |t| t.forms.date_in_future,
        }
    }
}

impl DateInput {
    /// The date as `YYYY-MM-DD` in ASCII digits, as the rules read it.
    pub fn iso(&self) -> Result<String, DateInputError> {
        let parts = [&self.day, &self.month, &self.year].map(|part| typed_digits(part));
        if parts.iter().all(String::is_empty) {
            return Err(DateInputError::Missing);
        }
        if parts.iter().any(String::is_empty) {
            return Err(DateInputError::Incomplete);
        }
        if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(DateInputError::NotNumbers);
        }
        let [day, month, year] = parts;
        if year.len() != 4 {
            return Err(DateInputError::YearDigits);
        }
        if day.len() > 2 || month.len() > 2 {
            return Err(DateInputError::NoSuchDay);
        }
        Ok(format!("{year}-{month:0>2}-{day:0>2}"))
    }

    /// The date of birth, checked by the rules against `today`.
    pub fn birth_date(&self, today: Date) -> Result<BirthDate, DateInputError> {
        let iso = self.iso()?;
        let birth = match self.calendar {
            Calendar::Hijri => HijriDate::parse_recorded(&iso).map(|r| BirthDate::Hijri(r.date)),
            Calendar::Gregorian => Date::parse(&iso).map(BirthDate::Gregorian),
        }
        .map_err(|error| match error {
            DateError::BadDate => DateInputError::NoSuchDay,
            DateError::OutOfRange => DateInputError::OutOfRange,
        })?;
        match age::years(birth, today) {
            Ok(_) => Ok(birth),
            Err(AgeError::BirthInFuture) => Err(DateInputError::InFuture),
            Err(AgeError::OutOfRange) => Err(DateInputError::OutOfRange),
            Err(_) => Err(DateInputError::NoSuchDay),
        }
    }

    /// The day counted with instead of the typed one, when the typed Hijri date is the 30th
    /// of a month our table gives 29 days (the 1st of the next month).
    pub fn moved_to(&self) -> Option<HijriDate> {
        if self.calendar != Calendar::Hijri {
            return None;
        }
        let recorded = HijriDate::parse_recorded(&self.iso().ok()?).ok()?;
        recorded.moved.then_some(recorded.date)
    }

    /// The household's two birth-date fields: `(birth_date, birth_date_hijri)`.
    pub fn fields(&self) -> (Option<String>, Option<String>) {
        let iso = self.iso().ok();
        match self.calendar {
            Calendar::Gregorian => (iso, None),
            Calendar::Hijri => (None, iso),
        }
    }

    /// The date as typed, for a summary: "1410-09-15 هـ".
    pub fn as_typed(&self, suffix: &str) -> String {
        match (self.iso(), self.calendar) {
            (Ok(iso), Calendar::Hijri) => format!("{iso} {suffix}"),
            (Ok(iso), Calendar::Gregorian) => iso,
            (Err(_), _) => String::new(),
        }
    }
}

/// The same day in the other calendar, in words, by the browser.
pub fn in_other_calendar(birth: BirthDate, lang: crate::i18n::Lang) -> Option<String> {
    match birth {
        BirthDate::Hijri(hijri) => hijri
            .to_gregorian()
            .ok()
            .map(|date| format::date(lang, date, Shown::Gregorian)),
        BirthDate::Gregorian(date) => Some(format::date(lang, date, Shown::Hijri)),
    }
}

/// The note for a typed date [`DateInput::moved_to`] moved, in the active language; `None`
/// when the date was not moved or is not accepted anyway (its error says enough).
pub fn moved_note(input: &DateInput, today: Date, lang: crate::i18n::Lang) -> Option<String> {
    input.birth_date(today).ok()?;
    let counted = input.moved_to()?.to_gregorian().ok()?;
    let day = format::date(lang, counted, Shown::Hijri);
    Some(fill(lang.texts().dates.moved_to_next_month, &[&day]))
}

/// The date field: the calendar, then day, month and year.
#[component]
pub fn DateField(
    /// The field's id: the day box's id, where the error summary's link lands.
    id: &'static str,
    /// The question.
    legend: Text,
    /// A sentence under the question.
    #[prop(optional)]
    hint: Option<Text>,
    /// The typed date, read and written.
    value: RwSignal<DateInput>,
    /// The form's errors; the field shows its own.
    errors: FormErrors,
    /// The date on which "not in the future" is judged.
    today: Option<Date>,
    /// The question is the page's heading.
    #[prop(optional)]
    heading: bool,
) -> impl IntoView {
    // Its words travel with its code (texts::Part).
    texts::dates::install();
    let error = move || errors.for_field(id);
    let calendar = move || value.with(|v| v.calendar);
    let example = move || match calendar() {
        Calendar::Hijri => t(|t| t.forms.date_hint_hijri)(),
        Calendar::Gregorian => t(|t| t.forms.date_hint_gregorian)(),
    };
    let equivalent = move || {
        let birth = value.with(|v| today.and_then(|today| v.birth_date(today).ok()))?;
        let lang = lang();
        in_other_calendar(birth, lang)
            .map(|text| fill(lang.texts().forms.date_equivalent, &[&text]))
    };
    let note = move || {
        let lang = lang();
        value.with(|v| today.and_then(|today| moved_note(v, today, lang)))
    };
    let part = move |suffix: &'static str,
                     label: Text,
                     read: fn(&DateInput) -> String,
                     write: fn(&mut DateInput, String),
                     class: &'static str| {
        let input_id = if suffix == "day" {
            id.to_string()
        } else {
            format!("{id}-{suffix}")
        };
        view! {
            <div class="date-field__part">
                <label class="field__label" for=input_id.clone()>{t(label)}</label>
                <input
                    id=input_id
                    type="text"
                    class=format!("input {class}")
                    inputmode="numeric"
                    autocomplete="off"
                    aria-invalid=move || error().is_some().then_some("true")
                    prop:value=move || value.with(read)
                    on:input=move |event| value.update(|v| write(v, event_target_value(&event)))
                />
            </div>
        }
    };
    let calendar_choice = move |choice: Calendar, label: Text| {
        let input_id = format!("{id}-calendar-{}", choice.code());
        view! {
            <div class="choice">
                <input
                    class="choice__input"
                    type="radio"
                    id=input_id.clone()
                    name=format!("{id}-calendar")
                    prop:checked=move || calendar() == choice
                    on:change=move |_| value.update(|v| v.calendar = choice)
                />
                <label class="choice__label" for=input_id>{t(label)}</label>
            </div>
        }
    };
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <fieldset
                class="fieldset"
                aria-describedby=move || described_by(id, true, error().is_some())
            >
                {if heading {
                    view! {
                        <legend class="fieldset__legend fieldset__legend--page">
                            <h1 id="page-title" tabindex="-1">{t(legend)}</h1>
                        </legend>
                    }
                        .into_any()
                } else {
                    view! { <legend class="fieldset__legend">{t(legend)}</legend> }.into_any()
                }}
                <p id=format!("{id}-hint") class="hint">
                    {hint.map(|hint| view! { {t(hint)} " " })}
                    {example}
                </p>
                {move || error().map(|message| view! { <InlineError id=id message=message /> })}
                <fieldset class="fieldset fieldset--nested">
                    <legend class="fieldset__legend fieldset__legend--small">{t(|t| t.forms.calendar)}</legend>
                    <div class="choices choices--inline">
                        {calendar_choice(Calendar::Hijri, |t| t.forms.hijri)}
                        {calendar_choice(Calendar::Gregorian, |t| t.forms.gregorian)}
                    </div>
                </fieldset>
                <div class="date-field">
                    {part("day", |t| t.forms.day, |v| v.day.clone(), |v, s| v.day = s, "input--2")}
                    {part("month", |t| t.forms.month, |v| v.month.clone(), |v, s| v.month = s, "input--2")}
                    {part("year", |t| t.forms.year, |v| v.year.clone(), |v, s| v.year = s, "input--4")}
                </div>
                <p class="hint date-field__equivalent">{equivalent}</p>
                // Always in the page, so that screen readers announce the note when it
                // appears; polite, because it is information and not an error.
                <p id=format!("{id}-moved") class="hint date-field__note" role="status">
                    {note}
                </p>
            </fieldset>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hijri(day: &str, month: &str, year: &str) -> DateInput {
        DateInput {
            calendar: Calendar::Hijri,
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    #[test]
    fn a_hijri_30th_of_a_29_day_month_is_the_1st_of_the_next() -> Result<(), DateError> {
        let today = Date::new(2026, 11, 27)?;
        // Safar 1400 has 29 days in our table (30 in another).
        let typed = hijri("٣٠", "٢", "١٤٠٠");
        assert_eq!(
            typed.birth_date(today),
            Ok(BirthDate::Hijri(HijriDate::new(1400, 3, 1)?))
        );
        assert_eq!(typed.moved_to(), Some(HijriDate::new(1400, 3, 1)?));
        // A 30th that exists is not moved; a 31st is still refused.
        assert_eq!(hijri("30", "4", "1448").moved_to(), None);
        assert_eq!(
            hijri("31", "2", "1400").birth_date(today),
            Err(DateInputError::NoSuchDay)
        );
        let gregorian = DateInput {
            calendar: Calendar::Gregorian,
            ..hijri("30", "2", "1990")
        };
        assert_eq!(gregorian.moved_to(), None);
        Ok(())
    }
}
