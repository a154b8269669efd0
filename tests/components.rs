//! The design system's components in a real browser: mounted alone, used as a person would,
//! checked by what the page shows and where focus goes.

#![cfg(target_arch = "wasm32")]

use leptos::{prelude::*, task::tick};
use leptos_router::components::Router;
use portal::{
    components::{
        accessibility_tools::AccessibilityTools,
        choice::{CheckboxGroup, Choice, RadioGroup, YES_NO},
        date_field::{Calendar, DateField, DateInput},
        error_summary::ErrorSummary,
        form::{FieldError, FormErrors},
        notice::{StatusTag, Tone},
        offline_banner::OfflineBanner,
        summary_list::{SummaryList, SummaryRow},
        text_area::TextArea,
        text_field::TextField,
    },
    format,
    i18n::Lang,
    pages::{estimate::Estimate, login::Login},
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> web_sys::HtmlElement {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root.unchecked_into()
}

fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn type_into(input: &web_sys::HtmlElement, value: &str) {
    let input: web_sys::HtmlInputElement = input.clone().unchecked_into();
    input.set_value(value);
    let event = web_sys::Event::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_failed_submit_focuses_the_summary_whose_link_focuses_the_field() {
    let root = fresh_root();
    let errors = FormErrors::new();
    let value = RwSignal::new(String::new());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ErrorSummary errors=errors />
            <TextField id="income" label=|t| t.estimate.income_label hint=|t| t.estimate.income_hint value=value errors=errors />
        }
    });
    tick().await;
    assert!(find(&root, ".error-summary").has_attribute("hidden"));
    assert!(
        root.query_selector(".field-error")
            .expect("query")
            .is_none()
    );

    errors.fail(vec![FieldError {
        id: "income",
        message: |t| t.estimate.income_missing,
    }]);
    tick().await;
    tick().await;
    assert!(!find(&root, ".error-summary").has_attribute("hidden"));
    assert!(
        document()
            .active_element()
            .is_some_and(|e| e.class_name() == "error-summary")
    );
    assert_eq!(text(&root, ".error-summary__title"), "يُرجى تصحيح ما يلي");
    let inline = text(&root, ".field-error");
    assert!(inline.starts_with("خطأ:"), "{inline}");
    assert!(inline.contains("أدخل دخل الأسرة الشهري"));
    let input = find(&root, "#income");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("income-hint income-error")
    );

    find(&root, ".error-summary__list a").click();
    tick().await;
    assert_eq!(active_id(), "income");

    type_into(&input, "٤٥٠٠");
    tick().await;
    assert_eq!(value.get_untracked(), "٤٥٠٠");
    errors.fail(Vec::new());
    tick().await;
    assert!(find(&root, ".error-summary").has_attribute("hidden"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_radio_group_as_the_page_question_sets_its_value() {
    let root = fresh_root();
    let selected = RwSignal::new(None::<bool>);
    let errors = FormErrors::new();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <RadioGroup id="bank" legend=|t| t.check.bank_question options=YES_NO selected=selected errors=errors heading=true />
        }
    });
    tick().await;
    assert_eq!(text(&root, "legend h1"), "هل لديك حساب بنكي باسمك؟");
    let labels: Vec<String> = (0..2)
        .map(|i| {
            text(
                &root,
                &format!(
                    "label[for='{}']",
                    if i == 0 {
                        "bank".into()
                    } else {
                        format!("bank-{i}")
                    }
                ),
            )
        })
        .collect();
    assert_eq!(labels, ["نعم", "لا"]);
    find(&root, "#bank-1").click();
    tick().await;
    assert_eq!(selected.get_untracked(), Some(false));
    find(&root, "label[for='bank']").click();
    tick().await;
    assert_eq!(selected.get_untracked(), Some(true));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_checkbox_group_adds_and_removes_values() {
    const OPTIONS: &[Choice<u8>] = &[
        Choice {
            value: 1,
            label: |t| t.check.saudi,
            hint: None,
        },
        Choice {
            value: 2,
            label: |t| t.check.non_saudi,
            hint: Some(|t| t.check.mobility_card_hint),
        },
    ];
    let root = fresh_root();
    let selected = RwSignal::new(Vec::<u8>::new());
    let errors = FormErrors::new();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <CheckboxGroup id="pick" legend=|t| t.check.nationality_question options=OPTIONS selected=selected errors=errors /> }
    });
    tick().await;
    find(&root, "#pick").click();
    find(&root, "#pick-1").click();
    tick().await;
    assert_eq!(selected.get_untracked(), vec![1, 2]);
    find(&root, "#pick").click();
    tick().await;
    assert_eq!(selected.get_untracked(), vec![2]);
    assert_eq!(
        find(&root, "#pick-1")
            .get_attribute("aria-describedby")
            .as_deref(),
        Some("pick-1-hint")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_date_field_takes_arabic_indic_digits_and_shows_the_other_calendar() {
    let root = fresh_root();
    let value = RwSignal::new(DateInput::default());
    let errors = FormErrors::new();
    let today = rules::Date::new(2026, 1, 1).ok();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <DateField id="dob" legend=|t| t.check.birth_question value=value errors=errors today=today /> }
    });
    tick().await;
    type_into(&find(&root, "#dob"), "١٥");
    type_into(&find(&root, "#dob-month"), "٩");
    type_into(&find(&root, "#dob-year"), "١٤١٠");
    tick().await;
    let typed = value.get_untracked();
    assert_eq!(typed.calendar, Calendar::Hijri);
    assert_eq!(typed.iso().as_deref(), Ok("1410-09-15"));
    let equivalent = text(&root, ".date-field__equivalent");
    assert!(
        equivalent.starts_with("يوافق") && equivalent.contains("1990"),
        "{equivalent}"
    );

    find(&root, "#dob-calendar-gregorian").click();
    tick().await;
    assert_eq!(value.get_untracked().calendar, Calendar::Gregorian);
    // 1410 as a Gregorian year is a real day: the field now shows it in Hijri.
    assert!(text(&root, ".date-field__equivalent").contains("هـ"));
    root.remove();
}

#[wasm_bindgen_test]
fn typed_dates_are_checked_by_the_rules() {
    use portal::components::date_field::DateInputError;
    let today = rules::Date::new(2026, 1, 1).expect("a date");
    let date = |day: &str, month: &str, year: &str, calendar| DateInput {
        calendar,
        day: day.into(),
        month: month.into(),
        year: year.into(),
    };
    assert_eq!(
        date("", "", "", Calendar::Hijri).birth_date(today).err(),
        Some(DateInputError::Missing)
    );
    assert_eq!(
        date("1", "", "1410", Calendar::Hijri)
            .birth_date(today)
            .err(),
        Some(DateInputError::Incomplete)
    );
    assert_eq!(
        date("30", "2", "1990", Calendar::Gregorian)
            .birth_date(today)
            .err(),
        Some(DateInputError::NoSuchDay)
    );
    assert_eq!(
        date("1", "1", "90", Calendar::Gregorian)
            .birth_date(today)
            .err(),
        Some(DateInputError::YearDigits)
    );
    assert_eq!(
        date("1", "1", "1600", Calendar::Hijri)
            .birth_date(today)
            .err(),
        Some(DateInputError::OutOfRange)
    );
    assert_eq!(
        date("2", "1", "2026", Calendar::Gregorian)
            .birth_date(today)
            .err(),
        Some(DateInputError::InFuture)
    );
    assert!(
        date("۱", "۱", "۱۹۹۰", Calendar::Gregorian)
            .birth_date(today)
            .is_ok()
    );
}

#[wasm_bindgen_test]
async fn the_summary_list_names_the_row_in_each_change_link() {
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let rows = vec![SummaryRow {
            key: "الجنسية",
            value: vec!["سعودي".into()],
            change: Some("/check/nationality?change=1".into()),
        }];
        view! { <Router><SummaryList rows=rows change_label="تغيير" /></Router> }
    });
    tick().await;
    assert_eq!(text(&root, "dt"), "الجنسية");
    let link = find(&root, ".summary-list__actions a");
    assert_eq!(link.text_content().as_deref(), Some("تغيير الجنسية"));
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/check/nationality?change=1")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_status_tag_carries_a_word_and_a_symbol_not_only_a_colour() {
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        view! { <StatusTag tone=Tone::Warning label=|t| t.check.not_met /> }
    });
    tick().await;
    let tag = find(&root, ".tag");
    assert_eq!(tag.text_content().as_deref(), Some("✗ غير متحقق"));
    assert_eq!(
        find(&root, ".tag__symbol")
            .get_attribute("aria-hidden")
            .as_deref(),
        Some("true")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_accessibility_tools_change_the_text_size_and_contrast_and_remember() {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.remove_item("portal.text-size");
        let _ = storage.remove_item("portal.contrast");
    }
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), AccessibilityTools);
    tick().await;
    let html: web_sys::HtmlElement = document()
        .document_element()
        .expect("html")
        .unchecked_into();
    let scale = || {
        html.style()
            .get_property_value("--text-scale")
            .unwrap_or_default()
    };
    assert_eq!(scale(), "1");
    let buttons = root.query_selector_all("button").expect("buttons");
    let button =
        |i: u32| -> web_sys::HtmlElement { buttons.get(i).expect("a button").unchecked_into() };
    button(0).click();
    tick().await;
    assert_eq!(scale(), "1.125");
    button(1).click();
    button(1).click();
    tick().await;
    assert_eq!(scale(), "0.875");
    assert!(
        button(1).has_attribute("disabled"),
        "no smaller than the smallest step"
    );
    button(2).click();
    tick().await;
    assert_eq!(html.get_attribute("data-contrast").as_deref(), Some("high"));
    assert_eq!(
        button(2).get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(portal::prefs::stored_text_step(), -1);
    assert!(portal::prefs::stored_high_contrast());
    button(2).click();
    button(0).click();
    tick().await;
    assert_eq!(
        html.get_attribute("data-contrast").as_deref(),
        Some("normal")
    );
    root.remove();
}

#[wasm_bindgen_test]
fn numbers_amounts_and_dates_follow_the_language() {
    // One digit policy (ARCHITECTURE.md, "Digits"): Western digits in both languages.
    assert_eq!(format::number(Lang::Ar, 1296), "1,296");
    assert_eq!(format::number(Lang::En, 1296), "1,296");
    assert_eq!(format::sar(Lang::Ar, 1296), "1,296\u{a0}ر.س");
    assert_eq!(format::sar(Lang::En, 1296), "1,296\u{a0}SAR");
    assert_eq!(
        format::sar_with_halalas(Lang::Ar, 450_050),
        "4,500.50\u{a0}ر.س"
    );
    let date = rules::Date::new(2026, 1, 29).expect("a date");
    let hijri = format::date(Lang::Ar, date, format::Shown::Hijri);
    assert!(hijri.contains("1447") && hijri.contains("شعبان"), "{hijri}");
    let both = format::both(Lang::Ar, date);
    assert!(both.starts_with("29 يناير 2026 ("), "{both}");
    assert!(format::date(Lang::En, date, format::Shown::Gregorian).contains("January 2026"));
    assert!(
        !format::hour(Lang::Ar, 8)
            .chars()
            .any(|c| ('٠'..='٩').contains(&c)),
        "{}",
        format::hour(Lang::Ar, 8)
    );
}

#[wasm_bindgen_test]
async fn the_estimate_page_answers_with_the_rules_figure_and_its_steps() {
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), || view! { <Router><Estimate /></Router> });
    tick().await;
    find(&root, "form button[type=submit]").click();
    tick().await;
    tick().await;
    let summary = text(&root, ".error-summary__list");
    assert!(
        summary.contains("اختر رب أسرة أو فرد مستقل") && summary.contains("أدخل دخل الأسرة"),
        "{summary}"
    );
    assert!(
        document().title().starts_with("خطأ:"),
        "{}",
        document().title()
    );

    find(&root, "#estimate-kind").click();
    type_into(&find(&root, "#estimate-adults"), "١");
    type_into(&find(&root, "#estimate-children"), "1");
    type_into(&find(&root, "#estimate-income"), "0");
    tick().await;
    find(&root, "form button[type=submit]").click();
    tick().await;
    tick().await;
    assert!(find(&root, ".error-summary").has_attribute("hidden"));
    assert!(
        text(&root, ".result__figure").contains("1,296"),
        "{}",
        text(&root, ".result__figure")
    );
    assert!(text(&root, ".result").contains("تقديري، وليس مبلغاً رسمياً"));
    assert!(
        root.query_selector("svg[role=img] polyline")
            .expect("query")
            .is_some()
    );
    assert_eq!(active_id(), "estimate-result");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_text_area_counts_what_is_left_and_what_is_over() {
    let root = fresh_root();
    let errors = FormErrors::new();
    let value = RwSignal::new(String::new());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <TextArea
                id="story"
                label=|t| t.account.description_label
                hint=|t| t.account.description_hint
                value=value
                limit=10
                errors=errors
            />
        }
    });
    tick().await;
    assert_eq!(text(&root, "#story-count"), "بقيت لك 10 أحرف");
    let area: web_sys::HtmlTextAreaElement = find(&root, "#story").unchecked_into();
    area.set_value("اثنا عشر حرف");
    area.dispatch_event(&web_sys::Event::new("input").expect("event"))
        .expect("dispatch");
    tick().await;
    assert_eq!(value.get_untracked(), "اثنا عشر حرف");
    assert_eq!(text(&root, "#story-count"), "تجاوزت الحد بحرفين");
    assert!(
        find(&root, "#story-count")
            .class_list()
            .contains("character-count--over")
    );
    let described = find(&root, "#story")
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    assert_eq!(described, "story-hint story-count");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_offline_banner_follows_the_window_events() {
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), || view! { <OfflineBanner /> });
    tick().await;
    assert_eq!(text(&root, "[role=status]"), "");
    window()
        .dispatch_event(&web_sys::Event::new("offline").expect("event"))
        .expect("dispatch");
    tick().await;
    assert!(text(&root, "[role=status]").contains("أنت غير متصل بالإنترنت"));
    window()
        .dispatch_event(&web_sys::Event::new("online").expect("event"))
        .expect("dispatch");
    tick().await;
    assert_eq!(text(&root, "[role=status]"), "");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_login_page_checks_the_national_id_before_sending_anything() {
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), || view! { <Router><Login /></Router> });
    tick().await;
    assert_eq!(text(&root, "label[for=national-id]"), "رقم الهوية");
    assert_eq!(text(&root, "label[for=password]"), "كلمة المرور");
    assert_eq!(
        find(&root, "#password").get_attribute("type").as_deref(),
        Some("password")
    );
    type_into(&find(&root, "#national-id"), "١٠٠٠٠٠٠٠٠٠");
    type_into(&find(&root, "#password"), "secret");
    tick().await;
    find(&root, "form button[type=submit]").click();
    tick().await;
    tick().await;
    assert!(
        text(&root, ".error-summary__list").contains("رقم الهوية غير صحيح، تأكد من الأرقام"),
        "{}",
        text(&root, ".error-summary__list")
    );
    assert_eq!(text(&root, "form [role=status]"), "", "nothing was sent");
    root.remove();
}

#[wasm_bindgen_test]
fn a_draft_is_kept_only_for_the_account_that_wrote_it_and_log_out_forgets_it() {
    use portal::{
        pages::{
            account::objection::{
                draft::{Draft, Target},
                keep_draft_of, store_draft, stored_draft,
            },
            login::{Challenge, store_challenge, stored_challenge},
        },
        prefs,
    };
    let mine = Draft::new("1000000008".into(), Target::Payment(108), "k".into()).with_content(
        Some("zero_payment".into()),
        "لم يصل شيء".into(),
        || "k2".into(),
    );
    store_draft(&mine);
    assert_eq!(
        stored_draft("1000000008"),
        Some(mine.clone()),
        "its owner finds it"
    );
    keep_draft_of("1000000008");
    assert_eq!(stored_draft("1000000008"), Some(mine.clone()));
    assert_eq!(stored_draft("1000000016"), None, "someone else does not");
    assert_eq!(stored_draft("1000000008"), None, "and it is gone for good");

    store_draft(&mine);
    let challenge = Challenge {
        challenge_id: "c\"\u{2066}".into(),
        masked_mobile: "05******12".into(),
        resend_at: 1_764_900_000_000.5,
    };
    store_challenge(&challenge);
    assert_eq!(
        stored_challenge(),
        Some(challenge),
        "written by the browser's JSON, read back by serde"
    );
    prefs::forget_account_data();
    assert_eq!(stored_draft("1000000008"), None);
    assert_eq!(stored_challenge(), None);
}

#[wasm_bindgen_test]
fn an_error_answer_read_with_the_browsers_json_keeps_the_apis_shape() {
    use portal::api::error_body;
    let parse = |json: &str| js_sys::JSON::parse(json).expect("JSON");
    let body = error_body(&parse(
        r#"{"code":"validation_failed","message":"m","retry_after_seconds":120,
            "fields":[{"field":"password","code":"empty"},{"field":7},"x"]}"#,
    ))
    .expect("the API's shape");
    assert_eq!(body.code, "validation_failed");
    assert_eq!(body.message, "m");
    assert_eq!(body.retry_after_seconds, Some(120));
    assert_eq!(body.tries_left, None);
    assert_eq!(
        body.fields,
        vec![wire::FieldError {
            field: "password".into(),
            code: "empty".into()
        }],
        "a field without its two texts is left out"
    );
    let odd = error_body(&parse(
        r#"{"code":"invalid_code","tries_left":-1,"retry_after_seconds":1.5,"fields":{}}"#,
    ))
    .expect("a code");
    assert_eq!(odd.tries_left, None, "not a count");
    assert_eq!(odd.retry_after_seconds, None, "not whole seconds");
    assert!(odd.fields.is_empty());
    for json in [
        "null",
        "[1]",
        r#""locked""#,
        r#"{"code":5}"#,
        r#"{"message":"m"}"#,
    ] {
        assert_eq!(error_body(&parse(json)), None, "{json}");
    }
}

#[wasm_bindgen_test]
fn the_new_limits_say_how_long_to_wait_in_both_languages() {
    use portal::{api::ApiError, messages};
    use wire::ErrorBody;
    let error = |code: &str, seconds: Option<u64>| ApiError::Server {
        status: 429,
        body: ErrorBody {
            retry_after_seconds: seconds,
            ..ErrorBody::new(code, "limit")
        },
    };
    let ar = messages::api_error(Lang::Ar, &error("too_many_codes", Some(45 * 60)));
    assert!(
        ar.starts_with("أرسلنا إلى هذا الحساب رموز تحقق كثيرة"),
        "{ar}"
    );
    assert!(ar.contains("بعد 45 دقيقة، عند الساعة"), "{ar}");
    let en = messages::api_error(Lang::En, &error("too_many_requests", Some(90)));
    assert!(
        en.contains("from your network") && en.contains("Try again in 2 minutes, at"),
        "{en}"
    );
    let ar = messages::api_error(Lang::Ar, &error("too_many_requests", None));
    assert!(
        ar.contains("بعد 15 دقيقة"),
        "the usual window when unsaid: {ar}"
    );
    for code in ["busy", "timeout", "control_character"] {
        let ar = messages::api_error(Lang::Ar, &error(code, None));
        let en = messages::api_error(Lang::En, &error(code, None));
        assert_ne!(ar, Lang::Ar.texts().sign_in.unexpected, "{code}");
        assert_ne!(en, Lang::En.texts().sign_in.unexpected, "{code}");
    }
    assert_eq!(
        messages::api_error(Lang::Ar, &ApiError::Unexpected(503)),
        Lang::Ar.texts().sign_in.busy
    );
    let texts = Lang::Ar.texts();
    assert_eq!(
        messages::field_code("description", "control_character")(texts),
        texts.account.description_control
    );
    assert_eq!(
        messages::field_code("message", "required")(texts),
        texts.account.message_missing
    );
}
