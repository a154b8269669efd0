//! Words about days on the calendar (issue #13): the note under a recorded Hijri birth date
//! that our Umm al-Qura table moved to the next month, and the next-payment card on the
//! account home. Arabic first, in the program's own vocabulary.

use text_table::{Blank, TextTable};

use super::Plural;

#[derive(TextTable, Blank, Clone)]
pub struct DateTexts {
    /// Under a Hijri birth date typed as the 30th of a month our table gives 29 days; `{0}`
    /// is the day counted with, in Hijri words.
    pub moved_to_next_month: &'static str,
    pub next_payment_title: &'static str,
    /// `{0}` is the payment number.
    pub next_payment_number: &'static str,
    /// `{0}` is the weekday, `{1}` the Gregorian date in words.
    pub next_payment_on: &'static str,
    /// The days until the payment, whole sentences: Arabic number agreement differs by count
    /// (يوم واحد، يومان، 3 أيام، 11 يوماً), and 0 is today.
    pub days_until: Plural,
    pub expected_amount: &'static str,
    pub no_support_expected: &'static str,
    /// Why the payment is not on the 10th, or that it is.
    pub paid_on_the_tenth: &'static str,
    pub moved_from_friday: &'static str,
    pub moved_from_saturday: &'static str,
    /// Monday first, as `rules::Weekday` is ordered.
    pub weekdays: [&'static str; 7],
}

installed_part!(DateTexts);

pub const AR: DateTexts = DateTexts {
    moved_to_next_month: "عدد أيام هذا الشهر في تقويم أم القرى المعتمد لدينا 29 يوماً، لذا نعدّ تاريخ الميلاد أول يوم من الشهر التالي ({0}). لا يلزمك تعديل التاريخ.",
    next_payment_title: "الدفعة القادمة",
    next_payment_number: "الدفعة {0}",
    next_payment_on: "موعد الصرف: {0} {1}",
    days_until: Plural {
        zero: "تُصرف اليوم",
        one: "تُصرف غداً",
        two: "تبقّى على صرفها يومان",
        few: "تبقّى على صرفها {0} أيام",
        many: "تبقّى على صرفها {0} يوماً",
        other: "تبقّى على صرفها {0} يوم",
    },
    expected_amount: "المبلغ المتوقع بحسب آخر تقييم لأهليتك",
    no_support_expected: "لا يُتوقع صرف دعم لك في هذه الدفعة بحسب آخر تقييم لأهليتك.",
    paid_on_the_tenth: "يُصرف الدعم في اليوم العاشر من كل شهر ميلادي.",
    moved_from_friday: "يوافق اليوم العاشر يوم جمعة، فيُقدَّم الصرف يوماً واحداً إلى الخميس 9.",
    moved_from_saturday: "يوافق اليوم العاشر يوم سبت، فيُؤخَّر الصرف يوماً واحداً إلى الأحد 11.",
    weekdays: [
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
    ],
};

pub const EN: DateTexts = DateTexts {
    moved_to_next_month: "In the Umm al-Qura calendar we use, this month has 29 days, so we count the date of birth as the first day of the next month ({0}). You do not need to change the date.",
    next_payment_title: "Next payment",
    next_payment_number: "Payment {0}",
    next_payment_on: "Payment date: {0} {1}",
    days_until: Plural {
        zero: "Paid today",
        one: "Paid tomorrow",
        two: "{0} days to go",
        few: "{0} days to go",
        many: "{0} days to go",
        other: "{0} days to go",
    },
    expected_amount: "Expected amount, from your latest eligibility assessment",
    no_support_expected: "Your latest eligibility assessment expects no support for you in this payment.",
    paid_on_the_tenth: "Support is paid on the 10th of each Gregorian month.",
    moved_from_friday: "The 10th falls on a Friday, so the payment is made a day early, on Thursday the 9th.",
    moved_from_saturday: "The 10th falls on a Saturday, so the payment is made a day later, on Sunday the 11th.",
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
};
