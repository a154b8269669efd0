-- Changing the bank account (issue #13): a step-up code sent inside a session confirms it,
-- and each change is kept with the first payment it applies to.

-- Codes sent to a signed-in beneficiary to confirm one action (`purpose`), apart from the
-- sign-in's and the password reset's, so a code of one kind never confirms another. The code
-- is kept as a digest only. Times are Unix seconds.
CREATE TABLE step_up_codes (
    id TEXT PRIMARY KEY,
    beneficiary_id BIGINT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    code_digest TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    tries_left BIGINT NOT NULL,
    used BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX step_up_codes_by_beneficiary ON step_up_codes (beneficiary_id, purpose, used);
CREATE INDEX step_up_codes_by_expiry ON step_up_codes (expires_at);

-- The IBANs here are masked: the full IBAN lives only in beneficiaries.iban.
CREATE TABLE bank_account_changes (
    id BIGSERIAL PRIMARY KEY,
    beneficiary_id BIGINT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    old_masked_iban TEXT,
    new_masked_iban TEXT NOT NULL,
    changed_at BIGINT NOT NULL,
    applies_from_cycle BIGINT NOT NULL,
    applies_from_date TEXT NOT NULL
);
CREATE INDEX bank_account_changes_by_beneficiary ON bank_account_changes (beneficiary_id, id);
