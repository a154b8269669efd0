//! The one runner for the test vectors in `vectors/*.yaml` (format: rules-spec.md, "Test
//! vectors").
//!
//! - Natively (`cargo test -p rules --test vectors`) it reads every `*.yaml` in `vectors/`,
//!   or in `$RULES_VECTORS_DIR` when that is set.
//! - In headless Chromium (`cargo test -p rules --target wasm32-unknown-unknown --test
//!   vectors`) it runs the same files, embedded with `include_str!` in [`EMBEDDED`]; a native
//!   test checks that list against the folder so the two cannot drift.
//!
//! A case compares only the keys its `output` names, or its `error` code; exactly one of the
//! two. Every failure is reported with its file and name, what was expected and what came.

use std::collections::BTreeSet;

use rules::dates::Date;
use rules::eligibility::Household;
use rules::objection_window::{self, PaymentStatus};
use rules::{age, assess, estimate, iban, national_id, payment_cycle};
use serde::Deserialize;
use serde_norway::{Mapping, Value};

/// The vector files, embedded for the browser run. Keep in step with `vectors/`: the native
/// test `embedded_list_matches_the_vectors_folder` fails when they differ.
const EMBEDDED: &[(&str, &str)] = &[
    ("age.yaml", include_str!("../vectors/age.yaml")),
    (
        "eligibility.yaml",
        include_str!("../vectors/eligibility.yaml"),
    ),
    ("estimate.yaml", include_str!("../vectors/estimate.yaml")),
    ("iban.yaml", include_str!("../vectors/iban.yaml")),
    (
        "national_id.yaml",
        include_str!("../vectors/national_id.yaml"),
    ),
    (
        "objection_window.yaml",
        include_str!("../vectors/objection_window.yaml"),
    ),
    (
        "payment_cycle.yaml",
        include_str!("../vectors/payment_cycle.yaml"),
    ),
    ("text.yaml", include_str!("../vectors/text.yaml")),
    ("password.yaml", include_str!("../vectors/password.yaml")),
];

const RULES: &[&str] = &[
    "eligibility",
    "national_id",
    "iban",
    "age",
    "payment_cycle",
    "objection_window",
    "text",
    "password",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    rule: String,
    input: Value,
    #[serde(default)]
    output: Option<Value>,
    #[serde(default)]
    error: Option<String>,
}

/// What a rule returned: its outputs by key, or an error code.
enum Outcome {
    Output(Mapping),
    Error(&'static str),
}

/// The results of running some files.
#[derive(Debug, Default)]
struct Report {
    cases: usize,
    failures: Vec<String>,
    /// Rules and error codes seen, for the coverage test.
    rules: BTreeSet<String>,
    errors: BTreeSet<String>,
}

impl Report {
    fn fail(&mut self, file: &str, name: &str, message: String) {
        self.failures.push(format!("{file}: \"{name}\": {message}"));
    }

    fn assert_passed(&self) {
        assert!(self.cases > 0, "no vector cases were found");
        assert!(
            self.failures.is_empty(),
            "{} of {} vector cases failed:\n{}",
            self.failures.len(),
            self.cases,
            self.failures.join("\n")
        );
    }
}

/// Runs every case of every `(file name, text)`.
fn run(files: &[(String, String)]) -> Report {
    let mut report = Report::default();
    for (file, text) in files {
        let cases: Vec<Case> = match serde_norway::from_str(text) {
            Ok(cases) => cases,
            Err(e) => {
                report.fail(file, "(whole file)", format!("not a list of cases: {e}"));
                continue;
            }
        };
        let mut names = BTreeSet::new();
        for case in cases {
            report.cases += 1;
            if !names.insert(case.name.clone()) {
                report.fail(
                    file,
                    &case.name,
                    "the same name is used twice in this file".into(),
                );
            }
            check(file, case, &mut report);
        }
    }
    report
}

/// Runs one case and records a failure when it does not hold.
fn check(file: &str, case: Case, report: &mut Report) {
    report.rules.insert(case.rule.clone());
    if let Some(code) = &case.error {
        report.errors.insert(code.clone());
    }
    let outcome = match evaluate(&case.rule, case.input) {
        Ok(outcome) => outcome,
        Err(problem) => return report.fail(file, &case.name, format!("bad input: {problem}")),
    };
    match (case.output, case.error, outcome) {
        (Some(_), Some(_), _) | (None, None, _) => report.fail(
            file,
            &case.name,
            "a case has exactly one of `output` and `error`".into(),
        ),
        (None, Some(expected), Outcome::Error(code)) if expected == code => {}
        (None, Some(expected), Outcome::Error(code)) => report.fail(
            file,
            &case.name,
            format!("expected error {expected}, got error {code}"),
        ),
        (None, Some(expected), Outcome::Output(output)) => report.fail(
            file,
            &case.name,
            format!(
                "expected error {expected}, got output {}",
                show(&Value::Mapping(output))
            ),
        ),
        (Some(_), None, Outcome::Error(code)) => report.fail(
            file,
            &case.name,
            format!("expected an output, got error {code}"),
        ),
        (Some(expected), None, Outcome::Output(actual)) => {
            let Value::Mapping(expected) = expected else {
                return report.fail(file, &case.name, "`output` must be a mapping".into());
            };
            if expected.is_empty() {
                return report.fail(file, &case.name, "`output` names no key".into());
            }
            let mut differences = Vec::new();
            for (key, want) in &expected {
                match actual.get(key) {
                    Some(got) if got == want => {}
                    Some(got) => differences.push(format!(
                        "{}: expected {}, got {}",
                        show(key),
                        show(want),
                        show(got)
                    )),
                    None => differences.push(format!(
                        "{}: the rule has no such output (it has {})",
                        show(key),
                        actual.keys().map(show).collect::<Vec<_>>().join(", ")
                    )),
                }
            }
            if !differences.is_empty() {
                report.fail(file, &case.name, differences.join("; "));
            }
        }
    }
}

/// One line for a YAML value: scalars as written, `[a, b]`, `{k: v}`.
fn show(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Sequence(items) => {
            format!(
                "[{}]",
                items.iter().map(show).collect::<Vec<_>>().join(", ")
            )
        }
        Value::Mapping(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{}: {}", show(k), show(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Tagged(tagged) => format!("{} {}", tagged.tag, show(&tagged.value)),
    }
}

fn parse<T: for<'de> Deserialize<'de>>(input: Value) -> Result<T, String> {
    serde_norway::from_value(input).map_err(|e| e.to_string())
}

fn to_value(value: impl serde::Serialize) -> Value {
    serde_norway::to_value(value).unwrap_or(Value::Null)
}

fn output(pairs: Vec<(&str, Value)>) -> Outcome {
    Outcome::Output(
        pairs
            .into_iter()
            .map(|(k, v)| (Value::String(k.into()), v))
            .collect(),
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Typed {
    value: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PasswordInput {
    password: String,
    national_id: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgeInput {
    date: Date,
    birth_date: Option<String>,
    birth_date_hijri: Option<String>,
}

/// A month's payment, a payment's month, the next payment on or after `date`, or the first
/// payment a change accepted on `accepted_on` applies to.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, untagged)]
enum CycleInput {
    YearMonth { year: i32, month: u8 },
    Number { number: u32 },
    Next { date: Date },
    Change { accepted_on: Date },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, tag = "kind", rename_all = "snake_case")]
enum WindowInput {
    Payment {
        date: Date,
        status: PaymentStatus,
        paid_on: Date,
        open: bool,
    },
    Eligibility {
        date: Date,
        eligible: bool,
        result_date: Date,
        open: bool,
    },
}

/// Calls the rule named by a case, and returns what it gave in the vectors' vocabulary.
fn evaluate(rule: &str, input: Value) -> Result<Outcome, String> {
    Ok(match rule {
        "national_id" => match national_id::validate(&parse::<Typed>(input)?.value) {
            Ok(id) => output(vec![
                ("valid", Value::Bool(true)),
                ("kind", to_value(id.kind)),
                ("normalized", Value::String(id.normalized)),
            ]),
            Err(e) => Outcome::Error(e.code()),
        },
        "text" => match rules::text::clean(&parse::<Typed>(input)?.value) {
            Ok(text) => output(vec![
                ("valid", Value::Bool(true)),
                ("text", Value::String(text)),
            ]),
            Err(e) => Outcome::Error(e.code()),
        },
        "password" => {
            let input: PasswordInput = parse(input)?;
            match rules::password::check(&input.password, &input.national_id) {
                Ok(()) => output(vec![("valid", Value::Bool(true))]),
                Err(e) => Outcome::Error(e.code()),
            }
        }
        "iban" => match iban::validate(&parse::<Typed>(input)?.value) {
            Ok(iban) => output(vec![
                ("valid", Value::Bool(true)),
                ("normalized", Value::String(iban.normalized)),
            ]),
            Err(e) => Outcome::Error(e.code()),
        },
        "age" => {
            let input: AgeInput = parse(input)?;
            let counted = match age::BirthDate::read_fields(
                input.birth_date.as_deref(),
                input.birth_date_hijri.as_deref(),
            ) {
                Ok(counted) => counted,
                Err(e) => return Ok(Outcome::Error(e.code())),
            };
            let counted_from = match counted.birth {
                age::BirthDate::Gregorian(date) => to_value(date),
                age::BirthDate::Hijri(date) => to_value(date),
            };
            match age::years(counted.birth, input.date) {
                Ok(years) => output(vec![
                    ("years", to_value(years)),
                    ("counted_from", counted_from),
                    ("moved", Value::Bool(counted.moved)),
                ]),
                Err(e) => Outcome::Error(e.code()),
            }
        }
        "eligibility" => {
            let household: Household = parse(input)?;
            let assessment = match assess(&household) {
                Ok(assessment) => assessment,
                Err(e) => return Ok(Outcome::Error(e.code())),
            };
            let estimate = match estimate(&assessment) {
                Ok(estimate) => estimate,
                Err(e) => return Ok(Outcome::Error(e.code())),
            };
            output(vec![
                ("eligible", Value::Bool(assessment.eligible)),
                ("failed", to_value(&assessment.failed)),
                ("reasons", to_value(&assessment.reasons)),
                (
                    "dependents",
                    to_value(
                        assessment
                            .dependents
                            .iter()
                            .map(|d| d.covered)
                            .collect::<Vec<_>>(),
                    ),
                ),
                ("applicant_age", to_value(assessment.applicant_age)),
                (
                    "dependent_ages",
                    to_value(
                        assessment
                            .dependents
                            .iter()
                            .map(|d| d.age)
                            .collect::<Vec<_>>(),
                    ),
                ),
                ("entitlement", to_value(estimate.entitlement)),
                ("monthly_support", to_value(estimate.monthly_support)),
                (
                    "exemption_threshold",
                    to_value(estimate.exemption_threshold),
                ),
                ("income_cutoff", to_value(estimate.income_cutoff)),
                ("cap_applied", Value::Bool(estimate.steps.cap_applied)),
                ("band", to_value(estimate.steps.band)),
                (
                    "parameters_effective_from",
                    to_value(estimate.steps.parameters_effective_from),
                ),
            ])
        }
        "payment_cycle" => match parse::<CycleInput>(input)? {
            CycleInput::YearMonth { year, month } => {
                match (
                    payment_cycle::number(year, month),
                    payment_cycle::payment_date(year, month),
                ) {
                    (Ok(number), Ok(date)) => output(vec![
                        ("number", to_value(number)),
                        ("payment_date", to_value(date)),
                        ("weekday", to_value(date.weekday())),
                    ]),
                    (Err(e), _) | (_, Err(e)) => Outcome::Error(e.code()),
                }
            }
            CycleInput::Number { number } => match payment_cycle::year_month(number) {
                Ok((year, month)) => {
                    output(vec![("year", to_value(year)), ("month", to_value(month))])
                }
                Err(e) => Outcome::Error(e.code()),
            },
            CycleInput::Next { date } => match payment_cycle::next_payment(date) {
                Ok(next) => output(vec![
                    ("number", to_value(next.number)),
                    ("payment_date", to_value(next.date)),
                    ("weekday", to_value(next.date.weekday())),
                    ("days_until", to_value(next.days_until)),
                ]),
                Err(e) => Outcome::Error(e.code()),
            },
            CycleInput::Change { accepted_on } => {
                match payment_cycle::first_cycle_for_change(accepted_on) {
                    Ok(first) => output(vec![
                        ("number", to_value(first.number)),
                        ("payment_date", to_value(first.date)),
                        ("days_until", to_value(first.days_until)),
                    ]),
                    Err(e) => Outcome::Error(e.code()),
                }
            }
        },
        "objection_window" => {
            let window = match parse::<WindowInput>(input)? {
                WindowInput::Payment {
                    date,
                    status,
                    paid_on,
                    open,
                } => objection_window::payment(date, status, paid_on, open),
                WindowInput::Eligibility {
                    date,
                    eligible,
                    result_date,
                    open,
                } => objection_window::eligibility(date, eligible, result_date, open),
            };
            match window {
                Ok(window) => output(vec![
                    ("allowed", Value::Bool(window.allowed)),
                    ("reason", to_value(window.reason)),
                    ("deadline", to_value(window.deadline)),
                ]),
                Err(e) => Outcome::Error(e.code()),
            }
        }
        other => return Err(format!("unknown rule {other:?}; the rules are {RULES:?}")),
    })
}

fn embedded() -> Vec<(String, String)> {
    EMBEDDED
        .iter()
        .map(|(name, text)| ((*name).to_string(), (*text).to_string()))
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::{Path, PathBuf};

    use super::*;

    fn default_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors")
    }

    /// `(file name, text)` of every `*.yaml` in `dir`, sorted by name.
    fn read_dir(dir: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
            .map(|path| {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                (name.unwrap_or_default(), text)
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn every_vector_holds() {
        let dir = std::env::var_os("RULES_VECTORS_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(default_dir);
        let report = run(&read_dir(&dir));
        println!("{} vector cases from {}", report.cases, dir.display());
        report.assert_passed();
    }

    #[test]
    fn embedded_list_matches_the_vectors_folder() {
        let on_disk = read_dir(&default_dir());
        let embedded = embedded();
        let names = |files: &[(String, String)]| {
            files
                .iter()
                .map(|(n, _)| n.clone())
                .collect::<BTreeSet<_>>()
        };
        assert_eq!(
            names(&embedded),
            names(&on_disk),
            "EMBEDDED in tests/vectors.rs must list exactly the files in vectors/"
        );
        assert_eq!(embedded.len(), EMBEDDED.len(), "a file is embedded twice");
    }

    #[test]
    fn vectors_cover_every_rule_and_every_error_code() {
        let report = run(&embedded());
        assert!(report.cases >= 150, "only {} vector cases", report.cases);
        let rules: BTreeSet<String> = RULES.iter().map(|r| (*r).to_string()).collect();
        assert_eq!(
            report.rules, rules,
            "every rule has vectors, and only those"
        );
        let codes: BTreeSet<String> = rules::all_error_codes()
            .into_iter()
            .map(String::from)
            .collect();
        let missing: Vec<_> = codes.difference(&report.errors).collect();
        assert!(
            missing.is_empty(),
            "no vector expects these error codes: {missing:?}"
        );
        let unknown: Vec<_> = report.errors.difference(&codes).collect();
        assert!(
            unknown.is_empty(),
            "vectors expect codes the rules do not have: {unknown:?}"
        );
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn every_vector_holds_in_the_browser() {
        let report = run(&embedded());
        wasm_bindgen_test::console_log!("{} vector cases, embedded", report.cases);
        report.assert_passed();
    }
}
