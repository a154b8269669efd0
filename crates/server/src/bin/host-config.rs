//! Makes a built `dist/` ready for a static host or a CDN (see `server::host_config`):
//!
//!   host-config dist
//!
//! writes `.br`/`.gz` beside each compressible file, `404.html`, `_headers`, `_redirects`
//! and `.host/nginx.conf`, from the files and the app's route table.

use std::path::PathBuf;

use clap::Parser;

#[derive(Debug, Parser)]
#[command(about = "Precompress dist/ and write its static-host configuration")]
struct Options {
    /// The built app (Trunk's dist/, after prerendering).
    #[arg(default_value = "dist")]
    static_dir: PathBuf,
}

fn main() -> anyhow::Result<()> {
    let options = Options::parse();
    let report = server::host_config::generate(&options.static_dir)?;
    println!(
        "host-config: {} files ({} precompressed), {} app routes, {} written",
        report.files,
        report.compressed,
        report.routes,
        options
            .static_dir
            .join(server::host_config::NGINX_INCLUDE)
            .display()
    );
    Ok(())
}
