//! The receiver's load generator (scripts/bench-receiver.sh runs it): `load ADDR[,ADDR…]
//! [--applications N] [--clients C]` sends N new applications (each its own idempotency key,
//! so every one is stored, none is a repeat) from C clients with keep-alive connections, the
//! clients spread over the addresses in turn, and prints applications per second and the
//! latency percentiles. Packages are made before the clock starts.

use onewindow_engine::formats::Date;
use onewindow_engine::{load_form, Answers};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(addrs) = args.first() else {
        eprintln!("usage: load ADDR[,ADDR...] [--applications N] [--clients C]");
        std::process::exit(2);
    };
    let addrs: Vec<SocketAddr> =
        addrs.split(',').map(|a| a.parse().expect("an address HOST:PORT")).collect();
    let option = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map_or(default, |v| v.parse().expect("a number"))
    };
    let applications = option("--applications", 4000);
    let clients = option("--clients", 50);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(run(addrs, applications, clients));
}

/// The bodies: the shipped residence-permit example, each under its own key.
fn bodies(applications: usize) -> Vec<Vec<u8>> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../forms");
    let form = std::fs::read_to_string(format!("{root}/residence-permit.json")).unwrap();
    let examples: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/residence-permit.examples.json")).unwrap(),
    )
    .unwrap();
    let example = examples["examples"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["expect"]["complete"] == true)
        .unwrap();
    let answers: Answers = serde_json::from_value(example["answers"].clone()).unwrap();
    let model = load_form(&form, Date::new(2030, 1, 1).unwrap()).0.unwrap();
    let run = std::process::id();
    (0..applications)
        .map(|i| {
            let key = format!("{run:08x}-{:04x}-4000-8000-{i:012x}", i >> 16 & 0xffff);
            let package = model.package(&answers, "en", "2026-12-04T10:00:00Z", &key).unwrap();
            serde_json::to_vec(&package).unwrap()
        })
        .collect()
}

async fn run(addrs: Vec<SocketAddr>, applications: usize, clients: usize) {
    let bodies = Arc::new(Mutex::new(bodies(applications)));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for client in 0..clients {
        let addr = addrs[client % addrs.len()];
        let bodies = Arc::clone(&bodies);
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut failures = Vec::new();
            let mut connection: Option<TcpStream> = None;
            loop {
                let Some(body) = bodies.lock().unwrap().pop() else { break };
                let sent = Instant::now();
                match submit(&mut connection, addr, &body).await {
                    Ok(201) => latencies.push(sent.elapsed()),
                    Ok(status) => failures.push(format!("status {status}")),
                    Err(e) => {
                        connection = None;
                        failures.push(e.to_string());
                    }
                }
            }
            (latencies, failures)
        }));
    }
    let mut latencies = Vec::new();
    let mut failures = Vec::new();
    for task in tasks {
        let (l, f) = task.await.unwrap();
        latencies.extend(l);
        failures.extend(f);
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let at = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or(Duration::ZERO)
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "stored {} of {applications} in {:.2} s: {:.0} applications/s, p50 {:.1} ms, p99 {:.1} ms, {} failed{}",
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        ms(at(0.50)),
        ms(at(0.99)),
        failures.len(),
        failures.first().map(|f| format!(" (first: {f})")).unwrap_or_default(),
    );
}

/// Posts one package on the kept-alive connection (opening one if needed); the status.
async fn submit(
    connection: &mut Option<TcpStream>,
    addr: SocketAddr,
    body: &[u8],
) -> std::io::Result<u16> {
    if connection.is_none() {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        *connection = Some(stream);
    }
    let stream = connection.as_mut().unwrap();
    let head = format!(
        "POST /api/submissions HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body).await?;
    let mut reply = Vec::new();
    let mut buffer = [0u8; 8192];
    loop {
        let n = stream.read(&mut buffer).await?;
        if n == 0 {
            return Err(std::io::Error::other("the connection closed"));
        }
        reply.extend_from_slice(&buffer[..n]);
        let Some(end) = reply.windows(4).position(|w| w == b"\r\n\r\n") else { continue };
        let head = String::from_utf8_lossy(&reply[..end]).to_ascii_lowercase();
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0);
        if reply.len() >= end + 4 + length {
            let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
            return Ok(status);
        }
    }
}
