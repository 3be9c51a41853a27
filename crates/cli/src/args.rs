//! Hand-written argument parsing: positional arguments, `--switch`, `--option VALUE` and
//! `--option=VALUE`; `--` ends the options.

use crate::Error;

/// One command's arguments.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Arguments that are not options, in order.
    pub positional: Vec<String>,
    values: Vec<(&'static str, String)>,
    switches: Vec<&'static str>,
}

impl Parsed {
    /// The value of `--name`, if given.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// Whether `--name` was given.
    pub fn switch(&self, name: &str) -> bool {
        self.switches.contains(&name)
    }
}

/// Parses `args` for `command`, which takes the `options` (with a value) and `switches`
/// (without), each written with its leading `--`.
pub fn parse(
    command: &str,
    args: &[String],
    options: &[&'static str],
    switches: &[&'static str],
) -> Result<Parsed, Error> {
    let mut parsed = Parsed::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--" {
            parsed.positional.extend(args.by_ref().cloned());
            break;
        }
        if !arg.starts_with('-') || arg == "-" {
            parsed.positional.push(arg.clone());
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value.to_string())),
            None => (arg.as_str(), None),
        };
        if let Some(&option) = options.iter().find(|&&o| o == name) {
            let value = match inline {
                Some(value) => value,
                None => args
                    .next()
                    .cloned()
                    .ok_or_else(|| Error::usage(format!("{command}: {option} needs a value")))?,
            };
            if parsed.value(option).is_some() {
                return Err(Error::usage(format!("{command}: {option} is given twice")));
            }
            parsed.values.push((option, value));
        } else if let Some(&switch) = switches.iter().find(|&&s| s == name) {
            if inline.is_some() {
                return Err(Error::usage(format!("{command}: {switch} takes no value")));
            }
            parsed.switches.push(switch);
        } else {
            let known: Vec<&str> = options.iter().chain(switches).copied().collect();
            let hint = if known.is_empty() {
                "it takes no options".to_string()
            } else {
                format!("its options are {}", known.join(", "))
            };
            return Err(Error::usage(format!("{command}: unknown option {name} ({hint})")));
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_switches_and_positionals() {
        let p = parse(
            "x",
            &strings(&["a", "--json", "--locale", "en", "--today=2026-01-02", "--", "--b"]),
            &["--locale", "--today"],
            &["--json"],
        )
        .unwrap();
        assert_eq!(p.positional, ["a", "--b"]);
        assert!(p.switch("--json"));
        assert_eq!(p.value("--locale"), Some("en"));
        assert_eq!(p.value("--today"), Some("2026-01-02"));
    }

    #[test]
    fn mistakes_are_usage_errors() {
        for args in
            [&["--nope"][..], &["--locale"], &["--json=1"], &["--locale", "a", "--locale", "b"]]
        {
            let err = parse("x", &strings(args), &["--locale"], &["--json"]).unwrap_err();
            assert!(matches!(err, Error::Usage(_)), "{args:?}: {err}");
        }
    }
}
