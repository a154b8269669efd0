//! The household as recorded: who, their relation, their birth date, and the income.

use leptos::prelude::*;
use rules::{HijriDate, dates::Calendar, money::parse_sar};
use wire::HouseholdView;

use super::relation_words;
use crate::{
    components::summary_list::{SummaryList, SummaryRow},
    format,
    i18n::{Lang, lang, t},
    pages::account::name,
};

/// A birth date as recorded, Gregorian first with Hijri beside; as recorded when unreadable.
fn birth_words(lang: Lang, date: &str, calendar: &str) -> String {
    if Calendar::from_code(calendar) != Some(Calendar::Hijri) {
        return format::iso_date(lang, date);
    }
    HijriDate::parse_recorded(date)
        .ok()
        .and_then(|recorded| recorded.date.to_gregorian().ok())
        .map_or_else(|| date.to_string(), |day| format::both(lang, day))
}

/// The household as recorded: who, their relation, their birth date, and the income.
#[component]
pub fn TodaySection(view: StoredValue<HouseholdView>) -> impl IntoView {
    let rows = move || {
        let lang = lang();
        let texts = lang.texts();
        view.with_value(|view| {
            let mut rows = vec![SummaryRow {
                key: texts.household.you,
                value: vec![
                    name(lang, &view.applicant.name_ar, &view.applicant.name_en).to_string(),
                    birth_words(lang, &view.applicant.birth_date, &view.applicant.calendar),
                ],
                change: None,
            }];
            rows.extend(view.members.iter().map(|member| SummaryRow {
                key: relation_words(texts, &member.relation, member.sex.as_deref()),
                value: vec![
                    name(lang, &member.name_ar, &member.name_en).to_string(),
                    birth_words(lang, &member.birth_date, &member.calendar),
                ],
                change: None,
            }));
            rows.push(SummaryRow {
                key: texts.household.income_label,
                value: vec![
                    parse_sar(&view.monthly_income_sar)
                        .map(|income| format::sar_with_halalas(lang, income.0))
                        .unwrap_or_else(|_| view.monthly_income_sar.clone()),
                ],
                change: None,
            });
            rows
        })
    };
    view! {
        <section aria-labelledby="household-today">
            <h2 id="household-today">{t(|t| t.household.today_title)}</h2>
            {move || view! { <SummaryList rows=rows() change_label=lang().texts().forms.change /> }}
        </section>
    }
}
