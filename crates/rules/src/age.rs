//! Age: whole years completed on the assessment date.
//!
//! Rule (rules-spec.md, "age"; domain.md, "Eligibility in practice", assumed): the calendar
//! that decides "18 years" is not published, so years are counted in the calendar the birth
//! date is recorded in (citizens' records carry a Hijri date, residents' a Gregorian one).
//! - Gregorian: years = date.year - birth.year, minus 1 when (month, day) of the date comes
//!   before the birthday; so a birthday of 29 February is reached on 1 March in a non-leap
//!   year.
//! - Hijri: convert the date to Umm al-Qura (d); years = d.year - birth.year, minus 1 when
//!   (d.month, d.day) < (birth.month, birth.day); so a birthday on the 30th of a month is
//!   reached on the 1st of the next month when this year's month has 29 days.
//! - A recorded Hijri birth date on the 30th of a month our Umm al-Qura table gives 29 days
//!   is counted as the 1st of the next month [assumed, domain.md: the tables disagree by a
//!   day on many months before 1420 AH, and an ID card's date must not lock a person out];
//!   [`BirthDate::read_fields`] says when that happened, so the app can tell the person.
//!
//! Errors, in this order: `two_birth_dates`, `no_birth_date`, `bad_date` (no such day in
//! that calendar), `out_of_range`, `birth_in_future`.

use serde::{Deserialize, Serialize};

use crate::dates::{Date, DateError, HijriDate};

/// A birth date, in the calendar it is recorded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BirthDate {
    Gregorian(Date),
    Hijri(HijriDate),
}

/// Why an age cannot be computed, with the spec's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeError {
    TwoBirthDates,
    NoBirthDate,
    BadDate,
    OutOfRange,
    BirthInFuture,
}

crate::error_codes!(AgeError {
    TwoBirthDates => "two_birth_dates", "both a Gregorian and a Hijri birth date were given";
    NoBirthDate => "no_birth_date", "no birth date was given";
    BadDate => "bad_date", "the birth date is not YYYY-MM-DD or no such day exists in its calendar";
    OutOfRange => "out_of_range", "the date is outside the supported years";
    BirthInFuture => "birth_in_future", "the birth date is after the assessment date";
});

impl From<DateError> for AgeError {
    fn from(error: DateError) -> Self {
        match error {
            DateError::BadDate => AgeError::BadDate,
            DateError::OutOfRange => AgeError::OutOfRange,
        }
    }
}

/// A birth date as the rules count it, and whether the recorded day had to be moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountedBirthDate {
    /// The day ages are counted from.
    pub birth: BirthDate,
    /// The recorded Hijri day was the 30th of a month our table gives 29 days, so `birth`
    /// is the 1st of the next month.
    pub moved: bool,
}

impl BirthDate {
    /// Reads the two optional typed fields `birth_date` and `birth_date_hijri`: exactly one
    /// must be given.
    pub fn from_fields(
        birth_date: Option<&str>,
        birth_date_hijri: Option<&str>,
    ) -> Result<BirthDate, AgeError> {
        Ok(BirthDate::read_fields(birth_date, birth_date_hijri)?.birth)
    }

    /// [`BirthDate::from_fields`], and whether a recorded Hijri 30th was moved to the 1st of
    /// the next month.
    pub fn read_fields(
        birth_date: Option<&str>,
        birth_date_hijri: Option<&str>,
    ) -> Result<CountedBirthDate, AgeError> {
        match (birth_date, birth_date_hijri) {
            (Some(_), Some(_)) => Err(AgeError::TwoBirthDates),
            (None, None) => Err(AgeError::NoBirthDate),
            (Some(gregorian), None) => Ok(CountedBirthDate {
                birth: BirthDate::Gregorian(Date::parse(gregorian)?),
                moved: false,
            }),
            (None, Some(hijri)) => {
                let recorded = HijriDate::parse_recorded(hijri)?;
                Ok(CountedBirthDate {
                    birth: BirthDate::Hijri(recorded.date),
                    moved: recorded.moved,
                })
            }
        }
    }
}

/// Whole years completed on `date` by someone born on `birth`.
pub fn years(birth: BirthDate, date: Date) -> Result<u32, AgeError> {
    let (now, born) = match birth {
        BirthDate::Gregorian(born) => (
            (date.year(), date.month(), date.day()),
            (born.year(), born.month(), born.day()),
        ),
        BirthDate::Hijri(born) => {
            let now = date.to_hijri()?;
            (
                (now.year(), now.month(), now.day()),
                (born.year(), born.month(), born.day()),
            )
        }
    };
    if born > now {
        return Err(AgeError::BirthInFuture);
    }
    let birthday_not_yet = (now.1, now.2) < (born.1, born.2);
    let years = now.0 - born.0 - i32::from(birthday_not_yet);
    u32::try_from(years).map_err(|_| AgeError::BirthInFuture)
}

/// [`years`] from the two optional typed fields, as the age vectors and the household give
/// them.
pub fn years_from_fields(
    birth_date: Option<&str>,
    birth_date_hijri: Option<&str>,
    date: Date,
) -> Result<u32, AgeError> {
    years(BirthDate::from_fields(birth_date, birth_date_hijri)?, date)
}
