//! Payment cycles: the number of a month's payment and the day it is paid.
//!
//! Rule (rules-spec.md, "payment_cycle"; domain.md, "Payments"): December 2017 is payment 1,
//! one per month since, so the number of a Gregorian year-month is
//! (year - 2017) * 12 + month - 11; there is no payment before December 2017
//! (`before_program_start`). Support is paid on the 10th; when the 10th is a Friday it is paid
//! on Thursday the 9th, and when it is a Saturday on Sunday the 11th [assumed: Friday 10
//! October 2025 was paid on Thursday 9 October]. A month outside 1-12 is `bad_month` and a
//! year past 9999 `out_of_range` (additions to the spec).
//!
//! The next payment seen on a given day is this month's when its (moved) day is today or
//! later, else next month's; before December 2017 it is payment 1 (an addition to the spec,
//! for the account home).
//!
//! A change to what is paid (a bank account, the household) accepted on or before the 10th of
//! a month applies from the next month's payment; accepted after the 10th, from the payment
//! after that (domain.md, "Objections": "accepted after the 10th of a month takes effect in
//! the cycle after next"; applied to every change [assumed]).

use serde::{Deserialize, Serialize};

use crate::dates::{Date, DateError, Weekday};

/// The first payment's year and month.
pub const FIRST_PAYMENT: (i32, u8) = (2017, 12);

/// Why a cycle cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CycleError {
    BeforeProgramStart,
    BadMonth,
    OutOfRange,
}

crate::error_codes!(CycleError {
    BeforeProgramStart => "before_program_start", "there was no payment before December 2017 (payment 1)";
    BadMonth => "bad_month", "a month is 1-12";
    OutOfRange => "out_of_range", "the year is past 9999";
});

/// The payment number of a Gregorian year-month (December 2017 is 1).
pub fn number(year: i32, month: u8) -> Result<u32, CycleError> {
    if !(1..=12).contains(&month) {
        return Err(CycleError::BadMonth);
    }
    if (year, month) < FIRST_PAYMENT {
        return Err(CycleError::BeforeProgramStart);
    }
    if year > 9999 {
        return Err(CycleError::OutOfRange);
    }
    let months = (i64::from(year) - 2017) * 12 + i64::from(month) - 11;
    u32::try_from(months).map_err(|_| CycleError::OutOfRange)
}

/// The year and month of payment `number` (>= 1).
pub fn year_month(number: u32) -> Result<(i32, u8), CycleError> {
    if number == 0 {
        return Err(CycleError::BeforeProgramStart);
    }
    // Months since January 2017 (0-based): payment 1 is month index 11.
    let index = i64::from(number) + 10;
    let year = 2017 + index / 12;
    let month = u8::try_from(index % 12 + 1).map_err(|_| CycleError::OutOfRange)?;
    let year = i32::try_from(year).map_err(|_| CycleError::OutOfRange)?;
    if year > 9999 {
        return Err(CycleError::OutOfRange);
    }
    Ok((year, month))
}

/// The day the payment of `year`-`month` is made.
pub fn payment_date(year: i32, month: u8) -> Result<Date, CycleError> {
    number(year, month)?;
    let tenth = Date::new(year, month, 10).map_err(|error| match error {
        DateError::BadDate => CycleError::BadMonth,
        DateError::OutOfRange => CycleError::OutOfRange,
    })?;
    let shift = match tenth.weekday() {
        Weekday::Friday => -1,
        Weekday::Saturday => 1,
        _ => 0,
    };
    tenth.add_days(shift).map_err(|_| CycleError::OutOfRange)
}

/// The next payment as seen on some day: its number, its date and the days until it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NextPayment {
    pub number: u32,
    pub date: Date,
    /// 0 on the payment day itself.
    pub days_until: u32,
}

/// The next payment on or after `today`: this month's when its day (after the weekend move)
/// has not passed, else next month's. A payment moved back to Thursday the 9th has passed on
/// the 10th, and one moved on to Sunday the 11th is still to come.
pub fn next_payment(today: Date) -> Result<NextPayment, CycleError> {
    let (mut year, mut month) = if (today.year(), today.month()) < FIRST_PAYMENT {
        FIRST_PAYMENT
    } else {
        (today.year(), today.month())
    };
    let mut date = payment_date(year, month)?;
    if date < today {
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
        date = payment_date(year, month)?;
    }
    let days = today.days_until(date).map_err(|_| CycleError::OutOfRange)?;
    Ok(NextPayment {
        number: number(year, month)?,
        date,
        days_until: u32::try_from(days).map_err(|_| CycleError::OutOfRange)?,
    })
}

/// The day of the month after which a change misses the next month's payment.
pub const CHANGE_CUTOFF_DAY: u8 = 10;

/// The first payment a change accepted on `accepted_on` applies to: next month's when
/// accepted on or before the 10th, else the month after. Before the program's start it is
/// payment 1.
pub fn first_cycle_for_change(accepted_on: Date) -> Result<NextPayment, CycleError> {
    let months_ahead = if accepted_on.day() <= CHANGE_CUTOFF_DAY {
        1
    } else {
        2
    };
    let (mut year, mut month) = (accepted_on.year(), accepted_on.month());
    for _ in 0..months_ahead {
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    if (year, month) < FIRST_PAYMENT {
        (year, month) = FIRST_PAYMENT;
    }
    let date = payment_date(year, month)?;
    let days = accepted_on
        .days_until(date)
        .map_err(|_| CycleError::OutOfRange)?;
    Ok(NextPayment {
        number: number(year, month)?,
        date,
        days_until: u32::try_from(days).map_err(|_| CycleError::OutOfRange)?,
    })
}
