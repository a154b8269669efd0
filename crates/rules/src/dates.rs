//! Dates in the two calendars the program uses.
//!
//! Rule (rules-spec.md, "Conventions"): a date is written `YYYY-MM-DD`. A Gregorian date is
//! the proleptic Gregorian (ISO) calendar, years 0001-9999. A Hijri date is the Umm al-Qura
//! calendar of Saudi Arabia, written the same way in a field whose name ends in `_hijri`;
//! supported Hijri years are 1300-1500 (1882-11-12 to 2077-11-16). The Umm al-Qura tables
//! and the ISO arithmetic come from ICU4X `icu_calendar` (the KACST tables as published in
//! ICU4C); callers never touch ICU types. Typed Arabic-Indic digits are accepted.
//!
//! A Hijri date *as recorded* (a birth date on an ID card) is read more leniently
//! ([`HijriDate::parse_recorded`]): Umm al-Qura tables disagree by a day on many months before
//! 1420 AH (domain.md, "Eligibility in practice"), so a recorded 30th of a month our table
//! gives 29 days is taken as the 1st of the next month, and the caller is told it was moved
//! [assumed, domain.md]. Every other day that does not exist is still `bad_date`.

use core::fmt;
use core::str::FromStr;

use icu_calendar::Date as IcuDate;
use icu_calendar::cal::{Hijri, Iso, hijri::UmmAlQura};
use icu_calendar::types::Weekday as IcuWeekday;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::normalize::typed_digits;

/// The first supported Hijri year.
pub const FIRST_HIJRI_YEAR: i32 = 1300;
/// The last supported Hijri year.
pub const LAST_HIJRI_YEAR: i32 = 1500;

/// Why a date is not accepted, with the spec's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateError {
    /// Not `YYYY-MM-DD`, or no such day in that calendar.
    BadDate,
    /// A real day, but outside the supported range of that calendar.
    OutOfRange,
}

crate::error_codes!(DateError {
    BadDate => "bad_date", "not YYYY-MM-DD, or no such day in that calendar";
    OutOfRange => "out_of_range", "outside the supported years (Gregorian 0001-9999, Hijri 1300-1500)";
});

/// The calendar a date is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Calendar {
    /// Citizens' records carry a Hijri birth date. The alias reads answers the check page
    /// kept in the tab's storage before the enum moved here.
    #[default]
    #[serde(alias = "Hijri")]
    Hijri,
    #[serde(alias = "Gregorian")]
    Gregorian,
}

crate::value_codes!(Calendar {
    Hijri => "hijri",
    Gregorian => "gregorian",
});

impl Calendar {
    /// A date written in this calendar as the rules' two fields, `(birth_date,
    /// birth_date_hijri)`: the date goes in the field of its calendar.
    pub fn fields<T>(self, date: T) -> (Option<T>, Option<T>) {
        match self {
            Calendar::Hijri => (None, Some(date)),
            Calendar::Gregorian => (Some(date), None),
        }
    }
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

/// A valid Gregorian date, years 0001-9999. Orders chronologically.
///
/// Serde reads and writes it as a `"YYYY-MM-DD"` string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// A valid Umm al-Qura date, years 1300-1500. Orders chronologically.
///
/// Serde reads and writes it as a `"YYYY-MM-DD"` string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HijriDate {
    year: i32,
    month: u8,
    day: u8,
}

/// A Hijri date as recorded on a document, and the day the rules count with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RecordedHijriDate {
    /// The day counted with: the recorded day, or the 1st of the next month when `moved`.
    pub date: HijriDate,
    /// The recorded day was the 30th of a month our table gives 29 days, so `date` is the
    /// 1st of the next month; the app tells the person so.
    pub moved: bool,
}

fn umm_al_qura() -> Hijri<UmmAlQura> {
    Hijri::new_umm_al_qura()
}

impl Date {
    /// The Gregorian date `year-month-day`: `bad_date` when there is no such day,
    /// `out_of_range` when the year is outside 1-9999.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        if !(1..=9999).contains(&year) {
            return Err(DateError::OutOfRange);
        }
        IcuDate::try_new_iso(year, month, day).map_err(|_| DateError::BadDate)?;
        Ok(Date { year, month, day })
    }

    /// Built by the build script from dates it has already checked.
    pub(crate) const fn from_parts_unchecked(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// Reads `YYYY-MM-DD` (ASCII or Arabic-Indic digits).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let (year, month, day) = parse_ymd(text).ok_or(DateError::BadDate)?;
        Date::new(year, month, day)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1-12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// 1-31.
    pub fn day(self) -> u8 {
        self.day
    }

    fn icu(self) -> Result<IcuDate<Iso>, DateError> {
        IcuDate::try_new_iso(self.year, self.month, self.day).map_err(|_| DateError::BadDate)
    }

    fn from_icu(date: &IcuDate<Iso>) -> Result<Date, DateError> {
        Date::new(
            date.year().extended_year(),
            date.month().ordinal,
            date.day_of_month().0,
        )
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // A valid Date always converts; Monday is never reached in practice.
        match self.icu().map(|d| d.weekday()) {
            Ok(IcuWeekday::Monday) | Err(_) => Weekday::Monday,
            Ok(IcuWeekday::Tuesday) => Weekday::Tuesday,
            Ok(IcuWeekday::Wednesday) => Weekday::Wednesday,
            Ok(IcuWeekday::Thursday) => Weekday::Thursday,
            Ok(IcuWeekday::Friday) => Weekday::Friday,
            Ok(IcuWeekday::Saturday) => Weekday::Saturday,
            Ok(IcuWeekday::Sunday) => Weekday::Sunday,
        }
    }

    /// The date `days` later (earlier when negative); `out_of_range` past 9999-12-31.
    pub fn add_days(self, days: i32) -> Result<Date, DateError> {
        let rata_die = self.icu()?.to_rata_die().add(i64::from(days));
        Date::from_icu(&IcuDate::from_rata_die(rata_die, Iso))
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> Result<i64, DateError> {
        Ok(self.icu()?.to_rata_die().until(later.icu()?.to_rata_die()))
    }

    /// The same day in the Umm al-Qura calendar; `out_of_range` outside Hijri 1300-1500.
    pub fn to_hijri(self) -> Result<HijriDate, DateError> {
        let hijri = self.icu()?.to_calendar(umm_al_qura());
        HijriDate::new(
            hijri.year().extended_year(),
            hijri.month().ordinal,
            hijri.day_of_month().0,
        )
    }
}

impl HijriDate {
    /// The Umm al-Qura date `year-month-day`: `bad_date` when there is no such day (a 30th in
    /// a 29-day month, month 13), `out_of_range` when the year is outside 1300-1500.
    pub fn new(year: i32, month: u8, day: u8) -> Result<HijriDate, DateError> {
        if !(1..=9999).contains(&year) {
            return Err(DateError::OutOfRange);
        }
        IcuDate::try_new_hijri_with_calendar(year, month, day, umm_al_qura())
            .map_err(|_| DateError::BadDate)?;
        if !(FIRST_HIJRI_YEAR..=LAST_HIJRI_YEAR).contains(&year) {
            return Err(DateError::OutOfRange);
        }
        Ok(HijriDate { year, month, day })
    }

    /// Reads `YYYY-MM-DD` (ASCII or Arabic-Indic digits).
    pub fn parse(text: &str) -> Result<HijriDate, DateError> {
        let (year, month, day) = parse_ymd(text).ok_or(DateError::BadDate)?;
        HijriDate::new(year, month, day)
    }

    /// A recorded date: like [`HijriDate::new`], except that the 30th of a month our table
    /// gives 29 days is the 1st of the next month (Muharram of the next year after Dhu
    /// al-Hijja), with `moved` set. Another table may well give that month 30 days, and a
    /// date printed on an ID card must not lock its holder out.
    pub fn new_recorded(year: i32, month: u8, day: u8) -> Result<RecordedHijriDate, DateError> {
        match HijriDate::new(year, month, day) {
            Ok(date) => Ok(RecordedHijriDate { date, moved: false }),
            Err(DateError::BadDate) if day == 30 => {
                // The 29th must exist (so month 13 and years out of range keep their error),
                // and then the month has 29 days in our table.
                let last = HijriDate::new(year, month, 29)?;
                let date = if last.month == 12 {
                    HijriDate::new(last.year + 1, 1, 1)?
                } else {
                    HijriDate::new(last.year, last.month + 1, 1)?
                };
                Ok(RecordedHijriDate { date, moved: true })
            }
            Err(error) => Err(error),
        }
    }

    /// Reads a recorded `YYYY-MM-DD` (ASCII or Arabic-Indic digits): see
    /// [`HijriDate::new_recorded`].
    pub fn parse_recorded(text: &str) -> Result<RecordedHijriDate, DateError> {
        let (year, month, day) = parse_ymd(text).ok_or(DateError::BadDate)?;
        HijriDate::new_recorded(year, month, day)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1-12 (Muharram = 1).
    pub fn month(self) -> u8 {
        self.month
    }

    /// 1-30.
    pub fn day(self) -> u8 {
        self.day
    }

    /// 29 or 30: the length of this date's month.
    pub fn days_in_month(self) -> u8 {
        IcuDate::try_new_hijri_with_calendar(self.year, self.month, self.day, umm_al_qura())
            .map_or(30, |d| d.days_in_month())
    }

    /// The same day in the Gregorian calendar.
    pub fn to_gregorian(self) -> Result<Date, DateError> {
        let hijri =
            IcuDate::try_new_hijri_with_calendar(self.year, self.month, self.day, umm_al_qura())
                .map_err(|_| DateError::BadDate)?;
        Date::from_icu(&hijri.to_calendar(Iso))
    }
}

/// Splits `YYYY-MM-DD` (after normalising typed digits) into numbers; `None` when the shape
/// is wrong.
fn parse_ymd(text: &str) -> Option<(i32, u8, u8)> {
    let text = typed_digits(text);
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let number = |range: core::ops::Range<usize>| -> Option<u32> {
        let part = bytes.get(range)?;
        part.iter().try_fold(0u32, |acc, b| {
            b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    let month = u8::try_from(number(5..7)?).ok()?;
    let day = u8::try_from(number(8..10)?).ok()?;
    Some((year, month, day))
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for HijriDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s)
    }
}

impl FromStr for HijriDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        HijriDate::parse(s)
    }
}

macro_rules! serde_as_string {
    ($ty:ident) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                $ty::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    };
}
serde_as_string!(Date);
serde_as_string!(HijriDate);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways() -> Result<(), DateError> {
        let date = Date::new(2026, 11, 27)?;
        let hijri = date.to_hijri()?;
        assert_eq!(hijri.to_gregorian()?, date);
        assert_eq!(
            HijriDate::new(1300, 1, 1)?.to_gregorian()?,
            Date::new(1882, 11, 12)?
        );
        assert_eq!(Date::new(2025, 10, 10)?.weekday(), Weekday::Friday);
        assert_eq!(
            Date::new(2024, 2, 28)?.add_days(1)?,
            Date::new(2024, 2, 29)?
        );
        assert_eq!(
            Date::new(9999, 12, 31)?.add_days(1),
            Err(DateError::OutOfRange)
        );
        assert_eq!(Date::parse("2023-02-29"), Err(DateError::BadDate));
        assert_eq!(Date::parse("٢٠٢٤-٠٢-٢٩")?, Date::new(2024, 2, 29)?);
        Ok(())
    }

    #[test]
    fn a_recorded_30th_of_a_29_day_month_is_the_1st_of_the_next() -> Result<(), DateError> {
        // Rabi al-Awwal 1448 has 29 days; Rabi al-Akhir 1448 has 30.
        assert_eq!(HijriDate::parse("1448-03-30"), Err(DateError::BadDate));
        let moved = HijriDate::parse_recorded("1448-03-30")?;
        assert_eq!(moved.date, HijriDate::new(1448, 4, 1)?);
        assert!(moved.moved);
        let kept = HijriDate::parse_recorded("1448-04-30")?;
        assert_eq!(kept.date, HijriDate::new(1448, 4, 30)?);
        assert!(!kept.moved);
        // Dhu al-Hijja 1419 has 29 days in our table.
        assert_eq!(
            HijriDate::parse_recorded("1419-12-30")?.date,
            HijriDate::new(1420, 1, 1)?
        );
        assert_eq!(
            HijriDate::parse_recorded("1448-03-31"),
            Err(DateError::BadDate)
        );
        assert_eq!(
            HijriDate::parse_recorded("1448-13-30"),
            Err(DateError::BadDate)
        );
        assert_eq!(
            HijriDate::parse_recorded("1299-12-30"),
            Err(DateError::OutOfRange)
        );
        Ok(())
    }
}
