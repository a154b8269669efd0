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

    /// Print the response headers a static CDN must send with the built app (Netlify /
    /// Cloudflare Pages `_headers` format, CSP hash included) and exit.
    #[arg(long)]
    pub print_cdn_headers: bool,

    /// Log format: `json` (structured, the default) or `pretty`.
    #[arg(long, env = "PORTAL_LOG_FORMAT", default_value = "json")]
    pub log_format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Json,
    Pretty,
}
