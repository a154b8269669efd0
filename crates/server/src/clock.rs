//! The server's one reading of the clock. The rules never read it: handlers pass today's
//! date (Riyadh time, UTC+3, no daylight saving) into them. Tests move the clock forward to
//! see codes and sessions expire.

use std::{
    sync::{
        Arc,
        atomic::{AtomicI64, Ordering},
    },
    time::{SystemTime, UNIX_EPOCH},
};

const RIYADH_OFFSET_SECONDS: i64 = 3 * 3600;

#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Seconds added to the real time; only tests change it.
    offset: Arc<AtomicI64>,
}

impl Clock {
    /// Seconds since the Unix epoch, now.
    pub fn now(&self) -> i64 {
        unix_seconds() + self.offset.load(Ordering::Relaxed)
    }

    /// Moves this clock (and every clone of it) forward.
    pub fn advance(&self, seconds: i64) {
        self.offset.fetch_add(seconds, Ordering::Relaxed);
    }

    /// Today's date in Riyadh.
    pub fn today(&self) -> rules::Date {
        date_in_riyadh(self.now())
    }

    /// Now as RFC 3339 in UTC, e.g. `2026-11-27T05:01:56Z`.
    pub fn rfc3339(&self) -> String {
        rfc3339_of(self.now())
    }
}

/// `2026-11-27T17:05:09Z` for a Unix time: sorts as text in time order.
pub fn rfc3339_of(unix: i64) -> String {
    let (year, month, day) = civil_from_days(unix.div_euclid(86_400));
    let seconds = unix.rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60
    )
}

/// Seconds since the Unix epoch, by the system clock.
pub fn unix_seconds() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// The date in Riyadh at a Unix time.
pub fn date_in_riyadh(unix: i64) -> rules::Date {
    let (year, month, day) = civil_from_days((unix + RIYADH_OFFSET_SECONDS).div_euclid(86_400));
    rules::Date::new(year as i32, month as u8, day as u8)
        .expect("civil_from_days makes real dates within the rules' range")
}

/// Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_784), (2026, 11, 27));
    }

    #[test]
    fn riyadh_is_three_hours_ahead() {
        // 2026-11-26 21:00 UTC is already the 27th in Riyadh.
        let evening_utc = 20_783 * 86_400 + 21 * 3600;
        assert_eq!(date_in_riyadh(evening_utc).to_string(), "2026-11-27");
    }

    #[test]
    fn an_advanced_clock_moves_every_clone() {
        let clock = Clock::default();
        let clone = clock.clone();
        let before = clone.now();
        clock.advance(301);
        assert!(clone.now() >= before + 301);
    }
}
