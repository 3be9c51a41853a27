//! The benchmark's generated form is a real definition: it loads without problems, has the
//! intended shape, and its drivers show and hide what they should.

use onewindow_engine::formats::Date;
use onewindow_engine::{load_form, Answers};

#[path = "../benches/generate.rs"]
mod generate;

#[test]
fn the_generated_large_form_loads_and_its_drivers_work() {
    let form = generate::large_form();
    assert_eq!(generate::count_conditions(&form), 300);
    let (model, problems) = load_form(&form.to_string(), Date::new(2026, 11, 27).unwrap());
    assert!(problems.is_empty(), "{:?}", &problems[..problems.len().min(5)]);
    let model = model.unwrap();
    assert_eq!(model.form().fields().count(), 1000);
    let visible = |answers: &Answers| {
        let evaluation = model.evaluate(answers);
        model.form().fields().filter(|(_, f)| evaluation.is_visible(&model, &f.id)).count()
    };
    let mut answers = Answers::default();
    let base = visible(&answers);
    answers.set(generate::RADIO_DRIVER, "b".into());
    assert_eq!(visible(&answers), base + 50, "choosing b shows 50 fields");
    answers.set(generate::TEXT_DRIVER, "t".into());
    assert!(visible(&answers) >= base + 60, "typing shows the 10 notempty fields");
}
