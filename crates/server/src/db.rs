//! The database: SQLite by default (one file, created at start), PostgreSQL when the URL
//! names one. Queries are written once in SQL both understand (`$1` placeholders, integers
//! and text only) and run through sqlx's `Any` driver; each backend has its own migrations
//! folder with the same meaning, because their DDL differs.

use std::{path::Path, str::FromStr, time::Duration};

use anyhow::Context;
use sqlx::{
    AnyPool, Executor,
    any::{AnyPoolOptions, install_default_drivers},
    sqlite::SqliteConnectOptions,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of(url: &str) -> anyhow::Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            anyhow::bail!("DATABASE_URL must start with sqlite: or postgres://")
        }
    }
}

#[derive(Debug, Clone)]
pub struct Database {
    pub pool: AnyPool,
    pub backend: Backend,
}

/// Connects, creating the SQLite file and its folder when missing, and applies migrations.
pub async fn connect(url: &str) -> anyhow::Result<Database> {
    install_default_drivers();
    let backend = Backend::of(url)?;
    if backend == Backend::Sqlite {
        prepare_sqlite_file(url).await?;
    }
    let pool = AnyPoolOptions::new()
        .max_connections(match backend {
            Backend::Sqlite => 8,
            Backend::Postgres => 16,
        })
        .acquire_timeout(Duration::from_secs(5))
        .after_connect(move |connection, _| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    // Per connection: SQLite forgets these when a connection closes.
                    // A larger page cache and memory-mapped reads: at two million households
                    // the hot pages of one connection no longer fit SQLite's 2 MB default, and
                    // each miss was a read() call and a copy (scripts/bench-api).
                    connection
                        .execute(
                            "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                             PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; \
                             PRAGMA mmap_size = 2147418112; PRAGMA temp_store = MEMORY;",
                        )
                        .await?;
                }
                Ok(())
            })
        })
        .connect(url)
        .await
        .with_context(|| format!("connecting to {}", redact(url)))?;
    migrate(url, backend, &pool).await?;
    Ok(Database { pool, backend })
}

/// Applies the migrations; when several servers start at once, one migrates and the others
/// wait for it. On PostgreSQL sqlx holds an advisory lock while it migrates; on SQLite a lock
/// on a file beside the database does the same across processes.
async fn migrate(url: &str, backend: Backend, pool: &AnyPool) -> anyhow::Result<()> {
    match backend {
        Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        Backend::Sqlite => {
            let options = SqliteConnectOptions::from_str(url)?;
            let database = options.get_filename().to_path_buf();
            let lock_path = database.with_extension("migrate-lock");
            let lock = tokio::task::spawn_blocking(move || -> anyhow::Result<std::fs::File> {
                let file = std::fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(&lock_path)
                    .with_context(|| format!("opening {}", lock_path.display()))?;
                file.lock()
                    .with_context(|| format!("locking {}", lock_path.display()))?;
                Ok(file)
            })
            .await??;
            let migrated = sqlx::migrate!("./migrations/sqlite").run(pool).await;
            drop(lock);
            migrated?;
        }
    }
    Ok(())
}

/// Creates the file with write-ahead logging, which lets readers go on while one writes.
async fn prepare_sqlite_file(url: &str) -> anyhow::Result<()> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal);
    if let Some(folder) = Path::new(options.get_filename()).parent()
        && !folder.as_os_str().is_empty()
    {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("creating {}", folder.display()))?;
    }
    use sqlx::{ConnectOptions, Connection};
    let connection = options.connect().await?;
    connection.close().await?;
    Ok(())
}

/// The URL without its password, for logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme_end + 3],
                    &credentials[..colon],
                    &url[at..]
                ),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_the_log() {
        assert_eq!(
            redact("postgres://portal:secret@localhost/portal"),
            "postgres://portal:***@localhost/portal"
        );
        assert_eq!(redact("sqlite:data/portal.db"), "sqlite:data/portal.db");
    }

    #[test]
    fn backend_follows_the_url() {
        assert_eq!(Backend::of("sqlite::memory:").ok(), Some(Backend::Sqlite));
        assert_eq!(Backend::of("postgres://x/y").ok(), Some(Backend::Postgres));
        assert!(Backend::of("mysql://x/y").is_err());
    }
}
