fn main() {
    yew::Renderer::<onewindow::App>::new().render();
}
