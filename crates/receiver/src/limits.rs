//! Per-client rate limits on what anyone may post: submissions, ratings, events and the staff
//! sign-in. A client past its limit gets 429 `rate_limited` with `Retry-After`.
//!
//! The client is the peer's IP address, or, with `--behind-proxy`, the address the proxy
//! appended last to `X-Forwarded-For` (earlier entries are the client's own word). The limits
//! live in each instance's memory: with several instances behind a load balancer a client gets
//! each instance's allowance (docs/receiver.md).

use crate::http::problem;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderValue, Request, Response, StatusCode};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

/// One endpoint's allowance: a burst, then one request per `every`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Allowance {
    /// Requests a client may send at once.
    pub burst: u32,
    /// How long until one more is allowed.
    pub every: Duration,
}

/// The allowances per client, by endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimits {
    /// `POST /api/submissions`. An office's NAT may put many citizens behind one address, and
    /// an outbox retries, so this one is generous.
    pub submissions: Allowance,
    /// `POST /api/ratings`.
    pub ratings: Allowance,
    /// `POST /api/events`.
    pub events: Allowance,
    /// `POST /staff/login`: a token guessed slowly.
    pub staff_sign_in: Allowance,
}

impl Default for RateLimits {
    fn default() -> Self {
        let every = |ms| Duration::from_millis(ms);
        RateLimits {
            submissions: Allowance { burst: 120, every: every(500) },
            ratings: Allowance { burst: 20, every: every(3_000) },
            events: Allowance { burst: 120, every: every(500) },
            staff_sign_in: Allowance { burst: 5, every: every(12_000) },
        }
    }
}

/// Who a request comes from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Client {
    /// Trust the last `X-Forwarded-For` entry (a reverse proxy in front sets it).
    pub behind_proxy: bool,
}

impl KeyExtractor for Client {
    type Key = IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<IpAddr, GovernorError> {
        let forwarded = || {
            let value = request.headers().get_all("x-forwarded-for").iter().next_back()?;
            value.to_str().ok()?.rsplit(',').next()?.trim().parse().ok()
        };
        let peer = || request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        Ok(self
            .behind_proxy
            .then(forwarded)
            .flatten()
            .or_else(peer)
            // Called in-process (tests, another server embedding the router): one client.
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)))
    }
}

/// The layer that holds `route` to `allowance` per client.
pub(crate) fn layer(
    allowance: Allowance,
    client: Client,
) -> GovernorLayer<Client, governor::middleware::NoOpMiddleware<governor::clock::QuantaInstant>, Body>
{
    let config: GovernorConfig<Client, _> = GovernorConfigBuilder::default()
        .period(allowance.every)
        .burst_size(allowance.burst.max(1))
        .key_extractor(client)
        .finish()
        .expect("a burst of at least one and a period above zero");
    let config = Arc::new(config);
    forget_idle_clients(&config);
    GovernorLayer::new(config).error_handler(too_many)
}

/// Drops the state of clients that are back to a full allowance, once a minute, so that the
/// table of clients does not grow with every address ever seen.
fn forget_idle_clients<M>(config: &Arc<GovernorConfig<Client, M>>)
where
    M: governor::middleware::RateLimitingMiddleware<governor::clock::QuantaInstant>
        + Send
        + Sync
        + 'static,
{
    let limiter = Arc::downgrade(&Arc::clone(config.limiter()));
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        runtime.spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(60)).await;
                let Some(limiter) = limiter.upgrade() else { return };
                limiter.retain_recent();
            }
        });
    }
}

fn too_many(error: GovernorError) -> Response<Body> {
    match error {
        GovernorError::TooManyRequests { wait_time, .. } => {
            let wait = wait_time.max(1);
            let mut response = problem(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                format!("too many requests from this address: send again in {wait} s"),
            );
            if let Ok(value) = HeaderValue::from_str(&wait.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
        // The extractor above always finds a key; anything else is refused without blame.
        _ => problem(StatusCode::TOO_MANY_REQUESTS, "rate_limited", "send again later"),
    }
}
