//! Loads the benchmark's 1,000-field form 30 times: a steady workload for profilers
//! (`valgrind --tool=callgrind target/release/examples/load_large`).
#[path = "../benches/generate.rs"]
mod generate;

fn main() {
    let json = generate::large_form().to_string();
    let today = onewindow_engine::formats::Date::new(2026, 11, 27).unwrap();
    for _ in 0..30 {
        std::hint::black_box(onewindow_engine::load_form(&json, today));
    }
}
