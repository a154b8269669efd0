-- Signing in: password -> SMS code challenge -> session. Secrets are stored as SHA-256
-- digests only (a leaked table opens no session). Times are Unix seconds.
CREATE TABLE login_challenges (
    id TEXT PRIMARY KEY,
    beneficiary_id INTEGER NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    code_digest TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    tries_left INTEGER NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);

-- Wrong passwords by national ID, known or not, for the lock after five in 15 minutes.
CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    national_id TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX login_failures_by_id ON login_failures (national_id, at);

CREATE TABLE sessions (
    token_digest TEXT PRIMARY KEY,
    beneficiary_id INTEGER NOT NULL REFERENCES beneficiaries (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    ended INTEGER NOT NULL DEFAULT 0
);

-- What the built-in SMS sender "sent" (a real provider plugs in behind the same interface).
CREATE TABLE sms_outbox (
    id INTEGER PRIMARY KEY,
    national_id TEXT NOT NULL,
    mobile TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    sent_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    national_id TEXT,
    event TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_id ON audit_log (national_id, at);

-- A national ID locked after five wrong passwords within 15 minutes, and until when.
CREATE TABLE login_locks (
    national_id TEXT PRIMARY KEY,
    locked_until INTEGER NOT NULL
);
