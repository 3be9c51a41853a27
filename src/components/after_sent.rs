//! What follows an application once it is sent, below its confirmation: the rating form
//! (好差评) for its case and "you may also need" from the catalog. The portal renders it in its
//! own form pages; the form page's bundle, which carries neither the catalog nor the rating
//! code, loads the `onewindow-extras` module for it once an application is sent
//! ([`ExtrasApp`], `src/extras_main.rs`; ARCHITECTURE.md, "What a page downloads").

use super::rating::RatingForm;
use super::recommendations::Recommendations;
use crate::host::SentApplication;
use crate::io;
use crate::io::load::CatalogState;
use yew::prelude::*;

/// The catalog's address, relative to the page (as the portal fetches it).
const CATALOG: &str = "forms/catalog.json";

/// Props for [`AfterSent`].
#[derive(Properties, PartialEq)]
pub(crate) struct Props {
    /// The application just sent.
    pub application: SentApplication,
    /// The catalog, which names the service that has this form.
    pub catalog: CatalogState,
}

/// The rating form of the case (once the receiver has issued its reference) and what else
/// people who applied for this service need. The service rated is the catalog's that has the
/// form, else the form itself; nothing is shown until the catalog has answered, so a rating is
/// never filed under the wrong id.
#[function_component(AfterSent)]
pub(crate) fn after_sent(props: &Props) -> Html {
    let application = &props.application;
    let catalog = match &props.catalog {
        CatalogState::Loading => return Html::default(),
        CatalogState::Ready(catalog) => Some(catalog.clone()),
        CatalogState::Failed(_) => None,
    };
    let service =
        catalog.as_ref().and_then(|c| c.service_with_form(&application.form)).map(|s| s.id.clone());
    let rated = service.clone().unwrap_or_else(|| application.form.to_string());
    html! {
        <>
            if !application.reference.is_empty() {
                <RatingForm service={AttrValue::from(rated)} version={application.version.clone()}
                    case_reference={application.reference.clone()}
                    case_token={application.rating_token.clone()} locale={application.locale.clone()} />
            }
            if let (Some(catalog), Some(service)) = (catalog, service) {
                <Recommendations {catalog} {service} locale={application.locale.clone()} />
            }
        </>
    }
}

/// Props for [`ExtrasApp`]: the application, read from the element it is mounted in.
#[derive(Properties, PartialEq)]
pub struct ExtrasProps {
    /// The application just sent.
    pub application: SentApplication,
}

/// The `onewindow-extras` module's root: fetches the catalog, then shows [`AfterSent`].
#[function_component(ExtrasApp)]
pub fn extras_app(props: &ExtrasProps) -> Html {
    let catalog = use_state(|| CatalogState::Loading);
    {
        let catalog = catalog.setter();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                catalog.set(io::load::catalog(CATALOG).await);
            });
        });
    }
    html! { <AfterSent application={props.application.clone()} catalog={(*catalog).clone()} /> }
}
