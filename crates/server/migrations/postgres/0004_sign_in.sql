-- Signing in: password -> SMS code challenge -> session. Secrets are stored as SHA-256
-- digests only (a leaked table opens no session). Times are Unix seconds.
CREATE TABLE login_challenges (
    id TEXT PRIMARY KEY,
    beneficiary_id BIGINT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    code_digest TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    tries_left BIGINT NOT NULL,
    used BIGINT NOT NULL DEFAULT 0
);

-- Wrong passwords by national ID, known or not, for the lock after five in 15 minutes.
CREATE TABLE login_failures (
    id BIGSERIAL PRIMARY KEY,
    national_id TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_by_id ON login_failures (national_id, at);

CREATE TABLE sessions (
    token_digest TEXT PRIMARY KEY,
    beneficiary_id BIGINT NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    ended BIGINT NOT NULL DEFAULT 0
);

-- What the built-in SMS sender "sent" (a real provider plugs in behind the same interface).
CREATE TABLE sms_outbox (
    id BIGSERIAL PRIMARY KEY,
    national_id TEXT NOT NULL,
    mobile TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    sent_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    national_id TEXT,
    event TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_id ON audit_log (national_id, at);

-- A national ID locked after five wrong passwords within 15 minutes, and until when.
CREATE TABLE login_locks (
    national_id TEXT PRIMARY KEY,
    locked_until BIGINT NOT NULL
);
