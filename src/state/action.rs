//! What the citizen, the courier and an embedding page can do to a journey.

use onewindow_engine::{Answer, Answers, OutboxEntry, Package, PageError, Position};

/// What the citizen can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// An answer changed.
    Answer {
        /// The question's id.
        field: String,
        /// The new answer.
        value: Answer,
    },
    /// "Continue" was pressed on the current page.
    Continue,
    /// "Back" was pressed.
    Back,
    /// "Change" was pressed on check answers for the question on this page.
    Change(usize),
    /// "Start now" on the start page.
    Start,
    /// "Continue where you left off" on the resume screen.
    ResumeDraft,
    /// "Start again": the draft is discarded.
    StartAgain,
    /// The URL changed (back/forward buttons): go there if the answers allow it.
    Visit(Option<Position>),
    /// The citizen chose another language.
    SetLocale(String),
    /// "Clear my data": every answer is forgotten.
    ClearData,
    /// "Remove everything about this application from this device", on the confirmation:
    /// as "Clear my data", and the start page says it was done.
    RemoveApplication,
    /// "This is a shared or public computer" was ticked (true) or unticked on the start page:
    /// nothing of the journey is kept on the device, and remembered details are neither
    /// offered nor asked for.
    SharedComputer(bool),
    /// "Send application" was pressed; the key identifies the application on every attempt.
    Sending(String),
    /// The package was made and put in the outbox; the first attempt is under way.
    Packed(Package),
    /// The receiver accepted the application under this reference.
    Sent(String),
    /// The application could not be delivered yet; it waits on the device (local receipt).
    Queued(String),
    /// The outbox as it now stands.
    Outbox(Vec<OutboxEntry>),
    /// A queued application (perhaps this one) was delivered.
    Delivered {
        /// Its idempotency key.
        key: String,
        /// The backend's reference.
        reference: String,
    },
    /// A queued application (perhaps this one) was refused for good.
    NotAccepted {
        /// Its idempotency key.
        key: String,
        /// Why.
        message: String,
    },
    /// Shows the applications waiting on this device.
    ShowWaiting,
    /// The receiver refused some answers: show them on the first page concerned.
    Refused(Vec<PageError>),
    /// The application could not be sent (network, server): say so and keep everything.
    SendFailed(String),
    /// "Fill in these details": the remembered answers this form accepts are filled in.
    UsePrefill,
    /// "No thanks": the remembered details are not offered again in this journey.
    DeclinePrefill,
    /// "Save these details on this device": the citizen consents to remembering them.
    Remember,
    /// Shows the details remembered on this device.
    ShowSaved,
    /// Leaves the saved-details screen.
    LeaveSaved,
    /// Deletes one remembered detail (by concept).
    Forget(String),
    /// Deletes every remembered detail.
    ForgetAll,
    /// The embedding page fills in answers (question id → answer). They are answers like any
    /// other: shown, checked when the citizen continues, and theirs to change. Ids the form
    /// does not ask are ignored.
    Prefill(Answers),
}
