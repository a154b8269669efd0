//! The format of `parameters/*.yaml`, shared by `build.rs` (which turns the files into static
//! Rust data) and `tests/parameters.rs` (which checks that every file is well formed).
//!
//! One file per parameter, named after it:
//! ```yaml
//! description: Monthly support for the head of household or an independent individual.
//! unit: SAR per month
//! values:
//!   2022-07-01:          # effective from; a change is a new dated entry, never an edit
//!     value: 720         # a whole number, or a ratio written "84/1000"
//!     source: where the figure comes from
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

/// What a parameter's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole number (SAR or a count).
    Whole,
    /// A ratio "numerator/denominator", both positive.
    Ratio,
    /// A ratio below 1, "numerator/denominator", both positive.
    Fraction,
}

/// Every parameter the rules read, with its kind. A file per name must exist, and no other.
pub const PARAMETERS: &[(&str, Kind)] = &[
    ("head_amount", Kind::Whole),
    ("dependent_18_plus_amount", Kind::Whole),
    ("dependent_under_18_amount", Kind::Whole),
    ("cap_dependents_18_plus", Kind::Whole),
    ("cap_dependents_under_18", Kind::Whole),
    ("cutoff_ratio", Kind::Ratio),
    ("income_cap", Kind::Whole),
    ("exemption_fraction", Kind::Fraction),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParameterFile {
    pub description: String,
    pub unit: String,
    pub values: BTreeMap<String, DatedValue>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedValue {
    pub value: RawValue,
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawValue {
    Whole(u32),
    Text(String),
}

/// A checked value: a whole number, or numerator and denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Whole(u32),
    Ratio(u32, u32),
}

/// One checked parameter: (effective-from (y, m, d), value, source), in date order.
pub type Series = Vec<((i32, u8, u8), Value, String)>;

/// Reads and checks every parameter file in `dir`.
pub fn load(dir: &Path) -> Result<BTreeMap<String, Series>, String> {
    let mut found = BTreeMap::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
            return Err(format!("{}: only *.yaml files belong here", path.display()));
        }
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| format!("{}: bad file name", path.display()))?
            .to_string();
        let kind = PARAMETERS
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, kind)| *kind)
            .ok_or_else(|| format!("{}: no parameter is called {name}", path.display()))?;
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let series = check(&text, kind).map_err(|e| format!("{}: {e}", path.display()))?;
        found.insert(name, series);
    }
    for (name, _) in PARAMETERS {
        if !found.contains_key(*name) {
            return Err(format!("{}: missing {name}.yaml", dir.display()));
        }
    }
    Ok(found)
}

/// Checks one file's text.
pub fn check(text: &str, kind: Kind) -> Result<Series, String> {
    let file: ParameterFile = serde_norway::from_str(text).map_err(|e| e.to_string())?;
    if file.description.trim().is_empty() || file.unit.trim().is_empty() {
        return Err("description and unit must not be empty".into());
    }
    if file.values.is_empty() {
        return Err("values must have at least one dated entry".into());
    }
    let mut series = Vec::new();
    for (date, dated) in file.values {
        let date = check_date(&date)?;
        if dated.source.trim().is_empty() {
            return Err(format!("{date:?}: source must not be empty"));
        }
        let value = match (kind, dated.value) {
            (Kind::Whole, RawValue::Whole(n)) => Value::Whole(n),
            (Kind::Ratio | Kind::Fraction, RawValue::Text(text)) => {
                let (n, d) = text
                    .split_once('/')
                    .and_then(|(n, d)| {
                        Some((n.trim().parse::<u32>().ok()?, d.trim().parse::<u32>().ok()?))
                    })
                    .ok_or_else(|| {
                        format!("{date:?}: a ratio is written \"numerator/denominator\"")
                    })?;
                if n == 0 || d == 0 || (kind == Kind::Fraction && n >= d) {
                    return Err(format!(
                        "{date:?}: {n}/{d} is not a positive ratio (below 1 for a fraction)"
                    ));
                }
                Value::Ratio(n, d)
            }
            (kind, value) => return Err(format!("{date:?}: {value:?} is not a {kind:?} value")),
        };
        series.push((date, value, dated.source));
    }
    series.sort_by_key(|(date, _, _)| *date);
    Ok(series)
}

/// Checks an effective-from date `YYYY-MM-DD` (a real Gregorian day, years 2000-9999).
pub fn check_date(text: &str) -> Result<(i32, u8, u8), String> {
    let bad = || format!("{text:?} is not a YYYY-MM-DD date");
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let year: i32 = y.parse().map_err(|_| bad())?;
    let month: u8 = m.parse().map_err(|_| bad())?;
    let day: u8 = d.parse().map_err(|_| bad())?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if !(2000..=9999).contains(&year) || day == 0 || day > days {
        return Err(bad());
    }
    Ok((year, month, day))
}
