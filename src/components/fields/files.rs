//! File uploads: the chosen files listed, each with "Remove"; their contents kept on the device.

use super::props::Props;
use onewindow_engine::{format_size, ui_text, UiText};
use serde_json::{json, Value};
use yew::prelude::*;

/// File upload: the chosen files' names and sizes are listed with a "Remove" button each; the
/// engine checks type, size and count when the citizen continues.
pub(super) fn file_upload(props: &Props, accept: &[String], max_count: u32) -> Html {
    let files: Vec<Value> =
        props.value.as_ref().and_then(Value::as_array).cloned().unwrap_or_default();
    let onchange = {
        let on_change = props.on_change.clone();
        let current = files.clone();
        let scope = props.scope.to_string();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let chosen: Vec<web_sys::File> = input
                .files()
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                .unwrap_or_default();
            input.set_value("");
            let (mut next, on_change, scope) = (current.clone(), on_change.clone(), scope.clone());
            // The content is kept on the device with the draft, so a reload loses nothing; if
            // storage fails the description alone is kept and the citizen sees the file listed.
            wasm_bindgen_futures::spawn_local(async move {
                for file in chosen {
                    let described = json!({"name": file.name(), "type": file.type_(), "size": file.size() as u64});
                    next.push(crate::io::store::keep_file(&scope, file).await.unwrap_or(described));
                }
                on_change.emit(Value::Array(next));
            });
        })
    };
    props.labelled(html! {
        <div class="ow-file-upload">
            <input class={classes!("ow-file-upload__input", props.has_error().then_some("ow-file-upload--error"))}
                id={props.id()} name={props.field.id.clone()} type="file" accept={accept.join(",")}
                multiple={max_count > 1} aria-describedby={props.described_by()} {onchange} />
            if !files.is_empty() {
                <ul class="ow-list ow-file-upload__list">
                    { for files.iter().enumerate().map(|(n, file)| {
                        let name = file.get("name").and_then(Value::as_str).unwrap_or("").to_string();
                        let size = file.get("size").and_then(Value::as_u64).unwrap_or(0);
                        let on_change = props.on_change.clone();
                        let remaining: Vec<Value> = files.iter().enumerate().filter(|(i, _)| *i != n).map(|(_, f)| f.clone()).collect();
                        let onclick = Callback::from(move |_: MouseEvent| on_change.emit(Value::Array(remaining.clone())));
                        html! {
                            <li class="ow-file-upload__item">
                                <span class="ow-file-upload__name">{ &name }</span>{ " " }
                                <span class="ow-file-upload__size">{ format!("({})", format_size(size)) }</span>{ " " }
                                <button type="button" class="ow-link-button" {onclick}>
                                    { ui_text(UiText::Remove, &props.locale) }<span class="ow-visually-hidden">{ " " }{ &name }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    })
}
