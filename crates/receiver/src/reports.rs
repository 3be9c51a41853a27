//! The departments' reports, worked out from the stored ratings and event counts: satisfaction
//! per service over time, negative ratings to follow up, top zero-result searches, the funnel
//! of each form and the most frequent validation errors. As JSON (`Reports`) or one CSV per
//! report.

use crate::csv::csv_cell;
use crate::http::is_form_id;
use crate::store::{today, Count, RatingRow};
use onewindow_engine::analytics::{is_negative, DurationBucket};
use onewindow_engine::load_form;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// How many zero-result queries and validation errors the reports list.
pub const TOP: usize = 20;

/// Every report.
#[derive(Debug, Serialize)]
pub(crate) struct Reports {
    pub satisfaction: Vec<Satisfaction>,
    pub negative: Vec<Negative>,
    pub zero_result_searches: ZeroResults,
    pub funnels: Vec<Funnel>,
    pub validation_errors: Vec<ErrorCount>,
}

/// The ratings of one service. Ratings of a case (proven with its token) and ratings from a
/// guide, which anyone may send, are counted apart: the figures are the cases', and the
/// guides' are in `without_case`, so anonymous ratings cannot move a service's satisfaction.
#[derive(Debug, Serialize)]
pub(crate) struct Satisfaction {
    pub service: String,
    /// Ratings of a case.
    pub ratings: i64,
    /// Mean level, 1 … 5, to two decimals.
    pub average: f64,
    /// Ratings of level 1 or 2.
    pub negative: i64,
    /// How many ratings of each level ("1" … "5").
    pub levels: BTreeMap<u8, i64>,
    /// Mean of each online indicator answered.
    pub indicators: BTreeMap<String, f64>,
    /// Per day of arrival (UTC), oldest first.
    pub by_day: Vec<Day>,
    /// Ratings without a case (from the guide).
    pub without_case: Apart,
}

/// Ratings without a case: how many, their mean and how many were negative.
#[derive(Debug, Serialize)]
pub(crate) struct Apart {
    pub ratings: i64,
    pub average: f64,
    pub negative: i64,
}

/// Ratings of one day.
#[derive(Debug, Serialize)]
pub(crate) struct Day {
    pub day: String,
    pub ratings: i64,
    pub average: f64,
}

/// A negative rating, to follow up.
#[derive(Debug, Serialize)]
pub(crate) struct Negative {
    pub id: String,
    pub case_reference: Option<String>,
    pub service: String,
    pub level: i64,
    pub reasons: Vec<String>,
    pub comment: Option<String>,
    pub received_at: String,
    pub followed_up: bool,
    pub followed_up_at: Option<String>,
}

/// Searches that found nothing.
#[derive(Debug, Serialize)]
pub(crate) struct ZeroResults {
    pub total: i64,
    /// Of those, how many came without their words (sites that do not send queries).
    pub without_query: i64,
    /// The most frequent words, most first.
    pub top: Vec<QueryCount>,
}

/// A query and how often it found nothing.
#[derive(Debug, Serialize)]
pub(crate) struct QueryCount {
    pub query: String,
    pub count: i64,
}

/// One form's journeys.
#[derive(Debug, Serialize)]
pub(crate) struct Funnel {
    pub form: String,
    pub started: i64,
    pub submitted: i64,
    pub queued: i64,
    pub refused: i64,
    /// In the form's order (its pages, check answers, outcomes, the confirmation).
    pub pages: Vec<FunnelPage>,
}

/// One page of a funnel.
#[derive(Debug, Serialize)]
pub(crate) struct FunnelPage {
    pub page: String,
    pub reached: i64,
    pub abandoned: i64,
    /// Time spent on the page: count per bucket (`0-10s` … `10m+`).
    pub time: BTreeMap<String, i64>,
}

/// How often a check failed on a question.
#[derive(Debug, Serialize)]
pub(crate) struct ErrorCount {
    pub form: String,
    pub page: String,
    pub field: String,
    pub rule: String,
    pub count: i64,
}

fn mean(sum: i64, n: i64) -> f64 {
    if n == 0 {
        0.0
    } else {
        (sum as f64 / n as f64 * 100.0).round() / 100.0
    }
}

/// Works out the reports; `forms` is where the published definitions are (for page order).
pub(crate) fn build(ratings: &[RatingRow], counts: &[Count], forms: &Path) -> Reports {
    let mut services: BTreeMap<&str, Vec<&RatingRow>> = BTreeMap::new();
    for rating in ratings {
        services.entry(rating.service.as_str()).or_default().push(rating);
    }
    let satisfaction = services
        .into_iter()
        .map(|(service, all)| {
            let (rows, guides): (Vec<&RatingRow>, Vec<&RatingRow>) =
                all.into_iter().partition(|r| r.case_reference.is_some());
            let without_case = Apart {
                ratings: guides.len() as i64,
                average: mean(guides.iter().map(|r| r.level).sum(), guides.len() as i64),
                negative: guides.iter().filter(|r| is_negative(r.level as u8)).count() as i64,
            };
            let n = rows.len() as i64;
            let mut levels: BTreeMap<u8, i64> = (1..=5).map(|l| (l, 0)).collect();
            let mut indicators: BTreeMap<String, (i64, i64)> = BTreeMap::new();
            let mut days: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
            for row in &rows {
                *levels.entry(row.level.clamp(1, 5) as u8).or_default() += 1;
                for (name, value) in &row.indicators {
                    let entry = indicators.entry(name.clone()).or_default();
                    entry.0 += value;
                    entry.1 += 1;
                }
                let day = days.entry(row.received_at.get(..10).unwrap_or("")).or_default();
                day.0 += row.level;
                day.1 += 1;
            }
            Satisfaction {
                service: service.to_string(),
                ratings: n,
                average: mean(rows.iter().map(|r| r.level).sum(), n),
                negative: rows.iter().filter(|r| is_negative(r.level as u8)).count() as i64,
                levels,
                indicators: indicators.into_iter().map(|(k, (sum, n))| (k, mean(sum, n))).collect(),
                by_day: days
                    .into_iter()
                    .map(|(day, (sum, n))| Day {
                        day: day.to_string(),
                        ratings: n,
                        average: mean(sum, n),
                    })
                    .collect(),
                without_case,
            }
        })
        .collect();
    // Not yet followed up first, newest first within each.
    let mut negative: Vec<Negative> = ratings
        .iter()
        .rev()
        .filter(|r| is_negative(r.level as u8))
        .map(|r| Negative {
            id: r.id.clone(),
            case_reference: r.case_reference.clone(),
            service: r.service.clone(),
            level: r.level,
            reasons: r.reasons.clone(),
            comment: r.comment.clone(),
            received_at: r.received_at.clone(),
            followed_up: r.followed_up_at.is_some(),
            followed_up_at: r.followed_up_at.clone(),
        })
        .collect();
    negative.sort_by_key(|n| n.followed_up);

    let of = |kind: &'static str| counts.iter().filter(move |c| c.kind == kind);
    let mut queries: BTreeMap<&str, i64> = BTreeMap::new();
    let (mut total, mut without_query) = (0, 0);
    for count in of("search_no_results") {
        total += count.count;
        if count.detail.is_empty() {
            without_query += count.count;
        } else {
            *queries.entry(count.detail.as_str()).or_default() += count.count;
        }
    }
    let mut top: Vec<QueryCount> = queries
        .into_iter()
        .map(|(query, count)| QueryCount { query: query.to_string(), count })
        .collect();
    top.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.query.cmp(&b.query)));
    top.truncate(TOP);

    let mut funnels: BTreeMap<&str, Funnel> = BTreeMap::new();
    let mut pages: BTreeMap<(&str, &str), FunnelPage> = BTreeMap::new();
    for count in counts {
        if count.form.is_empty() {
            continue;
        }
        let funnel = funnels.entry(count.form.as_str()).or_insert_with(|| Funnel {
            form: count.form.clone(),
            started: 0,
            submitted: 0,
            queued: 0,
            refused: 0,
            pages: Vec::new(),
        });
        match (count.kind.as_str(), count.detail.as_str()) {
            ("journey_started", _) => funnel.started += count.count,
            ("submission", "submitted") => funnel.submitted += count.count,
            ("submission", "queued") => funnel.queued += count.count,
            ("submission", _) => funnel.refused += count.count,
            (kind @ ("page_reached" | "page_abandoned" | "page_time"), detail) => {
                let page =
                    pages.entry((count.form.as_str(), count.page.as_str())).or_insert_with(|| {
                        FunnelPage {
                            page: count.page.clone(),
                            reached: 0,
                            abandoned: 0,
                            time: DurationBucket::ALL
                                .iter()
                                .map(|b| (b.label().to_string(), 0))
                                .collect(),
                        }
                    });
                match kind {
                    "page_reached" => page.reached += count.count,
                    "page_abandoned" => page.abandoned += count.count,
                    _ => *page.time.entry(detail.to_string()).or_default() += count.count,
                }
            }
            _ => {}
        }
    }
    for ((form, _), page) in pages {
        if let Some(funnel) = funnels.get_mut(form) {
            funnel.pages.push(page);
        }
    }
    let funnels = funnels
        .into_values()
        .map(|mut funnel| {
            let order = page_order(forms, &funnel.form);
            let rank = |page: &str| order.iter().position(|p| p == page).unwrap_or(usize::MAX);
            funnel.pages.sort_by(|a, b| (rank(&a.page), &a.page).cmp(&(rank(&b.page), &b.page)));
            funnel
        })
        .collect();

    let mut validation_errors: Vec<ErrorCount> = Vec::new();
    for count in of("validation_error") {
        match validation_errors.iter_mut().find(|e| {
            e.form == count.form
                && e.page == count.page
                && e.field == count.field
                && e.rule == count.rule
        }) {
            Some(existing) => existing.count += count.count,
            None => validation_errors.push(ErrorCount {
                form: count.form.clone(),
                page: count.page.clone(),
                field: count.field.clone(),
                rule: count.rule.clone(),
                count: count.count,
            }),
        }
    }
    validation_errors.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| (&a.form, &a.field, &a.rule).cmp(&(&b.form, &b.field, &b.rule)))
    });
    validation_errors.truncate(TOP);

    Reports {
        satisfaction,
        negative,
        zero_result_searches: ZeroResults { total, without_query, top },
        funnels,
        validation_errors,
    }
}

/// A form's pages in the order a citizen meets them: its pages, check answers, its outcomes,
/// the confirmation (empty when the form cannot be read).
fn page_order(forms: &Path, form: &str) -> Vec<String> {
    if !is_form_id(form) {
        return Vec::new();
    }
    let text = std::fs::read_to_string(forms.join(format!("{form}.json"))).unwrap_or_default();
    load_form(&text, today()).0.map(|model| model.page_tokens()).unwrap_or_default()
}

/// The names of the CSV reports.
pub const CSV_REPORTS: [&str; 5] = ["satisfaction", "negative", "searches", "funnels", "errors"];

/// One report as CSV (with a BOM so spreadsheets read UTF-8), or `None` for an unknown name.
pub(crate) fn csv(reports: &Reports, name: &str) -> Option<String> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    match name {
        "satisfaction" => {
            rows.push(["service", "day", "ratings", "average"].map(String::from).to_vec());
            for s in &reports.satisfaction {
                for d in &s.by_day {
                    rows.push(vec![
                        s.service.clone(),
                        d.day.clone(),
                        d.ratings.to_string(),
                        d.average.to_string(),
                    ]);
                }
            }
        }
        "negative" => {
            rows.push(
                [
                    "id",
                    "case_reference",
                    "service",
                    "level",
                    "reasons",
                    "comment",
                    "received_at",
                    "followed_up_at",
                ]
                .map(String::from)
                .to_vec(),
            );
            for n in &reports.negative {
                rows.push(vec![
                    n.id.clone(),
                    n.case_reference.clone().unwrap_or_default(),
                    n.service.clone(),
                    n.level.to_string(),
                    n.reasons.join("; "),
                    n.comment.clone().unwrap_or_default(),
                    n.received_at.clone(),
                    n.followed_up_at.clone().unwrap_or_default(),
                ]);
            }
        }
        "searches" => {
            rows.push(["query", "count"].map(String::from).to_vec());
            if reports.zero_result_searches.without_query > 0 {
                rows.push(vec![
                    String::new(),
                    reports.zero_result_searches.without_query.to_string(),
                ]);
            }
            for q in &reports.zero_result_searches.top {
                rows.push(vec![q.query.clone(), q.count.to_string()]);
            }
        }
        "funnels" => {
            let mut header = ["form", "page", "reached", "abandoned"].map(String::from).to_vec();
            header.extend(DurationBucket::ALL.iter().map(|b| format!("time {}", b.label())));
            rows.push(header);
            for f in &reports.funnels {
                for p in &f.pages {
                    let mut row = vec![
                        f.form.clone(),
                        p.page.clone(),
                        p.reached.to_string(),
                        p.abandoned.to_string(),
                    ];
                    row.extend(
                        DurationBucket::ALL
                            .iter()
                            .map(|b| p.time.get(b.label()).copied().unwrap_or(0).to_string()),
                    );
                    rows.push(row);
                }
            }
        }
        "errors" => {
            rows.push(["form", "page", "field", "rule", "count"].map(String::from).to_vec());
            for e in &reports.validation_errors {
                rows.push(vec![
                    e.form.clone(),
                    e.page.clone(),
                    e.field.clone(),
                    e.rule.clone(),
                    e.count.to_string(),
                ]);
            }
        }
        _ => return None,
    }
    let mut out = String::from("\u{feff}");
    for row in rows {
        out.push_str(&row.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    Some(out)
}
