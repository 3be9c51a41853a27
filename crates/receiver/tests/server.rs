//! The real server: the binary serves on port 0, stores what it receives in its database file,
//! and stops cleanly on SIGTERM; `serve` stops when its shutdown future completes.

mod common;

use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One HTTP/1.1 request over a fresh connection; the whole response as text.
fn http(addr: &str, request: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

fn site(name: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    std::fs::create_dir_all(dir.join("dist")).unwrap();
    std::fs::write(dir.join("dist/index.html"), "<!doctype html><title>onewindow</title>").unwrap();
    dir
}

/// The app over `site(name)`'s dist/ and the shipped forms, in memory.
async fn site_app(dir: &std::path::Path) -> axum::Router {
    onewindow_receiver::app(&test_config(dir.join("dist"), repo().join("forms"))).await.unwrap()
}

#[cfg(unix)]
#[test]
fn the_binary_serves_stores_and_stops_on_sigterm() {
    let dir = site("binary");
    let database = dir.join("receiver.sqlite");
    let mut child = Command::new(env!("CARGO_BIN_EXE_onewindow-receiver"))
        .args(["--addr", "127.0.0.1:0", "--forms"])
        .arg(repo().join("forms"))
        .arg("--dist")
        .arg(dir.join("dist"))
        .arg("--database")
        .arg(&database)
        .env_remove("ONEWINDOW_STAFF_TOKEN")
        .env_remove("ONEWINDOW_ALLOW_ORIGINS")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let addr = address_of(&mut child);

    let health = http(&addr, "GET /api/health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.to_ascii_lowercase().contains("x-content-type-options: nosniff"), "{health}");
    let body = serde_json::to_string(&package("a40c0b51-2536-4dae-8f5a-6b7c8d9eafb0")).unwrap();
    let created = http(
        &addr,
        &format!("POST /api/submissions HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()),
    );
    assert!(created.starts_with("HTTP/1.1 201"), "{created}");

    // An idle keep-alive connection must not hold the shutdown up.
    let mut idle = TcpStream::connect(&addr).unwrap();
    idle.write_all(b"GET /api/health HTTP/1.1\r\nHost: test\r\n\r\n").unwrap();

    stop_with(&mut child, "TERM");
    let mut log = String::new();
    child.stderr.take().unwrap().read_to_string(&mut log).unwrap();
    assert_eq!(log.matches("SIGTERM received").count(), 1, "{log}");
    // The log names the form, the status and the reference, never an answer.
    assert!(log.contains("submission 201 form=residence-permit reference=OW-"), "{log}");
    assert!(!log.contains("Li Lei") && !log.contains("0013 8000"), "{log}");

    let db = rusqlite::Connection::open(&database).unwrap();
    let stored: i64 =
        db.query_row("SELECT COUNT(*) FROM submissions", [], |row| row.get(0)).unwrap();
    assert_eq!(stored, 1);
    drop(db);
    std::fs::remove_dir_all(dir).unwrap();
}

/// The address the binary says it serves on (its first line on stdout).
fn address_of(child: &mut std::process::Child) -> String {
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first_line).unwrap();
    first_line
        .trim()
        .strip_prefix("onewindow: serving http://")
        .and_then(|rest| rest.strip_suffix('/'))
        .unwrap_or_else(|| panic!("{first_line:?}"))
        .to_string()
}

/// Sends SIG`signal` and waits (20 s at most) for a clean exit.
#[cfg(unix)]
fn stop_with(child: &mut std::process::Child, signal: &str) {
    assert!(Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap()
        .success());
    let started = Instant::now();
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        if started.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("the receiver did not stop within 20 s of SIG{signal}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "{exit:?}");
}

#[cfg(unix)]
#[test]
fn the_binary_stops_on_ctrl_c_too() {
    let dir = site("ctrl-c");
    let mut child = Command::new(env!("CARGO_BIN_EXE_onewindow-receiver"))
        .args(["--addr", "127.0.0.1:0", "--dist"])
        .arg(dir.join("dist"))
        .arg("--database")
        .arg(dir.join("receiver.sqlite"))
        .env_remove("ONEWINDOW_STAFF_TOKEN")
        .env_remove("ONEWINDOW_ALLOW_ORIGINS")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first_line).unwrap();
    assert!(first_line.starts_with("onewindow: serving http://127.0.0.1:"), "{first_line:?}");
    stop_with(&mut child, "INT");
    let mut log = String::new();
    child.stderr.take().unwrap().read_to_string(&mut log).unwrap();
    assert_eq!(log.trim(), "onewindow: Ctrl-C received, finishing requests in flight and stopping");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_binary_explains_its_flags() {
    let help =
        Command::new(env!("CARGO_BIN_EXE_onewindow-receiver")).arg("--help").output().unwrap();
    assert!(help.status.success());
    let text = String::from_utf8(help.stdout).unwrap();
    for flag in [
        "--addr",
        "--dist",
        "--forms",
        "--database",
        "--max-body-bytes",
        "--allow-origin",
        "--staff-token",
        "ONEWINDOW_ALLOW_ORIGINS",
        "ONEWINDOW_STAFF_TOKEN",
        "--files",
        "DATABASE_URL",
        "ONEWINDOW_FILES",
    ] {
        assert!(text.contains(flag), "{flag} missing from --help");
    }
    let dir = site("flags");
    for args in [
        vec!["--bogus"],
        vec!["--max-body-bytes", "lots"],
        vec!["--max-body-bytes", "0"],
        vec!["--addr"],
        vec!["--staff-token", "short"],
        vec!["--allow-origin", "example.org"],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_onewindow-receiver"))
            .args(["--addr", "127.0.0.1:0", "--dist"])
            .arg(dir.join("dist"))
            .arg("--database")
            .arg(dir.join("db.sqlite"))
            .args(&args)
            .env_remove("ONEWINDOW_STAFF_TOKEN")
            .env_remove("ONEWINDOW_ALLOW_ORIGINS")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).starts_with("onewindow-receiver: "),
            "{args:?}"
        );
    }
    // The environment enables what the flags do.
    let output = Command::new(env!("CARGO_BIN_EXE_onewindow-receiver"))
        .args(["--addr", "127.0.0.1:0", "--dist"])
        .arg(dir.join("dist"))
        .env("ONEWINDOW_STAFF_TOKEN", "short")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "a short token from the environment is refused too");
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn serve_finishes_when_told_to() {
    let dir = site("serve");
    let router = site_app(&dir).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(onewindow_receiver::serve(listener, router, async {
        let _ = stopped.await;
    }));
    let page = tokio::task::spawn_blocking({
        let addr = addr.clone();
        move || {
            http(
                &addr,
                "GET /apply/residence-permit HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n",
            )
        }
    })
    .await
    .unwrap();
    assert!(
        page.starts_with("HTTP/1.1 200") && page.contains("<title>onewindow</title>"),
        "{page}"
    );
    stop.send(()).unwrap();
    let result = tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("serve did not return")
        .unwrap();
    assert_eq!(result, Ok(()));
    std::fs::remove_dir_all(dir).unwrap();
}

/// A client that sends half its headers, or a body slower than one part per read timeout, is
/// answered and let go rather than holding its connection (and, before, the one thread) for
/// ever.
#[tokio::test]
async fn a_stalled_client_is_let_go_after_the_read_timeout() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let dir = site("stalled");
    let router = site_app(&dir).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(onewindow_receiver::serve_with_timeout(
        listener,
        router,
        async {
            let _ = stopped.await;
        },
        Duration::from_millis(500),
    ));
    // Sends `head`, then nothing; returns what came back before the server closed the
    // connection, or None if it was still open after 5 s.
    let stall = |head: &'static str| async move {
        let mut socket = tokio::net::TcpStream::connect(addr).await.unwrap();
        socket.write_all(head.as_bytes()).await.unwrap();
        let mut answer = Vec::new();
        tokio::time::timeout(Duration::from_secs(5), socket.read_to_end(&mut answer))
            .await
            .ok()
            .map(|_| String::from_utf8_lossy(&answer).to_string())
    };
    let half_headers = stall("GET /api/health HTTP/1.1\r\nHost: test\r\nX-Slow: ").await;
    assert!(half_headers.is_some(), "half the headers kept the connection open");
    let short_body = stall(
        "POST /api/submissions HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
    )
    .await
    .expect("a body short of its Content-Length kept the connection open");
    assert!(
        short_body.starts_with("HTTP/1.1 408") && short_body.contains(r#""problem":"timeout""#),
        "{short_body}"
    );
    let short_multipart = stall(
        "POST /api/submissions HTTP/1.1\r\nHost: test\r\nContent-Type: multipart/form-data; boundary=X\r\nContent-Length: 1000\r\n\r\n--X\r\nContent-Disposition: form-data; name=\"package\"\r\n\r\n{",
    )
    .await
    .expect("a multipart body short of its Content-Length kept the connection open");
    assert!(short_multipart.starts_with("HTTP/1.1 408"), "{short_multipart}");
    // The server still answers others.
    let health =
        stall("GET /api/health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n").await.unwrap();
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    stop.send(()).unwrap();
    let result = tokio::time::timeout(Duration::from_secs(10), server).await.unwrap().unwrap();
    assert_eq!(result, Ok(()));
    std::fs::remove_dir_all(dir).unwrap();
}

/// The binary on PostgreSQL, configured as an operator would, through `DATABASE_URL` and
/// `ONEWINDOW_FILES`; a `DATABASE_URL` that is not PostgreSQL's, or PostgreSQL without a file
/// store, stops it at start with a message. (On PostgreSQL only when the tests run there.)
#[test]
fn the_binary_takes_its_database_and_file_store_from_the_environment() {
    let dir = site("environment");
    let run = |database_url: &str, files: Option<&str>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_onewindow-receiver"));
        command
            .args(["--addr", "127.0.0.1:0", "--forms"])
            .arg(repo().join("forms"))
            .arg("--dist")
            .arg(dir.join("dist"))
            .env("DATABASE_URL", database_url)
            .env_remove("ONEWINDOW_STAFF_TOKEN")
            .env_remove("ONEWINDOW_FILES")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(files) = files {
            command.env("ONEWINDOW_FILES", files);
        }
        command
    };
    let refused = run("sqlite:///tmp/x.db", None).output().unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("DATABASE_URL must be a postgres:// URL")
    );
    let refused = run("postgres://nobody@127.0.0.1:1/none", None).output().unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--files"), "{refused:?}");

    let Some(server) = postgres_server() else { return };
    let files = dir.join("files");
    let mut child = run(&fresh_postgres(&server), Some(files.to_str().unwrap())).spawn().unwrap();
    let addr = address_of(&mut child);
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n pretend photo";
    let package = package_with_files(
        "b51d0c62-3647-4eae-9f6b-7c8d9eafb0c1",
        &[("photo", "photo.png", "image/png", PNG)],
    );
    let body = multipart(&[
        ("package", None, &serde_json::to_vec(&package).unwrap()),
        (&onewindow_engine::sha256_hex(PNG), Some("photo.png"), PNG),
    ]);
    let mut request = format!(
        "POST /api/submissions HTTP/1.1\r\nHost: test\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(&body);
    let mut stream = TcpStream::connect(&addr).unwrap();
    stream.write_all(&request).unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 201"), "{reply}");
    let sha = onewindow_engine::sha256_hex(PNG);
    assert_eq!(std::fs::read(files.join("sha256").join(&sha[..2]).join(&sha)).unwrap(), PNG);
    stop_with(&mut child, "TERM");
    std::fs::remove_dir_all(dir).unwrap();
}
