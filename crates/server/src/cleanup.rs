//! The periodic sweep of rows nobody needs any more (every `--cleanup-every-seconds`, in
//! every server process; the deletes are idempotent, so processes need not agree who does it).
//!
//! Retention:
//! - sign-in challenges, password resets and step-up codes: an hour after their code expired;
//! - sessions: as soon as they ended (signed out, 15 minutes idle or 8 hours old);
//! - counted tries (`rate_events`): after the longest window, an hour;
//! - idempotency keys: 24 hours (a retry within a day gets the first answer);
//! - the demo SMS outbox: 24 hours.
//!
//! The audit log is kept: archiving it is the operator's policy, not this sweep's.

use crate::{
    auth::{SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS},
    clock::Clock,
    db::Database,
    limits::LONGEST_WINDOW_SECONDS,
};

pub const CHALLENGE_RETENTION_SECONDS: i64 = 3600;
pub const IDEMPOTENCY_RETENTION_SECONDS: i64 = 24 * 3600;
pub const OUTBOX_RETENTION_SECONDS: i64 = 24 * 3600;

/// Rows deleted by one sweep, by table.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    /// Sign-in challenges, password resets and step-up codes.
    pub challenges: u64,
    pub sessions: u64,
    pub rate_events: u64,
    pub idempotency_keys: u64,
    pub sms_outbox: u64,
}

/// One sweep, as of the clock's now.
pub async fn sweep(db: &Database, clock: &Clock) -> anyhow::Result<Swept> {
    let now = clock.now();
    let delete = |sql: &'static str, before: i64| async move {
        anyhow::Ok(
            sqlx::query(sql)
                .bind(before)
                .execute(&db.pool)
                .await?
                .rows_affected(),
        )
    };
    let challenges = delete(
        "DELETE FROM login_challenges WHERE expires_at < $1",
        now - CHALLENGE_RETENTION_SECONDS,
    )
    .await?;
    let resets = delete(
        "DELETE FROM password_resets WHERE expires_at < $1",
        now - CHALLENGE_RETENTION_SECONDS,
    )
    .await?;
    let step_up_codes = delete(
        "DELETE FROM step_up_codes WHERE expires_at < $1",
        now - CHALLENGE_RETENTION_SECONDS,
    )
    .await?;
    let sessions =
        sqlx::query("DELETE FROM sessions WHERE ended = 1 OR last_seen <= $1 OR created_at <= $2")
            .bind(now - SESSION_IDLE_SECONDS)
            .bind(now - SESSION_ABSOLUTE_SECONDS)
            .execute(&db.pool)
            .await?
            .rows_affected();
    let rate_events = delete(
        "DELETE FROM rate_events WHERE at <= $1",
        now - LONGEST_WINDOW_SECONDS,
    )
    .await?;
    delete(
        "DELETE FROM rate_subjects WHERE touched <= $1",
        now - LONGEST_WINDOW_SECONDS,
    )
    .await?;
    let idempotency_keys = delete(
        "DELETE FROM idempotency_keys WHERE created_at < $1",
        now - IDEMPOTENCY_RETENTION_SECONDS,
    )
    .await?;
    let sms_outbox = sqlx::query("DELETE FROM sms_outbox WHERE sent_at < $1")
        .bind(crate::clock::rfc3339_of(now - OUTBOX_RETENTION_SECONDS))
        .execute(&db.pool)
        .await?
        .rows_affected();
    Ok(Swept {
        challenges: challenges + resets + step_up_codes,
        sessions,
        rate_events,
        idempotency_keys,
        sms_outbox,
    })
}

/// Sweeps now and then every `every`, until the process ends.
pub fn spawn(db: Database, clock: Clock, every: std::time::Duration) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match sweep(&db, &clock).await {
                Ok(swept) => tracing::info!(?swept, "swept old rows"),
                Err(error) => tracing::warn!(error = ?error, "sweeping old rows failed"),
            }
        }
    });
}
