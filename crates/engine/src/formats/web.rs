//! Email and web addresses.

use super::problem::FormatProblem;

/// Checks an email address and returns it trimmed, by the rules of the `validator` crate
/// (WHATWG local part of at most 64 characters; domain labels of 1–63 letters, digits or
/// hyphens, not starting or ending with a hyphen, internationalised labels allowed) plus two
/// of ours: the domain must contain a dot and must not be a bracketed IP address, since
/// services write to the citizen and `name@localhost` is almost certainly a mistake.
///
/// Written here rather than taken from `validator`: that crate brings `regex`, `idna` and `url`
/// into the browser bundle (about 180 KB gzip, more than the rest of the app).
pub fn email(input: &str) -> Result<String, FormatProblem> {
    let address = input.trim();
    let (local, domain) = address.rsplit_once('@').ok_or(FormatProblem::Shape)?;
    let local_ok = !local.is_empty()
        && local.chars().count() <= 64
        && local.chars().all(|c| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c));
    if local_ok && domain.contains('.') && is_domain(domain) {
        Ok(address.to_string())
    } else {
        Err(FormatProblem::Shape)
    }
}

/// Host names: dot-separated labels of 1–63 characters, letters (any script, for
/// internationalised names), digits and inner hyphens; 253 characters at most.
fn is_domain(domain: &str) -> bool {
    domain.chars().count() <= 253
        && domain.split('.').all(|label| {
            let count = label.chars().count();
            (1..=63).contains(&count)
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// Checks a web address and returns it trimmed: `http://` or `https://`, a host (name, IPv4
/// or bracketed IPv6, optional user info and port), then any path, query and fragment. Any
/// other scheme, `mailto:` or `javascript:` included, is [`FormatProblem::Scheme`]; a
/// missing scheme is [`FormatProblem::Shape`]. Whitespace and control characters are
/// refused rather than silently dropped as URL parsers do.
pub fn http_url(input: &str) -> Result<String, FormatProblem> {
    let address = input.trim();
    if address.is_empty() || address.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(FormatProblem::Shape);
    }
    let scheme_end = address.find(':').ok_or(FormatProblem::Shape)?;
    let scheme = &address[..scheme_end];
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c));
    if !is_scheme {
        return Err(FormatProblem::Shape);
    }
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(FormatProblem::Scheme);
    }
    let rest = address[scheme_end + 1..].strip_prefix("//").ok_or(FormatProblem::Shape)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = if let Some(bracketed) = host_port.strip_prefix('[') {
        let (ip, after) = bracketed.split_once(']').ok_or(FormatProblem::Shape)?;
        if ip.is_empty() || !ip.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.') {
            return Err(FormatProblem::Shape);
        }
        (None, after.strip_prefix(':'))
    } else {
        match host_port.rsplit_once(':') {
            Some((host, port)) => (Some(host), Some(port)),
            None => (Some(host_port), None),
        }
    };
    if let Some(port) = port {
        let valid = port.is_empty()
            || (port.len() <= 5
                && port.chars().all(|c| c.is_ascii_digit())
                && port.parse::<u32>().is_ok_and(|p| p <= 65535));
        if !valid {
            return Err(FormatProblem::Shape);
        }
    }
    if let Some(host) = host {
        if !is_domain(host.strip_suffix('.').unwrap_or(host)) {
            return Err(FormatProblem::Shape);
        }
    }
    Ok(address.to_string())
}
