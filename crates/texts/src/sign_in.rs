//! The words of signing in (the login page) and of any request's outcome, which every page
//! that sends one shows: a part of the table that travels with the code showing it
//! ([`crate::Part`]), apart from the account area's words so the login page carries only
//! these.

use text_table::{Blank, TextTable};

use super::Plural;

#[derive(TextTable, Blank, Clone)]
pub struct SignInTexts {
    pub id_label: &'static str,
    pub id_hint: &'static str,
    pub password_label: &'static str,
    pub login_button: &'static str,
    pub id_empty: &'static str,
    pub id_not_digits: &'static str,
    pub id_wrong_length: &'static str,
    pub id_bad_prefix: &'static str,
    pub id_bad_checksum: &'static str,
    pub password_empty: &'static str,
    pub invalid_credentials: &'static str,
    /// "Try again in {0}, at {1}."
    pub locked: &'static str,
    /// Too many codes sent to this account within the hour: "Try again in {0}, at {1}."
    pub too_many_codes: &'static str,
    /// Too many wrong logins from this network: "Try again in {0}, at {1}."
    pub too_many_requests: &'static str,
    /// The server is at its limit; no wait time is known.
    pub busy: &'static str,
    pub timeout: &'static str,
    /// A text (a path, a value) held a control character.
    pub control_character: &'static str,
    pub password_control: &'static str,
    /// On the login page after "Log out".
    pub signed_out: &'static str,
    pub session_expired: &'static str,
    pub login_to_continue: &'static str,
    pub minutes: Plural,
    pub seconds: Plural,
    pub network: &'static str,
    pub unexpected: &'static str,
    pub not_found: &'static str,
    pub retry: &'static str,
    pub loading: &'static str,
    pub sending: &'static str,
    /// The link on the log-in page.
    pub forgot_link: &'static str,
}

installed_part!(SignInTexts);

pub const AR: SignInTexts = SignInTexts {
    id_label: "رقم الهوية",
    id_hint: "رقم الهوية الوطنية أو الإقامة، 10 أرقام.",
    password_label: "كلمة المرور",
    login_button: "تسجيل الدخول",
    id_empty: "أدخل رقم الهوية",
    id_not_digits: "رقم الهوية يتكون من أرقام فقط",
    id_wrong_length: "رقم الهوية يتكون من 10 أرقام",
    id_bad_prefix: "رقم الهوية يبدأ بالرقم 1 أو 2",
    id_bad_checksum: "رقم الهوية غير صحيح، تأكد من الأرقام",
    password_empty: "أدخل كلمة المرور",
    invalid_credentials: "رقم الهوية أو كلمة المرور غير صحيحة",
    locked: "أوقفنا الدخول إلى هذا الحساب مؤقتاً بعد عدة محاولات غير صحيحة. حاول مرة أخرى بعد {0}، عند الساعة {1}.",
    too_many_codes: "أرسلنا إلى هذا الحساب رموز تحقق كثيرة خلال الساعة الأخيرة، فأوقفنا إرسال رموز جديدة مؤقتاً. حاول مرة أخرى بعد {0}، عند الساعة {1}.",
    too_many_requests: "كثرت محاولات الدخول غير الصحيحة من شبكتك، فأوقفناها مؤقتاً. حاول مرة أخرى بعد {0}، عند الساعة {1}.",
    busy: "الخدمة مشغولة الآن بطلبات كثيرة. انتظر لحظات ثم حاول مرة أخرى، وما كتبته محفوظ.",
    timeout: "استغرق طلبك وقتاً أطول من المعتاد فلم يكتمل. حاول مرة أخرى، وما كتبته محفوظ.",
    control_character: "يحتوي ما أرسلته على رمز خفي غير مسموح به. احذفه ثم حاول مرة أخرى.",
    password_control: "كلمة المرور تحتوي على رمز غير مسموح به، أعد كتابتها",
    signed_out: "سجّلت الخروج. حذفنا من هذا الجهاز ما كان محفوظاً لحسابك، مثل مسودة الاعتراض.",
    session_expired: "انتهت جلستك لعدم النشاط. سجّل الدخول مرة أخرى، وما كتبته محفوظ على هذا الجهاز.",
    login_to_continue: "سجّل الدخول للمتابعة.",
    minutes: Plural {
        zero: "أقل من دقيقة",
        one: "دقيقة واحدة",
        two: "دقيقتين",
        few: "{0} دقائق",
        many: "{0} دقيقة",
        other: "{0} دقيقة",
    },
    seconds: Plural {
        zero: "لحظات",
        one: "ثانية واحدة",
        two: "ثانيتين",
        few: "{0} ثوانٍ",
        many: "{0} ثانية",
        other: "{0} ثانية",
    },
    network: "تعذّر الاتصال بالخادم. تحقق من اتصالك بالإنترنت ثم حاول مرة أخرى، وما كتبته محفوظ.",
    unexpected: "حدث خطأ غير متوقع. حاول مرة أخرى بعد قليل.",
    not_found: "لم نجد ما طلبته.",
    retry: "إعادة المحاولة",
    loading: "جارٍ التحميل…",
    sending: "جارٍ الإرسال…",
    forgot_link: "نسيت كلمة المرور؟",
};

pub const EN: SignInTexts = SignInTexts {
    id_label: "National ID",
    id_hint: "Your national ID or iqama number, 10 digits.",
    password_label: "Password",
    login_button: "Log in",
    id_empty: "Enter your national ID",
    id_not_digits: "A national ID has digits only",
    id_wrong_length: "A national ID has 10 digits",
    id_bad_prefix: "A national ID starts with 1 or 2",
    id_bad_checksum: "This national ID is not valid: check the digits",
    password_empty: "Enter your password",
    invalid_credentials: "The national ID or the password is not right",
    locked: "Logging in to this account is paused after several wrong attempts. Try again in {0}, at {1}.",
    too_many_codes: "We have sent many verification codes to this account in the last hour, so new codes are paused. Try again in {0}, at {1}.",
    too_many_requests: "There were too many wrong login attempts from your network, so they are paused. Try again in {0}, at {1}.",
    busy: "The service is very busy right now. Wait a moment and try again; what you typed is kept.",
    timeout: "Your request took too long and did not finish. Try again; what you typed is kept.",
    control_character: "What you sent contains a hidden character that is not allowed. Remove it and try again.",
    password_control: "The password contains a character that is not allowed: type it again",
    signed_out: "You have logged out. What this device kept for your account, such as an objection draft, has been deleted.",
    session_expired: "You were signed out after a period of inactivity. Log in again; what you typed is kept on this device.",
    login_to_continue: "Log in to continue.",
    minutes: Plural {
        zero: "less than a minute",
        one: "1 minute",
        two: "{0} minutes",
        few: "{0} minutes",
        many: "{0} minutes",
        other: "{0} minutes",
    },
    seconds: Plural {
        zero: "a moment",
        one: "1 second",
        two: "{0} seconds",
        few: "{0} seconds",
        many: "{0} seconds",
        other: "{0} seconds",
    },
    network: "We could not reach the server. Check your internet connection and try again; what you typed is kept.",
    unexpected: "Something went wrong. Try again in a moment.",
    not_found: "We could not find what you asked for.",
    retry: "Try again",
    loading: "Loading…",
    sending: "Sending…",
    forgot_link: "Forgot your password?",
};
