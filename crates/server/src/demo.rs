//! Demo data: the accounts the README lists, seeded once into an empty database when the
//! server runs with `--demo`. Never used outside demo mode.

use anyhow::Context;
use argon2::{
    Argon2, PasswordHasher,
    password_hash::{SaltString, rand_core::OsRng},
};

use rules::{
    dates::Calendar,
    eligibility::{ApplicantKind, Nationality, Relation, Sex},
};

use crate::{db::Database, household};

/// A member of a demo household other than the applicant.
pub struct DemoDependent {
    pub relation: Relation,
    /// The words say الزوجة / الزوج, ابن / ابنة.
    pub sex: Sex,
    pub name_ar: &'static str,
    pub name_en: &'static str,
    pub birth_date: &'static str,
    pub birth_calendar: Calendar,
    pub nationality: Nationality,
}

/// One demo beneficiary; every demo account's password is [`DEMO_PASSWORD`].
pub struct DemoBeneficiary {
    pub national_id: &'static str,
    pub name_ar: &'static str,
    pub name_en: &'static str,
    pub birth_date: &'static str,
    pub birth_calendar: Calendar,
    pub nationality: Nationality,
    pub kind: ApplicantKind,
    pub mobile: &'static str,
    pub iban: Option<&'static str>,
    pub housing_proof: bool,
    pub commercial_registration: bool,
    pub monthly_income_sar: i64,
    pub dependents: &'static [DemoDependent],
    /// The newest payment is still being processed.
    pub newest_processing: bool,
    /// An objection under review on the newest paid payment.
    pub open_objection: bool,
    /// A payment this many cycles before the newest was returned by the bank.
    pub returned_cycles_ago: Option<u32>,
    /// What the account shows, for the README's list of demo logins.
    pub story: &'static str,
}

pub const DEMO_PASSWORD: &str = "Demo@2026";
const IBAN: Option<&str> = Some("SA0380000000608010167519");

const fn son(name_ar: &'static str, name_en: &'static str, hijri: &'static str) -> DemoDependent {
    DemoDependent {
        relation: Relation::Child,
        sex: Sex::Male,
        name_ar,
        name_en,
        birth_date: hijri,
        birth_calendar: Calendar::Hijri,
        nationality: Nationality::Saudi,
    }
}

const fn daughter(
    name_ar: &'static str,
    name_en: &'static str,
    hijri: &'static str,
) -> DemoDependent {
    DemoDependent {
        relation: Relation::Child,
        sex: Sex::Female,
        name_ar,
        name_en,
        birth_date: hijri,
        birth_calendar: Calendar::Hijri,
        nationality: Nationality::Saudi,
    }
}

const fn wife(name_ar: &'static str, name_en: &'static str, hijri: &'static str) -> DemoDependent {
    DemoDependent {
        relation: Relation::Spouse,
        sex: Sex::Female,
        name_ar,
        name_en,
        birth_date: hijri,
        birth_calendar: Calendar::Hijri,
        nationality: Nationality::Saudi,
    }
}

const fn person(
    national_id: &'static str,
    name_ar: &'static str,
    name_en: &'static str,
    birth_hijri: &'static str,
    mobile: &'static str,
    story: &'static str,
) -> DemoBeneficiary {
    DemoBeneficiary {
        national_id,
        name_ar,
        name_en,
        birth_date: birth_hijri,
        birth_calendar: Calendar::Hijri,
        nationality: Nationality::Saudi,
        kind: ApplicantKind::Head,
        mobile,
        iban: IBAN,
        housing_proof: false,
        commercial_registration: false,
        monthly_income_sar: 3000,
        dependents: &[],
        newest_processing: false,
        open_objection: false,
        returned_cycles_ago: None,
        story,
    }
}

pub const DEMO_BENEFICIARIES: &[DemoBeneficiary] = &[
    DemoBeneficiary {
        dependents: &[
            wife("سارة أحمد القحطاني", "Sarah Ahmed Alqahtani", "1408-06-15"),
            son(
                "محمد عبدالله القحطاني",
                "Mohammed Abdullah Alqahtani",
                "1436-02-10",
            ),
            daughter(
                "لمى عبدالله القحطاني",
                "Lama Abdullah Alqahtani",
                "1440-09-01",
            ),
        ],
        ..person(
            "1000000008",
            "عبدالله محمد القحطاني",
            "Abdullah Mohammed Alqahtani",
            "1405-03-12",
            "0551234567",
            "head of an eligible family: paid every month, no open objection",
        )
    },
    DemoBeneficiary {
        monthly_income_sar: 2000,
        dependents: &[
            son("خالد سعد العتيبي", "Khalid Saad Alotaibi", "1424-01-05"),
            son("فيصل سعد العتيبي", "Faisal Saad Alotaibi", "1425-03-20"),
            daughter("جود سعد العتيبي", "Joud Saad Alotaibi", "1432-07-11"),
            daughter("ريم سعد العتيبي", "Reem Saad Alotaibi", "1434-11-02"),
            son("عمر سعد العتيبي", "Omar Saad Alotaibi", "1437-05-18"),
            daughter("هيا سعد العتيبي", "Haya Saad Alotaibi", "1441-08-23"),
        ],
        ..person(
            "1000000016",
            "نورة سعد العتيبي",
            "Noura Saad Alotaibi",
            "1398-07-01",
            "0552345678",
            "widow with six children: the cap of six applies",
        )
    },
    DemoBeneficiary {
        monthly_income_sar: 12000,
        dependents: &[
            wife("منى صالح الشهري", "Mona Saleh Alshehri", "1412-04-04"),
            son("سلطان فهد الشهري", "Sultan Fahad Alshehri", "1438-10-10"),
            daughter("دانة فهد الشهري", "Dana Fahad Alshehri", "1442-01-25"),
        ],
        ..person(
            "1000000024",
            "فهد علي الشهري",
            "Fahad Ali Alshehri",
            "1410-01-20",
            "0553456789",
            "couple with children: income 12,000 SAR reduces the support",
        )
    },
    DemoBeneficiary {
        kind: ApplicantKind::Independent,
        housing_proof: true,
        monthly_income_sar: 1500,
        ..person(
            "1000000032",
            "ريم خالد الدوسري",
            "Reem Khalid Aldosari",
            "1420-05-15",
            "0554567890",
            "independent individual with proof of housing",
        )
    },
    DemoBeneficiary {
        iban: None,
        dependents: &[wife("أمل ناصر الحربي", "Amal Nasser Alharbi", "1406-02-02")],
        ..person(
            "1000000040",
            "سلمان عمر الحربي",
            "Salman Omar Alharbi",
            "1402-11-02",
            "0555678901",
            "not eligible: no bank account (a rule reason)",
        )
    },
    DemoBeneficiary {
        commercial_registration: true,
        dependents: &[wife("نوف علي الزهراني", "Nouf Ali Alzahrani", "1404-12-12")],
        ..person(
            "1000000057",
            "ماجد يوسف الزهراني",
            "Majed Yousef Alzahrani",
            "1400-09-09",
            "0556789012",
            "not eligible: a commercial registration in the records",
        )
    },
    DemoBeneficiary {
        dependents: &[
            DemoDependent {
                relation: Relation::Spouse,
                sex: Sex::Female,
                name_ar: "ليلى حسن",
                name_en: "Layla Hassan",
                birth_date: "1992-03-08",
                birth_calendar: Calendar::Gregorian,
                nationality: Nationality::NonSaudi,
            },
            son("يزن تركي المطيري", "Yazan Turki Almutairi", "1439-06-06"),
        ],
        newest_processing: true,
        ..person(
            "1000000065",
            "تركي ناصر المطيري",
            "Turki Nasser Almutairi",
            "1408-04-25",
            "0557890123",
            "non-Saudi wife (covered); the newest payment is being processed",
        )
    },
    DemoBeneficiary {
        dependents: &[
            son("سعود فيصل الغامدي", "Saud Faisal Alghamdi", "1435-03-03"),
            daughter("شهد فيصل الغامدي", "Shahad Faisal Alghamdi", "1439-12-01"),
        ],
        open_objection: true,
        returned_cycles_ago: Some(5),
        ..person(
            "1000000073",
            "هند فيصل الغامدي",
            "Hind Faisal Alghamdi",
            "1403-02-14",
            "0558901234",
            "widow: an open objection on the newest payment, and a returned payment",
        )
    },
    DemoBeneficiary {
        birth_date: "1988-06-30",
        birth_calendar: Calendar::Gregorian,
        nationality: Nationality::MobilityCard,
        dependents: &[DemoDependent {
            relation: Relation::Spouse,
            sex: Sex::Female,
            name_ar: "فاطمة علي",
            name_en: "Fatima Ali",
            birth_date: "1990-01-15",
            birth_calendar: Calendar::Gregorian,
            nationality: Nationality::NonSaudi,
        }],
        ..person(
            "2000000006",
            "أحمد حسن",
            "Ahmed Hassan",
            "",
            "0559012345",
            "mobility-card holder; his non-Saudi wife is not covered",
        )
    },
    DemoBeneficiary {
        dependents: &[
            wife("هند علي الدوسري", "Hind Ali Aldosari", "1412-04-20"),
            son("سلمان فهد الدوسري", "Salman Fahad Aldosari", "1439-10-14"),
        ],
        ..person(
            "1000000081",
            "فهد ناصر الدوسري",
            "Fahad Nasser Aldosari",
            "1409-11-05",
            "0550123456",
            "a family (wife, a son) paid every month: the several-servers journeys use it",
        )
    },
    // Its own account, because the journey changes the password every other spec signs in with.
    person(
        "1000000099",
        "سعد عمر الشهري",
        "Saad Omar Alshehri",
        "1402-07-21",
        "0550987654",
        "head of household without dependents: the forgot-password journey changes his password",
    ),
    DemoBeneficiary {
        dependents: &[
            wife("مها خالد العمري", "Maha Khalid Alamri", "1410-02-18"),
            son("سعيد ناصر العمري", "Saeed Nasser Alamri", "1437-04-09"),
            daughter("رغد ناصر العمري", "Raghad Nasser Alamri", "1441-06-27"),
        ],
        ..person(
            "1000000115",
            "ناصر سعيد العمري",
            "Nasser Saeed Alamri",
            "1406-08-14",
            "0551150115",
            "a family (wife, a son, a daughter): the household-change journey files change requests",
        )
    },
    // Its own account: the bank-account journey changes its IBAN.
    person(
        "1000000107",
        "فهد ناصر الدوسري",
        "Fahad Nasser Aldosari",
        "1404-02-14",
        "0551097531",
        "head of household without dependents: the bank-account journey changes its IBAN",
    ),
];

/// How many monthly payments each demo account has.
pub const DEMO_MONTHS: u32 = 24;

/// Seeds the demo households, their results, 24 months of payments, an objection and a
/// ticket, when the database has no beneficiary yet; a second start changes nothing.
pub async fn seed(db: &Database, today: rules::Date) -> anyhow::Result<()> {
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM beneficiaries")
        .fetch_one(&db.pool)
        .await?;
    if existing > 0 {
        return Ok(());
    }
    let hash = hash_password(DEMO_PASSWORD)?;
    let newest = newest_cycle(today)?;
    for person in DEMO_BENEFICIARIES {
        if let Err(error) = seed_one(db, person, &hash, today, newest).await {
            // Two servers started at once on one database: the other one is seeding.
            if error
                .downcast_ref::<sqlx::Error>()
                .is_some_and(crate::idempotency::is_unique_violation)
            {
                tracing::info!("another server process is seeding the demo households");
                return Ok(());
            }
            return Err(error).with_context(|| format!("seeding {}", person.national_id));
        }
    }
    tracing::info!(count = DEMO_BENEFICIARIES.len(), "seeded demo households");
    Ok(())
}

/// Demo mode shows every verification code to anyone who asks: it must never run on a
/// database that holds a real person. Demo and generated (load-test) households are marked
/// by their `origin`; any other row stops the start with this error.
pub async fn ensure_only_made_up_data(db: &Database) -> anyhow::Result<()> {
    let real: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM beneficiaries WHERE origin NOT IN ('demo', 'synthetic')",
    )
    .fetch_one(&db.pool)
    .await?;
    anyhow::ensure!(
        real == 0,
        "demo mode refuses this database: it holds {real} household(s) that are neither demo \
         nor generated data. Demo mode publishes verification codes; run without --demo, or \
         point --database-url at a new file"
    );
    Ok(())
}

/// The newest payment cycle whose date is on or before `today`.
pub fn newest_cycle(today: rules::Date) -> anyhow::Result<u32> {
    let this_month = rules::payment_cycle::number(today.year(), today.month())
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    let this_date = rules::payment_cycle::payment_date(today.year(), today.month())
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    Ok(if this_date <= today {
        this_month
    } else {
        this_month - 1
    })
}

async fn seed_one(
    db: &Database,
    person: &DemoBeneficiary,
    hash: &str,
    today: rules::Date,
    newest: u32,
) -> anyhow::Result<()> {
    let beneficiary_id: i64 = sqlx::query_scalar(
        "INSERT INTO beneficiaries (national_id, name_ar, name_en, birth_date, birth_calendar, \
         nationality, kind, mobile, iban, housing_proof, commercial_registration, password_hash, created_at, origin) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'demo') RETURNING id",
    )
    .bind(person.national_id)
    .bind(person.name_ar)
    .bind(person.name_en)
    .bind(person.birth_date)
    .bind(person.birth_calendar.code())
    .bind(person.nationality.code())
    .bind(person.kind.code())
    .bind(person.mobile)
    .bind(person.iban)
    .bind(i64::from(person.housing_proof))
    .bind(i64::from(person.commercial_registration))
    .bind(hash)
    .bind(today.to_string())
    .fetch_one(&db.pool)
    .await?;
    for (position, dependent) in person.dependents.iter().enumerate() {
        sqlx::query(
            "INSERT INTO dependents (beneficiary_id, position, relation, sex, name_ar, name_en, \
             birth_date, birth_calendar, nationality) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(beneficiary_id)
        .bind(position as i64 + 1)
        .bind(dependent.relation.code())
        .bind(dependent.sex.code())
        .bind(dependent.name_ar)
        .bind(dependent.name_en)
        .bind(dependent.birth_date)
        .bind(dependent.birth_calendar.code())
        .bind(dependent.nationality.code())
        .execute(&db.pool)
        .await?;
    }
    sqlx::query(
        "INSERT INTO household_incomes (beneficiary_id, effective_from, monthly_income_halalas) \
         VALUES ($1, $2, $3)",
    )
    .bind(beneficiary_id)
    .bind("2017-01-01")
    .bind(person.monthly_income_sar * 100)
    .execute(&db.pool)
    .await?;

    let assessed_on = today
        .add_days(-5)
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    household::assess_and_store(&db.pool, beneficiary_id, assessed_on).await?;

    let record = household::load(&db.pool, beneficiary_id, today).await?;
    let mut newest_paid = None;
    for cycle in (newest + 1 - DEMO_MONTHS)..=newest {
        let (year, month) =
            rules::payment_cycle::year_month(cycle).map_err(|error| anyhow::anyhow!("{error}"))?;
        let paid_on = rules::payment_cycle::payment_date(year, month)
            .map_err(|error| anyhow::anyhow!("{error}"))?;
        let result = record.assess_on(paid_on)?;
        let amount = i64::from(result.estimate.monthly_support);
        let status = if amount == 0 {
            "none"
        } else if person.newest_processing && cycle == newest {
            "processing"
        } else if person
            .returned_cycles_ago
            .is_some_and(|ago| cycle + ago == newest)
        {
            "returned"
        } else {
            newest_paid = Some((cycle, paid_on));
            "paid"
        };
        sqlx::query(
            "INSERT INTO payments (beneficiary_id, cycle, paid_on, amount_sar, status, steps_json) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(beneficiary_id)
        .bind(i64::from(cycle))
        .bind(paid_on.to_string())
        .bind(if status == "none" { 0 } else { amount })
        .bind(status)
        .bind(serde_json::to_string(&result.estimate.steps)?)
        .execute(&db.pool)
        .await?;
    }
    if let (true, Some((cycle, paid_on))) = (person.open_objection, newest_paid) {
        let filed_on = paid_on
            .add_days(3)
            .map_err(|error| anyhow::anyhow!("{error}"))?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO objections (reference, beneficiary_id, kind, cycle, reason, description, status, filed_on) \
             VALUES ($1, $2, 'financial', $3, 'short_payment', $4, 'under_review', $5) RETURNING id",
        )
        .bind(format!("pending-{beneficiary_id}"))
        .bind(beneficiary_id)
        .bind(i64::from(cycle))
        .bind("المبلغ أقل من المعتاد ولم يتغير دخل الأسرة.")
        .bind(filed_on.to_string())
        .fetch_one(&db.pool)
        .await?;
        sqlx::query("UPDATE objections SET reference = $1 WHERE id = $2")
            .bind(crate::routes::objections::reference(id))
            .bind(id)
            .execute(&db.pool)
            .await?;
        let ticket_id: i64 = sqlx::query_scalar(
            "INSERT INTO tickets (reference, beneficiary_id, category, message, status, answer, opened_on) \
             VALUES ($1, $2, 'payments', $3, 'answered', $4, $5) RETURNING id",
        )
        .bind(format!("pending-t-{beneficiary_id}"))
        .bind(beneficiary_id)
        .bind("متى يُصرف مبلغ الدفعة المرتجعة؟")
        .bind("تُعاد الدفعة المرتجعة إلى حسابك بعد تحديث بيانات الحساب البنكي.")
        .bind(filed_on.to_string())
        .fetch_one(&db.pool)
        .await?;
        sqlx::query("UPDATE tickets SET reference = $1 WHERE id = $2")
            .bind(crate::routes::tickets::reference(ticket_id))
            .bind(ticket_id)
            .execute(&db.pool)
            .await?;
    }
    Ok(())
}

/// argon2id with the library's default cost, in PHC string form.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| anyhow::anyhow!("hashing a password: {error}"))
}
