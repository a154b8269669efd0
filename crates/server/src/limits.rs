//! Limits that hold under parallel requests and across server processes: every count lives
//! in the database, and a try is counted *before* the work it allows (a password check, a
//! code sent), so N requests racing can never get more than the allowed number.
//!
//! How: in one transaction, a request first writes the subject's row in `rate_subjects` (on
//! PostgreSQL that locks the row until commit; on SQLite the write takes the database's one
//! write lock), then counts the subject's tries in the window and, if there is room, adds its
//! own. Two requests for one subject therefore count one after the other, on any number of
//! processes: exactly `max` get a place. A refused request adds nothing, so hammering does not
//! extend a lock; a try that turns out not to count (a right password) is taken back.
//!
//! Password checks also run on a bounded pool ([`HashPool`]): a flood of sign-ins waits a
//! little or is answered 503 `busy`, never with unbounded threads or memory.

use std::{sync::Arc, time::Duration};

use axum::http::StatusCode;
use tokio::sync::Semaphore;
use wire::codes;

use crate::{
    db::Database,
    error::{ApiError, ApiResult},
};

/// What is counted, each with its own subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Password checks for a national ID (known or not); right passwords are taken back.
    Password,
    /// Password checks from one client address, across all IDs; right ones are taken back.
    Source,
    /// Verification codes sent to one account (sign-in and resend).
    CodeSent,
    /// Password resets asked for a national ID (known or not, right birth date or not).
    Reset,
}

impl Scope {
    fn name(self) -> &'static str {
        match self {
            Scope::Password => "password",
            Scope::Source => "source",
            Scope::CodeSent => "code_sent",
            Scope::Reset => "reset",
        }
    }
}

/// The limits, all settings (`config.rs`) with these defaults.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Wrong passwords per national ID per window; the last one locks until the window
    /// frees a place.
    pub password_tries: u32,
    pub password_window_seconds: i64,
    /// Verification codes sent per account per hour.
    pub codes_per_hour: u32,
    /// Wrong sign-ins per client address per window, across all national IDs.
    pub source_failures: u32,
    pub source_window_seconds: i64,
    /// Password checks running at once, and waiting for a turn.
    pub hash_concurrency: usize,
    pub hash_queue: usize,
    /// The longest a request may take before it is answered 503 `timeout`.
    pub request_timeout_seconds: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            password_tries: 5,
            password_window_seconds: 15 * 60,
            codes_per_hour: 5,
            source_failures: 50,
            source_window_seconds: 15 * 60,
            hash_concurrency: std::thread::available_parallelism().map_or(2, |n| n.get()),
            hash_queue: 32,
            request_timeout_seconds: 15,
        }
    }
}

/// The longest window any scope uses: older rows are swept by the cleanup task.
pub const LONGEST_WINDOW_SECONDS: i64 = 3600;

/// One counted try, held until it is kept (it counts) or taken back.
#[derive(Debug)]
#[must_use = "a reservation is either kept or taken back"]
pub struct Reservation {
    id: i64,
}

/// The answer of [`reserve`]: a place within the limit, or how long until one frees.
#[derive(Debug)]
pub enum Reserved {
    Within {
        reservation: Reservation,
        count: i64,
    },
    Over {
        retry_after_seconds: i64,
    },
}

/// Counts one try of `scope` for `subject` at `now`, within the last `window_seconds`.
pub async fn reserve(
    db: &Database,
    scope: Scope,
    subject: &str,
    max: u32,
    window_seconds: i64,
    now: i64,
) -> ApiResult<Reserved> {
    let mut transaction = db.pool.begin().await?;
    sqlx::query(
        "INSERT INTO rate_subjects (scope, subject, touched) VALUES ($1, $2, $3) \
         ON CONFLICT (scope, subject) DO UPDATE SET touched = excluded.touched",
    )
    .bind(scope.name())
    .bind(subject)
    .bind(now)
    .execute(&mut *transaction)
    .await?;
    let (count, oldest): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), MIN(at) FROM rate_events WHERE scope = $1 AND subject = $2 AND at > $3",
    )
    .bind(scope.name())
    .bind(subject)
    .bind(now - window_seconds)
    .fetch_one(&mut *transaction)
    .await?;
    if count >= i64::from(max) {
        transaction.commit().await?;
        let retry_after_seconds = (oldest.unwrap_or(now) + window_seconds - now).max(1);
        return Ok(Reserved::Over {
            retry_after_seconds,
        });
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO rate_events (scope, subject, at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(scope.name())
    .bind(subject)
    .bind(now)
    .fetch_one(&mut *transaction)
    .await?;
    transaction.commit().await?;
    Ok(Reserved::Within {
        reservation: Reservation { id },
        count: count + 1,
    })
}

/// The try did not count after all (a right password, a request that could not be served).
pub async fn take_back(db: &Database, reservation: Reservation) -> ApiResult<()> {
    sqlx::query("DELETE FROM rate_events WHERE id = $1")
        .bind(reservation.id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// The try counts (a wrong password, a code sent): its row stays until the window passes.
pub fn keep(reservation: Reservation) {
    let _ = reservation.id;
}

/// Forgets every counted try of `scope` for `subject` (a right password clears the ID's
/// wrong ones, as a lock counts failures since the last success).
pub async fn clear(db: &Database, scope: Scope, subject: &str) -> ApiResult<()> {
    sqlx::query("DELETE FROM rate_events WHERE scope = $1 AND subject = $2")
        .bind(scope.name())
        .bind(subject)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// 429 with `retry_after_seconds` in the body and `Retry-After` in the headers.
pub fn too_many(code: &str, message: &str, retry_after_seconds: i64) -> ApiError {
    let mut error = wire::ErrorBody::new(code, message);
    error.retry_after_seconds = Some(retry_after_seconds.max(1) as u64);
    ApiError::Client(StatusCode::TOO_MANY_REQUESTS, error)
}

/// 503 `busy`: the server is at its limit of work; try again in a moment.
pub fn busy() -> ApiError {
    let mut error = wire::ErrorBody::new(codes::BUSY, "the server is busy: try again shortly");
    error.retry_after_seconds = Some(2);
    ApiError::Client(StatusCode::SERVICE_UNAVAILABLE, error)
}

/// A bounded pool for password hashing: at most `running` checks at once on blocking
/// threads, at most `waiting` more waiting (each for a bounded time); beyond that, `busy`.
#[derive(Debug)]
pub struct HashPool {
    running: Semaphore,
    admitted: Semaphore,
}

/// How long a password check may wait for a turn before the request is answered `busy`.
const HASH_WAIT: Duration = Duration::from_secs(3);

impl HashPool {
    pub fn new(running: usize, waiting: usize) -> Arc<Self> {
        let running = running.max(1);
        Arc::new(Self {
            running: Semaphore::new(running),
            admitted: Semaphore::new(running + waiting),
        })
    }

    /// Runs `work` on a blocking thread when a turn is free; `busy` when none frees in time
    /// or too many are already waiting.
    pub async fn run<T, F>(&self, work: F) -> ApiResult<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let _admitted = self.admitted.try_acquire().map_err(|_| busy())?;
        let _turn = tokio::time::timeout(HASH_WAIT, self.running.acquire())
            .await
            .map_err(|_| busy())?
            .map_err(|_| busy())?;
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|error| ApiError::Internal(error.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_pool_refuses_beyond_its_queue() {
        let pool = HashPool::new(1, 1);
        let slow = || std::thread::sleep(Duration::from_millis(300));
        let results =
            futures::future::join_all([pool.run(slow), pool.run(slow), pool.run(slow)]).await;
        let busy = results.iter().filter(|result| result.is_err()).count();
        assert_eq!(busy, 1, "one runs, one waits, one is refused");
    }
}
