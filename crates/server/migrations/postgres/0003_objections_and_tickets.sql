-- What beneficiaries send: objections (financial, on a payment; eligibility, on a result)
-- and "صوتك مسموع" tickets. Idempotency keys make a retried submission return the first
-- answer instead of filing twice.
CREATE TABLE objections (
    id BIGSERIAL PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    beneficiary_id BIGINT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('financial', 'eligibility')),
    cycle BIGINT,
    member TEXT,
    reason TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('under_review', 'accepted', 'rejected')),
    filed_on TEXT NOT NULL
);
CREATE INDEX objections_by_beneficiary ON objections (beneficiary_id, id);

CREATE TABLE tickets (
    id BIGSERIAL PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    beneficiary_id BIGINT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    category TEXT NOT NULL CHECK (category IN ('account', 'registration', 'eligibility', 'payments')),
    message TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
    answer TEXT,
    opened_on TEXT NOT NULL
);
CREATE INDEX tickets_by_beneficiary ON tickets (beneficiary_id, id);

CREATE TABLE idempotency_keys (
    beneficiary_id BIGINT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    idempotency_key TEXT NOT NULL,
    request_fingerprint TEXT NOT NULL,
    response_status BIGINT NOT NULL,
    response_body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (beneficiary_id, idempotency_key)
);

-- One objection under review per payment, and one per eligibility result, even if two
-- server processes race (the rule says "no objection on it is open").
CREATE UNIQUE INDEX one_open_objection ON objections (beneficiary_id, kind, COALESCE(cycle, 0))
    WHERE status = 'under_review';
