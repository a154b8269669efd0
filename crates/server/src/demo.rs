//! Demo data: the accounts the README lists, seeded once into an empty database when the
//! server runs with `--demo`. Never used outside demo mode.

use anyhow::Context;
use argon2::{
    Argon2, PasswordHasher,
    password_hash::{SaltString, rand_core::OsRng},
};

use crate::db::Database;

/// One demo beneficiary; every demo account's password is [`DEMO_PASSWORD`].
pub struct DemoBeneficiary {
    pub national_id: &'static str,
    pub name_ar: &'static str,
    pub name_en: &'static str,
    pub birth_date: &'static str,
    pub birth_calendar: &'static str,
    pub nationality: &'static str,
    pub kind: &'static str,
    pub mobile: &'static str,
    pub iban: Option<&'static str>,
    /// What the account shows, for the README's list of demo logins.
    pub story: &'static str,
}

pub const DEMO_PASSWORD: &str = "Demo@2026";

pub const DEMO_BENEFICIARIES: &[DemoBeneficiary] = &[
    DemoBeneficiary {
        national_id: "1000000008",
        name_ar: "عبدالله محمد القحطاني",
        name_en: "Abdullah Mohammed Alqahtani",
        birth_date: "1405-03-12",
        birth_calendar: "hijri",
        nationality: "saudi",
        kind: "head",
        mobile: "0551234567",
        iban: Some("SA0380000000608010167519"),
        story: "head of an eligible family",
    },
    DemoBeneficiary {
        national_id: "1000000016",
        name_ar: "نورة سعد العتيبي",
        name_en: "Noura Saad Alotaibi",
        birth_date: "1398-07-01",
        birth_calendar: "hijri",
        nationality: "saudi",
        kind: "head",
        mobile: "0552345678",
        iban: Some("SA0380000000608010167519"),
        story: "large family: the cap of six applies",
    },
    DemoBeneficiary {
        national_id: "1000000024",
        name_ar: "فهد علي الشهري",
        name_en: "Fahad Ali Alshehri",
        birth_date: "1410-01-20",
        birth_calendar: "hijri",
        nationality: "saudi",
        kind: "head",
        mobile: "0553456789",
        iban: Some("SA0380000000608010167519"),
        story: "couple with children, income inside the taper",
    },
    DemoBeneficiary {
        national_id: "1000000032",
        name_ar: "ريم خالد الدوسري",
        name_en: "Reem Khalid Aldosari",
        birth_date: "1420-05-15",
        birth_calendar: "hijri",
        nationality: "saudi",
        kind: "independent",
        mobile: "0554567890",
        iban: Some("SA0380000000608010167519"),
        story: "independent individual",
    },
    DemoBeneficiary {
        national_id: "1000000040",
        name_ar: "سلمان عمر الحربي",
        name_en: "Salman Omar Alharbi",
        birth_date: "1402-11-02",
        birth_calendar: "hijri",
        nationality: "saudi",
        kind: "head",
        mobile: "0555678901",
        iban: None,
        story: "not eligible: no bank account",
    },
    DemoBeneficiary {
        national_id: "1000000057",
        name_ar: "ماجد يوسف الزهراني",
        name_en: "Majed Yousef Alzahrani",
        birth_date: "1400-09-09",
        birth_calendar: "hijri",
        nationality: "saudi",
        kind: "head",
        mobile: "0556789012",
        iban: Some("SA0380000000608010167519"),
        story: "not eligible: a commercial registration in the records",
    },
    DemoBeneficiary {
        national_id: "1000000065",
        name_ar: "تركي ناصر المطيري",
        name_en: "Turki Nasser Almutairi",
        birth_date: "1408-04-25",
        birth_calendar: "hijri",
        nationality: "saudi",
        kind: "head",
        mobile: "0557890123",
        iban: Some("SA0380000000608010167519"),
        story: "non-Saudi spouse; newest payment being processed",
    },
    DemoBeneficiary {
        national_id: "1000000073",
        name_ar: "هند فيصل الغامدي",
        name_en: "Hind Faisal Alghamdi",
        birth_date: "1403-02-14",
        birth_calendar: "hijri",
        nationality: "saudi",
        kind: "head",
        mobile: "0558901234",
        iban: Some("SA0380000000608010167519"),
        story: "has an open objection",
    },
    DemoBeneficiary {
        national_id: "2000000006",
        name_ar: "أحمد حسن",
        name_en: "Ahmed Hassan",
        birth_date: "1988-06-30",
        birth_calendar: "gregorian",
        nationality: "mobility_card",
        kind: "head",
        mobile: "0559012345",
        iban: Some("SA0380000000608010167519"),
        story: "mobility-card holder (resident ID)",
    },
];

/// Seeds the demo beneficiaries when the table is empty; a second start changes nothing.
pub async fn seed(db: &Database, today: rules::Date) -> anyhow::Result<()> {
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM beneficiaries")
        .fetch_one(&db.pool)
        .await?;
    if existing > 0 {
        return Ok(());
    }
    let hash = hash_password(DEMO_PASSWORD)?;
    let mut transaction = db.pool.begin().await?;
    for person in DEMO_BENEFICIARIES {
        sqlx::query(
            "INSERT INTO beneficiaries (national_id, name_ar, name_en, birth_date, \
             birth_calendar, nationality, kind, mobile, iban, password_hash, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(person.national_id)
        .bind(person.name_ar)
        .bind(person.name_en)
        .bind(person.birth_date)
        .bind(person.birth_calendar)
        .bind(person.nationality)
        .bind(person.kind)
        .bind(person.mobile)
        .bind(person.iban)
        .bind(&hash)
        .bind(today.to_string())
        .execute(&mut *transaction)
        .await
        .with_context(|| format!("seeding {}", person.national_id))?;
    }
    transaction.commit().await?;
    tracing::info!(
        count = DEMO_BENEFICIARIES.len(),
        "seeded demo beneficiaries"
    );
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
