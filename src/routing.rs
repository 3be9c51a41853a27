//! Routing in one place: what the URL asks for ([`Route`]), and moving between the app's pages
//! without reloading ([`Navigator`], [`use_location`]).

use crate::io;
use yew::prelude::*;

/// What the URL asks for.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Route {
    /// The catalog home: search, topics and life events (`?q=` what was searched for).
    Home(String),
    /// The services of one category or life event (`?topic=`).
    Topic(String),
    /// A service's guide (`?service=`).
    Service(String),
    /// A service's assistant (`?service=…&check=<page>`; answers in the fragment).
    Check(String),
    /// A form (`?form=`).
    Form(String),
    /// Rating a service (`?service=…&rate=1`, with `&case=` when a case is rated).
    Rate(String),
}

impl Route {
    /// What the page's URL asks for now.
    pub(crate) fn current() -> Route {
        if let Some(form) = io::url::query_param("form") {
            Route::Form(form)
        } else if let Some(service) = io::url::query_param("service") {
            if io::url::query_param("rate").is_some() {
                Route::Rate(service)
            } else if io::url::query_param("check").is_some() {
                Route::Check(service)
            } else {
                Route::Service(service)
            }
        } else if let Some(topic) = io::url::query_param("topic") {
            Route::Topic(topic)
        } else {
            Route::Home(io::url::query_param("q").unwrap_or_default())
        }
    }
}

/// Moves to another page of the app without reloading it: pushes the URL (a history entry,
/// so the back button works) and renders what it names.
#[derive(Clone, PartialEq)]
pub(crate) struct Navigator(pub Callback<(String, bool)>);

impl Navigator {
    /// Goes to `href` as a new history entry.
    pub fn go(&self, href: impl Into<String>) {
        self.0.emit((href.into(), false));
    }

    /// Replaces the current history entry with `href` (same page, state kept in the URL).
    pub fn replace(&self, href: impl Into<String>) {
        self.0.emit((href.into(), true));
    }
}

/// The page's query and fragment ([`io::url::location_key`]), which follow the back and
/// forward buttons, and the [`Navigator`] that moves them: the component using this renders
/// again whenever either changes the URL.
#[hook]
pub(crate) fn use_location() -> (String, Navigator) {
    let location = use_state(io::url::location_key);
    {
        let location = location.setter();
        use_effect_with((), move |_| {
            let listener =
                io::url::on_history_change(move || location.set(io::url::location_key()));
            move || drop(listener)
        });
    }
    let navigator = {
        let location = location.setter();
        Navigator(Callback::from(move |(href, replace): (String, bool)| {
            io::url::go_to(&href, replace);
            location.set(io::url::location_key());
            if !replace {
                io::dom::arrived();
            }
        }))
    };
    ((*location).clone(), navigator)
}
