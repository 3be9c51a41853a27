//! `onewindow-receiver [--addr 127.0.0.1:8080] [--dist dist] [--forms forms] [--database FILE]`

use onewindow_receiver::{app, Config};
use std::path::PathBuf;

fn main() {
    if let Err(message) = run() {
        eprintln!("onewindow-receiver: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut addr = "127.0.0.1:8080".to_string();
    let mut config =
        Config { dist: PathBuf::from("dist"), forms: PathBuf::from("forms"), database: PathBuf::from("target/receiver.sqlite") };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--addr" => addr = value()?,
            "--dist" => config.dist = PathBuf::from(value()?),
            "--forms" => config.forms = PathBuf::from(value()?),
            "--database" => config.database = PathBuf::from(value()?),
            _ => return Err(format!("unknown argument {flag:?}; usage: onewindow-receiver [--addr HOST:PORT] [--dist DIR] [--forms DIR] [--database FILE]")),
        }
    }
    if !config.dist.join("index.html").is_file() {
        return Err(format!("{} has no index.html: build the app first (trunk build --release)", config.dist.display()));
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let local = listener.local_addr().map_err(|e| e.to_string())?;
        println!("onewindow: serving http://{local}/");
        let app = app(&config)?;
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| format!("server stopped: {e}"))
    })
}
