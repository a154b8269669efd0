//! The program's figures, as dated data.
//!
//! Rule (rules-spec.md, "estimate"; domain.md, "Amounts"): the amounts per member, the cap,
//! the cutoff ratio, the income cap and the exemption fraction are law that changes by date,
//! so they live in `parameters/*.yaml` (one file per parameter: description, unit, and values
//! keyed by effective-from date, each with its source), not in code. `build.rs` turns the
//! files into [`ParameterSet`]s at compile time: one set for every date on which any value
//! changes, holding the value of each parameter in force from that date. Adding next year's
//! figures is a new dated entry in a file; no code changes. [`in_force`] picks the set for a
//! date.

use serde::Serialize;

use crate::dates::Date;

/// A ratio of two positive integers, e.g. 84/1000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Ratio {
    pub numerator: u32,
    pub denominator: u32,
}

/// Where one value in a set comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ParameterSource {
    /// The parameter's file name without `.yaml`.
    pub parameter: &'static str,
    /// When this value took effect (may be earlier than the set's own date).
    pub effective_from: Date,
    pub source: &'static str,
}

/// Every figure in force from `effective_from` until the next set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ParameterSet {
    pub effective_from: Date,
    /// SAR a month for the head of household or an independent individual (720).
    pub head_amount: u32,
    /// SAR a month for each covered dependent aged 18 or more (360).
    pub dependent_18_plus_amount: u32,
    /// SAR a month for each covered dependent under 18 (216).
    pub dependent_under_18_amount: u32,
    /// The cap is the entitlement of a head with this many dependents 18+ (2) ...
    pub cap_dependents_18_plus: u32,
    /// ... and this many under 18 (3).
    pub cap_dependents_under_18: u32,
    /// C = E / cutoff_ratio (84/1000).
    pub cutoff_ratio: Ratio,
    /// SAR a month; C never exceeds it (20,000).
    pub income_cap: u32,
    /// T = C * exemption_fraction (1/2).
    pub exemption_fraction: Ratio,
    /// Where each value comes from.
    pub sources: &'static [ParameterSource],
}

impl ParameterSet {
    /// The most a household can be entitled to, in SAR a month (2,088).
    pub fn cap(&self) -> u32 {
        self.head_amount
            .saturating_add(
                self.cap_dependents_18_plus
                    .saturating_mul(self.dependent_18_plus_amount),
            )
            .saturating_add(
                self.cap_dependents_under_18
                    .saturating_mul(self.dependent_under_18_amount),
            )
    }
}

include!(concat!(env!("OUT_DIR"), "/parameters.rs"));

/// Every parameter set, oldest first.
pub fn all() -> &'static [ParameterSet] {
    PARAMETER_SETS
}

/// The set in force on `date`: the latest whose `effective_from` is on or before it. `None`
/// before the first set (2022-07-01).
pub fn in_force(date: Date) -> Option<&'static ParameterSet> {
    PARAMETER_SETS
        .iter()
        .rev()
        .find(|set| set.effective_from <= date)
}
