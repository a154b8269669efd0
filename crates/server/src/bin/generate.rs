//! Fills a database with synthetic households for load tests:
//!
//!   generate --households 1000000 --months 12 --database-url sqlite:data/load.db
//!
//! National IDs are 11, the household number and a Luhn check digit, so they are
//! valid and predictable (`generate --print-id 42`); every password is `Load@2026`. They are
//! marked `origin = 'synthetic'`, which demo mode accepts (`generate --count` tells how many). Amounts
//! come from the shared rules, the same way the demo's do. Rows go in batches inside
//! transactions: a million households with a year of payments takes minutes on SQLite.

use anyhow::Context;
use clap::Parser;
use rules::{
    dates::Calendar,
    eligibility::{ApplicantKind, Nationality, Relation, Sex},
};
use server::{
    db, demo,
    household::{HouseholdRecord, RecordedDependent},
};

#[derive(Debug, Parser)]
struct Options {
    /// How many households to add.
    #[arg(long, default_value_t = 10_000)]
    households: u64,
    /// Payments per household, ending with the newest cycle.
    #[arg(long, default_value_t = 12)]
    months: u32,
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite:data/load.db")]
    database_url: String,
    /// Only print the national ID of synthetic household N (1-based) and exit.
    #[arg(long)]
    print_id: Option<u64>,
    /// Only print how many generated households the database holds and exit (benchmarks
    /// reuse a filled database).
    #[arg(long)]
    count: bool,
}

pub const LOAD_PASSWORD: &str = "Load@2026";
const BATCH: usize = 2000;

/// The national ID of synthetic household `n` (1-based): `11` then 7 digits then the check
/// digit, clear of the demo accounts (`10000000..`).
fn national_id(n: u64) -> String {
    let first_nine = format!("1{:08}", 10_000_000 + n);
    let check = rules::national_id::check_digit(&first_nine).unwrap_or(0);
    format!("{first_nine}{check}")
}

/// A small deterministic generator, so runs are repeatable.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let options = Options::parse();
    if let Some(n) = options.print_id {
        println!("{}", national_id(n));
        return Ok(());
    }
    anyhow::ensure!(
        options.households <= 99_999_999,
        "at most 99,999,999 households"
    );
    let database = db::connect(&options.database_url).await?;
    if options.count {
        let count: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM beneficiaries WHERE origin = 'synthetic'")
                .fetch_one(&database.pool)
                .await?;
        println!("{count}");
        return Ok(());
    }
    let start: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM beneficiaries")
        .fetch_one(&database.pool)
        .await?;
    let already: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM beneficiaries WHERE national_id LIKE '1%' AND name_en LIKE 'Load %'",
    )
    .fetch_one(&database.pool)
    .await?;
    let hash = demo::hash_password(LOAD_PASSWORD)?;
    let today = server::clock::Clock::default().today();
    let newest = demo::newest_cycle(today)?;
    let first_cycle = newest + 1 - options.months.max(1);
    let mut cycles = Vec::new();
    for cycle in first_cycle..=newest {
        let (year, month) =
            rules::payment_cycle::year_month(cycle).map_err(|e| anyhow::anyhow!("{e}"))?;
        cycles.push((
            cycle,
            rules::payment_cycle::payment_date(year, month).map_err(|e| anyhow::anyhow!("{e}"))?,
        ));
    }
    let started = std::time::Instant::now();
    let mut mix = Mix(0x5eed);
    let mut next_id = start + 1;
    let mut remaining = options.households;
    let mut number = already as u64 + 1;
    while remaining > 0 {
        let size = remaining.min(BATCH as u64);
        let mut households = Vec::with_capacity(size as usize);
        for _ in 0..size {
            households.push(synthetic(&mut mix, next_id, number));
            next_id += 1;
            number += 1;
        }
        insert_batch(&database, &households, &hash, today, &cycles).await?;
        remaining -= size;
        let done = options.households - remaining;
        if done % 50_000 == 0 || remaining == 0 {
            eprintln!(
                "{done} households in {:.1}s",
                started.elapsed().as_secs_f64()
            );
        }
    }
    // Fresh statistics for the planner, and on PostgreSQL a visibility map, so that reads of
    // the new rows can be answered from indexes alone.
    let analysing = std::time::Instant::now();
    match database.backend {
        db::Backend::Postgres => {
            sqlx::query(
                "VACUUM ANALYZE beneficiaries, dependents, household_incomes, \
                 eligibility_results, payments",
            )
            .execute(&database.pool)
            .await?
        }
        db::Backend::Sqlite => {
            sqlx::query("ANALYZE").execute(&database.pool).await?;
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&database.pool)
                .await?
        }
    };
    eprintln!(
        "statistics for the planner in {:.1}s",
        analysing.elapsed().as_secs_f64()
    );
    eprintln!(
        "done: {} households, {} payments each, in {:.1}s; password {LOAD_PASSWORD}; first ID {}",
        options.households,
        cycles.len(),
        started.elapsed().as_secs_f64(),
        national_id(already as u64 + 1)
    );
    Ok(())
}

struct Synthetic {
    id: i64,
    national_id: String,
    birth_hijri: String,
    dependents: Vec<(Relation, String)>,
    income_halalas: i64,
}

fn synthetic(mix: &mut Mix, id: i64, number: u64) -> Synthetic {
    let birth_hijri = format!(
        "{}-{:02}-{:02}",
        1380 + mix.below(40),
        1 + mix.below(12),
        1 + mix.below(29)
    );
    let mut dependents = Vec::new();
    if mix.below(10) < 8 {
        dependents.push((
            Relation::Spouse,
            format!(
                "{}-{:02}-{:02}",
                1385 + mix.below(35),
                1 + mix.below(12),
                1 + mix.below(29)
            ),
        ));
    }
    for _ in 0..mix.below(6) {
        dependents.push((
            Relation::Child,
            format!(
                "{}-{:02}-{:02}",
                1425 + mix.below(19),
                1 + mix.below(12),
                1 + mix.below(29)
            ),
        ));
    }
    Synthetic {
        id,
        national_id: national_id(number),
        birth_hijri,
        dependents,
        income_halalas: (mix.below(20_000) as i64) * 100,
    }
}

/// `($1, $2), ($3, $4)` for `rows` rows of `columns` placeholders each.
fn placeholders(backend: db::Backend, rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|row| {
            let cells: Vec<String> = (1..=columns)
                .map(|c| match backend {
                    // SQLite's driver looks numbered parameters up one by one: use `?`.
                    db::Backend::Sqlite => "?".to_owned(),
                    db::Backend::Postgres => format!("${}", row * columns + c),
                })
                .collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// beneficiary id, cycle, date, amount, status, steps.
type PaymentRow = (i64, i64, String, i64, &'static str, Option<String>);

/// Multi-row inserts: one statement per table and chunk, not one per row.
async fn insert_batch(
    database: &db::Database,
    households: &[Synthetic],
    hash: &str,
    today: rules::Date,
    cycles: &[(u32, rules::Date)],
) -> anyhow::Result<()> {
    let today = today.to_string();
    let mut transaction = database.pool.begin().await?;

    let sql = format!(
        "INSERT INTO beneficiaries (id, national_id, name_ar, name_en, birth_date, birth_calendar, \
         nationality, kind, mobile, iban, password_hash, created_at, origin) VALUES {}",
        placeholders(database.backend, households.len(), 13)
    );
    let mut query = sqlx::query(&sql);
    for household in households {
        query = query
            .bind(household.id)
            .bind(&household.national_id)
            .bind("أسرة تجريبية")
            .bind(format!("Load {}", household.national_id))
            .bind(&household.birth_hijri)
            .bind(Calendar::Hijri.code())
            .bind(Nationality::Saudi.code())
            .bind(ApplicantKind::Head.code())
            .bind("0500000000")
            .bind("SA0380000000608010167519")
            .bind(hash)
            .bind(&today)
            .bind("synthetic");
    }
    query
        .execute(&mut *transaction)
        .await
        .context("beneficiaries")?;

    let dependents: Vec<(i64, i64, Relation, &String)> = households
        .iter()
        .flat_map(|household| {
            household
                .dependents
                .iter()
                .enumerate()
                .map(|(position, (relation, birth))| {
                    (household.id, position as i64 + 1, *relation, birth)
                })
        })
        .collect();
    // Spouses are wives; children alternate son, daughter (no random draw, so the same seed
    // still makes the same households).
    let sex = |relation: Relation, position: i64| match relation {
        Relation::Spouse => Sex::Female,
        _ if position % 2 == 0 => Sex::Female,
        _ => Sex::Male,
    };
    for chunk in dependents.chunks(1000) {
        let sql = format!(
            "INSERT INTO dependents (beneficiary_id, position, relation, sex, name_ar, name_en, \
             birth_date, birth_calendar, nationality) VALUES {}",
            placeholders(database.backend, chunk.len(), 9)
        );
        let mut query = sqlx::query(&sql);
        for (beneficiary_id, position, relation, birth) in chunk {
            query = query
                .bind(*beneficiary_id)
                .bind(*position)
                .bind(relation.code())
                .bind(sex(*relation, *position).code())
                .bind("تابع")
                .bind("Dependent")
                .bind(*birth)
                .bind(Calendar::Hijri.code())
                .bind(Nationality::Saudi.code());
        }
        query
            .execute(&mut *transaction)
            .await
            .context("dependents")?;
    }

    let sql = format!(
        "INSERT INTO household_incomes (beneficiary_id, effective_from, monthly_income_halalas) VALUES {}",
        placeholders(database.backend, households.len(), 3)
    );
    let mut query = sqlx::query(&sql);
    for household in households {
        query = query
            .bind(household.id)
            .bind("2017-01-01")
            .bind(household.income_halalas);
    }
    query.execute(&mut *transaction).await.context("incomes")?;

    // The rules' steps are kept for the newest payment only: they are what a detail page
    // shows, and a million households' worth of every month's steps would be gigabytes.
    let mut payments: Vec<PaymentRow> = Vec::new();
    for household in households {
        let record = record_of(household);
        for (index, (cycle, paid_on)) in cycles.iter().enumerate() {
            let result = record.assess_on(*paid_on)?;
            let amount = i64::from(result.estimate.monthly_support);
            let steps = if index + 1 == cycles.len() {
                Some(serde_json::to_string(&result.estimate.steps)?)
            } else {
                None
            };
            let status = if amount > 0 { "paid" } else { "none" };
            payments.push((
                household.id,
                i64::from(*cycle),
                paid_on.to_string(),
                amount,
                status,
                steps,
            ));
        }
    }
    for chunk in payments.chunks(1000) {
        let sql = format!(
            "INSERT INTO payments (beneficiary_id, cycle, paid_on, amount_sar, status, steps_json) VALUES {}",
            placeholders(database.backend, chunk.len(), 6)
        );
        let mut query = sqlx::query(&sql);
        for (beneficiary_id, cycle, paid_on, amount, status, steps) in chunk {
            query = query
                .bind(*beneficiary_id)
                .bind(*cycle)
                .bind(paid_on.as_str())
                .bind(*amount)
                .bind(*status)
                .bind(steps.as_deref());
        }
        query.execute(&mut *transaction).await.context("payments")?;
    }
    transaction.commit().await?;
    Ok(())
}

fn record_of(household: &Synthetic) -> HouseholdRecord {
    use rules::eligibility::{Applicant, Dependent};
    HouseholdRecord {
        applicant_name_ar: String::new(),
        applicant_name_en: String::new(),
        applicant: Applicant {
            kind: ApplicantKind::Head,
            birth_date: None,
            birth_date_hijri: Some(household.birth_hijri.clone()),
            nationality: Nationality::Saudi,
            resident_last_3_months: true,
            detained_or_sheltered: false,
            bank_account: true,
            iban: Some("SA0380000000608010167519".to_owned()),
            housing_proof: false,
        },
        dependents: household
            .dependents
            .iter()
            .map(|(relation, birth)| RecordedDependent {
                id: 0,
                name_ar: String::new(),
                name_en: String::new(),
                sex: None,
                dependent: Dependent {
                    relation: *relation,
                    birth_date: None,
                    birth_date_hijri: Some(birth.clone()),
                    nationality: Nationality::Saudi,
                },
            })
            .collect(),
        monthly_income_halalas: household.income_halalas,
        commercial_registration: false,
    }
}
