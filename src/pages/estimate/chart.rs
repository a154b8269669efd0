//! The chart of support against income: the rules' support at sampled incomes (so the curve
//! is whatever the rules say, not a second copy of the formula), with the household's point.

use leptos::prelude::*;
use rules::{Date, Estimate, Halalas};

use super::household::Composition;
use crate::{
    format,
    i18n::{fill, lang},
};

/// The drawing area inside the SVG's 360 x 220 view box, in whole units. Coordinates are
/// computed in tenths of a unit with integers and written by [`format::tenths`]: no float
/// formatting code in the wasm.
const LEFT: i64 = 56;
const RIGHT: i64 = 344;
const TOP: i64 = 20;
const BOTTOM: i64 = 176;
/// Incomes sampled between 0 and the axis' end, besides the thresholds.
const SAMPLES: i64 = 40;

/// What the chart draws, in SAR.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// The income axis ends here.
    pub max_income: i64,
    /// The support axis ends here (the entitlement).
    pub max_support: i64,
    /// (income, support), by income.
    pub curve: Vec<(i64, i64)>,
    pub threshold: i64,
    pub cutoff: i64,
    /// The household's (income, support).
    pub household: (i64, i64),
}

/// Rounds up to a whole thousand.
fn round_up_thousands(value: i64) -> i64 {
    (value.max(1) + 999) / 1000 * 1000
}

impl ChartData {
    /// Samples the rules' support for this household's composition.
    pub fn new(household: &Composition, date: Date, estimate: &Estimate) -> ChartData {
        let threshold = i64::from(estimate.exemption_threshold);
        let cutoff = i64::from(estimate.income_cutoff);
        let income = household.income.whole_sar();
        let max_income = round_up_thousands((cutoff + cutoff / 5).max(income + income / 10));
        let mut incomes: Vec<i64> = (0..=SAMPLES).map(|i| max_income * i / SAMPLES).collect();
        incomes.extend([threshold, cutoff]);
        incomes.sort_unstable();
        incomes.dedup();
        let curve = incomes
            .into_iter()
            .filter_map(|sar| {
                household
                    .support_at(date, Halalas::from_sar(sar))
                    .map(|support| (sar, i64::from(support)))
            })
            .collect();
        ChartData {
            max_income,
            max_support: i64::from(estimate.entitlement).max(1),
            curve,
            threshold,
            cutoff,
            household: (income, i64::from(estimate.monthly_support)),
        }
    }

    /// SVG x for an income, in tenths of a unit.
    pub fn x(&self, income: i64) -> i64 {
        LEFT * 10 + (RIGHT - LEFT) * 10 * income.clamp(0, self.max_income) / self.max_income.max(1)
    }

    /// SVG y for a support, in tenths of a unit.
    pub fn y(&self, support: i64) -> i64 {
        BOTTOM * 10
            - (BOTTOM - TOP) * 10 * support.clamp(0, self.max_support) / self.max_support.max(1)
    }

    /// The curve as an SVG `points` list.
    pub fn points(&self) -> String {
        self.curve
            .iter()
            .map(|(income, support)| {
                format!(
                    "{},{}",
                    format::tenths(self.x(*income)),
                    format::tenths(self.y(*support))
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The chart, with a title and a description that say in words what it shows.
#[component]
pub fn SupportChart(
    /// What to draw.
    data: ChartData,
) -> impl IntoView {
    let data = StoredValue::new(data);
    let words = move || {
        let lang = lang();
        let texts = lang.texts();
        let d = data.get_value();
        let desc = fill(
            texts.estimate.chart_desc,
            &[
                &format::sar(lang, d.max_support),
                &format::sar(lang, d.threshold),
                &format::sar(lang, d.cutoff),
                &format::sar(lang, d.household.0),
                &format::sar(lang, d.household.1),
            ],
        );
        (texts, desc)
    };
    let tick = move |income: i64| {
        let d = data.get_value();
        let x = format::tenths(d.x(income));
        view! {
            <line class="chart__grid" x1=x.clone() x2=x.clone() y1=TOP y2=BOTTOM />
            <text class="chart__label" x=x y={BOTTOM + 16} text-anchor="middle">
                {move || format::number(lang(), income)}
            </text>
        }
    };
    let d = data.get_value();
    let (you_x, you_y) = (d.x(d.household.0), d.y(d.household.1));
    let top_y = d.y(d.max_support);
    view! {
        <figure class="chart">
            <svg
                class="chart__svg"
                viewBox="0 0 360 220"
                role="img"
                aria-labelledby="chart-title chart-desc"
                dir="ltr"
            >
                <title id="chart-title">{move || words().0.estimate.chart_title}</title>
                <desc id="chart-desc">{move || words().1}</desc>
                {tick(0)}
                {tick(d.threshold)}
                {tick(d.cutoff)}
                <line class="chart__axis" x1=LEFT x2=RIGHT y1=BOTTOM y2=BOTTOM />
                <line class="chart__axis" x1=LEFT x2=LEFT y1=TOP y2=BOTTOM />
                <text class="chart__label" x={LEFT - 6} y=format::tenths(top_y + 40) text-anchor="end">
                    {move || format::number(lang(), d.max_support)}
                </text>
                <text class="chart__label" x={LEFT - 6} y={BOTTOM + 4} text-anchor="end">
                    {move || format::number(lang(), 0)}
                </text>
                <polyline class="chart__line" points=d.points() />
                <circle class="chart__point" cx=format::tenths(you_x) cy=format::tenths(you_y) r="6" />
                <text
                    class="chart__you"
                    x=format::tenths(you_x)
                    y=format::tenths((you_y - 120).max(TOP * 10 + 20))
                    text-anchor={if you_x > 2800 { "end" } else { "middle" }}
                >
                    {move || words().0.estimate.chart_you}
                </text>
                <text class="chart__label chart__axis-name" x={(LEFT + RIGHT) / 2} y="212" text-anchor="middle">
                    {move || words().0.estimate.chart_income}
                </text>
                <text class="chart__label chart__axis-name" x=LEFT y="12" text-anchor="start">
                    {move || words().0.estimate.chart_support}
                </text>
            </svg>
        </figure>
    }
}
