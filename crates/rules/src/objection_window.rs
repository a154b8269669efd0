//! Objection windows: whether an objection may be filed, and until when.
//!
//! Rule (rules-spec.md, "objection_window"; domain.md, "Objections"):
//! - Financial objection, on a payment: allowed when the payment is paid ("مدفوعة"), the date
//!   is on or before the deposit date + 90 days, and no objection on it is open; otherwise the
//!   first failing of `payment_not_paid`, `window_closed`, `already_open`. The deadline is the
//!   deposit date + 90 days.
//! - Eligibility objection, on a result: allowed when the result is not eligible ("غير
//!   مؤهل"), the date is on or before the result date + 90 days, and none is open; otherwise
//!   `not_ineligible`, `window_closed`, `already_open`. The deadline is the result date + 90
//!   days.
//!
//! A deadline past 9999-12-31 is the error `out_of_range`.

use serde::{Deserialize, Serialize};

use crate::dates::Date;

/// Days after the deposit or the result during which an objection may be filed.
pub const WINDOW_DAYS: i32 = 90;

/// A payment's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    /// مدفوعة
    Paid,
    /// تحت الإجراء للصرف
    BeingProcessed,
    /// لا يوجد: income above the cutoff.
    NoPayment,
    /// مرتجعة
    Returned,
}

/// Why an objection is not allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowReason {
    PaymentNotPaid,
    NotIneligible,
    WindowClosed,
    AlreadyOpen,
}

impl WindowReason {
    pub fn code(self) -> &'static str {
        match self {
            WindowReason::PaymentNotPaid => "payment_not_paid",
            WindowReason::NotIneligible => "not_ineligible",
            WindowReason::WindowClosed => "window_closed",
            WindowReason::AlreadyOpen => "already_open",
        }
    }
}

/// Whether an objection may be filed on `date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Window {
    pub allowed: bool,
    /// `None` exactly when allowed.
    pub reason: Option<WindowReason>,
    /// The last day an objection may be filed.
    pub deadline: Date,
}

/// Why a window cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowError {
    OutOfRange,
}

crate::error_codes!(WindowError {
    OutOfRange => "out_of_range", "the deadline is past 9999-12-31";
});

/// A financial objection on a payment deposited on `paid_on`.
pub fn payment(
    date: Date,
    status: PaymentStatus,
    paid_on: Date,
    open: bool,
) -> Result<Window, WindowError> {
    let deadline = deadline(paid_on)?;
    let reason = if status != PaymentStatus::Paid {
        Some(WindowReason::PaymentNotPaid)
    } else {
        common(date, deadline, open)
    };
    Ok(Window {
        allowed: reason.is_none(),
        reason,
        deadline,
    })
}

/// An eligibility objection on a result of `result_date`.
pub fn eligibility(
    date: Date,
    eligible: bool,
    result_date: Date,
    open: bool,
) -> Result<Window, WindowError> {
    let deadline = deadline(result_date)?;
    let reason = if eligible {
        Some(WindowReason::NotIneligible)
    } else {
        common(date, deadline, open)
    };
    Ok(Window {
        allowed: reason.is_none(),
        reason,
        deadline,
    })
}

fn deadline(from: Date) -> Result<Date, WindowError> {
    from.add_days(WINDOW_DAYS)
        .map_err(|_| WindowError::OutOfRange)
}

fn common(date: Date, deadline: Date, open: bool) -> Option<WindowReason> {
    if date > deadline {
        Some(WindowReason::WindowClosed)
    } else if open {
        Some(WindowReason::AlreadyOpen)
    } else {
        None
    }
}
