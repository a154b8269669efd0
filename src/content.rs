//! Content that changes without code: the program's contact channels. Edit the list to add,
//! remove or reorder a channel; its words are in `i18n.rs` (`contact`), its numbers, address
//! and hours here. Source: the seed article (`shared/seed`), except where marked.

use crate::i18n::Text;

/// How a channel is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// A phone number, dialled as written; shown with a `tel:` link.
    Phone(&'static str),
    /// A web address, shown as written.
    Web {
        href: &'static str,
        shown: &'static str,
    },
    /// In person.
    Visit,
}

/// When a channel answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hours {
    AroundTheClock,
    /// From one hour to another, 24-hour clock, local time.
    Between(u8, u8),
    /// Not stated.
    Unstated,
}

/// One way to reach the program.
#[derive(Debug, Clone, Copy)]
pub struct Channel {
    pub name: Text,
    pub detail: Text,
    pub reach: Reach,
    pub hours: Hours,
    pub toll_free: bool,
}

/// The channels, in the order the page lists them.
pub const CHANNELS: &[Channel] = &[
    Channel {
        name: |t| t.contact.customer_service,
        detail: |t| t.contact.customer_service_detail,
        reach: Reach::Phone("19911"),
        hours: Hours::Unstated,
        toll_free: true,
    },
    Channel {
        name: |t| t.contact.unified,
        detail: |t| t.contact.unified_detail,
        reach: Reach::Phone("19912"),
        hours: Hours::Unstated,
        toll_free: true,
    },
    Channel {
        name: |t| t.contact.voice,
        detail: |t| t.contact.voice_detail,
        // [soft] the seed names the service, not its address: it is reached from the website.
        reach: Reach::Web {
            href: "https://portal.ca.gov.sa/",
            shown: "portal.ca.gov.sa",
        },
        hours: Hours::AroundTheClock,
        toll_free: false,
    },
    Channel {
        name: |t| t.contact.website,
        detail: |t| t.contact.website_detail,
        // [soft] the seed names the website without its address.
        reach: Reach::Web {
            href: "https://www.ca.gov.sa/",
            shown: "ca.gov.sa",
        },
        hours: Hours::Unstated,
        toll_free: false,
    },
    Channel {
        name: |t| t.contact.x_account,
        detail: |t| t.contact.x_account_detail,
        // [soft] the seed names the official account without its handle; check before release.
        reach: Reach::Web {
            href: "https://x.com/CA_Support",
            shown: "@CA_Support",
        },
        hours: Hours::Unstated,
        toll_free: false,
    },
    Channel {
        name: |t| t.contact.offices,
        detail: |t| t.contact.offices_detail,
        reach: Reach::Visit,
        hours: Hours::Between(8, 20),
        toll_free: false,
    },
];
