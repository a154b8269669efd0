//! From stored records to the rules and back: loads a household, asks the shared rules for
//! the assessment and the estimate, and adds the reasons only records can give (a
//! commercial registration). The server never decides eligibility any other way.

use anyhow::Context;
use rules::{
    Date, Estimate, Household,
    dates::Calendar,
    eligibility::{Applicant, ApplicantKind, Assessment, Dependent, Nationality, Relation},
    money::SarAmount,
};
use sqlx::AnyPool;
use wire::MemberEligibility;

/// Reasons that come from government records, not from the rules' criteria.
pub const RECORD_REASON_COMMERCIAL_REGISTRATION: &str = "commercial_registration";
/// A dependent's reason when the applicant is not eligible.
pub const REASON_APPLICANT_NOT_ELIGIBLE: &str = "applicant_not_eligible";

/// One recorded dependent: who they are, and what the rules read of them.
#[derive(Debug, Clone)]
pub struct RecordedDependent {
    /// The row's id: a change request names the member it removes by it.
    pub id: i64,
    pub name_ar: String,
    pub name_en: String,
    /// `male` or `female`; `None` for a row recorded before sex was (data and words only:
    /// the rules do not read it).
    pub sex: Option<String>,
    pub dependent: Dependent,
}

/// What the records say of one household.
#[derive(Debug, Clone)]
pub struct HouseholdRecord {
    pub applicant_name_ar: String,
    pub applicant_name_en: String,
    pub applicant: Applicant,
    pub dependents: Vec<RecordedDependent>,
    pub monthly_income_halalas: i64,
    pub commercial_registration: bool,
}

/// The authoritative result for one date.
#[derive(Debug, Clone)]
pub struct HouseholdResult {
    pub eligible: bool,
    pub members: Vec<MemberEligibility>,
    pub assessment: Assessment,
    pub estimate: Estimate,
}

impl HouseholdRecord {
    pub fn household_on(&self, date: Date) -> Household {
        Household {
            date,
            applicant: self.applicant.clone(),
            dependents: self
                .dependents
                .iter()
                .map(|recorded| recorded.dependent.clone())
                .collect(),
            monthly_income: SarAmount::from(rules::Halalas(self.monthly_income_halalas)),
        }
    }

    /// Runs the rules on `date` and adds the record-based reasons.
    pub fn assess_on(&self, date: Date) -> anyhow::Result<HouseholdResult> {
        let assessment = rules::assess(&self.household_on(date))
            .map_err(|error| anyhow::anyhow!("stored household is invalid: {error}"))?;
        let mut applicant_reasons: Vec<String> = assessment
            .reasons
            .iter()
            .map(|reason| reason.code().to_owned())
            .collect();
        if self.commercial_registration {
            applicant_reasons.push(RECORD_REASON_COMMERCIAL_REGISTRATION.to_owned());
        }
        let eligible = applicant_reasons.is_empty();
        let mut estimate = rules::estimate(&assessment)
            .map_err(|error| anyhow::anyhow!("no parameters for {date}: {error}"))?;
        if !eligible && assessment.eligible {
            // A record-based reason stops support the rules alone would give.
            estimate = rules::estimate::estimate_with(
                &Assessment {
                    eligible: false,
                    ..assessment.clone()
                },
                rules::parameters::in_force(date).context("parameters in force")?,
            );
        }
        let mut members = vec![MemberEligibility {
            member: "applicant".to_owned(),
            relation: "applicant".to_owned(),
            sex: None,
            name_ar: self.applicant_name_ar.clone(),
            name_en: self.applicant_name_en.clone(),
            eligible,
            reasons: applicant_reasons,
        }];
        for (index, (recorded, result)) in self
            .dependents
            .iter()
            .zip(assessment.dependents.iter())
            .enumerate()
        {
            let mut reasons: Vec<String> = result
                .reason
                .iter()
                .map(|reason| reason.code().to_owned())
                .collect();
            if !eligible && reasons.is_empty() {
                reasons.push(REASON_APPLICANT_NOT_ELIGIBLE.to_owned());
            }
            members.push(MemberEligibility {
                member: format!("dependent-{}", index + 1),
                relation: recorded.dependent.relation.code().to_owned(),
                sex: recorded.sex.clone(),
                name_ar: recorded.name_ar.clone(),
                name_en: recorded.name_en.clone(),
                eligible: eligible && result.covered,
                reasons,
            });
        }
        Ok(HouseholdResult {
            eligible,
            members,
            assessment,
            estimate,
        })
    }
}

/// A stored code read back: one the rules do not know is corrupt data, not a user's error.
fn stored<T>(what: &str, code: &str, from_code: fn(&str) -> Option<T>) -> anyhow::Result<T> {
    from_code(code).with_context(|| format!("unknown {what} {code}"))
}

/// A stored date into the rules' two fields; anything but `hijri` is Gregorian.
fn birth_fields(date: String, calendar: &str) -> (Option<String>, Option<String>) {
    Calendar::from_code(calendar)
        .unwrap_or(Calendar::Gregorian)
        .fields(date)
}

type BeneficiaryRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    i64,
    i64,
    i64,
    i64,
);

/// Loads one beneficiary's household as recorded (income: the latest on or before `date`).
pub async fn load(
    pool: &AnyPool,
    beneficiary_id: i64,
    date: Date,
) -> anyhow::Result<HouseholdRecord> {
    let (
        name_ar,
        name_en,
        birth_date,
        birth_calendar,
        nationality,
        kind,
        iban,
        resident,
        detained,
        housing_proof,
        commercial_registration,
    ): BeneficiaryRow = sqlx::query_as(
        "SELECT name_ar, name_en, birth_date, birth_calendar, nationality, kind, iban, \
         resident_last_3_months, detained_or_sheltered, housing_proof, commercial_registration \
         FROM beneficiaries WHERE id = $1",
    )
    .bind(beneficiary_id)
    .fetch_one(pool)
    .await?;
    let (birth_date, birth_date_hijri) = birth_fields(birth_date, &birth_calendar);
    let applicant = Applicant {
        kind: ApplicantKind::from_code(&kind).unwrap_or(ApplicantKind::Head),
        birth_date,
        birth_date_hijri,
        nationality: stored("nationality", &nationality, Nationality::from_code)?,
        resident_last_3_months: resident != 0,
        detained_or_sheltered: detained != 0,
        bank_account: iban.is_some(),
        iban,
        housing_proof: housing_proof != 0,
    };
    type DependentRow = (
        i64,
        String,
        String,
        String,
        Option<String>,
        String,
        String,
        String,
    );
    let rows: Vec<DependentRow> = sqlx::query_as(
        "SELECT id, name_ar, name_en, relation, sex, birth_date, birth_calendar, nationality \
         FROM dependents WHERE beneficiary_id = $1 ORDER BY position",
    )
    .bind(beneficiary_id)
    .fetch_all(pool)
    .await?;
    let mut dependents = Vec::with_capacity(rows.len());
    for (id, name_ar, name_en, relation, sex, birth_date, calendar, nationality) in rows {
        let (birth_date, birth_date_hijri) = birth_fields(birth_date, &calendar);
        dependents.push(RecordedDependent {
            id,
            name_ar,
            name_en,
            sex,
            dependent: Dependent {
                relation: stored("relation", &relation, Relation::from_code)?,
                birth_date,
                birth_date_hijri,
                nationality: stored("nationality", &nationality, Nationality::from_code)?,
            },
        });
    }
    let monthly_income_halalas: i64 = sqlx::query_scalar(
        "SELECT monthly_income_halalas FROM household_incomes \
         WHERE beneficiary_id = $1 AND effective_from <= $2 \
         ORDER BY effective_from DESC LIMIT 1",
    )
    .bind(beneficiary_id)
    .bind(date.to_string())
    .fetch_optional(pool)
    .await?
    .unwrap_or(0);
    Ok(HouseholdRecord {
        applicant_name_ar: name_ar,
        applicant_name_en: name_en,
        applicant,
        dependents,
        monthly_income_halalas,
        commercial_registration: commercial_registration != 0,
    })
}

/// Assesses the household on `date` and stores the result as the latest.
pub async fn assess_and_store(
    pool: &AnyPool,
    beneficiary_id: i64,
    date: Date,
) -> anyhow::Result<HouseholdResult> {
    let record = load(pool, beneficiary_id, date).await?;
    let result = record.assess_on(date)?;
    sqlx::query(
        "INSERT INTO eligibility_results (beneficiary_id, assessed_on, eligible, members_json, \
         monthly_support_sar) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(beneficiary_id)
    .bind(date.to_string())
    .bind(i64::from(result.eligible))
    .bind(serde_json::to_string(&result.members)?)
    .bind(i64::from(result.estimate.monthly_support))
    .execute(pool)
    .await?;
    Ok(result)
}
