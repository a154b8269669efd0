//! Every parameter file is well formed, and the embedded sets hold what the files say.

#[path = "../build/parameter_file.rs"]
#[allow(dead_code)]
mod parameter_file;

use rules::Date;
use rules::parameters::{self, Ratio};

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_parameter_file_is_well_formed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("parameters");
    let all = parameter_file::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(all.len(), parameter_file::PARAMETERS.len());
}

#[test]
fn malformed_files_are_refused() {
    use parameter_file::{Kind, check};
    let ok = "description: d\nunit: SAR\nvalues:\n  2022-07-01:\n    value: 720\n    source: s\n";
    assert!(check(ok, Kind::Whole).is_ok());
    for bad in [
        "description: d\nunit: SAR\nvalues: {}\n",
        "description: ''\nunit: SAR\nvalues:\n  2022-07-01:\n    value: 720\n    source: s\n",
        "description: d\nunit: SAR\nvalues:\n  2022-02-30:\n    value: 720\n    source: s\n",
        "description: d\nunit: SAR\nvalues:\n  2022-07-01:\n    value: 720\n    source: ''\n",
        "description: d\nunit: SAR\nvalues:\n  2022-07-01:\n    value: 7.5\n    source: s\n",
        "description: d\nunit: SAR\nvalues:\n  2022-07-01:\n    value: 720\n    source: s\n    note: x\n",
    ] {
        assert!(check(bad, Kind::Whole).is_err(), "accepted: {bad}");
    }
    let fraction = |v: &str| {
        format!(
            "description: d\nunit: r\nvalues:\n  2022-07-01:\n    value: \"{v}\"\n    source: s\n"
        )
    };
    assert!(check(&fraction("1/2"), Kind::Fraction).is_ok());
    assert!(check(&fraction("2/2"), Kind::Fraction).is_err());
    assert!(check(&fraction("0/1000"), Kind::Ratio).is_err());
    assert!(check(&fraction("84"), Kind::Ratio).is_err());
}

#[test]
fn the_2022_set_holds_the_spec_figures() {
    let date = |y, m, d| Date::new(y, m, d).unwrap_or_else(|e| panic!("{e}"));
    let set = parameters::in_force(date(2026, 11, 27)).unwrap_or_else(|| panic!("no set"));
    assert_eq!(set.effective_from, date(2022, 7, 1));
    assert_eq!(
        (
            set.head_amount,
            set.dependent_18_plus_amount,
            set.dependent_under_18_amount
        ),
        (720, 360, 216)
    );
    assert_eq!(set.cap(), 2088);
    assert_eq!(
        set.cutoff_ratio,
        Ratio {
            numerator: 84,
            denominator: 1000
        }
    );
    assert_eq!(
        set.exemption_fraction,
        Ratio {
            numerator: 1,
            denominator: 2
        }
    );
    assert_eq!(set.income_cap, 20_000);
    assert_eq!(set.sources.len(), parameter_file::PARAMETERS.len());
    assert!(parameters::in_force(date(2022, 6, 30)).is_none());
    assert_eq!(parameters::in_force(date(2022, 7, 1)), Some(set));
}

#[test]
fn sets_are_in_date_order_with_valid_dates() {
    let sets = parameters::all();
    assert!(!sets.is_empty());
    for set in sets {
        let d = set.effective_from;
        assert_eq!(Date::new(d.year(), d.month(), d.day()), Ok(d));
    }
    assert!(
        sets.windows(2)
            .all(|w| w[0].effective_from < w[1].effective_from)
    );
}
