-- The people: beneficiaries (who log in), their dependents and the household's income.
-- Birth dates are kept as recorded (Hijri for citizens, Gregorian for residents) because the
-- age rule counts years in that calendar. Flags are 0/1 integers in both databases.
CREATE TABLE beneficiaries (
    id INTEGER PRIMARY KEY,
    national_id TEXT NOT NULL UNIQUE,
    name_ar TEXT NOT NULL,
    name_en TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    birth_calendar TEXT NOT NULL CHECK (birth_calendar IN ('hijri', 'gregorian')),
    nationality TEXT NOT NULL CHECK (nationality IN ('saudi', 'mobility_card', 'non_saudi')),
    kind TEXT NOT NULL CHECK (kind IN ('head', 'independent')),
    mobile TEXT NOT NULL,
    iban TEXT,
    resident_last_3_months INTEGER NOT NULL DEFAULT 1,
    detained_or_sheltered INTEGER NOT NULL DEFAULT 0,
    housing_proof INTEGER NOT NULL DEFAULT 0,
    -- Record-based: a commercial registration found in government records.
    commercial_registration INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE dependents (
    id INTEGER PRIMARY KEY,
    beneficiary_id INTEGER NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('spouse', 'child', 'other')),
    name_ar TEXT NOT NULL,
    name_en TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    birth_calendar TEXT NOT NULL CHECK (birth_calendar IN ('hijri', 'gregorian')),
    nationality TEXT NOT NULL CHECK (nationality IN ('saudi', 'mobility_card', 'non_saudi')),
    UNIQUE (beneficiary_id, position)
);

-- The household's declared monthly income, in halalas, from a date on.
CREATE TABLE household_incomes (
    id INTEGER PRIMARY KEY,
    beneficiary_id INTEGER NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    effective_from TEXT NOT NULL,
    monthly_income_halalas INTEGER NOT NULL CHECK (monthly_income_halalas >= 0),
    UNIQUE (beneficiary_id, effective_from)
);
