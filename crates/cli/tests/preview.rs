//! Runs `onewindow preview` as a child process against a temporary copy of a shipped form and
//! a fake `dist/`, and talks HTTP to it with a plain `TcpStream` (the requests are simple
//! enough that an HTTP client would only add a dependency).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_onewindow"))
}

mod common;
use common::TempDir;

const INDEX: &str = "<!doctype html><html><head><title>app</title></head><body></body></html>";

/// `forms/` with the residence registration form (it uses the cn-regions reference list) and
/// its data, and a fake built app in `dist/`.
fn project() -> TempDir {
    let dir = TempDir::new("project");
    let forms = repo().join("forms");
    dir.write(
        "forms/residence-registration.json",
        std::fs::read(forms.join("residence-registration.json")).unwrap(),
    );
    dir.write(
        "forms/data/cn-regions.json",
        std::fs::read(forms.join("data/cn-regions.json")).unwrap(),
    );
    dir.write("forms/dictionary.json", std::fs::read(forms.join("dictionary.json")).unwrap());
    dir.write("dist/index.html", INDEX);
    dir.write("dist/app_bg.wasm", b"\0asm\x01\0\0\0");
    dir
}

/// A running preview, stopped when dropped.
struct Preview {
    child: Child,
    lines: Receiver<String>,
    port: u16,
    url: String,
}

impl Preview {
    fn start(args: &[&str]) -> Preview {
        let mut command = Command::new(binary());
        command.arg("preview").args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
        // A shell running these tests in the background (a CI runner, `test.sh &`) starts its
        // children with Ctrl-C ignored, by convention; a person's terminal does not. Give the
        // preview the terminal's disposition so the Ctrl-C test tests the preview.
        #[cfg(unix)]
        unsafe {
            use std::os::unix::process::CommandExt;
            command.pre_exec(|| {
                libc::signal(libc::SIGINT, libc::SIG_DFL);
                Ok(())
            });
        }
        let mut child = command.spawn().unwrap();
        let lines = reader(child.stdout.take().unwrap());
        let first = lines.recv_timeout(Duration::from_secs(20)).unwrap_or_else(|_| {
            let mut stderr = String::new();
            let _ = child.kill();
            child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
            panic!("the preview printed no address; stderr: {stderr}")
        });
        let url = first.split_whitespace().last().unwrap().to_string();
        let port = url
            .strip_prefix("http://127.0.0.1:")
            .unwrap()
            .split('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        Preview { child, lines, port, url }
    }

    fn get(&self, path: &str) -> (u16, Vec<u8>) {
        get(self.port, path)
    }

    fn text(&self, path: &str) -> String {
        text(self.port, path)
    }

    /// The printed lines until one contains `words`, failing after 20 seconds.
    fn wait_for(&self, words: &str) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let found = line.contains(words);
                    seen.push(line);
                    if found {
                        return seen;
                    }
                }
                Err(_) => break,
            }
        }
        panic!("no line with {words:?}; printed:\n{}", seen.join("\n"))
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A response: its status, its header lines and its body.
struct Reply {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Reply {
    /// The value of header `name` ("" when absent).
    fn header(&self, name: &str) -> &str {
        self.head
            .lines()
            .filter_map(|l| l.split_once(": "))
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map_or("", |(_, v)| v)
    }
}

/// `method path` on 127.0.0.1:`port` with `headers` (lines without their CRLF).
fn request(port: u16, method: &str, path: &str, headers: &[&str]) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut text = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for header in headers {
        text.push_str(header);
        text.push_str("\r\n");
    }
    text.push_str("\r\n");
    stream.write_all(text.as_bytes()).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let end = response.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete response");
    let head = String::from_utf8(response[..end].to_vec()).unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let reply = Reply { status, head, body: response[end + 4..].to_vec() };
    // Every answer says what it is and how long it may be kept.
    assert_eq!(reply.header("X-Content-Type-Options"), "nosniff", "{}", reply.head);
    assert!(!reply.header("Cache-Control").is_empty(), "{}", reply.head);
    let length: usize = reply.header("Content-Length").parse().unwrap();
    if method != "HEAD" {
        assert_eq!(reply.body.len(), length, "{}", reply.head);
    }
    reply
}

/// `GET path` on 127.0.0.1:`port`: the status and the body.
fn get(port: u16, path: &str) -> (u16, Vec<u8>) {
    let reply = request(port, "GET", path, &[]);
    (reply.status, reply.body)
}

/// The body of `GET path`, which must succeed.
fn text(port: u16, path: &str) -> String {
    let (status, body) = get(port, path);
    assert_eq!(status, 200, "{path}");
    String::from_utf8(body).unwrap()
}

fn reader(stdout: ChildStdout) -> Receiver<String> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if send.send(line).is_err() {
                break;
            }
        }
    });
    receive
}

#[test]
fn preview_serves_the_app_the_definition_and_its_lists_and_reloads_on_change() {
    let dir = project();
    let file = dir.path("forms/residence-registration.json");
    let preview =
        Preview::start(&[&file, "--port", "0", "--dist", &dir.path("dist"), "--open-locale", "en"]);
    assert!(preview.url.ends_with("/?form=residence-registration&lang=en"), "{}", preview.url);
    preview.wait_for("lint: 0 errors, 0 warnings");

    // The app's page, with the preview's script added as a file (no inline script).
    let index = preview.text("/");
    let (before, after) = index.split_once("<script src=\"/__preview.js?v=").expect(&index);
    assert_eq!(before, "<!doctype html><html><head><title>app</title>");
    let (version, rest) = after.split_once('"').unwrap();
    assert_eq!(rest, " defer></script></head><body></body></html>");
    assert!(preview.text("/__preview.js").contains("location.reload()"));
    assert_eq!(preview.text("/__preview/version"), version);
    assert_eq!(preview.get("/app_bg.wasm"), (200, b"\0asm\x01\0\0\0".to_vec()));

    // The definition, byte for byte, and the files beside it.
    assert_eq!(
        preview.get("/forms/residence-registration.json"),
        (200, std::fs::read(&file).unwrap())
    );
    assert!(preview.text("/forms/data/cn-regions.json").contains("\"options\""));
    assert!(preview.text("/forms/dictionary.json").contains("concepts"));
    for missing in
        ["/forms/data/nope.json", "/nope.js", "/../Cargo.toml", "/forms/../../dist/index.html"]
    {
        assert_eq!(preview.get(missing).0, 404, "{missing}");
    }

    // A change: a waiting request learns the new version, and the new bytes are served.
    let changed =
        std::fs::read_to_string(&file).unwrap().replacen("\"version\": \"", "\"version\": \"9.", 1);
    let waiting = {
        let port = preview.port;
        let version = version.to_string();
        std::thread::spawn(move || text(port, &format!("/__preview/version?since={version}")))
    };
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(&file, &changed).unwrap();
    let new_version = waiting.join().unwrap();
    assert_ne!(new_version, version);
    assert_eq!(preview.get("/forms/residence-registration.json"), (200, changed.into_bytes()));
    preview.wait_for("changed: reloading the page");
    preview.wait_for("lint: 0 errors, 0 warnings");
    assert!(preview.text("/").contains(&format!("/__preview.js?v={new_version}\"")));

    // Broken JSON is still served (the app lists the problem) and the problem is printed with
    // its file and pointer.
    std::fs::write(&file, "{\"id\": ").unwrap();
    let printed = preview.wait_for("lint: 1 error");
    assert!(
        printed.iter().any(|l| l.starts_with(&format!("{file}:/"))
            && l.contains("error: the file is not valid JSON")),
        "{printed:?}"
    );
    assert_eq!(preview.get("/forms/residence-registration.json"), (200, b"{\"id\": ".to_vec()));
    assert_ne!(preview.text("/__preview/version"), new_version);

    // Not GET: refused, the server carries on.
    let mut stream = TcpStream::connect(("127.0.0.1", preview.port)).unwrap();
    write!(stream, "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 405"), "{response}");
    assert_eq!(preview.get("/forms/residence-registration.json").0, 200);
}

#[test]
fn the_app_is_served_as_the_receiver_serves_it() {
    use onewindow_engine::serving::{CONTENT_SECURITY_POLICY, IMMUTABLE, REVALIDATE};
    let dir = project();
    let wasm = "app-0123456789abcdef_bg.wasm";
    dir.write(&format!("dist/{wasm}"), b"\0asm the app");
    dir.write(&format!("dist/{wasm}.br"), b"brotli app");
    dir.write(&format!("dist/{wasm}.gz"), b"gzip app");
    dir.write("dist/index.html.br", b"a stale variant: the page is served with the script added");
    dir.write("dist/gone.js.br", b"a variant whose file is gone");
    dir.write("dist/embed/onewindow.js", b"// not hashed");
    dir.write("forms/dictionary.json.br", b"a variant of a definition: never served");
    let file = dir.path("forms/residence-registration.json");
    let preview = Preview::start(&[&file, "--port", "0", "--dist", &dir.path("dist")]);
    let port = preview.port;
    let path = format!("/{wasm}");
    for (accept, encoding, body) in [
        ("Accept-Encoding: gzip, deflate, br, zstd", "br", &b"brotli app"[..]),
        ("Accept-Encoding: gzip", "gzip", b"gzip app"),
        ("Accept-Encoding: br;q=0, gzip", "gzip", b"gzip app"),
        ("Accept-Encoding: identity", "", b"\0asm the app"),
        ("X-Nothing: 1", "", b"\0asm the app"),
    ] {
        let reply = request(port, "GET", &path, &[accept]);
        assert_eq!(reply.status, 200, "{accept}");
        assert_eq!(reply.header("Content-Encoding"), encoding, "{accept}");
        assert_eq!(reply.body, body, "{accept}");
        assert_eq!(reply.header("Content-Type"), "application/wasm", "{accept}");
        assert_eq!(reply.header("Cache-Control"), IMMUTABLE, "{accept}");
        assert_eq!(reply.header("Vary"), "Accept-Encoding", "{accept}");
        assert_eq!(reply.header("Content-Security-Policy"), "", "{accept}");
    }
    let head = request(port, "HEAD", &path, &["Accept-Encoding: br"]);
    assert_eq!((head.status, head.header("Content-Encoding")), (200, "br"));
    assert_eq!(head.header("Content-Length"), "brotli app".len().to_string());
    assert!(head.body.is_empty());

    // The page: with the preview's script, so never a variant; revalidated, under the policy.
    let page = request(port, "GET", "/", &["Accept-Encoding: br, gzip"]);
    assert_eq!((page.status, page.header("Content-Encoding")), (200, ""));
    assert!(String::from_utf8(page.body.clone()).unwrap().contains("/__preview.js"));
    assert_eq!(page.header("Cache-Control"), REVALIDATE);
    assert_eq!(page.header("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
    assert_eq!(page.header("Referrer-Policy"), "no-referrer");

    // Definitions and unhashed files: revalidated, as they are on disk.
    for path in
        ["/forms/residence-registration.json", "/forms/dictionary.json", "/embed/onewindow.js"]
    {
        let reply = request(port, "GET", path, &["Accept-Encoding: br, gzip"]);
        assert_eq!((reply.status, reply.header("Content-Encoding")), (200, ""), "{path}");
        assert_eq!(reply.header("Cache-Control"), REVALIDATE, "{path}");
        assert_eq!(reply.header("Content-Security-Policy"), "", "{path}");
    }
    // The preview's own answers are never kept; a missing file is a 404 even with a variant.
    let version = request(port, "GET", "/__preview/version", &[]);
    assert_eq!(version.header("Cache-Control"), "no-store");
    let gone = request(port, "GET", "/gone.js", &["Accept-Encoding: br"]);
    assert_eq!((gone.status, gone.header("Content-Encoding")), (404, ""));
    assert_eq!(gone.header("Cache-Control"), "no-store");
}

#[test]
fn a_file_that_is_not_json_is_served_under_its_name_with_its_problem_printed() {
    let dir = project();
    // Outside forms/: the reference lists come from ../forms/.
    let file = dir.write("drafts/draft.json", "this is not JSON");
    let file = file.display().to_string();
    let preview = Preview::start(&[&file, "--port", "0", "--dist", &dir.path("dist")]);
    assert!(preview.url.ends_with("/?form=draft"), "{}", preview.url);
    let printed = preview.wait_for("lint: 1 error");
    assert!(printed.iter().any(|l| l.starts_with(&format!("{file}:/: error: "))), "{printed:?}");
    assert_eq!(preview.get("/forms/draft.json"), (200, b"this is not JSON".to_vec()));
    assert!(preview.text("/forms/data/cn-regions.json").contains("\"options\""));
}

#[test]
fn preview_refuses_bad_input_with_exit_2_naming_what_is_wrong() {
    let dir = project();
    let form = dir.path("forms/residence-registration.json");
    let dist = dir.path("dist");
    let no_dist = dir.path("nowhere");
    let missing = dir.path("forms/missing.json");
    let cases: Vec<(Vec<&str>, Vec<&str>)> = vec![
        (vec![&missing, "--dist", &dist], vec![&missing, "no such file"]),
        (vec![&form, "--dist", &no_dist], vec![&no_dist, "index.html", "scripts/build.sh"]),
        (
            vec![&form, "--dist", &dist, "--port", "http"],
            vec!["--port \"http\" is not a port number"],
        ),
        (vec![&form, "--dist", &dist, "--port", "70000"], vec!["--port \"70000\""]),
        (vec![&form, "--dist", &dist, "--open-locale", "e n"], vec!["--open-locale"]),
        (vec![], vec!["preview needs the definition"]),
        (vec![&form, &form], vec!["one definition"]),
    ];
    for (args, words) in cases {
        let output = Command::new(binary()).arg("preview").args(&args).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        for word in words {
            assert!(stderr.contains(word), "{args:?}: {word:?} not in {stderr}");
        }
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn a_port_in_use_is_an_error_naming_it() {
    let dir = project();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let output = Command::new(binary())
        .args([
            "preview",
            &dir.path("forms/residence-registration.json"),
            "--dist",
            &dir.path("dist"),
            "--port",
            &port,
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("127.0.0.1:{port}: cannot listen")), "{stderr}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_ends_the_preview() {
    let dir = project();
    let mut preview = Preview::start(&[
        &dir.path("forms/residence-registration.json"),
        "--port",
        "0",
        "--dist",
        &dir.path("dist"),
    ]);
    let status =
        Command::new("kill").args(["-INT", &preview.child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    while preview.child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "still running after SIGINT");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(TcpStream::connect(("127.0.0.1", preview.port)).is_err(), "the port is still open");
}
