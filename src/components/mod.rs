//! Pieces used by more than one page: the design system's components and the shell.

pub mod accessibility_tools;
pub mod back_link;
pub mod button;
pub mod choice;
pub mod date_field;
pub mod error_summary;
pub mod form;
pub mod idle_warning;
pub mod language_switch;
pub mod loading;
pub mod notice;
pub mod offline_banner;
pub mod page;
pub mod print_button;
pub mod shell;
pub mod sms_code;
pub mod summary_list;
pub mod text_area;
pub mod text_field;
pub mod update_notice;
