//! Every word the app shows, in Arabic (first) and English, in one place.
//!
//! Each language is a value of [`Texts`]: a missing translation is a missing field, which the
//! compiler refuses, so the keys are checked at build time and no lookup can fail at run
//! time. A plain struct costs the phone only the strings themselves: measured for issue #6,
//! the 568 strings of both languages are 26.9 KB raw, 6.8 KB brotli, plus a pointer table
//! that compresses to almost nothing; leptos_i18n 0.6 would ship the same strings plus its
//! runtime and one generated accessor per key (estimated, not measured: see the report).
//!
//! Sentences with a number use `{0}`, `{1}`, ... filled by [`fill`]; counted nouns use
//! [`Plural`], which has Arabic's six forms.
//!
//! This crate is the words alone, with no web framework: the app (`src/i18n.rs`) shows them,
//! and the `text-pack` binary writes the English table as the file the app fetches
//! ([`pack`]), which builds in seconds.

/// The words of the installable parts: `installed_part!(Table)` in a table's module gives it
/// `install()`, which the code showing the table calls, and `installed()`, the Arabic
/// table's way to it (see [`Part`]).
macro_rules! installed_part {
    ($table:ident) => {
        static INSTALLED: std::sync::OnceLock<&'static $table> = std::sync::OnceLock::new();

        /// Makes this table's Arabic words part of [`crate::AR`]; the code that shows them
        /// calls it first (see [`crate::Part`]).
        pub fn install() {
            let _ = INSTALLED.set(&AR);
        }

        pub(crate) fn installed() -> &'static $table {
            INSTALLED
                .get()
                .copied()
                .unwrap_or(&<$table as crate::Blank>::BLANK)
        }
    };
}

pub mod about;
pub mod account;
pub mod bank;
pub mod check;
pub mod contact;
pub mod dates;
pub mod estimate;
pub mod household;
pub mod menu;
pub mod pack;
pub mod pwa;
pub mod reset;
pub mod sign_in;

use std::ops::Deref;

use text_table::{Blank, TextTable};

/// Makes every part of the Arabic table whole: for builds that are not split into chunks
/// (tests, native code), where no chunk installs its own.
pub fn install_all() {
    about::install();
    contact::install();
    dates::install();
    account::install();
    sign_in::install();
    bank::install();
    check::install();
    estimate::install();
    household::install();
    reset::install();
}

/// A table whose Arabic words travel with the code that shows them, not with every page
/// (issue #11). The Arabic table reaches such a table only through a function that reads
/// what that code installed (`install()` in the table's module), so the wasm splitter puts
/// the words in the chunk that installs them, and the main module, which every page
/// downloads, carries none of them. Until installed the table reads as blank, never a
/// crash (see [`NOT_INSTALLED`]). English, read from its pack, holds its parts itself.
#[derive(Clone, Copy)]
pub enum Part<T: 'static> {
    /// The Arabic table's part: what the code showing it has installed.
    Installed(fn() -> &'static T),
    /// A table at hand: English, compiled in or read from its pack.
    Here(&'static T),
}

impl<T> Deref for Part<T> {
    type Target = T;

    fn deref(&self) -> &T {
        match *self {
            Part::Installed(installed) => installed(),
            Part::Here(table) => table,
        }
    }
}

impl<T: TextTable + Clone> TextTable for Part<T> {
    /// Walks a copy, which then becomes the part: reading a pack fills it in.
    fn each_text(&mut self, visit: &mut dyn TextVisitor) {
        let mut table = (**self).clone();
        table.each_text(visit);
        *self = Part::Here(Box::leak(Box::new(table)));
    }
}

/// A table with every text [`NOT_INSTALLED`]: what a [`Part`] reads as before it is
/// installed.
pub trait Blank {
    const BLANK: Self;
}

/// A text of a [`Part`] not installed: an invisible separator (U+2063), so the page shows
/// nothing in its place, and the end-to-end tests, which look for it on every page they
/// check (tests/e2e/words.ts), find a page that shows a part its code did not install.
pub const NOT_INSTALLED: &str = "\u{2063}";

impl Blank for &'static str {
    const BLANK: Self = NOT_INSTALLED;
}

impl Blank for &'static [&'static str] {
    const BLANK: Self = &[];
}

impl<const N: usize> Blank for [&'static str; N] {
    const BLANK: Self = [""; N];
}

/// A translation table, walked text by text in declaration order (`#[derive(TextTable)]`,
/// crates/text-table): how the English table is written to its text pack and read back.
pub trait TextTable {
    fn each_text(&mut self, visit: &mut dyn TextVisitor);
}

/// What walks a [`TextTable`]: a single text, or a list whose length a pack may change.
pub trait TextVisitor {
    fn text(&mut self, text: &mut &'static str);
    fn list(&mut self, list: &mut &'static [&'static str]);
}

impl TextTable for &'static str {
    fn each_text(&mut self, visit: &mut dyn TextVisitor) {
        visit.text(self);
    }
}

impl TextTable for &'static [&'static str] {
    fn each_text(&mut self, visit: &mut dyn TextVisitor) {
        visit.list(self);
    }
}

impl<const N: usize> TextTable for [&'static str; N] {
    fn each_text(&mut self, visit: &mut dyn TextVisitor) {
        for text in self {
            visit.text(text);
        }
    }
}
/// Puts `values` in place of `{0}`, `{1}`, ... in `template`.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let index = after
            .find('}')
            .and_then(|end| after[..end].parse::<usize>().ok().map(|i| (i, end)));
        match index.and_then(|(i, end)| values.get(i).map(|v| (v, end))) {
            Some((value, end)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
/// A counted noun in every plural form a language needs; `{0}` is the number. English uses
/// `zero`, `one` and `other` and repeats `other` in the rest.
#[derive(TextTable, Blank, Clone, Copy, Debug)]
pub struct Plural {
    pub zero: &'static str,
    pub one: &'static str,
    pub two: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// The form for `n`, after the CLDR rules for Arabic (which also serve English with the
    /// forms above): 0 zero, 1 one, 2 two, 3-10 few, 11-99 many (by the last two digits).
    pub fn form(&self, n: u64) -> &'static str {
        match (n, n % 100) {
            (0, _) => self.zero,
            (1, _) => self.one,
            (2, _) => self.two,
            (_, 3..=10) => self.few,
            (_, 11..=99) => self.many,
            _ => self.other,
        }
    }
}

#[derive(TextTable)]
pub struct Texts {
    pub program_name: &'static str,
    pub portal_name: &'static str,
    pub skip_to_content: &'static str,
    /// The switch's label is written in the language it switches to.
    pub switch_language: &'static str,
    pub switch_language_hint: &'static str,
    /// When the other language could not be loaded (English is fetched: offline on a first
    /// visit it may not be), written, like the switch, in that language.
    pub switch_language_failed: &'static str,
    pub main_navigation: &'static str,
    pub nav_home: &'static str,
    pub nav_check: &'static str,
    pub nav_estimate: &'static str,
    pub nav_contact: &'static str,
    pub nav_about: &'static str,
    pub nav_login: &'static str,
    pub nav_account: &'static str,
    pub home_title: &'static str,
    pub home_lead: &'static str,
    pub check_title: &'static str,
    pub check_lead: &'static str,
    pub estimate_title: &'static str,
    pub estimate_lead: &'static str,
    pub contact_title: &'static str,
    pub contact_lead: &'static str,
    pub about_title: &'static str,
    pub about_lead: &'static str,
    pub login_title: &'static str,
    pub login_lead: &'static str,
    pub account_title: &'static str,
    pub account_lead: &'static str,
    pub eligibility_title: &'static str,
    pub eligibility_lead: &'static str,
    pub payments_title: &'static str,
    pub payments_lead: &'static str,
    pub objections_title: &'static str,
    pub objections_lead: &'static str,
    pub not_found_title: &'static str,
    pub not_found_lead: &'static str,
    pub not_found_home_link: &'static str,
    /// A page whose code did not load (offline, or the portal was just updated).
    pub chunk_failed_title: &'static str,
    pub chunk_failed_lead: &'static str,
    pub chunk_retry: &'static str,
    pub coming_soon: &'static str,
    pub footer_note: &'static str,
    /// Said in the footer and on the about page when the server runs in demo mode.
    pub instance_demo: &'static str,
    /// "This copy is operated by {0}": the operator's name from the server's settings.
    pub instance_operator: &'static str,
    /// The button that opens the browser's print dialog.
    pub print: &'static str,
    pub forms: FormTexts,
    pub tools: ToolTexts,
    pub home: HomeTexts,
    pub about: Part<about::AboutTexts>,
    pub contact: Part<contact::ContactTexts>,
    pub estimate: Part<estimate::EstimateTexts>,
    pub check: Part<check::CheckTexts>,
    pub sign_in: Part<sign_in::SignInTexts>,
    pub account: Part<account::AccountTexts>,
    pub dates: Part<dates::DateTexts>,
    pub reset: Part<reset::ResetTexts>,
    pub bank: Part<bank::BankTexts>,
    pub household: Part<household::HouseholdTexts>,
    pub account_menu: menu::AccountMenuTexts,
    pub pwa: pwa::PwaTexts,
}

/// Words every form shares.
#[derive(TextTable)]
pub struct FormTexts {
    pub continue_button: &'static str,
    pub back: &'static str,
    pub change: &'static str,
    pub remove: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    /// Before an inline error, for screen readers, and before the page title.
    pub error_prefix: &'static str,
    pub error_summary_title: &'static str,
    pub calendar: &'static str,
    pub hijri: &'static str,
    pub gregorian: &'static str,
    pub day: &'static str,
    pub month: &'static str,
    pub year: &'static str,
    pub date_hint_hijri: &'static str,
    pub date_hint_gregorian: &'static str,
    /// "That is {0}": the same day in the other calendar.
    pub date_equivalent: &'static str,
    pub date_missing: &'static str,
    pub date_incomplete: &'static str,
    pub date_not_numbers: &'static str,
    pub date_year_digits: &'static str,
    pub date_no_such_day: &'static str,
    pub date_out_of_range_hijri: &'static str,
    pub date_out_of_range_gregorian: &'static str,
    pub date_in_future: &'static str,
    /// The Hijri era mark after a date typed in that calendar.
    pub hijri_suffix: &'static str,
    /// Between the items of a list in a sentence.
    pub separator: &'static str,
    pub years: Plural,
}

/// The footer's accessibility tools.
#[derive(TextTable)]
pub struct ToolTexts {
    pub title: &'static str,
    pub larger: &'static str,
    pub smaller: &'static str,
    pub high_contrast: &'static str,
}

#[derive(TextTable)]
pub struct HomeTexts {
    pub what_title: &'static str,
    pub what_body: &'static str,
    pub paid_when: &'static str,
    pub start_title: &'static str,
    pub check_hint: &'static str,
    pub estimate_hint: &'static str,
    pub login_hint: &'static str,
    pub contact_hint: &'static str,
    pub about_hint: &'static str,
}

pub const AR: Texts = Texts {
    program_name: "حساب المواطن",
    portal_name: "بوابة المستفيد",
    skip_to_content: "انتقل إلى المحتوى الرئيسي",
    switch_language: "English",
    switch_language_hint: "Switch the site to English",
    switch_language_failed: "The site could not be loaded in English. Check your internet connection and try again.",
    main_navigation: "القائمة الرئيسية",
    nav_home: "الرئيسية",
    nav_check: "تحقق من الأهلية",
    nav_estimate: "احسب الدعم التقديري",
    nav_contact: "تواصل معنا",
    nav_about: "عن البرنامج",
    nav_login: "تسجيل الدخول",
    nav_account: "حسابي",
    home_title: "حساب المواطن",
    home_lead: "اطّلع على أهليتك ومدفوعاتك المالية الشهرية، وقدّم اعتراضك وتابعه، وتواصل مع خدمة العملاء من مكان واحد.",
    check_title: "تحقق من الأهلية",
    check_lead: "أجب عن أسئلة قصيرة لتعرف مبدئياً هل تنطبق عليك شروط الاستحقاق، دون تسجيل دخول ودون اتصال بالإنترنت.",
    estimate_title: "احسب الدعم التقديري",
    estimate_lead: "أدخل أفراد أسرتك ودخلها الشهري لتعرف المبلغ التقديري للدعم. المبلغ تقديري، وليس مبلغاً رسمياً.",
    contact_title: "تواصل معنا",
    contact_lead: "خدمة العملاء على الرقم المجاني 19911، والرقم الموحد 19912، وخدمة «صوتك مسموع» على مدار الساعة.",
    about_title: "عن البرنامج",
    about_lead: "حساب المواطن برنامج دعم نقدي يصرف شهرياً للأسر المستحقة في حساباتها البنكية.",
    login_title: "تسجيل الدخول",
    login_lead: "سجّل الدخول برقم الهوية وكلمة المرور ورمز التحقق.",
    account_title: "حسابي",
    account_lead: "حالة الأهلية وآخر دفعة والاعتراضات تحت الدراسة.",
    eligibility_title: "الأهلية",
    eligibility_lead: "نتيجة الاستعلام عن الأهلية: حالتك وحالة كل تابع، مع الأسباب.",
    payments_title: "المدفوعات المالية",
    payments_lead: "مدفوعاتك المالية الشهرية: رقم كل دفعة وتاريخها ومبلغها وحالتها.",
    objections_title: "اعتراضاتي",
    objections_lead: "اعتراضاتك وحالة كل منها.",
    not_found_title: "الصفحة غير موجودة",
    not_found_lead: "لم نجد الصفحة التي طلبتها. تأكد من العنوان، أو ارجع إلى الصفحة الرئيسية.",
    not_found_home_link: "العودة إلى الصفحة الرئيسية",
    chunk_failed_title: "تعذّر تحميل هذا الجزء من البوابة",
    chunk_failed_lead: "لم يصل جزء تحتاجه هذه الصفحة، فقد يكون الاتصال بالإنترنت منقطعًا أو حُدّثت البوابة للتو. تحقق من اتصالك ثم أعد المحاولة.",
    chunk_retry: "إعادة المحاولة",
    coming_soon: "هذه الخدمة قيد الإعداد.",
    footer_note: "بوابة مفتوحة المصدر للمستفيدين من حساب المواطن.",
    instance_demo: "هذه نسخة تجريبية للعرض، وليست البوابة الرسمية لحساب المواطن.",
    instance_operator: "تُشغّل هذه النسخة: {0}",
    print: "طباعة",
    forms: FormTexts {
        continue_button: "متابعة",
        back: "رجوع",
        change: "تغيير",
        remove: "إزالة",
        yes: "نعم",
        no: "لا",
        error_prefix: "خطأ:",
        error_summary_title: "يُرجى تصحيح ما يلي",
        calendar: "التقويم",
        hijri: "هجري",
        gregorian: "ميلادي",
        day: "اليوم",
        month: "الشهر",
        year: "السنة",
        date_hint_hijri: "مثال: 15 9 1410. يمكنك الكتابة بالأرقام الإنجليزية أو العربية.",
        date_hint_gregorian: "مثال: 27 3 1990. يمكنك الكتابة بالأرقام الإنجليزية أو العربية.",
        date_equivalent: "يوافق {0}",
        date_missing: "أدخل تاريخ الميلاد",
        date_incomplete: "يجب أن يتضمن التاريخ اليوم والشهر والسنة",
        date_not_numbers: "اكتب التاريخ بالأرقام فقط",
        date_year_digits: "اكتب السنة بأربعة أرقام، مثل 1410",
        date_no_such_day: "هذا التاريخ غير موجود في التقويم، تأكد من اليوم والشهر",
        date_out_of_range_hijri: "أدخل سنة هجرية بين 1300 و1500",
        date_out_of_range_gregorian: "أدخل سنة ميلادية صحيحة",
        date_in_future: "يجب أن يكون تاريخ الميلاد اليوم أو قبله",
        hijri_suffix: "هـ",
        separator: "، ",
        years: Plural {
            zero: "أقل من سنة",
            one: "سنة واحدة",
            two: "سنتان",
            few: "{0} سنوات",
            many: "{0} سنة",
            other: "{0} سنة",
        },
    },
    tools: ToolTexts {
        title: "أدوات سهولة الوصول",
        larger: "تكبير الخط",
        smaller: "تصغير الخط",
        high_contrast: "تباين عالٍ",
    },
    home: HomeTexts {
        what_title: "ما حساب المواطن؟",
        what_body: "برنامج حكومي يودع دعماً نقدياً شهرياً في الحساب البنكي لرب الأسرة أو الفرد المستقل المؤهل، ويُحدَّد مبلغه بحسب عدد أفراد الأسرة ودخلها الشهري.",
        paid_when: "يُصرف الدعم في اليوم العاشر من كل شهر ميلادي؛ فإذا وافق العاشر يوم جمعة صُرف يوم الخميس 9، وإذا وافق يوم سبت صُرف يوم الأحد 11.",
        start_title: "ابدأ من هنا",
        check_hint: "أجب عن أسئلة قصيرة لتعرف مبدئياً هل أنت مؤهل.",
        estimate_hint: "اعرف المبلغ التقديري بحسب عدد أفراد أسرتك ودخلها.",
        login_hint: "أهليتك ومدفوعاتك المالية واعتراضاتك.",
        contact_hint: "أرقام خدمة العملاء وساعات العمل.",
        about_hint: "الشروط والفئات المستفيدة وطريقة الاعتراض.",
    },
    about: Part::Installed(about::installed),
    contact: Part::Installed(contact::installed),
    estimate: Part::Installed(estimate::installed),
    check: Part::Installed(check::installed),
    sign_in: Part::Installed(sign_in::installed),
    account: Part::Installed(account::installed),
    dates: Part::Installed(dates::installed),
    reset: Part::Installed(reset::installed),
    bank: Part::Installed(bank::installed),
    household: Part::Installed(household::installed),
    account_menu: menu::AR,
    pwa: pwa::AR,
};

pub const EN: Texts = Texts {
    program_name: "Citizen Account",
    portal_name: "Beneficiary portal",
    skip_to_content: "Skip to main content",
    switch_language: "العربية",
    switch_language_hint: "حوّل الموقع إلى العربية",
    switch_language_failed: "تعذّر تحميل الموقع باللغة الإنجليزية. تحقّق من الاتصال بالإنترنت ثم أعد المحاولة.",
    main_navigation: "Main menu",
    nav_home: "Home",
    nav_check: "Check eligibility",
    nav_estimate: "Estimate your support",
    nav_contact: "Contact us",
    nav_about: "About the program",
    nav_login: "Log in",
    nav_account: "My account",
    home_title: "Citizen Account",
    home_lead: "See your eligibility and monthly payments, file and follow an objection, and reach customer service, all in one place.",
    check_title: "Check eligibility",
    check_lead: "Answer a few short questions to see whether you are likely to meet the conditions, without logging in and without a connection.",
    estimate_title: "Estimate your support",
    estimate_lead: "Enter your household and its monthly income to see an estimate of the support. It is an estimate, not an official amount.",
    contact_title: "Contact us",
    contact_lead: "Customer service on toll-free 19911, the unified number 19912, and the \"Your Voice Is Heard\" service around the clock.",
    about_title: "About the program",
    about_lead: "The Citizen Account is a cash-support program paid monthly into the bank accounts of eligible households.",
    login_title: "Log in",
    login_lead: "Log in with your national ID, password and verification code.",
    account_title: "My account",
    account_lead: "Eligibility status, latest payment and objections under review.",
    eligibility_title: "Eligibility",
    eligibility_lead: "The result of the eligibility inquiry: yours and each dependent's, with the reasons.",
    payments_title: "Financial payments",
    payments_lead: "Your monthly payments: number, date, amount and status.",
    objections_title: "My objections",
    objections_lead: "Your objections and the status of each.",
    not_found_title: "Page not found",
    not_found_lead: "We could not find the page you asked for. Check the address, or go back to the home page.",
    not_found_home_link: "Back to the home page",
    chunk_failed_title: "This part of the portal could not be loaded",
    chunk_failed_lead: "A part this page needs did not arrive: the connection may be down, or the portal was just updated. Check your connection, then try again.",
    chunk_retry: "Try again",
    coming_soon: "This service is being prepared.",
    footer_note: "An open-source portal for Citizen Account beneficiaries.",
    instance_demo: "This is a demonstration copy, not the official Citizen Account portal.",
    instance_operator: "This copy is operated by {0}",
    print: "Print",
    forms: FormTexts {
        continue_button: "Continue",
        back: "Back",
        change: "Change",
        remove: "Remove",
        yes: "Yes",
        no: "No",
        error_prefix: "Error:",
        error_summary_title: "Please correct the following",
        calendar: "Calendar",
        hijri: "Hijri",
        gregorian: "Gregorian",
        day: "Day",
        month: "Month",
        year: "Year",
        date_hint_hijri: "For example, 15 9 1410. Arabic or English digits are both fine.",
        date_hint_gregorian: "For example, 27 3 1990. Arabic or English digits are both fine.",
        date_equivalent: "That is {0}",
        date_missing: "Enter the date of birth",
        date_incomplete: "The date must include a day, a month and a year",
        date_not_numbers: "Write the date in numbers only",
        date_year_digits: "Write the year with four digits, like 1410",
        date_no_such_day: "That day does not exist in the calendar; check the day and month",
        date_out_of_range_hijri: "Enter a Hijri year between 1300 and 1500",
        date_out_of_range_gregorian: "Enter a real Gregorian year",
        date_in_future: "The date of birth must be today or in the past",
        hijri_suffix: "AH",
        separator: ", ",
        years: Plural {
            zero: "under 1 year",
            one: "1 year",
            two: "{0} years",
            few: "{0} years",
            many: "{0} years",
            other: "{0} years",
        },
    },
    tools: ToolTexts {
        title: "Accessibility tools",
        larger: "Larger text",
        smaller: "Smaller text",
        high_contrast: "High contrast",
    },
    home: HomeTexts {
        what_title: "What is the Citizen Account?",
        what_body: "A government program that pays monthly cash support into the bank account of an eligible head of household or independent individual. The amount depends on the size of the household and its monthly income.",
        paid_when: "Support is paid on the 10th of each Gregorian month; when the 10th is a Friday it is paid on Thursday the 9th, and when it is a Saturday, on Sunday the 11th.",
        start_title: "Start here",
        check_hint: "Answer a few short questions to see whether you are likely to be eligible.",
        estimate_hint: "See an estimate for your household's size and income.",
        login_hint: "Your eligibility, payments and objections.",
        contact_hint: "Customer service numbers and opening hours.",
        about_hint: "Conditions, who benefits and how to object.",
    },
    about: Part::Here(&about::EN),
    contact: Part::Here(&contact::EN),
    estimate: Part::Here(&estimate::EN),
    check: Part::Here(&check::EN),
    sign_in: Part::Here(&sign_in::EN),
    account: Part::Here(&account::EN),
    dates: Part::Here(&dates::EN),
    reset: Part::Here(&reset::EN),
    bank: Part::Here(&bank::EN),
    household: Part::Here(&household::EN),
    account_menu: menu::EN,
    pwa: pwa::EN,
};
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_values_in_place_and_keeps_unknown_braces() {
        assert_eq!(fill("{0}: {1}", &["a", "b"]), "a: b");
        assert_eq!(fill("{0} and {0}", &["x"]), "x and x");
        assert_eq!(fill("{2} {x}", &["a"]), "{2} {x}");
    }

    #[test]
    fn arabic_plural_forms() {
        let years = &AR.forms.years;
        assert_eq!(years.form(0), "أقل من سنة");
        assert_eq!(years.form(2), "سنتان");
        assert_eq!(years.form(7), "{0} سنوات");
        assert_eq!(years.form(35), "{0} سنة");
        assert_eq!(years.form(103), "{0} سنوات");
        assert_eq!(years.form(100), "{0} سنة");
    }

    #[test]
    fn a_part_of_the_arabic_table_is_blank_until_its_code_installs_it() {
        // The reset table: no other test here installs it.
        assert_eq!(AR.reset.title, NOT_INSTALLED);
        assert_eq!(EN.reset.title, reset::EN.title);
        reset::install();
        assert_eq!(AR.reset.title, reset::AR.title);
        assert!(!AR.reset.title.is_empty());
    }

    #[test]
    fn lists_have_the_same_length_in_both_languages() {
        let (ar, en) = (about::AR, about::EN);
        assert_eq!(ar.conditions.len(), 4);
        assert_eq!(ar.categories.len(), 5);
        assert_eq!(ar.conditions.len(), en.conditions.len());
        assert_eq!(ar.categories.len(), en.categories.len());
        assert_eq!(ar.objection_steps.len(), en.objection_steps.len());
        assert_eq!(ar.inquiry_steps.len(), en.inquiry_steps.len());
    }
}
