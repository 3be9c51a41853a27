//! `onewindow preview <file>`: serves the built app on 127.0.0.1 with one definition file as
//! `forms/<id>.json`, lints it on every change and makes the open page reload.
//!
//! The server is `std::net::TcpListener` with a thread per connection rather than an HTTP
//! library: it answers GET/HEAD for a handful of files, one person's browser on the same
//! machine, so it needs no keep-alive, chunking, TLS or async runtime. A library (tiny_http and
//! its dependencies) would be the CLI's first non-engine dependency for about 100 lines of
//! request parsing. This is a developer's preview only; the HTTP server citizens' browsers talk
//! to is the receiver's (`crates/receiver`).
//!
//! The page learns of changes by long-polling `GET /__preview/version?since=V`, from
//! `/__preview.js`, which the preview adds to the app's `index.html` as `<script src>` (not
//! inline: the page has the app's strict CSP).
//!
//! The built app is served as the receiver serves it (docs/serving.md), by the same rules from
//! `onewindow_engine::serving`: the `.br` or `.gz` that scripts/build.sh made beside a file when
//! the request accepts it, hashed files cached for good and everything else revalidated, pages
//! with the Content-Security-Policy; so what works in the preview works when published.

use crate::args;
use crate::files::{self, dir_of};
use crate::lint::{self, Checker};
use crate::Error;
use onewindow_engine::serving::{cache_control, PAGE_HEADERS};
use onewindow_engine::Severity;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, SystemTime};

/// The port when `--port` is not given.
const DEFAULT_PORT: u16 = 8090;

/// How often the file's modification time and size are read.
const POLL: Duration = Duration::from_millis(250);

/// Every this many polls the bytes are read and compared even when the time and size are the
/// same: on file systems with coarse timestamps, two saves of the same length within one tick
/// would otherwise go unseen.
const READ_EVERY: u32 = 8;

/// How long a `/__preview/version` request waits for a change before answering anyway: below
/// the usual 30–60 s idle timeouts of browsers and proxies.
const LONG_POLL: Duration = Duration::from_secs(25);

/// Connections served at once; more get 503. A browser tab needs a few; this only stops a
/// runaway client from starting threads without end.
const MAX_CONNECTIONS: usize = 64;

/// The script the preview adds to `index.html`. It long-polls the version and reloads the page
/// when it changes (the app keeps the answers as a draft, and the page in the URL). After an
/// error (the preview stopped or is restarting) it tries again every second.
const SCRIPT: &str = r#"// Added by `onewindow preview`: reloads the page when the definition file changes.
(() => {
  const script = document.currentScript;
  let since = script ? new URL(script.src).searchParams.get('v') : null;
  const poll = async () => {
    try {
      const query = since === null ? '' : '?since=' + encodeURIComponent(since);
      const response = await fetch('/__preview/version' + query, { cache: 'no-store' });
      if (!response.ok) throw new Error(response.statusText);
      const version = (await response.text()).trim();
      if (since !== null && version !== since) {
        location.reload();
        return;
      }
      since = version;
      poll();
    } catch {
      setTimeout(poll, 1000);
    }
  };
  poll();
})();
"#;

/// The definition as last read, and its version.
struct Snapshot {
    /// Starts with the time the preview started, so a restarted preview is a new version too.
    version: String,
    bytes: Vec<u8>,
}

/// What the request threads and the watcher share.
struct Site {
    /// The built app.
    dist: PathBuf,
    /// Where other `forms/` files are looked for, in order.
    forms_dirs: Vec<PathBuf>,
    /// The form is served as `forms/<id>.json`.
    id: String,
    snapshot: Mutex<Snapshot>,
    changed: Condvar,
}

impl Site {
    fn current(&self) -> (String, Vec<u8>) {
        let snapshot = self.snapshot.lock().unwrap_or_else(|e| e.into_inner());
        (snapshot.version.clone(), snapshot.bytes.clone())
    }

    /// The version once it differs from `since`, or after `wait` the current one.
    fn version_after(&self, since: Option<&str>, wait: Duration) -> String {
        let snapshot = self.snapshot.lock().unwrap_or_else(|e| e.into_inner());
        let Some(since) = since else { return snapshot.version.clone() };
        let (snapshot, _) = self
            .changed
            .wait_timeout_while(snapshot, wait, |s| s.version == since)
            .unwrap_or_else(|e| e.into_inner());
        snapshot.version.clone()
    }

    fn replace(&self, version: String, bytes: Vec<u8>) {
        let mut snapshot = self.snapshot.lock().unwrap_or_else(|e| e.into_inner());
        *snapshot = Snapshot { version, bytes };
        self.changed.notify_all();
    }
}

/// `onewindow preview <file> [--port N] [--dist DIR] [--open-locale L]`. Runs until the
/// process is stopped: Ctrl-C's default action ends it, and there is nothing to clean up (no
/// temporary files; the operating system closes the socket), so no signal handler is needed.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<u8, Error> {
    let parsed = args::parse("preview", args, &["--port", "--dist", "--open-locale"], &[])?;
    let file = match parsed.positional.as_slice() {
        [file] => PathBuf::from(file),
        [] => {
            return Err(Error::usage(
                "preview needs the definition to show: onewindow preview <file.json>",
            ))
        }
        _ => {
            return Err(Error::usage("preview shows one definition: onewindow preview <file.json>"))
        }
    };
    let port = match parsed.value("--port") {
        None => DEFAULT_PORT,
        Some(text) => text.parse::<u16>().map_err(|_| {
            Error::usage(format!(
                "preview: --port \"{text}\" is not a port number (0 to 65535; 0 picks a free one)"
            ))
        })?,
    };
    let locale = parsed.value("--open-locale");
    if let Some(tag) = locale {
        crate::starter::locales(tag).map_err(|_| {
            Error::usage(format!(
                "preview: --open-locale \"{tag}\" is not a locale tag like en or zh-CN"
            ))
        })?;
    }
    let dist = PathBuf::from(parsed.value("--dist").unwrap_or("dist"));
    if !dist.join("index.html").is_file() {
        return Err(Error::file(
            dist.display(),
            "no built app here (index.html is missing): build it with scripts/build.sh, or give its directory with --dist DIR",
        ));
    }
    // Read before listening, so that a missing file is an error, not an empty preview.
    let bytes = std::fs::read(&file).map_err(|e| Error::io(file.display(), &e))?;
    let id = form_id(&bytes, &file);
    let dir = dir_of(&file).to_path_buf();
    let started = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let site = Arc::new(Site {
        dist,
        forms_dirs: vec![dir.clone(), dir.join("..").join("forms")],
        id: id.clone(),
        snapshot: Mutex::new(Snapshot { version: format!("{started}-1"), bytes }),
        changed: Condvar::new(),
    });

    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
        Error::file(
            format!("127.0.0.1:{port}"),
            format!("cannot listen here: {e} (choose another --port, or 0 for a free one)"),
        )
    })?;
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(port);
    {
        let site = site.clone();
        std::thread::spawn(move || serve(listener, site));
    }

    let lang = locale.map(|l| format!("&lang={l}")).unwrap_or_default();
    writeln!(
        out,
        "Previewing {} as forms/{id}.json; open http://127.0.0.1:{port}/?form={id}{lang}",
        file.display()
    )?;
    writeln!(out, "The page reloads when the file changes. Press Ctrl-C to stop.")?;
    report(&file, out)?;
    out.flush()?;
    watch(&file, &site, started, out)
}

/// The form's `id` when the file has a usable one, else the file's name without `.json`: a
/// definition too broken to read is still served, so the app can list its problems.
fn form_id(bytes: &[u8], file: &Path) -> String {
    let usable = |id: &str| {
        !id.is_empty()
            && id.len() <= 100
            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let from_json = serde_json::from_slice::<serde_json::Value>(bytes)
        .ok()
        .and_then(|v| v.get("id").and_then(|id| id.as_str()).map(str::to_string))
        .filter(|id| usable(id));
    from_json
        .or_else(|| {
            file.file_stem().and_then(|s| s.to_str()).map(str::to_string).filter(|s| usable(s))
        })
        .unwrap_or_else(|| "preview".to_string())
}

/// Lints the file and prints its problems as `lint` does, then a count.
fn report(file: &Path, out: &mut dyn Write) -> Result<(), Error> {
    let mut checker = Checker::new(files::today(), None);
    match checker.form(file, true) {
        Ok(_) => {
            lint::print(&checker.problems(), false, out)?;
            let errors = checker.count(Severity::Error);
            let warnings = checker.count(Severity::Warning);
            let verdict = if errors > 0 { "; the page lists the errors" } else { "" };
            writeln!(
                out,
                "lint: {}, {}{verdict}",
                lint::count(errors, "error"),
                lint::count(warnings, "warning")
            )?;
        }
        // Unreadable between two polls (an editor replacing it): the next poll reports it.
        Err(error) => writeln!(out, "{error}")?,
    }
    out.flush()?;
    Ok(())
}

/// Polls the file's modification time and size; when they change and the bytes differ, the
/// new bytes become the next version, the page reloads and the problems are printed.
fn watch(file: &Path, site: &Site, started: u128, out: &mut dyn Write) -> Result<u8, Error> {
    let stamp = |path: &Path| std::fs::metadata(path).map(|m| (m.modified().ok(), m.len()));
    let mut last = stamp(file).ok();
    let mut count = 1u64;
    let mut missing = false;
    let mut poll = 0u32;
    loop {
        std::thread::sleep(POLL);
        poll = poll.wrapping_add(1);
        let now = match stamp(file) {
            Ok(now) => now,
            Err(e) => {
                // Editors that save by renaming leave the file missing for a moment.
                if !missing {
                    writeln!(
                        out,
                        "{}; still serving the last version",
                        Error::io(file.display(), &e)
                    )?;
                    out.flush()?;
                    missing = true;
                }
                last = None;
                continue;
            }
        };
        missing = false;
        if last == Some(now) && poll % READ_EVERY != 0 {
            continue;
        }
        last = Some(now);
        let Ok(bytes) = std::fs::read(file) else { continue };
        if bytes == site.current().1 {
            continue;
        }
        count += 1;
        let id = form_id(&bytes, file);
        site.replace(format!("{started}-{count}"), bytes);
        writeln!(out, "{} changed: reloading the page", file.display())?;
        if id != site.id {
            writeln!(out, "note: the form's id is now \"{id}\"; this preview still serves it as forms/{}.json", site.id)?;
        }
        report(file, out)?;
    }
}

fn serve(listener: TcpListener, site: Arc<Site>) {
    let active = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let site = site.clone();
        let active = active.clone();
        if active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            active.fetch_sub(1, Ordering::SeqCst);
            let _ = write_response(&stream, false, &Response::text(503, "too many connections"));
            continue;
        }
        std::thread::spawn(move || {
            handle(stream, &site);
            active.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

/// One answer.
#[derive(Debug)]
struct Response {
    status: u16,
    content_type: &'static str,
    /// Cache-Control, Content-Encoding, Vary, a page's policy headers.
    headers: Vec<(&'static str, &'static str)>,
    body: Vec<u8>,
}

impl Response {
    /// The preview's own answers and refusals: never kept (a preview must never show a stale
    /// version, nor let the app's service worker answer for it).
    fn text(status: u16, body: &str) -> Self {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            headers: vec![("Cache-Control", "no-store")],
            body: body.as_bytes().to_vec(),
        }
    }

    /// A file of the app or a definition at `path`, with the headers the receiver gives it.
    fn file(path: &str, content_type: &'static str, body: Vec<u8>) -> Self {
        let page = content_type.starts_with("text/html");
        let mut headers =
            vec![("Cache-Control", cache_control(path, page)), ("Vary", "Accept-Encoding")];
        if page {
            headers.extend(PAGE_HEADERS);
        }
        Response { status: 200, content_type, headers, body }
    }
}

fn handle(stream: TcpStream, site: &Site) {
    // A client that never finishes its request must not hold a thread for ever.
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut line = String::new();
    if reader.by_ref().take(8192).read_line(&mut line).is_err() {
        return;
    }
    // Of the headers only Accept-Encoding is needed; all are read so the client is not cut
    // off mid-request.
    let mut header = String::new();
    let mut accept_encoding = String::new();
    let mut total = 0;
    loop {
        header.clear();
        match reader.by_ref().take(8192).read_line(&mut header) {
            Ok(0) | Err(_) => break,
            Ok(n) => total += n,
        }
        if header == "\r\n" || header == "\n" || total > 65_536 {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding.push_str(value.trim());
                accept_encoding.push(',');
            }
        }
    }
    let mut parts = line.split_whitespace();
    let (method, target) = match (parts.next(), parts.next(), parts.next()) {
        (Some(m), Some(t), Some(v)) if v.starts_with("HTTP/") => (m, t),
        _ => {
            let _ = write_response(&stream, false, &Response::text(400, "bad request"));
            return;
        }
    };
    let head = method == "HEAD";
    let response = if method == "GET" || head {
        respond(site, target, &accept_encoding, LONG_POLL)
    } else {
        Response::text(405, "only GET and HEAD")
    };
    let _ = write_response(&stream, head, &response);
}

fn write_response(mut stream: &TcpStream, head: bool, response: &Response) -> std::io::Result<()> {
    let reason = match response.status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Service Unavailable",
    };
    let mut lines = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        response.status,
        response.content_type,
        response.body.len()
    );
    for (name, value) in &response.headers {
        lines.push_str(&format!("{name}: {value}\r\n"));
    }
    lines.push_str("\r\n");
    stream.write_all(lines.as_bytes())?;
    if !head {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

/// The answer to `GET target` from a browser that sent `accept_encoding`; `wait` is the long
/// poll's limit.
fn respond(site: &Site, target: &str, accept_encoding: &str, wait: Duration) -> Response {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    match path {
        "/__preview.js" => Response {
            content_type: "text/javascript; charset=utf-8",
            ..Response::text(200, SCRIPT)
        },
        "/__preview/version" => {
            let since = query.split('&').find_map(|pair| pair.strip_prefix("since="));
            let version = site.version_after(since, wait);
            Response::text(200, &version)
        }
        "/" | "/index.html" => match std::fs::read(site.dist.join("index.html")) {
            // Changed on the way (the preview's script), so never its compressed variants.
            Ok(html) => {
                let (version, _) = site.current();
                Response::file(path, "text/html; charset=utf-8", inject(&html, &version))
            }
            Err(_) => Response::text(
                404,
                "the built app's index.html is gone: build it again with scripts/build.sh",
            ),
        },
        _ => {
            let Some(relative) = safe_relative(path) else {
                return Response::text(404, "not found");
            };
            let content_type = content_type(&relative);
            if relative == format!("forms/{}.json", site.id) {
                let (_, bytes) = site.current();
                return Response::file(path, content_type, bytes);
            }
            // Definitions are the files being edited: never a variant made before the edit.
            if let Some(rest) = relative.strip_prefix("forms/") {
                return site
                    .forms_dirs
                    .iter()
                    .map(|d| d.join(rest))
                    .filter(|p| p.is_file())
                    .find_map(|p| std::fs::read(p).ok())
                    .map(|body| Response::file(path, content_type, body))
                    .unwrap_or_else(|| Response::text(404, "not found"));
            }
            let file = site.dist.join(&relative);
            if !file.is_file() {
                return Response::text(404, "not found");
            }
            let variant = ENCODINGS.iter().find_map(|&(coding, extension)| {
                let mut name = file.clone().into_os_string();
                name.push(extension);
                let variant = PathBuf::from(name);
                (accepts(accept_encoding, coding) && variant.is_file())
                    .then(|| std::fs::read(variant).ok().map(|body| (coding, body)))
                    .flatten()
            });
            let (encoding, body) = match variant {
                Some((coding, body)) => (Some(coding), body),
                None => match std::fs::read(&file) {
                    Ok(body) => (None, body),
                    Err(_) => return Response::text(404, "not found"),
                },
            };
            let mut response = Response::file(path, content_type, body);
            if let Some(coding) = encoding {
                response.headers.push(("Content-Encoding", coding));
            }
            response
        }
    }
}

/// The compressed variants scripts/build.sh writes beside the built app's files, in the order
/// they are preferred (brotli is the smaller), as (content coding, file name suffix).
const ENCODINGS: [(&str, &str); 2] = [("br", ".br"), ("gzip", ".gz")];

/// Whether an `Accept-Encoding` value allows `coding`: named, or `*`, with a weight above 0
/// (RFC 9110 §12.5.3). No header allows none (identity only).
fn accepts(accept_encoding: &str, coding: &str) -> bool {
    let mut any = false;
    for item in accept_encoding.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let weight = parts
            .filter_map(|p| p.trim().split_once('='))
            .find(|(key, _)| key.trim().eq_ignore_ascii_case("q"))
            .map_or(1.0, |(_, q)| q.trim().parse::<f32>().unwrap_or(0.0));
        if name.eq_ignore_ascii_case(coding) {
            return weight > 0.0;
        }
        if name == "*" {
            any = weight > 0.0;
        }
    }
    any
}

/// The path without its leading `/`, when it names a file inside the served directories: no
/// `..`, no hidden files, no backslashes or percent escapes (the app's files need none).
fn safe_relative(path: &str) -> Option<String> {
    let relative = path.strip_prefix('/')?;
    let ok = !relative.is_empty()
        && !relative.contains(['\\', '%', '\0'])
        && relative.split('/').all(|part| !part.is_empty() && !part.starts_with('.'));
    ok.then(|| relative.to_string())
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        // Browsers compile wasm while it downloads only with this type.
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json" | "webmanifest") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// `index.html` with `<script src="/__preview.js?v=…" defer>` before `</head>` (or `</body>`,
/// or at the end). The version is the one the page was served with, so a change made while the
/// page loads still reloads it.
fn inject(html: &[u8], version: &str) -> Vec<u8> {
    let tag = format!("<script src=\"/__preview.js?v={version}\" defer></script>");
    let text = String::from_utf8_lossy(html);
    let lower = text.to_ascii_lowercase();
    let at = lower.find("</head>").or_else(|| lower.find("</body>")).unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + tag.len());
    out.push_str(&text[..at]);
    out.push_str(&tag);
    out.push_str(&text[at..]);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(dir: &Path) -> Site {
        Site {
            dist: dir.join("dist"),
            forms_dirs: vec![dir.join("forms")],
            id: "f".into(),
            snapshot: Mutex::new(Snapshot { version: "1-1".into(), bytes: b"{}".to_vec() }),
            changed: Condvar::new(),
        }
    }

    #[test]
    fn the_script_goes_before_the_end_of_head() {
        let html = inject(b"<html><HEAD><title>x</title></HEAD><body></body></html>", "7-2");
        assert_eq!(
            String::from_utf8(html).unwrap(),
            "<html><HEAD><title>x</title><script src=\"/__preview.js?v=7-2\" defer></script></HEAD><body></body></html>"
        );
        assert!(String::from_utf8(inject(b"<p>no head</p>", "1"))
            .unwrap()
            .ends_with("defer></script>"));
    }

    #[test]
    fn paths_outside_the_served_directories_are_refused() {
        assert_eq!(safe_relative("/forms/data/x.json").as_deref(), Some("forms/data/x.json"));
        for bad in [
            "/",
            "/../x",
            "/forms/../../etc/passwd",
            "/.git/config",
            "/a//b",
            "/a%2e%2e/b",
            "relative",
            "/a\\b",
        ] {
            assert_eq!(safe_relative(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_encoding_is_accepted_when_named_or_starred_with_a_weight_above_zero() {
        for (header, br, gzip) in [
            ("gzip, deflate, br, zstd", true, true),
            ("gzip", false, true),
            ("BR;Q=1, GZip", true, true),
            ("br;q=0, gzip;q=0.5", false, true),
            ("br; q=0.001", true, false),
            ("*", true, true),
            ("*;q=0, gzip", false, true),
            ("br;q=0, *", false, true),
            ("identity", false, false),
            ("", false, false),
            ("br;q=nonsense", false, false),
        ] {
            assert_eq!((accepts(header, "br"), accepts(header, "gzip")), (br, gzip), "{header:?}");
        }
    }

    #[test]
    fn ids_come_from_the_file_or_its_name() {
        assert_eq!(form_id(br#"{"id": "dog-licence"}"#, Path::new("x/y.json")), "dog-licence");
        assert_eq!(form_id(b"not json", Path::new("x/my-form.json")), "my-form");
        assert_eq!(form_id(br#"{"id": "../etc"}"#, Path::new("x/a b.json")), "preview");
    }

    #[test]
    fn the_version_answers_at_once_when_it_differs_and_after_the_wait_otherwise() {
        let site = site(Path::new("/nonexistent"));
        assert_eq!(site.version_after(None, Duration::from_secs(60)), "1-1");
        assert_eq!(site.version_after(Some("0-9"), Duration::from_secs(60)), "1-1");
        let started = std::time::Instant::now();
        assert_eq!(site.version_after(Some("1-1"), Duration::from_millis(50)), "1-1");
        assert!(started.elapsed() >= Duration::from_millis(50));
        std::thread::scope(|scope| {
            scope.spawn(|| {
                std::thread::sleep(Duration::from_millis(50));
                site.replace("1-2".into(), b"[]".to_vec());
            });
            assert_eq!(site.version_after(Some("1-1"), Duration::from_secs(60)), "1-2");
        });
        assert_eq!(respond(&site, "/forms/f.json", "", Duration::ZERO).body, b"[]");
        assert_eq!(respond(&site, "/forms/missing.json", "", Duration::ZERO).status, 404);
        assert_eq!(respond(&site, "/__preview/version?since=1-2", "", Duration::ZERO).body, b"1-2");
    }
}
