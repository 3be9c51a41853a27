//! What became of the application, as far as the journey knows: one value, so that "sending"
//! and "sent", or "failed" and "queued" without a receipt, cannot both be said at once.

/// What became of the application.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Delivery {
    /// Not sent: "Send application" was not pressed, or the backend refused some answers
    /// (they are shown on their pages and the citizen sends again).
    #[default]
    NotSent,
    /// An attempt to send is under way.
    Sending,
    /// The last attempt failed (the service could not be reached and the device could not keep
    /// the application, or the backend refused it for good): why. Nothing is lost; the citizen
    /// may try again.
    Failed(String),
    /// Kept on the device until the service can be reached.
    Queued {
        /// The local receipt.
        receipt: String,
        /// Why the backend refused it for good, once it has.
        rejected: Option<String>,
    },
    /// Received: the backend's reference (or the local receipt when its reply had none).
    Sent(String),
}

impl Delivery {
    /// The reference to show: the backend's once received, the local receipt while queued.
    pub fn reference(&self) -> Option<&str> {
        match self {
            Delivery::Sent(reference) => Some(reference),
            Delivery::Queued { receipt, .. } => Some(receipt),
            Delivery::NotSent | Delivery::Sending | Delivery::Failed(_) => None,
        }
    }

    /// Whether the application waits on the device.
    pub fn is_queued(&self) -> bool {
        matches!(self, Delivery::Queued { .. })
    }

    /// Whether an attempt to send is under way.
    pub fn is_sending(&self) -> bool {
        *self == Delivery::Sending
    }

    /// Why it was not sent, or not accepted once queued.
    pub fn failure(&self) -> Option<&str> {
        match self {
            Delivery::Failed(why) | Delivery::Queued { rejected: Some(why), .. } => Some(why),
            _ => None,
        }
    }

    /// The backend refused it for good (news from the courier about this application).
    pub(super) fn reject(&mut self, message: String) {
        match self {
            Delivery::Queued { rejected, .. } => *rejected = Some(message),
            // A received application is not in the outbox, so not refused from there.
            Delivery::Sent(_) => {}
            Delivery::NotSent | Delivery::Sending | Delivery::Failed(_) => {
                *self = Delivery::Failed(message)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_queued_application_keeps_its_receipt_when_refused() {
        let mut queued = Delivery::Queued { receipt: "ABC123".into(), rejected: None };
        queued.reject("Not accepted".into());
        assert_eq!(queued.reference(), Some("ABC123"));
        assert_eq!(queued.failure(), Some("Not accepted"));
        assert!(queued.is_queued());
        let mut sending = Delivery::Sending;
        sending.reject("Not accepted".into());
        assert_eq!(sending, Delivery::Failed("Not accepted".into()));
        assert_eq!(sending.reference(), None);
    }
}
