//! Sending an application: the engine packs it, the outbox keeps it before the first attempt
//! (so nothing is lost whatever happens next) and the courier makes that attempt. What happens
//! reaches the journey as actions; the packing rules are the engine's.

use super::{clock, courier, store};
use crate::state::{Action, FormState};
use onewindow_engine::{Delivery, OutboxEntry, PackageProblem};

/// Sends the application `state` holds and tells `dispatch` what becomes of it (the journey's
/// reducer, in the app; `io` knows its actions, not how they are delivered). The key is made
/// once per application and reused by every attempt, so the backend recognises a repeat.
pub fn send(state: &FormState, dispatch: impl Fn(Action) + 'static) {
    let key = state.key.clone().unwrap_or_else(clock::new_uuid);
    dispatch(Action::Sending(key.clone()));
    let package = state.model.package(&state.answers, &state.locale, &clock::now_rfc3339(), &key);
    let (model, locale) = (state.model.clone(), state.locale.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let package = match package {
            Ok(package) => package,
            Err(PackageProblem::Invalid { errors }) => return dispatch(Action::Refused(errors)),
            Err(other) => return dispatch(Action::SendFailed(other.to_string())),
        };
        dispatch(Action::Packed(package.clone()));
        let form = model.form();
        let title = form.text(&form.title, &locale).to_string();
        let entry =
            OutboxEntry::new(&model, package, title, form.submission_settings(), clock::now_ms());
        let kept = store::enqueue(&form.id, &entry).await.is_ok();
        let receipt = entry.receipt();
        match courier::try_once(entry).await {
            Delivery::Delivered { reference } => {
                dispatch(Action::Sent(reference.unwrap_or(receipt)))
            }
            Delivery::Refused { errors } => dispatch(Action::Refused(errors)),
            Delivery::Rejected { message } => dispatch(Action::SendFailed(message)),
            // Kept on the device: the courier delivers it when the service can be reached.
            Delivery::Retry { .. } if kept => {
                dispatch(Action::Queued(receipt));
                courier::flush_soon();
            }
            Delivery::Retry { .. } => {
                dispatch(Action::SendFailed("the service could not be reached".into()))
            }
        }
    });
}
