-- Sign-in that holds under abuse (issue "Sign-in and sessions that withstand abuse").

-- Every counted try (a password check by national ID and by client address, a code sent to
-- an account) is a row, inserted before the work it allows, so parallel requests and several
-- server processes share one limit (limits.rs). Rows older than the longest window (an hour)
-- are swept by the cleanup task.
CREATE TABLE rate_events (
    id BIGSERIAL PRIMARY KEY,
    scope TEXT NOT NULL,
    subject TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX rate_events_by_subject ON rate_events (scope, subject, at);
CREATE INDEX rate_events_by_age ON rate_events (at);

-- One row per counted subject, locked while its tries are counted and one is added: counting
-- and adding are one step for every process.
CREATE TABLE rate_subjects (
    scope TEXT NOT NULL,
    subject TEXT NOT NULL,
    touched BIGINT NOT NULL,
    PRIMARY KEY (scope, subject)
);

-- Replaced by rate_events (scope 'password'): the lock is "five in the window".
DROP TABLE login_failures;
DROP TABLE login_locks;

-- A resend gives a new code but keeps the challenge's tries and its start: code_sent_at is
-- when the current code was sent (for the 30 s between resends), created_at stays.
ALTER TABLE login_challenges ADD COLUMN code_sent_at BIGINT NOT NULL DEFAULT 0;
UPDATE login_challenges SET code_sent_at = created_at;
CREATE INDEX login_challenges_by_expiry ON login_challenges (expires_at);

-- Where each audited event came from.
ALTER TABLE audit_log ADD COLUMN client_address TEXT;

-- Which households are made up: demo mode refuses to start on a database holding any other.
ALTER TABLE beneficiaries ADD COLUMN origin TEXT NOT NULL DEFAULT 'real';
UPDATE beneficiaries SET origin = 'demo' WHERE national_id IN (
    '1000000008', '1000000016', '1000000024', '1000000032', '1000000040',
    '1000000057', '1000000065', '1000000073', '2000000006');

-- For the cleanup task.
CREATE INDEX sessions_by_last_seen ON sessions (last_seen);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
