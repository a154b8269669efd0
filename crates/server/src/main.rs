//! Bootstrap only: configuration -> logs -> database -> demo data -> serve until a signal.

use std::{net::SocketAddr, sync::Arc, time::Duration};

use anyhow::Context;
use clap::Parser;
use server::{
    AppState, app, cleanup,
    config::{Config, LogFormat, SmsSenderKind},
    db, demo,
    sms::HttpSender,
    static_files::StaticFiles,
};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Config::parse();
    if config.print_cdn_headers {
        print!("{}", StaticFiles::load(&config.static_dir)?.cdn_headers());
        return Ok(());
    }
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    match config.log_format {
        LogFormat::Json => tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .init(),
        LogFormat::Pretty => tracing_subscriber::fmt().with_env_filter(filter).init(),
    }

    if config.demo {
        anyhow::ensure!(
            config.addr.ip().is_loopback(),
            "demo mode serves made-up accounts whose codes anyone can read: it listens only on \
             a loopback address (127.0.0.1 or ::1), not on {}",
            config.addr
        );
    }
    if config.sms_sender == SmsSenderKind::Log && !config.demo {
        anyhow::bail!(
            "outside demo mode, codes must really be sent: set --sms-sender http with \
             --sms-url and PORTAL_SMS_TOKEN (or run with --demo)"
        );
    }

    let operator = server::routes::instance::Operator::from_settings(
        config.demo,
        config.operator_ar.as_deref(),
        config.operator_en.as_deref(),
    )
    .map_err(anyhow::Error::msg)?;

    let db = db::connect(&config.database_url).await?;
    let static_files = StaticFiles::load(&config.static_dir)?;
    let mut state = AppState::new(db, static_files, config.demo).with_limits(config.limits());
    state.hsts = config.hsts;
    state.operator = Arc::new(operator);
    state.trusted_proxies = Arc::new(config.trusted_proxy.clone());
    if config.sms_sender == SmsSenderKind::Http {
        let url = config
            .sms_url
            .as_deref()
            .context("--sms-sender http needs --sms-url")?;
        let token = config
            .sms_token
            .as_deref()
            .context("--sms-sender http needs PORTAL_SMS_TOKEN (or --sms-token)")?;
        let timeout = Duration::from_millis(config.sms_timeout_ms.max(1));
        state.sms = Arc::new(HttpSender::new(
            url,
            token,
            timeout,
            Duration::from_millis(250),
        )?);
    }
    if config.demo {
        demo::ensure_only_made_up_data(&state.db).await?;
        demo::seed(&state.db, state.clock.today()).await?;
    }
    cleanup::spawn(
        state.db.clone(),
        state.clock.clone(),
        Duration::from_secs(config.cleanup_every_seconds.max(1)),
    );

    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("listening on {}", config.addr))?;
    let address = listener.local_addr()?;
    tracing::info!(
        %address,
        database = %db::redact(&config.database_url),
        demo = config.demo,
        "serving"
    );
    if config.demo {
        print_demo_banner(address);
    }
    let state_draining = state.draining.clone();
    // The socket's peer address is the client's, unless a trusted proxy forwarded another.
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(drain_then_stop(
        state_draining,
        Duration::from_secs(config.drain_seconds),
    ))
    .await?;
    tracing::info!("stopped");
    Ok(())
}

/// What a person who just typed the run command needs: where to go and how to log in.
fn print_demo_banner(address: SocketAddr) {
    let mut banner = format!(
        "\n  Citizen Account portal (demo) is running: http://{address}/\n\n  \
         Demo logins (national ID, password {}):\n",
        demo::DEMO_PASSWORD
    );
    for person in demo::DEMO_BENEFICIARIES {
        banner.push_str(&format!("    {}  {}\n", person.national_id, person.story));
    }
    banner.push_str("\n  Ctrl-C stops the server.\n");
    eprintln!("{banner}");
}

/// After Ctrl-C or SIGTERM: say "not ready" and go on serving for `drain`, so a load
/// balancer moves away; then stop taking connections, finish the requests in flight, exit.
async fn drain_then_stop(draining: Arc<std::sync::atomic::AtomicBool>, drain: Duration) {
    shutdown_signal().await;
    draining.store(true, std::sync::atomic::Ordering::Relaxed);
    if !drain.is_zero() {
        tracing::info!(seconds = drain.as_secs(), "draining: /ready says no");
        tokio::time::sleep(drain).await;
    }
    tracing::info!("finishing the requests in flight");
}

/// Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
