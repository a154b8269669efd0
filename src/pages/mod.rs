//! One file per page; every URL is listed in `crate::area_pages`.

pub mod about;
pub mod account;
pub mod check;
pub mod contact;
pub mod estimate;
pub mod home;
pub mod login;
pub mod login_reset;
pub mod login_verify;
pub mod not_found;
