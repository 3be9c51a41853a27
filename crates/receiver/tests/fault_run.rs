//! Two receiver instances on one database, behind a round-robin balancer that drops
//! connections, answers 500 itself and holds replies past the client's patience; clients that
//! send every application with a file, retry whatever did not clearly arrive, and send some
//! applications twice at once with the key in either case. Afterwards exactly one application
//! is stored per key, each with its own reference and its file intact, and every 5xx a client
//! saw was one the balancer made up.
//!
//! On SQLite (plain `cargo test`) a shorter run; scripts/test.sh runs it again on PostgreSQL
//! with 2,000 applications. The faults come from a seeded generator: a failure repeats.

mod common;

use common::*;
use onewindow_engine::formats::Date;
use onewindow_engine::{load_form, sha256_hex, FormModel};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// How long a client waits for a reply before it gives up and sends again.
const PATIENCE: Duration = Duration::from_secs(4);
const CLIENTS: usize = 50;
const SEED: u64 = 0x5eed_2026_1204;

/// What the balancer does to one request.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Fault {
    None,
    /// Closes the client's connection without forwarding anything.
    DropBefore,
    /// Forwards the request, then closes the client's connection instead of replying.
    DropAfter,
    /// Answers 500 itself, without forwarding.
    Fail,
    /// Forwards the request, then answers 500 instead of the reply.
    FailAfter,
    /// Forwards the request and holds the reply past the client's patience.
    Slow,
}

/// What the balancer does to the next request: about one in five goes wrong.
fn next_fault(rng: &mut Rng) -> Fault {
    match rng.next() % 100 {
        0..=4 => Fault::DropBefore,
        5..=9 => Fault::DropAfter,
        10..=13 => Fault::Fail,
        14..=17 => Fault::FailAfter,
        18..=19 => Fault::Slow,
        _ => Fault::None,
    }
}

#[derive(Default)]
struct Tally {
    faults: AtomicUsize,
    forwarded: AtomicUsize,
}

/// Reads one HTTP/1.1 request or response with a `Content-Length` (all the receiver and these
/// clients send), or until the peer closes.
async fn read_message(stream: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let mut message = Vec::new();
    let mut buffer = [0u8; 16 * 1024];
    loop {
        if let Some(end) = message.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&message[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|line| line.strip_prefix("content-length:"))
                .and_then(|n| n.trim().parse::<usize>().ok());
            if let Some(length) = length {
                if message.len() >= end + 4 + length {
                    message.truncate(end + 4 + length);
                    return Ok(message);
                }
            }
        }
        let n = stream.read(&mut buffer).await?;
        if n == 0 {
            return Ok(message);
        }
        message.extend_from_slice(&buffer[..n]);
    }
}

/// The balancer: each connection goes to the next instance in turn, with its fault.
async fn balancer(instances: [SocketAddr; 2], tally: Arc<Tally>) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut rng = Rng(SEED);
        let mut turn = 0usize;
        loop {
            let Ok((client, _)) = listener.accept().await else { continue };
            let fault = next_fault(&mut rng);
            let backend = instances[turn % 2];
            turn += 1;
            let tally = Arc::clone(&tally);
            tokio::spawn(relay(client, backend, fault, tally));
        }
    });
    addr
}

async fn relay(mut client: TcpStream, backend: SocketAddr, fault: Fault, tally: Arc<Tally>) {
    let Ok(request) = read_message(&mut client).await else { return };
    if fault != Fault::None {
        tally.faults.fetch_add(1, Ordering::Relaxed);
    }
    let injected = b"HTTP/1.1 500 Internal Server Error\r\nx-injected: 1\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
    match fault {
        Fault::DropBefore => return,
        Fault::Fail => {
            let _ = client.write_all(injected).await;
            return;
        }
        _ => {}
    }
    let Ok(mut upstream) = TcpStream::connect(backend).await else { return };
    if upstream.write_all(&request).await.is_err() {
        return;
    }
    let Ok(reply) = read_message(&mut upstream).await else { return };
    tally.forwarded.fetch_add(1, Ordering::Relaxed);
    match fault {
        Fault::DropAfter => {}
        Fault::FailAfter => {
            let _ = client.write_all(injected).await;
        }
        Fault::Slow => {
            tokio::time::sleep(PATIENCE + Duration::from_secs(1)).await;
            let _ = client.write_all(&reply).await;
        }
        _ => {
            let _ = client.write_all(&reply).await;
        }
    }
}

/// Status, whether the balancer made it up, and body; `None` when no whole reply came in time.
async fn post(to: SocketAddr, body: &[u8]) -> Option<(u16, bool, Vec<u8>)> {
    let exchange = async {
        let mut stream = TcpStream::connect(to).await.ok()?;
        let head = format!(
            "POST /api/submissions HTTP/1.1\r\nhost: {to}\r\ncontent-type: multipart/form-data; boundary={BOUNDARY}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).await.ok()?;
        stream.write_all(body).await.ok()?;
        let reply = read_message(&mut stream).await.ok()?;
        let end = reply.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = String::from_utf8_lossy(&reply[..end]).to_ascii_lowercase();
        let status = head.split(' ').nth(1)?.parse().ok()?;
        Some((status, head.contains("\r\nx-injected: 1"), reply[end + 4..].to_vec()))
    };
    tokio::time::timeout(PATIENCE, exchange).await.ok().flatten()
}

/// What a client saw of one application, sent until it clearly arrived.
struct Sent {
    key: String,
    reference: String,
    attempts: usize,
    unexplained_5xx: Vec<String>,
}

async fn send_until_stored(to: SocketAddr, key: String, body: Arc<Vec<u8>>) -> Sent {
    let mut unexplained_5xx = Vec::new();
    for attempt in 1..=40 {
        match post(to, &body).await {
            Some((200 | 201, _, reply)) => {
                let reply: Value = serde_json::from_slice(&reply).unwrap();
                return Sent {
                    key,
                    reference: reply["reference"].as_str().unwrap().to_string(),
                    attempts: attempt,
                    unexplained_5xx,
                };
            }
            // Made up by the balancer: send again.
            Some((status, true, _)) if status >= 500 => {}
            Some((status, false, reply)) if status >= 500 => {
                unexplained_5xx.push(format!("{status} {}", String::from_utf8_lossy(&reply)));
            }
            Some((status, _, reply)) => {
                panic!("{key}: {status} {}", String::from_utf8_lossy(&reply))
            }
            None => {}
        }
    }
    panic!("{key}: not stored after 40 attempts");
}

/// A complete application with one photo of its own, as multipart.
fn application(model: &FormModel, i: usize, key: &str) -> Vec<u8> {
    let mut photo = b"\x89PNG\r\n\x1a\n".to_vec();
    photo.extend_from_slice(format!("photo of applicant {i}").as_bytes());
    let mut answers = example_answers(0);
    answers.set(
        "photo",
        json!([{"name": "photo.png", "type": "image/png", "size": photo.len(), "sha256": sha256_hex(&photo)}]),
    );
    let package = model.package(&answers, "en", "2026-11-27T10:00:00Z", key).unwrap();
    let json = serde_json::to_vec(&package).unwrap();
    multipart(&[("package", None, &json), (&sha256_hex(&photo), Some("photo.png"), &photo)])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_behind_a_faulty_balancer_store_every_application_once() {
    let applications = if postgres_server().is_some() { 2_000 } else { 300 };
    let dir = temp_dir("fault-run");
    let mut config = config();
    config.database = shared_database(&dir);
    config.staff_token = Some(TOKEN.into());
    let mut instances = Vec::new();
    let mut routers = Vec::new();
    for _ in 0..2 {
        let router = onewindow_receiver::app(&config).await.unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        instances.push(listener.local_addr().unwrap());
        routers.push(router.clone());
        tokio::spawn(onewindow_receiver::serve(listener, router, std::future::pending()));
    }
    let tally = Arc::new(Tally::default());
    let to = balancer([instances[0], instances[1]], Arc::clone(&tally)).await;

    let form = std::fs::read_to_string(repo().join("forms/residence-permit.json")).unwrap();
    let model = load_form(&form, Date::new(2030, 1, 1).unwrap()).0.unwrap();
    // Every tenth application is sent twice at once, the second time with its key in upper
    // case: one of the two stores it, the other gets the same reference.
    let mut jobs = Vec::new();
    for i in 0..applications {
        let key = format!("{i:08x}-fa17-4e5d-8c3b-2a1900000000");
        let body = Arc::new(application(&model, i, &key));
        jobs.push((key.clone(), Arc::clone(&body)));
        if i % 10 == 0 {
            let upper = key.to_ascii_uppercase();
            jobs.push((upper.clone(), Arc::new(application(&model, i, &upper))));
        }
    }
    let jobs = Arc::new(std::sync::Mutex::new(jobs));
    let mut clients = Vec::new();
    for _ in 0..CLIENTS {
        let jobs = Arc::clone(&jobs);
        clients.push(tokio::spawn(async move {
            let mut sent = Vec::new();
            loop {
                let job = jobs.lock().unwrap().pop();
                let Some((key, body)) = job else { break };
                sent.push(send_until_stored(to, key, body).await);
            }
            sent
        }));
    }
    let mut references: BTreeMap<String, String> = BTreeMap::new();
    let mut unexplained = Vec::new();
    let mut attempts = 0;
    for client in clients {
        for sent in client.await.unwrap() {
            attempts += sent.attempts;
            unexplained.extend(sent.unexplained_5xx);
            let key = sent.key.to_ascii_lowercase();
            let first = references.entry(key.clone()).or_insert(sent.reference.clone());
            assert_eq!(*first, sent.reference, "{key}: both copies get one reference");
        }
    }
    assert_eq!(unexplained, Vec::<String>::new(), "no 5xx the balancer did not make up");
    let faults = tally.faults.load(Ordering::Relaxed);
    assert!(faults > applications / 10, "the balancer injected faults: {faults}");
    assert!(attempts > applications, "clients sent again: {attempts}");

    // Exactly one stored application per key, each with its own reference.
    let distinct: BTreeSet<&String> = references.values().collect();
    assert_eq!((references.len(), distinct.len()), (applications, applications));
    let listing = send(
        &routers[0],
        axum::http::Request::get("/api/staff/submissions?limit=1")
            .header("authorization", format!("Bearer {TOKEN}"))
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await
    .json();
    assert_eq!(listing["total"], applications, "stored, no more, no fewer");

    // Every file is there and is what was sent: its SHA-256 is its name.
    for (n, (_, reference)) in references.iter().enumerate() {
        let router = &routers[n % 2];
        let package = send(
            router,
            axum::http::Request::get(format!("/api/staff/submissions/{reference}"))
                .header("authorization", format!("Bearer {TOKEN}"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .json();
        let sha256 = package["attachments"][0]["sha256"].as_str().unwrap().to_string();
        let file = send(
            router,
            axum::http::Request::get(format!(
                "/api/staff/submissions/{reference}/attachments/{sha256}"
            ))
            .header("authorization", format!("Bearer {TOKEN}"))
            .body(axum::body::Body::empty())
            .unwrap(),
        )
        .await;
        assert_eq!(file.status, axum::http::StatusCode::OK, "{reference}");
        assert_eq!(sha256_hex(&file.body), sha256, "{reference}: the file is what was sent");
    }
    if postgres_server().is_some() {
        // On PostgreSQL, the rows themselves: one per key, one per reference, one file each.
        let url = config.database.clone();
        let (client, connection) =
            tokio_postgres::connect(&url, tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(connection);
        let row = client
            .query_one(
                "SELECT COUNT(*), COUNT(DISTINCT idempotency_key), COUNT(DISTINCT reference),
                    (SELECT COUNT(*) FROM attachments) FROM submissions",
                &[],
            )
            .await
            .unwrap();
        let counts: [i64; 4] = [row.get(0), row.get(1), row.get(2), row.get(3)];
        assert_eq!(counts, [applications as i64; 4], "rows, keys, references, files");
    }
    eprintln!(
        "fault run: {applications} applications, {attempts} attempts, {faults} faults injected, {} forwarded",
        tally.forwarded.load(Ordering::Relaxed)
    );
    let _ = std::fs::remove_dir_all(dir);
}
