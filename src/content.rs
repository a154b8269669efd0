//! Content that changes without code: the program's contact channels and regional offices.
//! Edit the lists to add, remove or reorder; their words are in `i18n.rs` (`contact`), their
//! numbers, addresses and hours here. Source: the seed article (`shared/seed`), except where
//! marked.

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

/// A regional office: the administrative region, its main city, when it is open, and whether
/// the listing is confirmed by a source.
#[derive(Debug, Clone, Copy)]
pub struct Office {
    pub region: Text,
    pub city: Text,
    pub hours: Hours,
    /// `false`: shown with «بحاجة إلى تأكيد» / "to be confirmed".
    pub confirmed: bool,
}

/// The seed says only that regional offices open 08:00-20:00; no address is sourced. So the
/// list is the Kingdom's 13 administrative regions with their main city, every row to be
/// confirmed before it is relied on.
const fn office(region: Text, city: Text) -> Office {
    Office {
        region,
        city,
        hours: Hours::Between(8, 20),
        confirmed: false,
    }
}

/// The regional offices, in the order the page lists them.
pub const OFFICES: &[Office] = &[
    office(|t| t.contact.regions.riyadh, |t| t.contact.cities.riyadh),
    office(|t| t.contact.regions.makkah, |t| t.contact.cities.makkah),
    office(|t| t.contact.regions.madinah, |t| t.contact.cities.madinah),
    office(|t| t.contact.regions.qassim, |t| t.contact.cities.qassim),
    office(|t| t.contact.regions.eastern, |t| t.contact.cities.eastern),
    office(|t| t.contact.regions.asir, |t| t.contact.cities.asir),
    office(|t| t.contact.regions.tabuk, |t| t.contact.cities.tabuk),
    office(|t| t.contact.regions.hail, |t| t.contact.cities.hail),
    office(
        |t| t.contact.regions.northern_borders,
        |t| t.contact.cities.northern_borders,
    ),
    office(|t| t.contact.regions.jazan, |t| t.contact.cities.jazan),
    office(|t| t.contact.regions.najran, |t| t.contact.cities.najran),
    office(|t| t.contact.regions.baha, |t| t.contact.cities.baha),
    office(|t| t.contact.regions.jouf, |t| t.contact.cities.jouf),
];
