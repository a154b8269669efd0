-- What the program decided: eligibility results (per member, with reasons) and the monthly
-- payments with the rules' steps behind each amount, so a page can explain any figure.
CREATE TABLE eligibility_results (
    id BIGSERIAL PRIMARY KEY,
    beneficiary_id BIGINT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    assessed_on TEXT NOT NULL,
    eligible BIGINT NOT NULL,
    -- JSON array of wire::MemberEligibility.
    members_json TEXT NOT NULL
);
CREATE INDEX eligibility_results_by_beneficiary ON eligibility_results (beneficiary_id, assessed_on);

CREATE TABLE payments (
    id BIGSERIAL PRIMARY KEY,
    beneficiary_id BIGINT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    cycle BIGINT NOT NULL,
    paid_on TEXT NOT NULL,
    amount_sar BIGINT NOT NULL CHECK (amount_sar >= 0),
    status TEXT NOT NULL CHECK (status IN ('paid', 'processing', 'none', 'returned')),
    -- JSON of rules::Steps, or NULL when none were stored.
    steps_json TEXT,
    UNIQUE (beneficiary_id, cycle)
);
