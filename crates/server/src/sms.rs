//! Sending the verification code (and notices of what was done on the account), chosen by
//! configuration (`--sms-sender`):
//! - [`OutboxSender`] (`log`, demo mode only): writes the message to the `sms_outbox` table,
//!   which demo mode shows at `GET /api/v1/dev/sms-outbox`, and a log line without the code;
//! - [`HttpSender`] (`http`): a JSON POST to the provider's URL with a bearer token, a time
//!   limit per call and retries with backoff. The code is in the body only, never in a log.

use std::{future::Future, pin::Pin, time::Duration};

use anyhow::Context;

use crate::{auth, clock::Clock, db::Database};

pub type SendFuture<'a> = Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send + 'a>>;

/// What a code is for: the message says it, so a person who did not ask can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodePurpose {
    SignIn,
    PasswordReset,
    /// Step-up inside a session: confirming a new bank account.
    BankAccountChange,
}

/// One text message with a verification code.
#[derive(Debug, Clone)]
pub struct CodeMessage<'a> {
    pub national_id: &'a str,
    pub mobile: &'a str,
    pub code: &'a str,
    pub purpose: CodePurpose,
}

impl CodeMessage<'_> {
    /// The text as the phone shows it: Arabic, the code first so phones can offer to fill it.
    pub fn text(&self) -> String {
        match self.purpose {
            CodePurpose::SignIn => format!(
                "{} رمز التحقق لتسجيل الدخول إلى حساب المواطن. لا تشاركه مع أحد.",
                self.code
            ),
            CodePurpose::PasswordReset => format!(
                "{} رمز التحقق لاستعادة كلمة المرور في حساب المواطن. لا تشاركه مع أحد، \
                 وإن لم تطلبه فتجاهل هذه الرسالة.",
                self.code
            ),
            CodePurpose::BankAccountChange => format!(
                "{} رمز التحقق لتغيير الحساب البنكي في حساب المواطن. لا تشاركه مع أحد، \
                 وإن لم تطلبه فاتصل بخدمة العملاء على 19911.",
                self.code
            ),
        }
    }
}

/// What a notice tells: something was done on the account, so a person who did not do it
/// can call at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    BankAccountChanged,
}

/// One text message without a code.
#[derive(Debug, Clone)]
pub struct NoticeMessage<'a> {
    pub national_id: &'a str,
    pub mobile: &'a str,
    pub notice: Notice,
}

impl NoticeMessage<'_> {
    pub fn text(&self) -> String {
        match self.notice {
            Notice::BankAccountChanged => "تم تغيير الحساب البنكي المسجل في حساب المواطن. \
                                           إن لم تقم بذلك فاتصل بخدمة العملاء على 19911."
                .to_owned(),
        }
    }
}

pub trait SmsSender: Send + Sync {
    fn send<'a>(&'a self, message: CodeMessage<'a>) -> SendFuture<'a>;
    fn send_notice<'a>(&'a self, message: NoticeMessage<'a>) -> SendFuture<'a>;
}

/// The demo sender: the outbox table, no network.
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
                national_id = %auth::mask_national_id(message.national_id),
                mobile = %auth::mask_mobile(message.mobile),
                "verification code written to the demo outbox"
            );
            Ok(())
        })
    }

    /// In the outbox like a code, with an empty `code`.
    fn send_notice<'a>(&'a self, message: NoticeMessage<'a>) -> SendFuture<'a> {
        Box::pin(async move {
            sqlx::query(
                "INSERT INTO sms_outbox (national_id, mobile, code, message, sent_at) \
                 VALUES ($1, $2, '', $3, $4)",
            )
            .bind(message.national_id)
            .bind(message.mobile)
            .bind(message.text())
            .bind(self.clock.rfc3339())
            .execute(&self.db.pool)
            .await?;
            tracing::info!(
                national_id = %auth::mask_national_id(message.national_id),
                mobile = %auth::mask_mobile(message.mobile),
                "notice written to the demo outbox"
            );
            Ok(())
        })
    }
}

/// A real provider over HTTP(S).
pub struct HttpSender {
    client: reqwest::Client,
    url: String,
    token: String,
    backoff: Duration,
}

/// Calls made to the provider for one message before giving up.
pub const HTTP_ATTEMPTS: u32 = 3;

/// What the provider receives.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct ProviderMessage {
    pub to: String,
    pub text: String,
}

impl HttpSender {
    /// `timeout` bounds each call; between calls it waits `backoff`, then twice that.
    pub fn new(
        url: &str,
        token: &str,
        timeout: Duration,
        backoff: Duration,
    ) -> anyhow::Result<Self> {
        anyhow::ensure!(
            url.starts_with("https://") || url.starts_with("http://"),
            "--sms-url must be an http(s) URL"
        );
        anyhow::ensure!(!token.is_empty(), "--sms-token (PORTAL_SMS_TOKEN) is empty");
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .context("building the SMS provider's HTTP client")?;
        Ok(Self {
            client,
            url: url.to_owned(),
            token: token.to_owned(),
            backoff,
        })
    }

    async fn post_once(&self, body: &ProviderMessage) -> Result<(), Attempt> {
        let response = self
            .client
            .post(&self.url)
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            // The error's text names the URL, never the body: safe to log.
            .map_err(|error| Attempt::Retry(format!("{}", error.without_url())))?;
        let status = response.status();
        if status.is_success() {
            Ok(())
        } else if status.is_server_error() || status.as_u16() == 429 || status.as_u16() == 408 {
            Err(Attempt::Retry(format!("provider answered {status}")))
        } else {
            Err(Attempt::GiveUp(format!("provider answered {status}")))
        }
    }
}

enum Attempt {
    Retry(String),
    GiveUp(String),
}

impl SmsSender for HttpSender {
    fn send<'a>(&'a self, message: CodeMessage<'a>) -> SendFuture<'a> {
        Box::pin(self.deliver(message.mobile, message.text()))
    }

    fn send_notice<'a>(&'a self, message: NoticeMessage<'a>) -> SendFuture<'a> {
        Box::pin(self.deliver(message.mobile, message.text()))
    }
}

impl HttpSender {
    /// One message to the provider, with the retries; the text is never logged.
    async fn deliver(&self, to: &str, text: String) -> anyhow::Result<()> {
        let body = ProviderMessage {
            to: to.to_owned(),
            text,
        };
        let mobile = auth::mask_mobile(to);
        let mut wait = self.backoff;
        for attempt in 1..=HTTP_ATTEMPTS {
            match self.post_once(&body).await {
                Ok(()) => {
                    tracing::info!(%mobile, attempt, "text message sent");
                    return Ok(());
                }
                Err(Attempt::GiveUp(reason)) => {
                    anyhow::bail!("the SMS provider refused a message to {mobile}: {reason}")
                }
                Err(Attempt::Retry(reason)) if attempt < HTTP_ATTEMPTS => {
                    tracing::warn!(%mobile, attempt, %reason, "SMS provider call failed; retrying");
                    tokio::time::sleep(wait).await;
                    wait *= 2;
                }
                Err(Attempt::Retry(reason)) => {
                    anyhow::bail!(
                        "the SMS provider failed {HTTP_ATTEMPTS} times for {mobile}: {reason}"
                    )
                }
            }
        }
        anyhow::bail!("no attempt was made")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_says_what_the_code_is_for() {
        let message = |purpose| CodeMessage {
            national_id: "1000000008",
            mobile: "0551234567",
            code: "123456",
            purpose,
        };
        let sign_in = message(CodePurpose::SignIn).text();
        let reset = message(CodePurpose::PasswordReset).text();
        let bank = message(CodePurpose::BankAccountChange).text();
        assert!(sign_in.starts_with("123456 ") && sign_in.contains("لتسجيل الدخول"));
        assert!(reset.starts_with("123456 ") && reset.contains("لاستعادة كلمة المرور"));
        assert!(bank.starts_with("123456 ") && bank.contains("لتغيير الحساب البنكي"));
        assert!(bank.contains("19911"));
    }

    #[test]
    fn a_notice_has_no_code_and_says_whom_to_call() {
        let notice = NoticeMessage {
            national_id: "1000000008",
            mobile: "0551234567",
            notice: Notice::BankAccountChanged,
        }
        .text();
        assert!(notice.contains("تم تغيير الحساب البنكي") && notice.contains("19911"));
        assert!(!notice.contains("  "), "{notice}");
        assert!(!notice.contains("رمز"), "a notice carries no code");
    }
}
