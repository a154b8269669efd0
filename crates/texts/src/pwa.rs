//! Words of the installable, offline app (issue #11): the "a new version is ready" notice
//! and the offline banner.

use text_table::TextTable;

#[derive(TextTable)]
pub struct PwaTexts {
    /// Said politely in a status region when a new version of the app has been downloaded.
    pub update_ready: &'static str,
    /// The button that reloads into the new version (a verbal noun, as the program's buttons).
    pub update_apply: &'static str,
    /// The banner while the phone has no connection (what was typed is kept).
    pub offline: &'static str,
}

pub const AR: PwaTexts = PwaTexts {
    update_ready: "يتوفر إصدار جديد من البوابة.",
    update_apply: "تحديث الصفحة",
    offline: "أنت غير متصل بالإنترنت. ما كتبته محفوظ على هذا الجهاز، فأرسله عند عودة الاتصال.",
};

pub const EN: PwaTexts = PwaTexts {
    update_ready: "A new version of the portal is ready.",
    update_apply: "Reload the page",
    offline: "You are offline. What you typed is kept on this device; send it when the connection is back.",
};
