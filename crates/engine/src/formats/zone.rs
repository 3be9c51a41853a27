//! Which calendar day it is at a form's office: the browser and the receiver both work out
//! "today" for date rules as the date, in the form's time zone, of one instant (the package's
//! `created`), so a rule cannot pass on a phone and fail at the receiver around midnight.
//!
//! No time zone database: the zones public services here use are a fixed offset all year
//! (China since 1991) or follow the UK's summer time rule, and a database would cost the
//! citizen's download far more than this table.

use super::date::Date;

/// A time zone a form may name (`time_zone`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeZone {
    /// The same offset from UTC all year, in minutes east.
    Fixed(i32),
    /// Greenwich Mean Time, and British Summer Time (+1 h) from 01:00 UTC on the last Sunday
    /// of March to 01:00 UTC on the last Sunday of October.
    UnitedKingdom,
}

/// IANA names the engine knows, with their offset in minutes (all without summer time).
const FIXED: &[(&str, i32)] = &[
    ("UTC", 0),
    ("Etc/UTC", 0),
    ("GMT", 0),
    ("Asia/Shanghai", 480),
    ("Asia/Chongqing", 480),
    ("Asia/Harbin", 480),
    ("Asia/Urumqi", 360),
    ("Asia/Kashgar", 360),
    ("Asia/Hong_Kong", 480),
    ("Asia/Macau", 480),
    ("Asia/Taipei", 480),
    ("Asia/Singapore", 480),
    ("Asia/Tokyo", 540),
];

/// The names a form may give, for messages.
pub const TIME_ZONE_NAMES: &str =
    "Asia/Shanghai, Asia/Urumqi, Asia/Hong_Kong, Asia/Macau, Asia/Taipei, Europe/London, UTC, or an offset such as +08:00";

impl TimeZone {
    /// China's time (UTC+8, no summer time).
    pub const CHINA: TimeZone = TimeZone::Fixed(480);

    /// A zone by IANA name (`Asia/Shanghai`, `Europe/London`) or offset (`+08:00`, `-05:30`,
    /// `UTC`); `None` for any other.
    pub fn parse(name: &str) -> Option<TimeZone> {
        let name = name.trim();
        if matches!(name, "Europe/London" | "Europe/Belfast" | "GB") {
            return Some(TimeZone::UnitedKingdom);
        }
        if let Some(&(_, minutes)) = FIXED.iter().find(|(n, _)| *n == name) {
            return Some(TimeZone::Fixed(minutes));
        }
        let (sign, rest) = match name.as_bytes().first()? {
            b'+' => (1, &name[1..]),
            b'-' => (-1, &name[1..]),
            _ => return None,
        };
        let (hours, minutes) = rest.split_once(':')?;
        if hours.len() != 2 || minutes.len() != 2 {
            return None;
        }
        let hours: i32 = hours.parse().ok().filter(|h| (0..=14).contains(h))?;
        let minutes: i32 = minutes.parse().ok().filter(|m| (0..60).contains(m))?;
        Some(TimeZone::Fixed(sign * (hours * 60 + minutes)))
    }

    /// The zone of a form that names none, from its first locale: China's for Chinese and
    /// Uyghur, the UK's for English, UTC otherwise.
    pub fn default_for(locales: &[String]) -> TimeZone {
        let first = locales.first().map(String::as_str).unwrap_or("");
        let language = first.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match language.as_str() {
            "zh" | "ug" => TimeZone::CHINA,
            "en" => TimeZone::UnitedKingdom,
            _ => TimeZone::Fixed(0),
        }
    }

    /// Minutes east of UTC at the instant `unix_seconds`.
    pub fn offset_minutes_at(self, unix_seconds: i64) -> i32 {
        match self {
            TimeZone::Fixed(minutes) => minutes,
            TimeZone::UnitedKingdom => {
                let year = Date::from_days_since_epoch(unix_seconds.div_euclid(86_400)).year;
                let starts = last_sunday(year, 3) * 86_400 + 3_600;
                let ends = last_sunday(year, 10) * 86_400 + 3_600;
                if (starts..ends).contains(&unix_seconds) {
                    60
                } else {
                    0
                }
            }
        }
    }

    /// The calendar date in this zone at the instant `unix_seconds`.
    pub fn date_at(self, unix_seconds: i64) -> Date {
        let local =
            unix_seconds.saturating_add(i64::from(self.offset_minutes_at(unix_seconds)) * 60);
        Date::from_days_since_epoch(local.div_euclid(86_400))
    }
}

/// The last Sunday of `month` in `year`, in days since the epoch.
fn last_sunday(year: i32, month: u8) -> i64 {
    let next = if month == 12 { Date::new(year + 1, 1, 1) } else { Date::new(year, month + 1, 1) };
    let last = next.map_or(0, |d| d.days_since_epoch() - 1);
    // 1970-01-01 was a Thursday: day 0 is 4 days after a Sunday.
    last - (last + 4).rem_euclid(7)
}

/// Seconds since the Unix epoch of an RFC 3339 instant (`2026-12-04T10:00:00Z`,
/// `2026-12-04T18:00:00.123+08:00`); `None` when it is not one.
pub fn instant_seconds(text: &str) -> Option<i64> {
    let text = text.trim();
    let (date, rest) = text.split_once(['T', 't', ' '])?;
    let date: Date = date.parse().ok()?;
    let time_end = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (time, zone) = rest.split_at(time_end);
    let time = time.split('.').next()?;
    let mut parts = time.split(':');
    let mut part = |max: i64| -> Option<i64> {
        let p = parts.next()?;
        (p.len() == 2).then_some(())?;
        p.parse::<i64>().ok().filter(|v| (0..=max).contains(v))
    };
    let (hour, minute, second) = (part(23)?, part(59)?, part(60)?);
    if parts.next().is_some() {
        return None;
    }
    let offset = match zone {
        "Z" | "z" => 0,
        zone => match TimeZone::parse(zone)? {
            TimeZone::Fixed(minutes) => i64::from(minutes),
            TimeZone::UnitedKingdom => return None,
        },
    };
    Some(date.days_since_epoch() * 86_400 + hour * 3_600 + minute * 60 + second - offset * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> i64 {
        instant_seconds(text).unwrap()
    }

    #[test]
    fn instants_are_read_with_their_offsets() {
        assert_eq!(at("1970-01-01T00:00:00Z"), 0);
        assert_eq!(at("2026-12-04T10:00:00Z"), at("2026-12-04T18:00:00+08:00"));
        assert_eq!(at("2026-12-04T10:00:00.999Z"), at("2026-12-04T10:00:00Z"));
        for bad in [
            "",
            "2026-12-04",
            "2026-12-04T25:00:00Z",
            "2026-12-04T10:00Z",
            "nonsense",
            "2026-13-01T00:00:00Z",
            "2026-12-04T10:00:00+8",
        ] {
            assert_eq!(instant_seconds(bad), None, "{bad}");
        }
    }

    #[test]
    fn around_midnight_in_china_the_day_is_chinas() {
        let china = TimeZone::parse("Asia/Shanghai").unwrap();
        // 23:59:59 and 00:00:00 in Beijing are 15:59:59 and 16:00:00 UTC.
        assert_eq!(china.date_at(at("2026-12-04T15:59:59Z")), Date::new(2026, 12, 4).unwrap());
        assert_eq!(china.date_at(at("2026-12-04T16:00:00Z")), Date::new(2026, 12, 5).unwrap());
        // At 01:30 in Beijing it is still yesterday in UTC: the form's day wins.
        assert_eq!(china.date_at(at("2026-12-05T01:30:00+08:00")), Date::new(2026, 12, 5).unwrap());
        assert_eq!(
            TimeZone::Fixed(0).date_at(at("2026-12-05T01:30:00+08:00")),
            Date::new(2026, 12, 4).unwrap()
        );
        assert_eq!(TimeZone::parse("Asia/Urumqi"), Some(TimeZone::Fixed(360)));
    }

    #[test]
    fn around_midnight_in_the_uk_summer_time_counts() {
        let uk = TimeZone::parse("Europe/London").unwrap();
        // Summer 2026: 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(last_sunday(2026, 3), Date::new(2026, 3, 29).unwrap().days_since_epoch());
        assert_eq!(last_sunday(2026, 10), Date::new(2026, 10, 25).unwrap().days_since_epoch());
        assert_eq!(uk.date_at(at("2026-07-01T23:30:00Z")), Date::new(2026, 7, 2).unwrap());
        assert_eq!(uk.date_at(at("2026-12-01T23:30:00Z")), Date::new(2026, 12, 1).unwrap());
        assert_eq!(uk.offset_minutes_at(at("2026-03-29T00:59:59Z")), 0);
        assert_eq!(uk.offset_minutes_at(at("2026-03-29T01:00:00Z")), 60);
        assert_eq!(uk.offset_minutes_at(at("2026-10-25T00:59:59Z")), 60);
        assert_eq!(uk.offset_minutes_at(at("2026-10-25T01:00:00Z")), 0);
    }

    #[test]
    fn names_offsets_and_defaults() {
        assert_eq!(TimeZone::parse("+05:30"), Some(TimeZone::Fixed(330)));
        assert_eq!(TimeZone::parse("-03:00"), Some(TimeZone::Fixed(-180)));
        for bad in ["Mars/Olympus", "+8", "+25:00", "", "+08:60"] {
            assert_eq!(TimeZone::parse(bad), None, "{bad}");
        }
        let locales = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(TimeZone::default_for(&locales(&["zh-CN", "en"])), TimeZone::CHINA);
        assert_eq!(TimeZone::default_for(&locales(&["ug"])), TimeZone::CHINA);
        assert_eq!(TimeZone::default_for(&locales(&["en-GB"])), TimeZone::UnitedKingdom);
        assert_eq!(TimeZone::default_for(&locales(&["fr"])), TimeZone::Fixed(0));
    }
}
