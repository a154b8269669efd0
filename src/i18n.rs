//! Every word the app shows, in Arabic (first) and English, in one place.
//!
//! Each language is a value of [`Texts`]: a missing translation is a missing field, which the
//! compiler refuses, so the keys are checked at build time and no lookup can fail at run
//! time. A plain struct costs the phone only the strings themselves.

use leptos::prelude::*;

/// The languages of the app; Arabic is the default and the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ar,
    En,
}

impl Lang {
    /// The `lang` attribute value.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    /// The `dir` attribute value.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En => "ltr",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, which the switch offers.
    pub fn other(self) -> Self {
        match self {
            Lang::Ar => Lang::En,
            Lang::En => Lang::Ar,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Ar => &AR,
            Lang::En => &EN,
        }
    }
}

/// The active language, shared through context by [`crate::App`].
#[derive(Debug, Clone, Copy)]
pub struct Locale(pub RwSignal<Lang>);

/// The active language's texts, for use inside views: `t(|t| t.home_title)`.
pub fn t(pick: fn(&'static Texts) -> &'static str) -> impl Fn() -> &'static str + Copy {
    let locale = expect_locale();
    move || pick(locale.0.get().texts())
}

pub fn expect_locale() -> Locale {
    use_context::<Locale>().unwrap_or_else(|| Locale(RwSignal::new(Lang::default())))
}

pub struct Texts {
    pub program_name: &'static str,
    pub portal_name: &'static str,
    pub skip_to_content: &'static str,
    /// The switch's label is written in the language it switches to.
    pub switch_language: &'static str,
    pub switch_language_hint: &'static str,
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
    pub coming_soon: &'static str,
    pub footer_note: &'static str,
}

pub const AR: Texts = Texts {
    program_name: "حساب المواطن",
    portal_name: "بوابة المستفيد",
    skip_to_content: "انتقل إلى المحتوى الرئيسي",
    switch_language: "English",
    switch_language_hint: "Switch the site to English",
    main_navigation: "القائمة الرئيسية",
    nav_home: "الرئيسية",
    nav_check: "تحقق من الأهلية",
    nav_estimate: "احسب الدعم التقديري",
    nav_contact: "تواصل معنا",
    nav_about: "عن البرنامج",
    nav_login: "تسجيل الدخول",
    nav_account: "حسابي",
    home_title: "حساب المواطن",
    home_lead: "اطّلع على أهليتك ودفعاتك الشهرية، وقدّم اعتراضك وتابعه، وتواصل مع خدمة العملاء من مكان واحد.",
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
    account_lead: "حالة الأهلية وآخر دفعة والاعتراضات المفتوحة.",
    eligibility_title: "الأهلية",
    eligibility_lead: "حالة أهليتك وأهلية كل تابع، مع الأسباب.",
    payments_title: "المدفوعات المالية",
    payments_lead: "دفعاتك الشهرية: رقم الدفعة وتاريخها ومبلغها وحالتها.",
    objections_title: "اعتراضاتي",
    objections_lead: "اعتراضاتك وحالة كل منها.",
    not_found_title: "الصفحة غير موجودة",
    not_found_lead: "لم نجد الصفحة التي طلبتها. تأكد من العنوان، أو عد إلى الصفحة الرئيسية.",
    not_found_home_link: "العودة إلى الصفحة الرئيسية",
    coming_soon: "هذه الخدمة قيد الإعداد.",
    footer_note: "بوابة مفتوحة المصدر للمستفيدين من حساب المواطن.",
};

pub const EN: Texts = Texts {
    program_name: "Citizen Account",
    portal_name: "Beneficiary portal",
    skip_to_content: "Skip to main content",
    switch_language: "العربية",
    switch_language_hint: "حوّل الموقع إلى العربية",
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
    account_lead: "Eligibility status, latest payment and open objections.",
    eligibility_title: "Eligibility",
    eligibility_lead: "Your eligibility and each dependent's, with the reasons.",
    payments_title: "Financial payments",
    payments_lead: "Your monthly payments: number, date, amount and status.",
    objections_title: "My objections",
    objections_lead: "Your objections and the status of each.",
    not_found_title: "Page not found",
    not_found_lead: "We could not find the page you asked for. Check the address, or go back to the home page.",
    not_found_home_link: "Back to the home page",
    coming_soon: "This service is being prepared.",
    footer_note: "An open-source portal for Citizen Account beneficiaries.",
};
