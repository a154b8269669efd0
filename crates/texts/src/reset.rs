//! Words of "نسيت كلمة المرور؟" (`/login/reset`, issue #13): the program's own name for it is
//! «استعادة كلمة المرور»; buttons are verbal nouns, as «تسجيل الدخول» is.

use text_table::{Blank, TextTable};

#[derive(TextTable, Blank, Clone)]
pub struct ResetTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub birth_legend: &'static str,
    pub birth_hint: &'static str,
    pub send_button: &'static str,
    pub code_title: &'static str,
    /// Said whether or not a code was sent: the page cannot know, and must not.
    pub code_lead: &'static str,
    pub new_password_label: &'static str,
    pub new_password_hint: &'static str,
    pub confirm_label: &'static str,
    pub save_button: &'static str,
    pub done_title: &'static str,
    pub done_body: &'static str,
    pub login_link: &'static str,
    pub start_again: &'static str,
    pub new_password_empty: &'static str,
    pub confirm_empty: &'static str,
    pub mismatch: &'static str,
    pub too_short: &'static str,
    pub too_common: &'static str,
    pub contains_national_id: &'static str,
    pub too_long: &'static str,
    pub code_expired: &'static str,
    pub too_many_attempts: &'static str,
}

installed_part!(ResetTexts);

pub const AR: ResetTexts = ResetTexts {
    title: "استعادة كلمة المرور",
    lead: "أدخل رقم الهوية وتاريخ ميلادك كما هو مسجل لدينا، وسنرسل رمز تحقق إلى رقم الجوال المسجل في حسابك.",
    birth_legend: "تاريخ الميلاد",
    birth_hint: "كما هو مسجل لدينا: بالهجري للمواطنين، وبالميلادي للمقيمين.",
    send_button: "إرسال رمز التحقق",
    code_title: "أدخل رمز التحقق وكلمة المرور الجديدة",
    code_lead: "إذا كانت البيانات مطابقة لما هو مسجل لدينا، فستصلك رسالة نصية برمز التحقق على رقم الجوال المسجل خلال دقائق.",
    new_password_label: "كلمة المرور الجديدة",
    new_password_hint: "8 أحرف على الأقل، ولا تستخدم رقم هويتك ولا كلمة مرور شائعة مثل 12345678.",
    confirm_label: "تأكيد كلمة المرور الجديدة",
    save_button: "حفظ كلمة المرور",
    done_title: "تم تغيير كلمة المرور",
    done_body: "أنهينا جميع الجلسات المفتوحة لحسابك على أي جهاز. سجّل الدخول الآن بكلمة المرور الجديدة.",
    login_link: "تسجيل الدخول بكلمة المرور الجديدة",
    start_again: "استعادة كلمة المرور من جديد",
    new_password_empty: "أدخل كلمة المرور الجديدة",
    confirm_empty: "أعد كتابة كلمة المرور الجديدة للتأكيد",
    mismatch: "كلمتا المرور غير متطابقتين",
    too_short: "كلمة المرور قصيرة، يجب ألا تقل عن 8 أحرف",
    too_common: "كلمة المرور هذه شائعة ويسهل تخمينها، اختر غيرها",
    contains_national_id: "يجب ألا تحتوي كلمة المرور على رقم هويتك",
    too_long: "كلمة المرور طويلة، يجب ألا تزيد على 256 حرفاً",
    code_expired: "انتهت صلاحية رمز التحقق. ابدأ استعادة كلمة المرور من جديد.",
    too_many_attempts: "أُدخل رمز غير صحيح عدة مرات. ابدأ استعادة كلمة المرور من جديد.",
};

pub const EN: ResetTexts = ResetTexts {
    title: "Reset your password",
    lead: "Enter your national ID and your date of birth as we have it on record, and we will send a verification code to the mobile number registered on your account.",
    birth_legend: "Date of birth",
    birth_hint: "As we have it on record: Hijri for citizens, Gregorian for residents.",
    send_button: "Send verification code",
    code_title: "Enter the verification code and your new password",
    code_lead: "If the details match our records, a text message with the verification code will reach your registered mobile number within minutes.",
    new_password_label: "New password",
    new_password_hint: "At least 8 characters. Do not use your national ID or a common password such as 12345678.",
    confirm_label: "Confirm the new password",
    save_button: "Save password",
    done_title: "Your password has been changed",
    done_body: "We have ended every open session of your account, on any device. Log in now with your new password.",
    login_link: "Log in with your new password",
    start_again: "Start the password reset again",
    new_password_empty: "Enter a new password",
    confirm_empty: "Type the new password again to confirm it",
    mismatch: "The two passwords do not match",
    too_short: "The password is too short: use at least 8 characters",
    too_common: "This password is common and easy to guess: choose another",
    contains_national_id: "The password must not contain your national ID",
    too_long: "The password is too long: use at most 256 characters",
    code_expired: "The verification code has expired. Start the password reset again.",
    too_many_attempts: "A wrong code was entered too many times. Start the password reset again.",
};
