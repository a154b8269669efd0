//! One module per resource, each with its own `router()`.

pub mod bank_account;
pub mod dev;
pub mod eligibility;
pub mod health;
pub mod household_changes;
pub mod instance;
pub mod me;
pub mod objections;
pub mod password_reset;
pub mod payments;
pub mod ready;
pub mod session;
pub mod tickets;

use wire::ObjectionWindowView;

/// The shared rule's answer, as the wire shows it.
pub fn window_view(window: rules::objection_window::Window) -> ObjectionWindowView {
    ObjectionWindowView {
        allowed: window.allowed,
        reason: window.reason.map(|reason| reason.code().to_owned()),
        deadline: Some(window.deadline.to_string()),
    }
}
