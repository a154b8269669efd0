//! One module per resource, each with its own `router()`.

pub mod dev;
pub mod health;
pub mod me;
pub mod session;
