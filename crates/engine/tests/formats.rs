//! Every test vector of the field-formats reference, plus the edges citizens actually type:
//! lower case, stray spaces, full-width digits, dates around leap days and birthdays. The last
//! test feeds every function a few thousand odd strings and only asks that nothing panics.

use onewindow_engine::formats::{
    age_on, cn_mobile, cn_postcode, cn_resident_id, date_from_parts, email, http_url, iban,
    international_phone, parse_month, uk_nino, uk_phone, uk_postcode, unified_social_credit_code,
    CnResidentId, Date, DatePart, DateProblem, FormatProblem, Sex,
};
use FormatProblem::*;

fn date(year: i32, month: u8, day: u8) -> Date {
    Date::new(year, month, day).expect("test dates are real")
}

/// A fixed "today", so the tests do not depend on the clock.
fn today() -> Date {
    date(2025, 6, 15)
}

/// Runs `check` on each input and compares with the expected normalised value or problem.
fn table(
    name: &str,
    check: impl Fn(&str) -> Result<String, FormatProblem>,
    cases: &[(&str, Result<&str, FormatProblem>)],
) {
    for (input, expected) in cases {
        let expected = expected.map(str::to_string);
        assert_eq!(check(input), expected, "{name}({input:?})");
    }
}

const VERY_LONG: &str = "1234567890";

fn very_long() -> String {
    VERY_LONG.repeat(10_000)
}

// --- Chinese resident identity number ------------------------------------------------------

#[test]
fn cn_resident_id_reference_vectors() {
    assert_eq!(
        cn_resident_id("11010519491231002X", today()),
        Ok(CnResidentId {
            normalized: "11010519491231002X".into(),
            birth_date: date(1949, 12, 31),
            sex: Sex::Female
        })
    );
    assert_eq!(
        cn_resident_id("440524188001010014", today()),
        Ok(CnResidentId {
            normalized: "440524188001010014".into(),
            birth_date: date(1880, 1, 1),
            sex: Sex::Male
        })
    );
    assert_eq!(cn_resident_id("110105194912310021", today()), Err(CheckDigit));
    assert_eq!(cn_resident_id("11010519491331002X", today()), Err(ImpossibleDate));
}

#[test]
fn cn_resident_id_normalises_lower_case_x_and_spaces() {
    let id = cn_resident_id(" 110105 19491231 002x ", today()).unwrap();
    assert_eq!(id.normalized, "11010519491231002X");
}

#[test]
fn cn_resident_id_dates() {
    // Month 13 is impossible even when the check character fits the digits.
    assert_eq!(cn_resident_id("110105194913310021", today()), Err(ImpossibleDate));
    // 29 February: 2000 was a leap year, 1900 was not.
    assert_eq!(
        cn_resident_id("11010520000229003X", today()).map(|id| id.birth_date),
        Ok(date(2000, 2, 29))
    );
    assert_eq!(cn_resident_id("110105190002290017", today()), Err(ImpossibleDate));
    // Born today is fine; tomorrow or in 2030 is not.
    assert_eq!(cn_resident_id("110105202506150013", today()).map(|id| id.birth_date), Ok(today()));
    assert_eq!(cn_resident_id("110105202506160027", today()), Err(FutureDate));
    assert_eq!(cn_resident_id("11010520300101001X", today()), Err(FutureDate));
}

#[test]
fn cn_resident_id_shapes() {
    let long = very_long();
    for input in [
        "",
        "   ",
        "11010519491231002",
        "11010519491231002XX",
        "1101051949123100X2",
        "A1010519491231002X",
        "11010519491231002Y",
        "１１０１０５１９４９１２３１００２X",
        "11010519491231002Ｘ",
        "110105-19491231-002X",
        &long,
    ] {
        assert_eq!(cn_resident_id(input, today()), Err(Shape), "{input:?}");
    }
}

// --- Unified social credit code ------------------------------------------------------------

#[test]
fn unified_social_credit_code_vectors() {
    table(
        "unified_social_credit_code",
        unified_social_credit_code,
        &[
            ("91350100M000100Y43", Ok("91350100M000100Y43")),
            ("91110000802100433B", Ok("91110000802100433B")),
            ("9111000080210043XB", Err(CheckDigit)),
            ("91350100m000100y43", Ok("91350100M000100Y43")),
            (" 9135 0100 M000 100Y 43 ", Ok("91350100M000100Y43")),
            ("92440300MA5EXAMPL7", Ok("92440300MA5EXAMPL7")),
            // I, O, S, V and Z are not in the character set.
            ("91350100M000100I43", Err(Shape)),
            ("91350100M0001O0Y43", Err(Shape)),
            // Characters 3–8 are the area code: digits only.
            ("9135A100M000100Y43", Err(Shape)),
            ("91350100M000100Y4", Err(Shape)),
            ("91350100M000100Y433", Err(Shape)),
            ("９１350100M000100Y43", Err(Shape)),
            ("", Err(Shape)),
            (" ", Err(Shape)),
        ],
    );
    assert_eq!(unified_social_credit_code(&very_long()), Err(Shape));
}

// --- Chinese mobile and postcode -----------------------------------------------------------

#[test]
fn cn_mobile_vectors() {
    table(
        "cn_mobile",
        cn_mobile,
        &[
            ("13812345678", Ok("13812345678")),
            ("19912345678", Ok("19912345678")),
            ("138 1234 5678", Ok("13812345678")),
            ("138-1234-5678", Ok("13812345678")),
            ("+86 138 1234 5678", Ok("13812345678")),
            ("+8613812345678", Ok("13812345678")),
            ("0086-138-1234-5678", Ok("13812345678")),
            ("12812345678", Err(Shape)),
            ("23812345678", Err(Shape)),
            ("1381234567", Err(Shape)),
            ("138123456789", Err(Shape)),
            ("+86", Err(Shape)),
            ("+44 7700 900123", Err(Shape)),
            ("8613812345678", Err(Shape)),
            ("1381234567x", Err(Shape)),
            ("１３８１２３４５６７８", Err(Shape)),
            ("", Err(Shape)),
            ("  ", Err(Shape)),
        ],
    );
    assert_eq!(cn_mobile(&very_long()), Err(Shape));
}

#[test]
fn cn_postcode_vectors() {
    table(
        "cn_postcode",
        cn_postcode,
        &[
            ("100000", Ok("100000")),
            ("010000", Ok("010000")),
            (" 518000 ", Ok("518000")),
            ("10000", Err(Shape)),
            ("1000000", Err(Shape)),
            ("10000a", Err(Shape)),
            ("１０００００", Err(Shape)),
            ("", Err(Shape)),
        ],
    );
}

// --- UK National Insurance number ----------------------------------------------------------

#[test]
fn uk_nino_vectors() {
    table(
        "uk_nino",
        uk_nino,
        &[
            ("AB123456C", Ok("AB123456C")),
            ("ab 12 34 56 c", Ok("AB123456C")),
            ("AB-12-34-56-C", Ok("AB123456C")),
            ("AB.12.34.56.C", Ok("AB123456C")),
            ("  ab123456d  ", Ok("AB123456D")),
            ("QQ123456C", Err(Shape)),
            ("GB123456A", Err(Shape)),
            ("AO123456A", Err(Shape)),
            ("DA123456A", Err(Shape)),
            ("AB123456E", Err(Shape)),
            ("BG123456A", Err(Shape)),
            ("NK123456A", Err(Shape)),
            ("ZZ123456A", Err(Shape)),
            ("AB123456", Err(Shape)),
            ("AB1234567C", Err(Shape)),
            ("AB12345CC", Err(Shape)),
            ("AB１２３４５６C", Err(Shape)),
            ("", Err(Shape)),
        ],
    );
    assert_eq!(uk_nino(&very_long()), Err(Shape));
}

// --- UK postcode ---------------------------------------------------------------------------

#[test]
fn uk_postcode_vectors() {
    table(
        "uk_postcode",
        uk_postcode,
        &[
            ("SW1A 1AA", Ok("SW1A 1AA")),
            ("sw1a1aa", Ok("SW1A 1AA")),
            ("EC1A 1BB", Ok("EC1A 1BB")),
            ("W1A 0AX", Ok("W1A 0AX")),
            ("M1 1AE", Ok("M1 1AE")),
            ("B33 8TH", Ok("B33 8TH")),
            ("CR2 6XH", Ok("CR2 6XH")),
            ("DN55 1PT", Ok("DN55 1PT")),
            ("GIR 0AA", Ok("GIR 0AA")),
            ("gir0aa", Ok("GIR 0AA")),
            ("  sw1a   1aa  ", Ok("SW1A 1AA")),
            ("QA1 1AA", Err(Shape)),
            ("SW1A 1AI", Err(Shape)),
            ("SW1 A1AA", Err(Shape)),
            ("SW1A 1 AA", Err(Shape)),
            ("SW1A", Err(Shape)),
            ("1AA", Err(Shape)),
            ("GIR 0AB", Err(Shape)),
            ("SW1A 1AA X", Err(Shape)),
            ("ＳＷ1A 1AA", Err(Shape)),
            ("SW1A\u{3000}1AA", Err(Shape)),
            ("", Err(Shape)),
            ("   ", Err(Shape)),
        ],
    );
    assert_eq!(uk_postcode(&very_long()), Err(Shape));
}

// --- Phones --------------------------------------------------------------------------------

#[test]
fn uk_phone_vectors() {
    table(
        "uk_phone",
        uk_phone,
        &[
            ("020 7946 0000", Ok("+442079460000")),
            ("(020) 7946 0000", Ok("+442079460000")),
            ("07700 900123", Ok("+447700900123")),
            ("07700-900-123", Ok("+447700900123")),
            ("+44 20 7946 0000", Ok("+442079460000")),
            ("+44 (0)20 7946 0000", Ok("+442079460000")),
            ("0044 20 7946 0000", Ok("+442079460000")),
            ("0044 (0)7700 900123", Ok("+447700900123")),
            ("+44 020 7946 0000", Err(Shape)),
            ("020 7946 000", Err(Shape)),
            ("020 7946 00000", Err(Shape)),
            ("2079460000", Err(Shape)),
            ("00 7946 00000", Err(Shape)),
            ("+1 202 555 0100", Err(Shape)),
            ("０２０ ７９４６ ００００", Err(Shape)),
            ("", Err(Shape)),
        ],
    );
    assert_eq!(uk_phone(&very_long()), Err(Shape));
}

#[test]
fn international_phone_vectors() {
    table(
        "international_phone",
        international_phone,
        &[
            ("+44 20 7946 0000", Ok("+442079460000")),
            ("+44 (0)20 7946 0000", Ok("+442079460000")),
            ("0086 138 1234 5678", Ok("+8613812345678")),
            ("+1 (202) 555-0100", Ok("+12025550100")),
            ("+49 (0)30 1234567", Ok("+49301234567")),
            ("+12345678", Ok("+12345678")),
            ("+123456789012345", Ok("+123456789012345")),
            ("+1234567", Err(Shape)),
            ("+1234567890123456", Err(Shape)),
            ("+0 20 7946 0000", Err(Shape)),
            ("000 20 7946 0000", Err(Shape)),
            ("020 7946 0000", Err(Shape)),
            ("+44 20 7946 000x", Err(Shape)),
            ("+４４ 20 7946 0000", Err(Shape)),
            ("+", Err(Shape)),
            ("", Err(Shape)),
        ],
    );
    assert_eq!(international_phone(&very_long()), Err(Shape));
    assert_eq!(international_phone(&format!("+{}", very_long())), Err(Shape));
}

// --- IBAN ----------------------------------------------------------------------------------

#[test]
fn iban_vectors() {
    table(
        "iban",
        iban,
        &[
            ("GB82 WEST 1234 5698 7654 32", Ok("GB82WEST12345698765432")),
            ("DE89 3704 0044 0532 0130 00", Ok("DE89370400440532013000")),
            ("GB82 TEST 1234 5698 7654 32", Err(CheckDigit)),
            ("gb82 west 1234 5698 7654 32", Ok("GB82WEST12345698765432")),
            // Examples from the IBAN registry, one per length in the country table.
            ("NO93 8601 1117 947", Ok("NO9386011117947")),
            ("BE68 5390 0754 7034", Ok("BE68539007547034")),
            ("NL91 ABNA 0417 1643 00", Ok("NL91ABNA0417164300")),
            ("CH93 0076 2011 6238 5295 7", Ok("CH9300762011623852957")),
            ("FR14 2004 1010 0505 0001 3M02 606", Ok("FR1420041010050500013M02606")),
            ("MT84 MALT 0110 0001 2345 MTLC AST0 01S", Ok("MT84MALT011000012345MTLCAST001S")),
            // A country without a length in the table gets the generic checks only.
            ("ZZ80 1234 5678 9", Ok("ZZ80123456789")),
            ("CN24 1234 5678 9012 3", Ok("CN241234567890123")),
            ("ZZ81 1234 5678 9", Err(CheckDigit)),
            // A dropped or extra character in a known country is named as such.
            ("GB82 WEST 1234 5698 7654 3", Err(CountryLength)),
            ("DE89 3704 0044 0532 0130 000", Err(CountryLength)),
            // Check digits 00, 01 and 99 never occur.
            ("GB00 WEST 1234 5698 7654 32", Err(CheckDigit)),
            ("GB99 WEST 1234 5698 7654 32", Err(CheckDigit)),
            ("GBXX WEST 1234 5698 7654 32", Err(Shape)),
            ("1282 WEST 1234 5698 7654 32", Err(Shape)),
            ("GB82-WEST-1234-5698-7654-32", Err(Shape)),
            ("GB82", Err(Shape)),
            // 35 characters, one more than any IBAN.
            ("ZZ80 1234 5678 9012 3456 7890 1234 5678 901", Err(Shape)),
            ("GB82 WEST １２３４ 5698 7654 32", Err(Shape)),
            ("", Err(Shape)),
        ],
    );
    assert_eq!(iban(&format!("GB82{}", very_long())), Err(Shape));
}

// --- Email and web addresses ---------------------------------------------------------------

#[test]
fn email_vectors() {
    table(
        "email",
        email,
        &[
            ("name@example.com", Ok("name@example.com")),
            ("  first.last+tag@example.gov.uk ", Ok("first.last+tag@example.gov.uk")),
            ("name@bücher.de", Ok("name@bücher.de")),
            ("name@localhost", Err(Shape)),
            ("name@[192.0.2.1]", Err(Shape)),
            ("name@[IPv6:2001:db8::1]", Err(Shape)),
            ("name@example.com.", Err(Shape)),
            ("name@.example.com", Err(Shape)),
            ("name@", Err(Shape)),
            ("@example.com", Err(Shape)),
            ("name example@example.com", Err(Shape)),
            ("name.example.com", Err(Shape)),
            ("名字@example.com", Err(Shape)),
            ("", Err(Shape)),
            ("   ", Err(Shape)),
        ],
    );
    let long_local = format!("{}@example.com", "a".repeat(65));
    assert_eq!(email(&long_local), Err(Shape));
    assert_eq!(email(&very_long()), Err(Shape));
}

#[test]
fn http_url_vectors() {
    table(
        "http_url",
        http_url,
        &[
            ("https://www.gov.uk", Ok("https://www.gov.uk")),
            ("  http://example.com/path?q=1#top ", Ok("http://example.com/path?q=1#top")),
            ("HTTPS://EXAMPLE.COM", Ok("HTTPS://EXAMPLE.COM")),
            ("https://例子.中国/", Ok("https://例子.中国/")),
            ("ftp://example.com", Err(Scheme)),
            ("mailto:name@example.com", Err(Scheme)),
            ("javascript:alert(1)", Err(Scheme)),
            ("foo:bar", Err(Scheme)),
            ("example.com", Err(Shape)),
            ("www.example.com", Err(Shape)),
            ("http:example.com", Err(Shape)),
            ("http://", Err(Shape)),
            ("https://exa mple.com", Err(Shape)),
            ("https://example.com/\tx", Err(Shape)),
            ("", Err(Shape)),
        ],
    );
    assert!(http_url(&format!("https://example.com/{}", very_long())).is_ok());
    assert_eq!(http_url(&very_long()), Err(Shape));
}

// --- Dates ---------------------------------------------------------------------------------

#[test]
fn date_new_knows_leap_years() {
    assert!(Date::new(2024, 2, 29).is_some());
    assert!(Date::new(2000, 2, 29).is_some());
    assert!(Date::new(2023, 2, 29).is_none());
    assert!(Date::new(1900, 2, 29).is_none());
    assert!(Date::new(2025, 4, 31).is_none());
    assert!(Date::new(2025, 12, 31).is_some());
    assert!(Date::new(2025, 13, 1).is_none());
    assert!(Date::new(2025, 0, 1).is_none());
    assert!(Date::new(2025, 1, 0).is_none());
    assert!(Date::new(i32::MIN, 2, 29).is_some());
    assert!(Date::new(i32::MAX, 2, 29).is_none());
}

#[test]
fn date_displays_and_parses_iso() {
    assert_eq!(date(2025, 3, 7).to_string(), "2025-03-07");
    assert_eq!(date(987, 12, 1).to_string(), "0987-12-01");
    assert_eq!("2024-02-29".parse(), Ok(date(2024, 2, 29)));
    assert_eq!("0987-12-01".parse(), Ok(date(987, 12, 1)));
    assert_eq!("2023-02-29".parse::<Date>(), Err(ImpossibleDate));
    assert_eq!("2023-13-01".parse::<Date>(), Err(ImpossibleDate));
    for bad in [
        "",
        "2024-2-29",
        "2024/02/29",
        "20240229",
        "2024-02-29 ",
        "２０２４-02-29",
        "+024-02-29",
        "2024-0é-2",
        "2024-é-01",
    ] {
        assert_eq!(bad.parse::<Date>(), Err(Shape), "{bad:?}");
    }
    assert!(date(2024, 12, 31) < date(2025, 1, 1));
    assert!(date(2025, 1, 31) < date(2025, 2, 1));
}

#[test]
fn parse_month_in_english_and_chinese() {
    let cases: &[(&str, Option<u8>)] = &[
        ("3", Some(3)),
        ("03", Some(3)),
        (" 12 ", Some(12)),
        ("March", Some(3)),
        ("mar", Some(3)),
        ("MARCH", Some(3)),
        ("Mar.", Some(3)),
        ("Sept", Some(9)),
        ("sep", Some(9)),
        ("september", Some(9)),
        ("jan", Some(1)),
        ("February", Some(2)),
        ("may", Some(5)),
        ("jun", Some(6)),
        ("jul", Some(7)),
        ("Dec", Some(12)),
        ("3月", Some(3)),
        ("03月", Some(3)),
        ("12月", Some(12)),
        ("一月", Some(1)),
        ("三月", Some(3)),
        ("十月", Some(10)),
        ("十一月", Some(11)),
        ("十二月", Some(12)),
        ("0", None),
        ("13", None),
        ("ma", None),
        ("m", None),
        ("marc h", None),
        ("marchy", None),
        ("十三月", None),
        ("二十月", None),
        ("月", None),
        ("13月", None),
        ("３", None),
        ("３月", None),
        ("", None),
        ("   ", None),
        ("99999999999999999999", None),
    ];
    for (input, expected) in cases {
        assert_eq!(parse_month(input), *expected, "parse_month({input:?})");
    }
}

#[test]
fn date_from_parts_reports_like_gov_uk() {
    use DatePart::*;
    use DateProblem::*;
    type Case = ((&'static str, &'static str, &'static str), Result<Date, DateProblem>);
    let cases: &[Case] = &[
        (("1", "3", "2000"), Ok(date(2000, 3, 1))),
        ((" 01 ", " 03 ", " 2000 "), Ok(date(2000, 3, 1))),
        (("29", "February", "2024"), Ok(date(2024, 2, 29))),
        (("29", "2", "2000"), Ok(date(2000, 2, 29))),
        (("31", "十二月", "1999"), Ok(date(1999, 12, 31))),
        (("29", "2", "2023"), Err(Impossible)),
        (("29", "2", "1900"), Err(Impossible)),
        (("31", "4", "2000"), Err(Impossible)),
        (("0", "4", "2000"), Err(Impossible)),
        (("1", "13", "2000"), Err(Impossible)),
        (("1", "0", "2000"), Err(Impossible)),
        (("256", "1", "2000"), Err(Impossible)),
        (("1", "3", "99"), Err(Impossible)),
        (("1", "3", "20000"), Err(Impossible)),
        (("1", "3", "99999999999999999999"), Err(Impossible)),
        (("99999999999999999999", "3", "2000"), Err(Impossible)),
        (("", "", ""), Err(Missing(Day))),
        (("", "3", "2000"), Err(Missing(Day))),
        (("1", "", "2000"), Err(Missing(Month))),
        (("1", "3", ""), Err(Missing(Year))),
        (("1", " ", " "), Err(Missing(Month))),
        (("x", "", "2000"), Err(Missing(Month))),
        (("x", "3", "2000"), Err(NotANumber(Day))),
        (("1", "foo", "2000"), Err(NotANumber(Month))),
        (("1", "3", "20x0"), Err(NotANumber(Year))),
        (("x", "foo", "y"), Err(NotANumber(Day))),
        (("-1", "3", "2000"), Err(NotANumber(Day))),
        (("+1", "3", "2000"), Err(NotANumber(Day))),
        (("１", "3", "2000"), Err(NotANumber(Day))),
        (("1", "3", "２０００"), Err(NotANumber(Year))),
    ];
    for ((day, month, year), expected) in cases {
        assert_eq!(
            date_from_parts(day, month, year),
            *expected,
            "date_from_parts({day:?}, {month:?}, {year:?})"
        );
    }
}

#[test]
fn age_on_counts_whole_years() {
    let birth = date(2000, 6, 15);
    assert_eq!(age_on(birth, date(2025, 6, 14)), 24);
    assert_eq!(age_on(birth, date(2025, 6, 15)), 25);
    assert_eq!(age_on(birth, date(2025, 6, 16)), 25);
    assert_eq!(age_on(birth, date(2026, 1, 1)), 25);
    assert_eq!(age_on(birth, birth), 0);
    assert_eq!(age_on(birth, date(2000, 6, 14)), -1);
}

#[test]
fn age_on_for_29_february_birthdays() {
    let birth = date(2000, 2, 29);
    // In a non-leap year the birthday counts on 1 March.
    assert_eq!(age_on(birth, date(2023, 2, 28)), 22);
    assert_eq!(age_on(birth, date(2023, 3, 1)), 23);
    // In a leap year it counts on the day.
    assert_eq!(age_on(birth, date(2024, 2, 28)), 23);
    assert_eq!(age_on(birth, date(2024, 2, 29)), 24);
}

#[test]
fn age_on_does_not_overflow() {
    let min = Date { year: i32::MIN, month: 12, day: 31 };
    let max = Date { year: i32::MAX, month: 1, day: 1 };
    assert!(age_on(min, max) >= i32::MAX - 1);
    assert_eq!(age_on(max, min), i32::MIN);
}

// --- Never panics --------------------------------------------------------------------------

/// Pieces that trip naive code: digits and letters the formats use, separators, prefixes,
/// multi-byte characters (to catch byte slicing) and control characters.
const PIECES: &[&str] = &[
    "1", "0", "X", "x", " ", "-", "+", "@", ".", ":", "/", "(0)", "月", "十", "é", "\u{0}",
    "\u{3000}", "１", "🙂",
];

/// Every combination of up to three pieces, then every valid vector with one character
/// replaced by each piece (so that the long inputs get past the length checks).
fn odd_strings() -> Vec<String> {
    let mut out = vec![String::new()];
    for a in PIECES {
        out.push(a.to_string());
        for b in PIECES {
            out.push(format!("{a}{b}"));
            for c in PIECES {
                out.push(format!("{a}{b}{c}"));
            }
        }
    }
    let valid = [
        "11010519491231002X",
        "91350100M000100Y43",
        "+86 138 1234 5678",
        "100000",
        "AB123456C",
        "SW1A 1AA",
        "GIR 0AA",
        "+44 (0)20 7946 0000",
        "GB82 WEST 1234 5698 7654 32",
        "name@example.com",
        "https://www.gov.uk",
        "2024-02-29",
        "十二月",
    ];
    for vector in valid {
        let chars: Vec<char> = vector.chars().collect();
        for i in 0..chars.len() {
            for piece in PIECES {
                let before: String = chars[..i].iter().collect();
                let after: String = chars[i + 1..].iter().collect();
                out.push(format!("{before}{piece}{after}"));
            }
        }
    }
    out.push(very_long());
    out.push("月".repeat(10_000));
    out.push("@".repeat(10_000));
    out
}

#[test]
fn nothing_panics_on_odd_input() {
    let strings = odd_strings();
    assert!(strings.len() > 1000, "{}", strings.len());
    let odd_dates = [
        today(),
        Date { year: i32::MIN, month: 0, day: 0 },
        Date { year: i32::MAX, month: 255, day: 255 },
    ];
    for s in &strings {
        for today in odd_dates {
            let _ = cn_resident_id(s, today);
        }
        let _ = unified_social_credit_code(s);
        let _ = cn_mobile(s);
        let _ = cn_postcode(s);
        let _ = uk_nino(s);
        let _ = uk_postcode(s);
        let _ = uk_phone(s);
        let _ = international_phone(s);
        let _ = iban(s);
        let _ = email(s);
        let _ = http_url(s);
        let _ = parse_month(s);
        let _ = s.parse::<Date>();
        let _ = date_from_parts(s, s, s);
        let _ = date_from_parts("1", s, "2000");
        let _ = date_from_parts(s, "3", "2000");
        let _ = date_from_parts("1", "3", s);
    }
    for a in odd_dates {
        for b in odd_dates {
            let _ = age_on(a, b);
        }
    }
}

#[test]
fn results_are_fixed_points() {
    // Normalising twice changes nothing: what the service stores passes its own check.
    for s in odd_strings() {
        for check in [
            unified_social_credit_code,
            cn_mobile,
            cn_postcode,
            uk_nino,
            uk_postcode,
            uk_phone,
            international_phone,
            iban,
            email,
            http_url,
        ] {
            if let Ok(normalised) = check(&s) {
                assert_eq!(check(&normalised), Ok(normalised.clone()), "{s:?}");
            }
        }
        if let Ok(id) = cn_resident_id(&s, today()) {
            assert_eq!(cn_resident_id(&id.normalized, today()), Ok(id.clone()));
        }
    }
}

#[test]
fn days_since_the_epoch_round_trip() {
    use onewindow_engine::formats::Date;
    for (days, date) in
        [(0, "1970-01-01"), (11_016, "2000-02-29"), (20_784, "2026-11-27"), (-1, "1969-12-31")]
    {
        assert_eq!(Date::from_days_since_epoch(days).to_string(), date);
        assert_eq!(date.parse::<Date>().unwrap().days_since_epoch(), days);
    }
    let _ = Date::from_days_since_epoch(i64::MAX); // far out of range: clamped, never a panic
}
