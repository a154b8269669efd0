//! Bootstrap only: configuration -> logs -> database -> demo data -> serve until a signal.

use anyhow::Context;
use clap::Parser;
use server::{
    AppState, app,
    config::{Config, LogFormat},
    db, demo,
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

    let db = db::connect(&config.database_url).await?;
    let static_files = StaticFiles::load(&config.static_dir)?;
    let state = AppState::new(db, static_files, config.demo);
    if config.demo {
        demo::seed(&state.db, state.clock.today()).await?;
    }

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
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    tracing::info!("stopped");
    Ok(())
}

/// What a person who just typed the run command needs: where to go and how to log in.
fn print_demo_banner(address: std::net::SocketAddr) {
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

/// Ctrl-C or SIGTERM: stop taking connections, finish the requests in flight, exit.
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
