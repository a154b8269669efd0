//! Sending the verification code. A real SMS provider implements [`SmsSender`]; the built-in
//! [`OutboxSender`] writes the message to the log and to the `sms_outbox` table, which demo
//! mode shows at `GET /api/v1/dev/sms-outbox`.

use std::{future::Future, pin::Pin};

use crate::{clock::Clock, db::Database};

pub type SendFuture<'a> = Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send + 'a>>;

/// One text message with a verification code.
#[derive(Debug, Clone)]
pub struct CodeMessage<'a> {
    pub national_id: &'a str,
    pub mobile: &'a str,
    pub code: &'a str,
}

impl CodeMessage<'_> {
    /// The text as the phone shows it: Arabic, the code first so phones can offer to fill it.
    pub fn text(&self) -> String {
        format!(
            "{} رمز التحقق لتسجيل الدخول إلى حساب المواطن. لا تشاركه مع أحد.",
            self.code
        )
    }
}

pub trait SmsSender: Send + Sync {
    fn send<'a>(&'a self, message: CodeMessage<'a>) -> SendFuture<'a>;
}

/// The built-in sender: log and outbox table, no network.
pub struct OutboxSender {
    pub db: Database,
    pub clock: Clock,
}

impl SmsSender for OutboxSender {
    fn send<'a>(&'a self, message: CodeMessage<'a>) -> SendFuture<'a> {
        Box::pin(async move {
            let text = message.text();
            sqlx::query(
                "INSERT INTO sms_outbox (national_id, mobile, code, message, sent_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(message.national_id)
            .bind(message.mobile)
            .bind(message.code)
            .bind(&text)
            .bind(self.clock.rfc3339())
            .execute(&self.db.pool)
            .await?;
            tracing::info!(
                national_id = message.national_id,
                mobile = %crate::auth::mask_mobile(message.mobile),
                "verification code sent to the outbox"
            );
            Ok(())
        })
    }
}
