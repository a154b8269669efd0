//! Assessment plus estimate: one household of six, and a batch of one million generated
//! households on one core. Targets: at most 2 µs per household, the batch under 2 s.
//!
//! Run: `cargo bench -p rules` (native only).
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(not(target_arch = "wasm32"))]
mod native {

    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use criterion::{Criterion, criterion_group};
    use rules::eligibility::{Applicant, ApplicantKind, Dependent, Nationality, Relation};
    use rules::money::SarAmount;
    use rules::{Date, Household, assess, estimate};

    fn household_of_six(date: Date, seed: u64) -> Household {
        let dependent = |relation, birth: String, nationality| Dependent {
            relation,
            birth_date: Some(birth),
            birth_date_hijri: None,
            nationality,
        };
        let day = 1 + seed % 28;
        Household {
            date,
            applicant: Applicant {
                kind: ApplicantKind::Head,
                birth_date: None,
                birth_date_hijri: Some(format!("14{:02}-{:02}-{day:02}", 0, 1 + seed % 12)),
                nationality: Nationality::Saudi,
                resident_last_3_months: true,
                detained_or_sheltered: false,
                bank_account: true,
                iban: Some("SA0380000000608010167519".into()),
                housing_proof: false,
            },
            dependents: vec![
                dependent(
                    Relation::Spouse,
                    format!("1992-02-{day:02}"),
                    Nationality::NonSaudi,
                ),
                dependent(
                    Relation::Child,
                    format!("2005-03-{day:02}"),
                    Nationality::Saudi,
                ),
                dependent(
                    Relation::Child,
                    format!("2012-07-{day:02}"),
                    Nationality::Saudi,
                ),
                dependent(
                    Relation::Child,
                    format!("2015-11-{day:02}"),
                    Nationality::Saudi,
                ),
                dependent(
                    Relation::Other,
                    format!("1950-01-{day:02}"),
                    Nationality::Saudi,
                ),
            ],
            monthly_income: SarAmount::Whole(i64::try_from(seed % 20_000).unwrap_or(0)),
        }
    }

    fn run(household: &Household) -> u32 {
        match assess(household).map(|a| estimate(&a)) {
            Ok(Ok(estimate)) => estimate.monthly_support,
            _ => 0,
        }
    }

    fn benches(c: &mut Criterion) {
        let date = Date::new(2026, 11, 27).unwrap_or_else(|_| unreachable!());
        let six = household_of_six(date, 7);
        c.bench_function("assess + estimate, household of six", |b| {
            b.iter(|| run(black_box(&six)))
        });

        let batch: Vec<Household> = (0..1_000_000u64)
            .map(|seed| household_of_six(date, seed))
            .collect();
        let mut group = c.benchmark_group("batch");
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(20));
        group.bench_function("one million households, one core", |b| {
            b.iter(|| {
                batch
                    .iter()
                    .map(|h| u64::from(run(black_box(h))))
                    .sum::<u64>()
            })
        });
        group.finish();

        // One plain timing of the batch, printed for the README.
        let start = Instant::now();
        let total: u64 = batch.iter().map(|h| u64::from(run(h))).sum();
        println!(
            "one pass over 1,000,000 households: {:?} (total support {total} SAR)",
            start.elapsed()
        );
    }

    criterion_group!(households, benches);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::households();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}

/// The benchmark is native only.
#[cfg(target_arch = "wasm32")]
fn main() {}
