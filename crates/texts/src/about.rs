//! The words of the about page (`/about`): a part of the table that travels with the code showing
//! it ([`crate::Part`]).

use text_table::{Blank, TextTable};

#[derive(TextTable, Blank, Clone)]
pub struct AboutTexts {
    pub conditions_title: &'static str,
    pub conditions: &'static [&'static str],
    pub categories_title: &'static str,
    pub categories: &'static [&'static str],
    pub objection_title: &'static str,
    pub objection_steps: &'static [&'static str],
    pub objection_note: &'static str,
    pub inquiry_title: &'static str,
    pub inquiry_body: &'static str,
    pub inquiry_steps: &'static [&'static str],
    pub precheck_body: &'static str,
    pub precheck_link: &'static str,
}

installed_part!(AboutTexts);

pub const AR: AboutTexts = AboutTexts {
    conditions_title: "شروط الاستحقاق",
    conditions: &[
        "أن يكون عمر مقدم الطلب 18 سنة فأكثر.",
        "أن يكون سعودي الجنسية، أو من حاملي بطاقة التنقل.",
        "أن يكون لديه حساب بنكي باسمه يُحوَّل إليه الدعم الشهري.",
        "أن يكون مقيماً في المملكة إقامة دائمة ومستمرة، وبالتحديد خلال الأشهر الثلاثة الأخيرة.",
    ],
    categories_title: "الفئات المستفيدة",
    categories: &[
        "الأسر التي فيها مطلقات أو أرامل.",
        "الأسر التي فيها من لا يعمل.",
        "الأسر التي لديها أطفال صغار.",
        "الأسر الفقيرة.",
        "الأسر التي فيها فرد من ذوي الإعاقة.",
    ],
    objection_title: "كيف تعترض على دفعة",
    objection_steps: &[
        "سجّل الدخول إلى حساب المواطن برقم الهوية وكلمة المرور ورمز التحقق.",
        "اختر «المدفوعات المالية».",
        "اضغط «اعتراض» عند الدفعة التي تريد الاعتراض عليها.",
        "أكمل البيانات واضغط «تقديم الاعتراض»، ثم تابع حالته من «اعتراضاتي».",
    ],
    objection_note: "يُقدَّم الاعتراض على الدفعة بعد أن تظهر حالتها «مدفوعة»، خلال 90 يوماً من إيداعها. وإذا قُبل الاعتراض عُوِّضت عن الفرق بأثر رجعي.",
    inquiry_title: "كيف تُحدَّد الأهلية",
    inquiry_body: "يطابق البرنامج بيانات الأسرة مع السجلات الحكومية: الجنسية والإقامة والدخل والقدرة المالية. ولمعرفة نتيجتك الرسمية:",
    inquiry_steps: &[
        "سجّل الدخول إلى حساب المواطن.",
        "اختر «الخدمات الإلكترونية» ثم «الاستعلام عن الأهلية».",
        "أدخل رقم الهوية الوطنية واضغط «استعلام».",
        "تظهر حالة الأهلية، وإذا كانت النتيجة «غير مؤهل» ظهرت أسبابها.",
    ],
    precheck_body: "أداة التحقق المبدئي في هذه البوابة تطبّق الشروط نفسها على إجاباتك داخل متصفحك، ولا ترسلها إلى أي جهة. النتيجة مبدئية، والقرار للبرنامج بعد مطابقة البيانات.",
    precheck_link: "بدء التحقق المبدئي",
};

pub const EN: AboutTexts = AboutTexts {
    conditions_title: "Conditions",
    conditions: &[
        "The applicant is 18 or older.",
        "The applicant is a Saudi national or holds a mobility card.",
        "The applicant has a bank account in their own name, into which the monthly support is paid.",
        "The applicant lives in the Kingdom permanently and continuously, in particular for the last three months.",
    ],
    categories_title: "Who benefits",
    categories: &[
        "Households with divorced or widowed women.",
        "Households with members out of work.",
        "Households with young children.",
        "Poor households.",
        "Households with a member with a disability.",
    ],
    objection_title: "How to object to a payment",
    objection_steps: &[
        "Log in to the Citizen Account with your national ID, password and verification code.",
        "Choose \"Financial payments\".",
        "Press \"Object\" next to the payment you disagree with.",
        "Complete the details and press \"Submit objection\", then follow it under \"My objections\".",
    ],
    objection_note: "An objection to a payment can be made once the payment shows \"Paid\", within 90 days of the deposit. If it is accepted, the difference is paid back in arrears.",
    inquiry_title: "How eligibility is decided",
    inquiry_body: "The program matches the household's details against government records: nationality, residence, income and financial means. To see your official result:",
    inquiry_steps: &[
        "Log in to the Citizen Account.",
        "Choose \"E-services\", then \"Eligibility inquiry\".",
        "Enter your national ID and press \"Inquire\".",
        "Your eligibility status is shown; when it is \"Not eligible\", the reasons are shown too.",
    ],
    precheck_body: "The pre-check on this portal applies the same conditions to your answers inside your browser and sends them nowhere. Its result is provisional; the program decides after matching your details.",
    precheck_link: "Start the pre-check",
};
