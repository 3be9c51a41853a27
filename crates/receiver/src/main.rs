//! `onewindow-receiver [--addr HOST:PORT] [--dist DIR] [--forms DIR] [--database FILE|URL]
//! [--files DIR|s3://BUCKET]
//! [--max-body-bytes N] [--allow-origin ORIGIN]... [--connect-origin ORIGIN]...
//! [--staff-token TOKEN] [--behind-proxy] [--no-rate-limits]` (see `--help`).

use onewindow_receiver::{app, serve, shutdown_signal, Config};

const HELP: &str = "\
onewindow-receiver: serves the built app and forms/, receives submissions (see docs/receiver.md)

  --addr HOST:PORT        where to listen (default 127.0.0.1:8080; port 0 picks a free one)
  --dist DIR              the built app (default dist)
  --forms DIR             the published definitions (default forms)
  --database FILE|URL     the SQLite database file (default target/receiver.sqlite), or a
                          PostgreSQL URL postgres://user:password@host:port/db, which
                          several instances may share (also DATABASE_URL)
  --files DIR|s3://BUCKET where received files are kept, by SHA-256: a directory (default
                          <database>.files next to a SQLite file), or an S3-compatible bucket
                          configured by the AWS_* variables (also ONEWINDOW_FILES; needed with
                          PostgreSQL)
  --max-body-bytes N      largest submission request, package and files (default 26214400)
  --allow-origin ORIGIN   an origin whose pages may submit cross-origin, e.g. https://gov.example
                          (repeatable; also ONEWINDOW_ALLOW_ORIGINS, comma-separated)
  --connect-origin ORIGIN another origin the app's pages may send to: a backend that a form's
                          submission.url names (the pages' Content-Security-Policy allows only
                          this origin otherwise; repeatable; also ONEWINDOW_CONNECT_ORIGINS)
  --staff-token TOKEN     enables the staff endpoints with this bearer token, at least 16
                          characters (prefer ONEWINDOW_STAFF_TOKEN: arguments show in ps)
  --behind-proxy          a reverse proxy in front appends the client's address to
                          X-Forwarded-For (the rate limits count per that address) and sets
                          X-Forwarded-Proto (https makes the staff cookie Secure)
  --no-rate-limits        turns off the per-client rate limits (submissions, ratings, events,
                          staff sign-in; docs/receiver.md)
  --help                  this text";

fn main() {
    if let Err(message) = run() {
        eprintln!("onewindow-receiver: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut addr = "127.0.0.1:8080".to_string();
    let mut config = Config::new("dist", "forms", "target/receiver.sqlite");
    if let Ok(origins) = std::env::var("ONEWINDOW_ALLOW_ORIGINS") {
        config.allow_origins.extend(
            origins.split(',').map(str::trim).filter(|o| !o.is_empty()).map(str::to_string),
        );
    }
    if let Ok(origins) = std::env::var("ONEWINDOW_CONNECT_ORIGINS") {
        config.connect_origins.extend(
            origins.split(',').map(str::trim).filter(|o| !o.is_empty()).map(str::to_string),
        );
    }
    if let Ok(url) = std::env::var("DATABASE_URL").map(|u| u.trim().to_string()) {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            config.database = url;
        } else if !url.is_empty() {
            return Err("DATABASE_URL must be a postgres:// URL (a SQLite file is given with --database FILE)".into());
        }
    }
    config.files = std::env::var("ONEWINDOW_FILES").ok().filter(|f| !f.trim().is_empty());
    config.staff_token = std::env::var("ONEWINDOW_STAFF_TOKEN").ok().filter(|t| !t.is_empty());
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--addr" => addr = value()?,
            "--dist" => config.dist = value()?.into(),
            "--forms" => config.forms = value()?.into(),
            "--database" => config.database = value()?,
            "--files" => config.files = Some(value()?),
            "--max-body-bytes" => {
                let text = value()?;
                config.max_body_bytes = text.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                    format!("--max-body-bytes needs a positive number of bytes, not {text:?}")
                })?;
            }
            "--allow-origin" => config.allow_origins.push(value()?),
            "--connect-origin" => config.connect_origins.push(value()?),
            "--staff-token" => config.staff_token = Some(value()?),
            "--behind-proxy" => config.behind_proxy = true,
            "--no-rate-limits" => config.rate_limits = None,
            "--help" | "-h" => {
                println!("{HELP}");
                return Ok(());
            }
            _ => return Err(format!("unknown argument {flag:?}\n{HELP}")),
        }
    }
    if !config.dist.join("index.html").is_file() {
        return Err(format!(
            "{} has no index.html: build the app first (trunk build --release)",
            config.dist.display()
        ));
    }
    // Several threads: one slow request (a large upload, a report) does not hold the others.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async {
        // Inside the runtime: the rate limits start their clean-up tasks on it.
        let app = app(&config).await?;
        let listener = tokio::net::TcpListener::bind(&addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let local = listener.local_addr().map_err(|e| e.to_string())?;
        // Listen for signals before announcing the address, so a stop right after it is graceful.
        let signal = shutdown_signal().map_err(|e| format!("cannot listen for signals: {e}"))?;
        println!("onewindow: serving http://{local}/");
        serve(listener, app, async {
            let signal = signal.await;
            eprintln!("onewindow: {signal} received, finishing requests in flight and stopping");
        })
        .await
    })
}
