//! Engine speed on a 1,000-field, 300-condition form (see `generate.rs`).
//! Run: `cargo bench -p onewindow-engine`. Targets: load + lint ≤ 10 ms; one answer changed →
//! visibility re-evaluated + the current page validated ≤ 1 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use onewindow_engine::formats::Date;
use onewindow_engine::{load_form, validate_page, Answers};
use std::hint::black_box;

#[path = "generate.rs"]
mod generate;

fn benches(c: &mut Criterion) {
    let json = generate::large_form().to_string();
    let today = Date::new(2026, 11, 27).unwrap();
    c.bench_function("load + lint (1,000 fields, 300 conditions)", |b| {
        b.iter(|| black_box(load_form(black_box(&json), today)))
    });

    let model = load_form(&json, today).0.unwrap();
    let mut answers = Answers::default();
    let typed = "the quick brown fox ";
    let mut n = 0;
    c.bench_function("one keystroke: evaluate + validate current page", |b| {
        b.iter(|| {
            n = (n + 1) % typed.len();
            answers.set(generate::TEXT_DRIVER, typed[..n].into());
            let evaluation = model.evaluate(&answers);
            black_box(validate_page(&model, &evaluation, 0, &answers, "en"))
        })
    });
    let mut choice = false;
    c.bench_function("radio shows/hides 50 fields: evaluate + validate current page", |b| {
        b.iter(|| {
            choice = !choice;
            answers.set(generate::RADIO_DRIVER, if choice { "b" } else { "a" }.into());
            let evaluation = model.evaluate(&answers);
            black_box(validate_page(&model, &evaluation, 0, &answers, "en"))
        })
    });
}

criterion_group!(engine, benches);
criterion_main!(engine);
