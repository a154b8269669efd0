//! The inline SVG chart of the last 24 payments: one bar per cycle, oldest on the left (the
//! chart reads as a time line in both languages), with a title and a description that say in
//! words what it shows; the table under it holds every figure.

use leptos::prelude::*;
use rules::Date;
use wire::PaymentSummary;

use crate::{
    format::{self, Shown},
    i18n::{fill, lang},
};

/// The drawing area, in whole units; bars are computed in tenths with integers and written by
/// [`format::tenths`] (no float formatting code in the wasm).
const WIDTH: i64 = 360;
const LEFT: i64 = 48;
const RIGHT: i64 = 352;
const TOP: i64 = 12;
const BOTTOM: i64 = 150;
/// How many payments the chart shows.
pub const MONTHS: usize = 24;

/// The bars: (cycle, amount), oldest first, at most [`MONTHS`].
pub fn bars(payments: &[PaymentSummary]) -> Vec<(u32, i64)> {
    let mut bars: Vec<(u32, i64)> = payments
        .iter()
        .take(MONTHS)
        .map(|p| (p.cycle, p.amount.max(0)))
        .collect();
    bars.reverse();
    bars
}

/// The chart.
#[component]
pub fn PaymentsChart(
    /// The payments, newest first, as the API lists them.
    payments: Vec<PaymentSummary>,
) -> impl IntoView {
    let bars = bars(&payments);
    let max = bars
        .iter()
        .map(|(_, amount)| *amount)
        .max()
        .unwrap_or(0)
        .max(1);
    // In tenths of a unit.
    let count = bars.len().max(1) as i64;
    let height = |amount: i64| (BOTTOM - TOP) * 10 * amount / max;
    let shown = payments
        .get(..payments.len().min(MONTHS))
        .unwrap_or_default();
    let first = shown.last().and_then(|p| Date::parse(&p.date).ok());
    let last = payments.first().and_then(|p| Date::parse(&p.date).ok());
    let latest = payments.first().map_or(0, |p| p.amount);
    let desc = move || {
        let lang = lang();
        let when = |d: Option<Date>| {
            d.map(|d| format::date(lang, d, Shown::Gregorian))
                .unwrap_or_default()
        };
        fill(
            lang.texts().account.chart_desc,
            &[
                &when(first),
                &when(last),
                &format::sar(lang, max),
                &format::sar(lang, latest),
            ],
        )
    };
    let rects = bars
        .iter()
        .enumerate()
        .map(|(i, (_, amount))| {
            let h = height(*amount);
            view! {
                <rect
                    class="chart__bar"
                    x=format::tenths(LEFT * 10 + (RIGHT - LEFT) * (20 * i as i64 + 3) / (2 * count))
                    y=format::tenths(BOTTOM * 10 - h)
                    width=format::tenths((RIGHT - LEFT) * 7 / count)
                    height=format::tenths(h)
                />
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg
                class="chart__svg"
                viewBox=format!("0 0 {WIDTH} 176")
                role="img"
                aria-labelledby="payments-chart-title payments-chart-desc"
                dir="ltr"
            >
                <title id="payments-chart-title">{move || lang().texts().account.chart_title}</title>
                <desc id="payments-chart-desc">{desc}</desc>
                <line class="chart__axis" x1=LEFT x2=RIGHT y1=BOTTOM y2=BOTTOM />
                <line class="chart__grid" x1=LEFT x2=RIGHT y1=TOP y2=TOP />
                <text class="chart__label" x={LEFT - 6} y={TOP + 4} text-anchor="end">
                    {move || format::number(lang(), max)}
                </text>
                <text class="chart__label" x={LEFT - 6} y={BOTTOM + 4} text-anchor="end">
                    {move || format::number(lang(), 0)}
                </text>
                {rects}
                <text class="chart__label" x=LEFT y="170" text-anchor="start">
                    {move || first.map(|d| format::date(lang(), d, Shown::Gregorian)).unwrap_or_default()}
                </text>
                <text class="chart__label" x=RIGHT y="170" text-anchor="end">
                    {move || last.map(|d| format::date(lang(), d, Shown::Gregorian)).unwrap_or_default()}
                </text>
            </svg>
            <figcaption class="chart__caption">{move || lang().texts().account.chart_title}</figcaption>
        </figure>
    }
}
