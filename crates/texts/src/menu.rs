//! The account menu, which the site's header shows to someone signed in: in the root table,
//! because the header is drawn by the main module on every page (the account area's own words
//! travel with its code, see [`crate::Part`]).

use text_table::TextTable;

#[derive(TextTable)]
pub struct AccountMenuTexts {
    /// The menu's accessible name.
    pub label: &'static str,
    pub eligibility: &'static str,
    pub payments: &'static str,
    pub objections: &'static str,
    pub voice: &'static str,
    pub bank: &'static str,
    pub household: &'static str,
    pub sign_out: &'static str,
}

pub const AR: AccountMenuTexts = AccountMenuTexts {
    label: "قائمة حسابي",
    eligibility: "الأهلية",
    payments: "المدفوعات المالية",
    objections: "اعتراضاتي",
    voice: "صوتك مسموع",
    bank: "الحساب البنكي",
    household: "تحديث البيانات",
    sign_out: "تسجيل الخروج",
};

pub const EN: AccountMenuTexts = AccountMenuTexts {
    label: "My account menu",
    eligibility: "Eligibility",
    payments: "Financial payments",
    objections: "My objections",
    voice: "Your Voice Is Heard",
    bank: "Bank account",
    household: "Update your details",
    sign_out: "Log out",
};
