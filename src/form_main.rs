//! The form page's bundle: the form journey alone (`components::form_page`).
fn main() {
    yew::Renderer::<onewindow::FormApp>::new().render();
}
