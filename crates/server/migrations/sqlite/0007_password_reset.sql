-- Forgot password: national ID + birth date -> a code by SMS -> a new password. A reset is
-- kept even for an unknown ID or a wrong birth date (beneficiary_id NULL, a code digest that
-- no code matches), so completing it answers exactly as a real one with a wrong code would.
-- The code is kept as a digest only. Times are Unix seconds.
CREATE TABLE password_resets (
    id TEXT PRIMARY KEY,
    beneficiary_id INTEGER REFERENCES beneficiaries (id) ON DELETE CASCADE,
    national_id TEXT NOT NULL,
    code_digest TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    tries_left INTEGER NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX password_resets_by_expiry ON password_resets (expires_at);
-- Ending every session of an account at a reset.
CREATE INDEX sessions_by_beneficiary ON sessions (beneficiary_id, ended);
