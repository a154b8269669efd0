//! Configuration: every setting is a flag and an environment variable, with a default that
//! makes `server` alone a working demo on one machine.

use std::{net::SocketAddr, path::PathBuf};

use clap::Parser;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "server",
    version,
    about = "Citizen Account portal: API and app in one process"
)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "PORTAL_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Database URL: `sqlite:...` (default, created when missing) or `postgres://...`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite:data/portal.db")]
    pub database_url: String,

    /// Folder of the built app (Trunk's `dist/`), served with an SPA fallback.
    #[arg(long, env = "PORTAL_STATIC_DIR", default_value = "dist")]
    pub static_dir: PathBuf,

    /// Seed demo beneficiaries and enable demo-only endpoints. Never in production.
    #[arg(long, env = "PORTAL_DEMO", default_value_t = false)]
    pub demo: bool,

    /// Who operates this instance, in Arabic, as the app's footer and about page name it
    /// («تُشغّل هذه النسخة: ...»). Required outside demo mode.
    #[arg(long, env = "PORTAL_OPERATOR_AR")]
    pub operator_ar: Option<String>,

    /// The operator's name in English. Required outside demo mode.
    #[arg(long, env = "PORTAL_OPERATOR_EN")]
    pub operator_en: Option<String>,

    /// Print the response headers a static CDN must send with the built app (Netlify /
    /// Cloudflare Pages `_headers` format, CSP hash included) and exit.
    #[arg(long)]
    pub print_cdn_headers: bool,

    /// Log format: `json` (structured, the default) or `pretty`.
    #[arg(long, env = "PORTAL_LOG_FORMAT", default_value = "json")]
    pub log_format: LogFormat,

    /// Proxies or load balancers whose `X-Forwarded-For` is believed, as addresses or CIDR
    /// ranges, comma-separated (e.g. `127.0.0.1,10.0.0.0/8`). Without it the client address
    /// is the socket's peer, whatever a header says.
    #[arg(long, env = "PORTAL_TRUSTED_PROXY", value_delimiter = ',', value_parser = address_or_range)]
    pub trusted_proxy: Vec<ipnet::IpNet>,

    /// The site is served over https: send `Strict-Transport-Security` on every response.
    #[arg(long, env = "PORTAL_HSTS", default_value_t = false)]
    pub hsts: bool,

    /// How verification codes are sent: `log` (demo mode only: the outbox and the log,
    /// without the code) or `http` (a JSON POST to `--sms-url` with `--sms-token`).
    #[arg(long, env = "PORTAL_SMS_SENDER", default_value = "log")]
    pub sms_sender: SmsSenderKind,

    /// The SMS provider's endpoint, for `--sms-sender http`.
    #[arg(long, env = "PORTAL_SMS_URL")]
    pub sms_url: Option<String>,

    /// The SMS provider's bearer token, for `--sms-sender http` (prefer the variable: a flag
    /// shows in the process list).
    #[arg(long, env = "PORTAL_SMS_TOKEN", hide_env_values = true)]
    pub sms_token: Option<String>,

    /// Milliseconds one call to the SMS provider may take; it is tried three times.
    #[arg(long, env = "PORTAL_SMS_TIMEOUT_MS", default_value_t = 5000)]
    pub sms_timeout_ms: u64,

    /// Wrong passwords allowed per national ID within `--password-window-seconds`.
    #[arg(long, env = "PORTAL_PASSWORD_TRIES", default_value_t = 5)]
    pub password_tries: u32,

    #[arg(long, env = "PORTAL_PASSWORD_WINDOW_SECONDS", default_value_t = 900)]
    pub password_window_seconds: i64,

    /// Verification codes sent per account per hour (sign-ins and resends).
    #[arg(long, env = "PORTAL_CODES_PER_HOUR", default_value_t = 5)]
    pub codes_per_hour: u32,

    /// Wrong sign-ins allowed per client address within `--source-window-seconds`, across
    /// all national IDs (stops password spraying). Raise it where many people share one
    /// address (carrier-grade NAT); right passwords never count.
    #[arg(long, env = "PORTAL_SOURCE_FAILURES", default_value_t = 50)]
    pub source_failures: u32,

    #[arg(long, env = "PORTAL_SOURCE_WINDOW_SECONDS", default_value_t = 900)]
    pub source_window_seconds: i64,

    /// Password checks (argon2, about 19 MiB each) running at once; default: the cores.
    #[arg(long, env = "PORTAL_HASH_CONCURRENCY")]
    pub hash_concurrency: Option<usize>,

    /// Password checks allowed to wait for a turn; beyond, sign-ins get 503 `busy`.
    #[arg(long, env = "PORTAL_HASH_QUEUE", default_value_t = 32)]
    pub hash_queue: usize,

    /// Seconds a request may take before it is answered 503 `timeout`.
    #[arg(long, env = "PORTAL_REQUEST_TIMEOUT_SECONDS", default_value_t = 15)]
    pub request_timeout_seconds: u64,

    /// On SIGTERM or Ctrl-C, seconds to go on serving while `/ready` says no, so a load
    /// balancer stops sending requests here; then requests in flight finish and it exits.
    #[arg(long, env = "PORTAL_DRAIN_SECONDS", default_value_t = 0)]
    pub drain_seconds: u64,

    /// Seconds between two sweeps of old rows (cleanup.rs says what is kept how long).
    #[arg(long, env = "PORTAL_CLEANUP_EVERY_SECONDS", default_value_t = 600)]
    pub cleanup_every_seconds: u64,
}

impl Config {
    /// The limits these settings describe.
    pub fn limits(&self) -> crate::limits::Limits {
        let defaults = crate::limits::Limits::default();
        crate::limits::Limits {
            password_tries: self.password_tries.max(1),
            password_window_seconds: self.password_window_seconds.max(1),
            codes_per_hour: self.codes_per_hour.max(1),
            source_failures: self.source_failures.max(1),
            source_window_seconds: self.source_window_seconds.max(1),
            hash_concurrency: self
                .hash_concurrency
                .unwrap_or(defaults.hash_concurrency)
                .max(1),
            hash_queue: self.hash_queue,
            request_timeout_seconds: self.request_timeout_seconds.max(1),
        }
    }
}

/// `10.0.0.0/8`, or one address (`127.0.0.1`, `::1`) as a range of one.
fn address_or_range(text: &str) -> Result<ipnet::IpNet, String> {
    let text = text.trim();
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("{text:?} is neither an address nor a CIDR range"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SmsSenderKind {
    Log,
    Http,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Json,
    Pretty,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trusted_proxies_are_addresses_or_ranges() {
        let config =
            Config::try_parse_from(["server", "--trusted-proxy", "127.0.0.1,10.0.0.0/8, ::1"])
                .expect("parsed");
        let shown: Vec<String> = config
            .trusted_proxy
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(shown, ["127.0.0.1/32", "10.0.0.0/8", "::1/128"]);
        assert!(Config::try_parse_from(["server", "--trusted-proxy", "nope"]).is_err());
    }
}
