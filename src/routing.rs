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
            // A form is a page of its own, with its own bundle: loaded, not rendered here.
            if names_a_form(&href) {
                io::url::load(&href);
                return;
            }
            io::url::go_to(&href, replace);
            location.set(io::url::location_key());
            if !replace {
                io::dom::arrived();
            }
        }))
    };
    ((*location).clone(), navigator)
}

/// Whether `href` (a query of the app's page, `?form=…&lang=…`) names a form: the form page,
/// which is its own bundle (`onewindow-form`), not the portal's.
fn names_a_form(href: &str) -> bool {
    let before_fragment = href.split('#').next().unwrap_or_default();
    let query = before_fragment.split_once('?').map_or("", |(_, q)| q);
    query.split('&').any(|pair| pair == "form" || pair.starts_with("form="))
}

/// How the app writes its links: as queries of its one page, or as the static site's paths.
///
/// Components ask [`use_paths`] rather than writing `?service=…` themselves, so the same
/// components render the app in the browser and the static pages of `crate::site`.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Paths {
    /// Every page is a query of the app's one page (`?service=…&lang=…`).
    #[default]
    Query,
    /// A page of the static site. The catalog home, topics and guides have paths under `root`
    /// (`/en/services/residence-permit/`); the pages only the app can show (search results,
    /// the assistant, forms, rating) are queries of the app's page at `root`.
    Site {
        /// The site's root path, ending in `/`.
        root: AttrValue,
        /// The page being rendered.
        page: SitePage,
    },
}

/// A page of the static site.
#[derive(Clone, Debug, PartialEq)]
pub enum SitePage {
    /// The catalog home.
    Home,
    /// A category or life event.
    Topic(String),
    /// A service's guide.
    Service(String),
}

impl SitePage {
    /// The page's path in `locale`, relative to the site's root (`en/services/x/`).
    pub fn path(&self, locale: &str) -> String {
        match self {
            SitePage::Home => format!("{locale}/"),
            SitePage::Topic(id) => format!("{locale}/topics/{id}/"),
            SitePage::Service(id) => format!("{locale}/services/{id}/"),
        }
    }
}

impl Paths {
    /// The app's own page: queries of it are the pages only the app can show.
    fn app(&self) -> &str {
        match self {
            Paths::Query => "",
            Paths::Site { root, .. } => root,
        }
    }

    /// A static page in `locale`, or the app's query that shows the same.
    fn page(&self, page: SitePage, locale: &str) -> String {
        match (self, page) {
            (Paths::Site { root, .. }, page) => format!("{root}{}", page.path(locale)),
            (Paths::Query, SitePage::Home) => format!("?lang={locale}"),
            (Paths::Query, SitePage::Topic(id)) => format!("?topic={id}&lang={locale}"),
            (Paths::Query, SitePage::Service(id)) => format!("?service={id}&lang={locale}"),
        }
    }

    /// The catalog home.
    pub fn home(&self, locale: &str) -> String {
        self.page(SitePage::Home, locale)
    }

    /// A category's or life event's services.
    pub fn topic(&self, id: &str, locale: &str) -> String {
        self.page(SitePage::Topic(id.to_string()), locale)
    }

    /// A service's guide.
    pub fn service(&self, id: &str, locale: &str) -> String {
        self.page(SitePage::Service(id.to_string()), locale)
    }

    /// A form's start.
    pub fn form(&self, id: &str, locale: &str) -> String {
        format!("{}?form={id}&lang={locale}", self.app())
    }

    /// A service's assistant, from its first question.
    pub fn check(&self, id: &str, locale: &str) -> String {
        format!("{}?service={id}&lang={locale}&check=start", self.app())
    }

    /// Rating a service's guide of `version`.
    pub fn rate(&self, id: &str, locale: &str, version: &str) -> String {
        format!("{}?service={id}&lang={locale}&rate=1&v={version}", self.app())
    }

    /// Where a search form sends its `q` and `lang`: the app, which shows results as you type.
    pub fn search_action(&self) -> String {
        self.app().to_string()
    }

    /// This page in another locale: in the app, the same URL with another `lang`.
    pub fn this_page_in(&self, locale: &str) -> String {
        match self {
            Paths::Query => io::url::url_with_param("lang", locale),
            Paths::Site { root, page } => format!("{root}{}", page.path(locale)),
        }
    }
}

/// How this page writes its links ([`Paths`]): the app's queries unless a static page says.
#[hook]
pub(crate) fn use_paths() -> Paths {
    use_context::<Paths>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_is_named_by_its_query_parameter_only() {
        assert!(names_a_form("?form=passport&lang=en"));
        assert!(names_a_form("/?lang=en&form=passport#name=Li"));
        assert!(!names_a_form("?service=passport&lang=en#form=x"));
        assert!(!names_a_form("?service=passport&formal=1"));
        assert!(!names_a_form("/en/services/passport/"));
    }

    #[test]
    fn static_paths_and_app_queries() {
        let site = Paths::Site { root: "/portal/".into(), page: SitePage::Topic("moving".into()) };
        assert_eq!(site.service("passport", "en"), "/portal/en/services/passport/");
        assert_eq!(site.form("passport", "en"), "/portal/?form=passport&lang=en");
        assert_eq!(site.this_page_in("zh-CN"), "/portal/zh-CN/topics/moving/");
        assert_eq!(site.search_action(), "/portal/");
        assert_eq!(Paths::Query.service("passport", "en"), "?service=passport&lang=en");
        assert_eq!(Paths::Query.home("en"), "?lang=en");
        assert_eq!(Paths::Query.search_action(), "");
    }
}
