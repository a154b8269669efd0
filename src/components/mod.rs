//! Pieces used by more than one page.

pub mod language_switch;
pub mod page;
pub mod shell;
