//! The staff dashboard: a server-rendered page of the reports with charts as inline SVG (and a
//! table beside each chart as its text alternative), CSV/JSON downloads, and marking negative
//! ratings followed up.
//!
//! A browser cannot send a bearer header when following a link, so staff sign in once with the
//! staff token in a form; the receiver answers with a random session id in an `HttpOnly;
//! SameSite=Strict` cookie (never the token, never in a URL), kept in memory for 8 hours.
//! SameSite=Strict is the protection against cross-site form posts. No script runs on the
//! page, and its Content-Security-Policy allows none.

use crate::auth::{new_session_id, same_secret, session_key, SESSION};
use crate::report_export::{export, stored_reports};
use crate::reports::{Reports, CSV_REPORTS};
use crate::state::Receiver;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use axum::routing::{get, post};
use axum::Router;
use onewindow_engine::analytics::DurationBucket;
use std::fmt::Write;
use std::sync::Arc;

const COOKIE: &str = "ow_staff";

/// The dashboard's routes; `limit` holds the sign-in to its rate limit.
pub(crate) fn routes(
    limit: impl FnOnce(MethodRouter<Arc<Receiver>>) -> MethodRouter<Arc<Receiver>>,
) -> Router<Arc<Receiver>> {
    Router::new()
        .route("/staff", get(dashboard))
        .route("/staff/", get(dashboard))
        .route("/staff/login", limit(post(login)))
        .route("/staff/logout", post(logout))
        .route("/staff/ratings/{id}/follow-up", post(follow_up))
        .route("/staff/reports.json", get(json_export))
        .route("/staff/reports/{file}", get(csv_export))
        .route("/staff/dashboard.css", get(stylesheet))
}

fn session_of(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == COOKIE).then(|| value.to_string())
        })
}

async fn signed_in(receiver: &Receiver, headers: &HeaderMap) -> bool {
    let Some(id) = session_of(headers).filter(|_| receiver.staff_token.is_some()) else {
        return false;
    };
    // A store that cannot answer signs nobody in.
    receiver.store.session_valid(session_key(&id)).await.unwrap_or(false)
}

/// Every page here: never cached, no scripts, not framed.
fn page(status: StatusCode, html: String) -> Response {
    let mut response =
        (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    );
    // `same-origin`, not `no-referrer`: under `no-referrer` a browser sends `Origin: null` with
    // the page's own form posts, which the receiver cannot tell from another site's.
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    response
}

fn disabled() -> Response {
    page(
        StatusCode::NOT_FOUND,
        layout(
            "Not found",
            "<h1>Not found</h1><p>The staff pages are disabled: no staff token is configured.</p>",
        ),
    )
}

fn see_other(to: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    response.headers_mut().insert(
        header::LOCATION,
        HeaderValue::from_str(to).unwrap_or(HeaderValue::from_static("/staff")),
    );
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn dashboard(State(receiver): State<Arc<Receiver>>, headers: HeaderMap) -> Response {
    if receiver.staff_token.is_none() {
        return disabled();
    }
    if !signed_in(&receiver, &headers).await {
        return page(StatusCode::OK, login_page(None));
    }
    match stored_reports(&receiver).await {
        Ok(reports) => page(StatusCode::OK, dashboard_page(&reports)),
        Err(message) => {
            eprintln!("onewindow: storage failed: {message}");
            page(
                StatusCode::SERVICE_UNAVAILABLE,
                layout(
                    "Try again later",
                    "<h1>Try again later</h1><p>The database cannot be read.</p>",
                ),
            )
        }
    }
}

/// The sign-in form.
#[derive(serde::Deserialize)]
struct SignIn {
    #[serde(default)]
    token: String,
}

async fn login(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    form: Result<Form<SignIn>, FormRejection>,
) -> Response {
    let Some(token) = &receiver.staff_token else { return disabled() };
    // A body that is not the form reads as an empty token: the page asks for one.
    let given = form.map(|Form(f)| f.token).unwrap_or_default();
    if given.is_empty() {
        return page(StatusCode::UNAUTHORIZED, login_page(Some("Enter the staff token")));
    }
    if !same_secret(&given, token) {
        return page(StatusCode::UNAUTHORIZED, login_page(Some("The staff token is not right")));
    }
    let started = match new_session_id() {
        Some(id) => receiver
            .store
            .start_session(session_key(&id), SESSION.as_secs())
            .await
            .ok()
            .map(|()| id),
        None => None,
    };
    let Some(id) = started else {
        eprintln!("onewindow: a staff session could not be started");
        return page(
            StatusCode::SERVICE_UNAVAILABLE,
            login_page(Some("Signing in is not possible just now; try again in a minute")),
        );
    };
    let mut response = see_other("/staff");
    // `Secure` whenever the site is reached over https, so the browser never sends the
    // session over plain http.
    let secure = if receiver.over_https(&headers) { "; Secure" } else { "" };
    let cookie = format!(
        "{COOKIE}={id}; Path=/staff; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
        SESSION.as_secs()
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

async fn logout(State(receiver): State<Arc<Receiver>>, headers: HeaderMap) -> Response {
    if let Some(id) = session_of(&headers) {
        if let Err(message) = receiver.store.end_session(session_key(&id)).await {
            eprintln!("onewindow: a staff session could not be ended: {message}");
        }
    }
    let mut response = see_other("/staff");
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("ow_staff=; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=0"),
    );
    response
}

async fn follow_up(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if receiver.staff_token.is_none() {
        return disabled();
    }
    if !signed_in(&receiver, &headers).await {
        return page(StatusCode::UNAUTHORIZED, login_page(Some("Sign in again")));
    }
    match receiver.store.follow_up(id).await {
        Ok(true) => see_other("/staff#negative"),
        Ok(false) => page(
            StatusCode::NOT_FOUND,
            layout(
                "Not found",
                "<h1>No such rating</h1><p><a href=\"/staff\">Back to the dashboard</a></p>",
            ),
        ),
        Err(message) => {
            eprintln!("onewindow: storage failed: {message}");
            page(
                StatusCode::SERVICE_UNAVAILABLE,
                layout("Try again later", "<h1>Try again later</h1>"),
            )
        }
    }
}

async fn json_export(State(receiver): State<Arc<Receiver>>, headers: HeaderMap) -> Response {
    if receiver.staff_token.is_none() {
        return disabled();
    }
    if !signed_in(&receiver, &headers).await {
        return page(StatusCode::UNAUTHORIZED, login_page(Some("Sign in to download the reports")));
    }
    export(&receiver, "json", None).await
}

async fn csv_export(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    if receiver.staff_token.is_none() {
        return disabled();
    }
    if !signed_in(&receiver, &headers).await {
        return page(StatusCode::UNAUTHORIZED, login_page(Some("Sign in to download the reports")));
    }
    let name = file.strip_suffix(".csv").unwrap_or("");
    export(&receiver, "csv", Some(name)).await
}

async fn stylesheet() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], CSS)
        .into_response()
}

/// HTML-escapes text (for element content and quoted attributes).
use onewindow_engine::escape_html as esc;

fn layout(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\"><title>{} – onewindow staff</title><link rel=\"stylesheet\" href=\"/staff/dashboard.css\"></head>\
         <body><a class=\"skip\" href=\"#main\">Skip to main content</a><header class=\"top\"><p class=\"brand\">onewindow 一窗受理 · staff</p></header>\
         <main id=\"main\" tabindex=\"-1\">{body}</main></body></html>\n",
        esc(title)
    )
}

fn login_page(error: Option<&str>) -> String {
    let mut body = String::new();
    if let Some(error) = error {
        let _ = write!(
            body,
            "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-title\"><h2 id=\"error-title\">There is a problem</h2>\
             <ul><li><a href=\"#token\">{}</a></li></ul></div>",
            esc(error)
        );
    }
    let _ = write!(
        body,
        "<h1>Sign in to the service dashboard</h1><form method=\"post\" action=\"/staff/login\" novalidate>\
         <div class=\"group{}\"><label for=\"token\">Staff token</label>\
         <p class=\"hint\" id=\"token-hint\">The token the receiver was started with (ONEWINDOW_STAFF_TOKEN).</p>{}\
         <input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" aria-describedby=\"token-hint{}\"></div>\
         <button type=\"submit\">Sign in</button></form>",
        if error.is_some() { " group--error" } else { "" },
        error.map(|e| format!("<p class=\"error\" id=\"token-error\"><span class=\"visually-hidden\">Error:</span> {}</p>", esc(e))).unwrap_or_default(),
        if error.is_some() { " token-error" } else { "" },
    );
    layout(if error.is_some() { "Error: Sign in" } else { "Sign in" }, &body)
}

const LEVELS: [(u8, &str); 5] = [
    (5, "5 very satisfied 非常满意"),
    (4, "4 satisfied 满意"),
    (3, "3 fairly satisfied 基本满意"),
    (2, "2 dissatisfied 不满意"),
    (1, "1 very dissatisfied 非常不满意"),
];

/// A horizontal bar chart: one row per label, each with up to two series (value, class).
/// `id` names it for `aria-labelledby`; the table after it carries the same numbers.
fn bar_chart(id: &str, title: &str, rows: &[(String, Vec<(i64, &str)>)]) -> String {
    const LABEL: i32 = 330;
    const BAR: i32 = 320;
    const ROW: i32 = 28;
    let max = rows.iter().flat_map(|(_, v)| v.iter().map(|(n, _)| *n)).max().unwrap_or(0).max(1);
    let series = rows.first().map(|(_, v)| v.len()).unwrap_or(1).max(1) as i32;
    let height = rows.len() as i32 * ROW * series + 8;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {w} {height}\" width=\"{w}\" height=\"{height}\">\
         <title id=\"{id}-title\">{}</title>",
        esc(title),
        w = LABEL + BAR + 60,
    );
    for (i, (label, values)) in rows.iter().enumerate() {
        let y0 = i as i32 * ROW * series + 4;
        let short: String = label.chars().take(48).collect();
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"label\">{}</text>",
            LABEL - 8,
            y0 + 18,
            esc(&short)
        );
        for (s, (value, class)) in values.iter().enumerate() {
            let y = y0 + s as i32 * ROW;
            let width = (*value as f64 / max as f64 * BAR as f64).round() as i32;
            let _ = write!(
                svg,
                "<rect x=\"{LABEL}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{class}\"></rect><text x=\"{}\" y=\"{}\" class=\"value\">{value}</text>",
                y + 4,
                width.max(if *value > 0 { 2 } else { 0 }),
                ROW - 8,
                LABEL + width + 6,
                y + 18
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// A column chart of a value per day (average satisfaction, 0…5).
fn day_chart(id: &str, title: &str, days: &[(String, f64)]) -> String {
    const H: f64 = 150.0;
    let width = 60 + days.len().max(1) as i32 * 70;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {width} {h}\" width=\"{width}\" height=\"{h}\">\
         <title id=\"{id}-title\">{}</title>",
        esc(title),
        h = H as i32 + 40,
    );
    for level in 1..=5 {
        let y = 10.0 + H - level as f64 / 5.0 * H;
        let _ = write!(svg, "<line x1=\"40\" x2=\"{width}\" y1=\"{y}\" y2=\"{y}\" class=\"grid\"></line><text x=\"30\" y=\"{}\" text-anchor=\"end\" class=\"value\">{level}</text>", y + 5.0);
    }
    for (i, (day, value)) in days.iter().enumerate() {
        let x = 50 + i as i32 * 70;
        let h = value / 5.0 * H;
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{}\" width=\"40\" height=\"{h}\" class=\"bar\"></rect><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"value\">{}</text>",
            10.0 + H - h,
            x + 20,
            H as i32 + 30,
            esc(day.get(5..).unwrap_or(day))
        );
    }
    svg.push_str("</svg>");
    svg
}

fn table(caption: &str, head: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!("<table><caption>{}</caption><thead><tr>", esc(caption));
    for h in head {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\">{}</th>", esc(cell));
            } else {
                let _ = write!(out, "<td>{}</td>", esc(cell));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

fn dashboard_page(r: &Reports) -> String {
    let mut b = String::new();
    b.push_str("<div class=\"bar-top\"><h1>Service evaluation and journeys</h1>\
        <form method=\"post\" action=\"/staff/logout\"><button type=\"submit\" class=\"secondary\">Sign out</button></form></div>");
    b.push_str("<p>Ratings (好差评) citizens gave, and what the forms and search saw. Events are counts only: no answers, names or case references.</p>");
    b.push_str("<nav aria-labelledby=\"contents\"><h2 id=\"contents\" class=\"small\">Contents</h2><ul>\
        <li><a href=\"#satisfaction\">Satisfaction per service</a></li><li><a href=\"#negative\">Negative ratings to follow up</a></li>\
        <li><a href=\"#searches\">Searches that found nothing</a></li><li><a href=\"#funnels\">Where people leave the forms</a></li>\
        <li><a href=\"#errors\">Most frequent errors</a></li><li><a href=\"#downloads\">Download the reports</a></li></ul></nav>");

    // Satisfaction.
    b.push_str("<section aria-labelledby=\"satisfaction\"><h2 id=\"satisfaction\">Satisfaction per service</h2>");
    if r.satisfaction.is_empty() {
        b.push_str("<p>No ratings yet.</p>");
    }
    for (n, s) in r.satisfaction.iter().enumerate() {
        let _ = write!(
            b,
            "<h3>{}</h3><p class=\"lede\"><strong>{}</strong> ratings of a case, average <strong>{:.2}</strong> of 5, <strong>{}</strong> negative.</p>",
            esc(&s.service),
            s.ratings,
            s.average,
            s.negative
        );
        // Anyone may rate from a guide: counted apart, never in the figures above.
        if s.without_case.ratings > 0 {
            let _ = write!(
                b,
                "<p>From the guide, without a case: <strong>{}</strong> ratings, average <strong>{:.2}</strong> of 5, <strong>{}</strong> negative.</p>",
                s.without_case.ratings, s.without_case.average, s.without_case.negative
            );
        }
        let rows: Vec<(String, Vec<(i64, &str)>)> = LEVELS
            .iter()
            .map(|(l, name)| {
                (
                    name.to_string(),
                    vec![(
                        s.levels.get(l).copied().unwrap_or(0),
                        if *l <= 2 { "bar bad" } else { "bar" },
                    )],
                )
            })
            .collect();
        b.push_str(&bar_chart(
            &format!("levels-{n}"),
            &format!("Ratings of {} by level", s.service),
            &rows,
        ));
        let days: Vec<(String, f64)> =
            s.by_day.iter().map(|d| (d.day.clone(), d.average)).collect();
        b.push_str(&day_chart(
            &format!("days-{n}"),
            &format!("Average rating of {} per day", s.service),
            &days,
        ));
        let mut table_rows: Vec<Vec<String>> = s
            .by_day
            .iter()
            .map(|d| vec![d.day.clone(), d.ratings.to_string(), format!("{:.2}", d.average)])
            .collect();
        table_rows.push(vec![
            "All days".into(),
            s.ratings.to_string(),
            format!("{:.2}", s.average),
        ]);
        b.push_str(&table(
            &format!("{}: ratings per day", s.service),
            &["Day", "Ratings", "Average"],
            &table_rows,
        ));
        let level_rows: Vec<Vec<String>> = LEVELS
            .iter()
            .map(|(l, name)| {
                vec![name.to_string(), s.levels.get(l).copied().unwrap_or(0).to_string()]
            })
            .collect();
        b.push_str(&table(
            &format!("{}: ratings by level", s.service),
            &["Level", "Ratings"],
            &level_rows,
        ));
        if !s.indicators.is_empty() {
            let rows: Vec<Vec<String>> = s
                .indicators
                .iter()
                .map(|(k, v)| vec![k.replace('_', " "), format!("{v:.2}")])
                .collect();
            b.push_str(&table(
                &format!("{}: online indicators (average of 5)", s.service),
                &["Indicator", "Average"],
                &rows,
            ));
        }
    }
    b.push_str("</section>");

    // Negative ratings.
    let open = r.negative.iter().filter(|n| !n.followed_up).count();
    let _ = write!(
        b,
        "<section aria-labelledby=\"negative\"><h2 id=\"negative\">Negative ratings to follow up</h2><p><strong>{open}</strong> of {} not followed up yet. Follow each up within 15 working days.</p>",
        r.negative.len()
    );
    if !r.negative.is_empty() {
        b.push_str("<table><caption>Ratings of 1 or 2, those not followed up first</caption><thead><tr><th scope=\"col\">Case</th><th scope=\"col\">Service</th>\
            <th scope=\"col\">Level</th><th scope=\"col\">What went wrong</th><th scope=\"col\">Received</th><th scope=\"col\">Followed up</th></tr></thead><tbody>");
        for n in &r.negative {
            let case = n.case_reference.clone().unwrap_or_else(|| "(from a guide, no case)".into());
            let what = [n.reasons.join(", "), n.comment.clone().unwrap_or_default()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" — ");
            let followed = match &n.followed_up_at {
                Some(at) => format!("Yes, {}", esc(at)),
                None => format!(
                    "<form method=\"post\" action=\"/staff/ratings/{}/follow-up\"><button type=\"submit\" class=\"small\">Mark followed up<span class=\"visually-hidden\"> {}</span></button></form>",
                    esc(&n.id),
                    esc(&case)
                ),
            };
            let _ = write!(
                b,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{followed}</td></tr>",
                esc(&case),
                esc(&n.service),
                n.level,
                esc(&what),
                esc(&n.received_at)
            );
        }
        b.push_str("</tbody></table>");
    }
    b.push_str("</section>");

    // Searches.
    let z = &r.zero_result_searches;
    let _ = write!(
        b,
        "<section aria-labelledby=\"searches\"><h2 id=\"searches\">Searches that found nothing</h2><p><strong>{}</strong> searches found no service; {} came without their words (sites that do not send queries).</p>",
        z.total, z.without_query
    );
    if !z.top.is_empty() {
        let rows: Vec<(String, Vec<(i64, &str)>)> =
            z.top.iter().map(|q| (q.query.clone(), vec![(q.count, "bar")])).collect();
        b.push_str(&bar_chart(
            "searches-chart",
            "Most frequent searches that found nothing",
            &rows,
        ));
        let rows: Vec<Vec<String>> =
            z.top.iter().map(|q| vec![q.query.clone(), q.count.to_string()]).collect();
        b.push_str(&table(
            "Most frequent searches that found nothing",
            &["Query", "Searches"],
            &rows,
        ));
    }
    b.push_str("</section>");

    // Funnels.
    b.push_str(
        "<section aria-labelledby=\"funnels\"><h2 id=\"funnels\">Where people leave the forms</h2>",
    );
    if r.funnels.is_empty() {
        b.push_str("<p>No journeys yet.</p>");
    }
    for (n, f) in r.funnels.iter().enumerate() {
        let _ = write!(
            b,
            "<h3>{}</h3><p class=\"lede\"><strong>{}</strong> started, <strong>{}</strong> sent, {} kept on the device to send later, {} refused.</p>",
            esc(&f.form),
            f.started,
            f.submitted,
            f.queued,
            f.refused
        );
        let rows: Vec<(String, Vec<(i64, &str)>)> = f
            .pages
            .iter()
            .map(|p| (p.page.clone(), vec![(p.reached, "bar"), (p.abandoned, "bar bad")]))
            .collect();
        b.push_str("<p class=\"key\"><span class=\"swatch\"></span> reached the page <span class=\"swatch bad\"></span> left the form on it</p>");
        b.push_str(&bar_chart(
            &format!("funnel-{n}"),
            &format!("{}: people who reached each page and who left on it", f.form),
            &rows,
        ));
        let mut head = vec!["Page", "Reached", "Left on it"];
        let labels: Vec<String> =
            DurationBucket::ALL.iter().map(|b| format!("Time {}", b.label())).collect();
        head.extend(labels.iter().map(String::as_str));
        let rows: Vec<Vec<String>> = f
            .pages
            .iter()
            .map(|p| {
                let mut row = vec![p.page.clone(), p.reached.to_string(), p.abandoned.to_string()];
                row.extend(
                    DurationBucket::ALL
                        .iter()
                        .map(|b| p.time.get(b.label()).copied().unwrap_or(0).to_string()),
                );
                row
            })
            .collect();
        b.push_str("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"");
        b.push_str(&esc(&format!("{} pages, scrollable", f.form)));
        b.push_str("\">");
        b.push_str(&table(&format!("{}: pages, drop-off and time spent", f.form), &head, &rows));
        b.push_str("</div>");
    }
    b.push_str("</section>");

    // Errors.
    b.push_str("<section aria-labelledby=\"errors\"><h2 id=\"errors\">Most frequent errors</h2>");
    if r.validation_errors.is_empty() {
        b.push_str("<p>No errors yet.</p>");
    } else {
        let rows: Vec<(String, Vec<(i64, &str)>)> = r
            .validation_errors
            .iter()
            .map(|e| (format!("{}: {} ({})", e.form, e.field, e.rule), vec![(e.count, "bar bad")]))
            .collect();
        b.push_str(&bar_chart(
            "errors-chart",
            "Most frequent validation errors: form, question and check",
            &rows,
        ));
        let rows: Vec<Vec<String>> = r
            .validation_errors
            .iter()
            .map(|e| {
                vec![
                    e.field.clone(),
                    e.form.clone(),
                    e.page.clone(),
                    e.rule.clone(),
                    e.count.to_string(),
                ]
            })
            .collect();
        b.push_str(&table(
            "Most frequent validation errors",
            &["Question", "Form", "Page", "Check", "Times"],
            &rows,
        ));
    }
    b.push_str("</section>");

    b.push_str(
        "<section aria-labelledby=\"downloads\"><h2 id=\"downloads\">Download the reports</h2><ul>\
        <li><a href=\"/staff/reports.json\" download>All reports (JSON)</a></li>",
    );
    for (name, words) in CSV_REPORTS.iter().zip([
        "Satisfaction per service and day",
        "Negative ratings",
        "Searches that found nothing",
        "Form funnels",
        "Validation errors",
    ]) {
        let _ =
            write!(b, "<li><a href=\"/staff/reports/{name}.csv\" download>{words} (CSV)</a></li>");
    }
    b.push_str("</ul></section>");
    layout("Service evaluation and journeys", &b)
}

const CSS: &str = "\
*{box-sizing:border-box}body{margin:0;font-family:system-ui,\"PingFang SC\",\"Microsoft YaHei\",sans-serif;color:#0b0c0c;background:#fff;line-height:1.5}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fd0;padding:4px;color:#0b0c0c}
.top{background:#0b0c0c;color:#fff;padding:8px 16px}.brand{margin:0;font-weight:700}
main{max-width:1000px;margin:0 auto;padding:16px}main:focus{outline:none}
h1{font-size:2rem;margin:16px 0}h2{font-size:1.5rem;margin-top:40px;border-top:1px solid #b1b4b6;padding-top:16px}h2.small{font-size:1.1rem;border:0;margin-top:0}h3{font-size:1.2rem}
a{color:#1d70b8}a:focus,button:focus,input:focus,.scroll:focus{outline:3px solid #fd0;box-shadow:0 4px #0b0c0c}
.bar-top{display:flex;justify-content:space-between;align-items:center;gap:16px;flex-wrap:wrap}
table{border-collapse:collapse;margin:16px 0;width:100%}caption{text-align:left;font-weight:700;padding:4px 0}
th,td{border-bottom:1px solid #b1b4b6;padding:6px 8px;text-align:left;vertical-align:top}
.scroll{overflow-x:auto}
.chart{max-width:100%;height:auto;display:block;margin:8px 0}.chart .bar{fill:#1d70b8}.chart .bad{fill:#d4351c}.chart .grid{stroke:#b1b4b6}
.chart text{fill:#0b0c0c;font-size:13px}
.key .swatch{display:inline-block;width:14px;height:14px;background:#1d70b8;vertical-align:middle}.key .swatch.bad{background:#d4351c}
button{font:inherit;background:#00703c;color:#fff;border:0;padding:8px 14px;box-shadow:0 2px #002d18;cursor:pointer}
button.secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px #929191}button.small{padding:4px 8px}
label{display:block;font-weight:700}.hint{color:#484949;margin:4px 0}
input{font:inherit;padding:6px;border:2px solid #0b0c0c;width:100%;max-width:30em;margin-bottom:16px}
.group--error{border-left:5px solid #d4351c;padding-left:12px}.error{color:#d4351c;font-weight:700;margin:4px 0}
.error-summary{border:5px solid #d4351c;padding:16px;margin-bottom:24px}.error-summary h2{margin:0;border:0;padding:0;font-size:1.3rem}.error-summary a{color:#d4351c;font-weight:700}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important}
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
