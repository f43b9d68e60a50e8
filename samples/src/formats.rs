//! The `format` keyword: checks of the asserted formats, strings that break them, valid edge
//! cases and random strings of each format.

use std::net::{Ipv4Addr, Ipv6Addr};

use modelgen::ir::Format;

use crate::rng::Rng;

/// Whether `s` is valid for `format`, as `jsonschema` asserts it.
pub(crate) fn format_ok(format: Format, s: &str) -> bool {
    match format {
        Format::DateTime => date_time_ok(s),
        Format::Date => date_ok(s),
        Format::Email => email_ok(s),
        Format::Uri => uri_ok(s),
        Format::Uuid => uuid_ok(s),
        Format::Ipv4 => s.parse::<Ipv4Addr>().is_ok(),
        Format::Ipv6 => s.parse::<Ipv6Addr>().is_ok(),
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0')),
    )
}

fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

/// RFC 3339 `full-date`.
fn date_ok(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) =
        (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
    else {
        return false;
    };
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// RFC 3339 `full-time`, with a leap second allowed only at 23:59 UTC.
fn time_ok(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 9 || b[2] != b':' || b[5] != b':' {
        return false;
    }
    let (Some(hour), Some(minute), Some(second)) =
        (digits(&b[0..2]), digits(&b[3..5]), digits(&b[6..8]))
    else {
        return false;
    };
    if hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let mut i = 8;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match b.get(i) {
        Some(b'Z' | b'z') => i + 1 == b.len() && (second != 60 || (hour == 23 && minute == 59)),
        Some(&sign @ (b'+' | b'-')) => {
            let rest = &b[i + 1..];
            if rest.len() != 5 || rest[2] != b':' {
                return false;
            }
            let (Some(offset_hour), Some(offset_minute)) =
                (digits(&rest[0..2]), digits(&rest[3..5]))
            else {
                return false;
            };
            if offset_hour > 23 || offset_minute > 59 {
                return false;
            }
            if second != 60 {
                return true;
            }
            let local = i64::from(hour * 60 + minute);
            let offset = i64::from(offset_hour * 60 + offset_minute);
            let utc = if sign == b'+' {
                local - offset
            } else {
                local + offset
            };
            utc.rem_euclid(24 * 60) == 23 * 60 + 59
        }
        _ => false,
    }
}

/// RFC 3339 `date-time`.
fn date_time_ok(s: &str) -> bool {
    match s.bytes().position(|b| b == b'T' || b == b't') {
        Some(at) => date_ok(&s[..at]) && time_ok(&s[at + 1..]),
        None => false,
    }
}

fn hostname_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// A dot-atom local part, `@`, and a host name: the common shape of an address.
fn email_ok(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c);
    !local.is_empty()
        && local.len() <= 64
        && s.len() <= 254
        && local
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(atext))
        && hostname_ok(domain)
}

/// An absolute URI: a scheme, `:`, and only characters RFC 3986 allows.
fn uri_ok(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        || !chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return false;
    }
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'%' {
            if !(b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
            {
                return false;
            }
            i += 3;
            continue;
        }
        if !(c.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&c)) {
            return false;
        }
        i += 1;
    }
    true
}

fn uuid_ok(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                *c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// Strings that break a format, each with what is wrong.
pub(crate) fn format_misses(format: Format, rng: &mut Rng) -> Vec<(String, String)> {
    let fixed: &[(&str, &str)] = match format {
        Format::DateTime => &[
            ("2023-05-01T10:00:00", "no time zone"),
            ("2023-05-01", "a date without a time"),
            ("2023-02-30T10:00:00Z", "February 30"),
            ("2023-05-01T24:00:00Z", "hour 24"),
            ("2023-05-01T10:00Z", "no seconds"),
            ("2023-05-01 10:00:00Z", "a space instead of `T`"),
            ("2023-05-01T10:00:00+2:00", "a one-digit offset hour"),
            ("2023-13-01T10:00:00Z", "month 13"),
            ("2023-05-01T10:00:00.Z", "an empty fraction"),
        ],
        Format::Date => &[
            ("2023-02-30", "February 30"),
            ("2023-02-29", "February 29 in a common year"),
            ("2023-13-01", "month 13"),
            ("2023-00-10", "month 0"),
            ("2023-5-1", "no zero padding"),
            ("2023-05-01T00:00:00Z", "a date-time"),
            ("20230501", "no hyphens"),
        ],
        Format::Email => &[
            ("user.example.com", "no `@`"),
            ("@example.com", "an empty local part"),
            ("user@", "an empty domain"),
            ("us er@example.com", "a space"),
            ("user@example..com", "an empty domain label"),
            ("user@@example.com", "two `@`"),
        ],
        Format::Uri => &[
            ("example.com/path", "no scheme"),
            ("/relative/path", "a relative reference"),
            ("https://exa mple.com/", "a space"),
            ("1http://example.com/", "a scheme starting with a digit"),
            ("https://example.com/%zz", "a bad percent-encoding"),
            ("https://example.com/<x>", "angle brackets"),
        ],
        Format::Uuid => &[
            ("123e4567e89b12d3a456426614174000", "no hyphens"),
            ("123e4567-e89b-12d3-a456-42661417400", "one digit short"),
            (
                "123e4567-e89b-12d3-a456-4266141740000",
                "one digit too many",
            ),
            ("{123e4567-e89b-12d3-a456-426614174000}", "braces"),
            ("123e4567-e89b12d3-a456-426614174000-", "a hyphen moved"),
        ],
        Format::Ipv4 => &[
            ("1.2.3", "three parts"),
            ("1.2.3.4.5", "five parts"),
            ("01.2.3.4", "a leading zero"),
            ("1.2.3.-4", "a negative part"),
            ("1.2.3.4 ", "a trailing space"),
        ],
        Format::Ipv6 => &[
            ("1:2:3:4:5:6:7:8:9", "nine groups"),
            ("12345::1", "a five-digit group"),
            ("gggg::1", "a non-hex group"),
            ("1::2::3", "two `::`"),
            ("1.2.3.4", "an IPv4 address"),
            (":1:2:3:4:5:6:7", "a leading single colon"),
            ("::ffff:999.0.0.1", "a bad embedded IPv4 address"),
        ],
    };
    let mut out: Vec<(String, String)> = fixed
        .iter()
        .map(|(s, why)| ((*s).to_owned(), (*why).to_owned()))
        .collect();
    match format {
        Format::Uuid => {
            let mut chars: Vec<char> = random_uuid(rng).chars().collect();
            let spots: Vec<usize> = (0..36).filter(|i| !matches!(i, 8 | 13 | 18 | 23)).collect();
            let at = *rng.pick(&spots).unwrap_or(&0);
            chars[at] = 'g';
            out.insert(0, (chars.into_iter().collect(), "a `g`".to_owned()));
        }
        Format::Ipv4 => {
            let parts: Vec<String> = (0..3).map(|_| rng.below(256).to_string()).collect();
            let at = rng.below(4);
            let mut all = parts;
            all.insert(at, "256".into());
            out.insert(0, (all.join("."), "a part of 256".to_owned()));
        }
        _ => {}
    }
    out
}

/// Valid but unusual strings of a format, each with what is unusual.
pub(crate) fn format_edges(format: Format) -> &'static [(&'static str, &'static str)] {
    match format {
        Format::DateTime => &[
            ("2023-05-01t10:00:00z", "lower-case `t` and `z`"),
            ("1998-12-31T23:59:60Z", "a leap second"),
            (
                "2023-05-01T10:00:00.123456789+05:45",
                "nanoseconds and a +05:45 offset",
            ),
            ("2023-05-01T10:00:00-00:00", "offset -00:00"),
            ("2024-02-29T00:00:00Z", "February 29 of a leap year"),
        ],
        Format::Date => &[
            ("2024-02-29", "February 29 of a leap year"),
            ("2000-02-29", "February 29 of 2000"),
            ("0001-01-01", "year 1"),
            ("9999-12-31", "year 9999"),
        ],
        Format::Email => &[
            (
                "first.last+tag@sub.example.co.uk",
                "a plus tag and subdomains",
            ),
            ("x@example.com", "a one-letter local part"),
            ("user@EXAMPLE.COM", "an upper-case domain"),
        ],
        Format::Uri => &[
            ("urn:isbn:0451450523", "a URN"),
            ("mailto:user@example.com", "the mailto scheme"),
            (
                "https://example.com:8080/a%20b?q=1#frag",
                "a port, a percent-encoding, a query and a fragment",
            ),
            ("HTTP://EXAMPLE.COM/", "an upper-case scheme"),
        ],
        Format::Uuid => &[
            ("123E4567-E89B-12D3-A456-426614174000", "upper-case digits"),
            ("00000000-0000-0000-0000-000000000000", "the nil UUID"),
            ("ffffffff-ffff-ffff-ffff-ffffffffffff", "the max UUID"),
        ],
        Format::Ipv4 => &[("0.0.0.0", "all zeros"), ("255.255.255.255", "all 255")],
        Format::Ipv6 => &[
            ("::", "the unspecified address"),
            ("::1", "the loopback address"),
            ("::ffff:192.0.2.1", "an embedded IPv4 address"),
            ("2001:DB8::1", "upper-case digits"),
            ("1:2:3:4:5:6:7:8", "all eight groups"),
        ],
    }
}

fn random_hex(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from_digit(rng.below(16) as u32, 16).unwrap_or('0'))
        .collect()
}

fn random_uuid(rng: &mut Rng) -> String {
    let variant = ['8', '9', 'a', 'b'][rng.below(4)];
    format!(
        "{}-{}-4{}-{variant}{}-{}",
        random_hex(rng, 8),
        random_hex(rng, 4),
        random_hex(rng, 3),
        random_hex(rng, 3),
        random_hex(rng, 12)
    )
}

fn random_date(rng: &mut Rng) -> String {
    let year = 1970 + rng.below(130) as u32;
    let month = 1 + rng.below(12) as u32;
    let day = 1 + rng.below(days_in_month(year, month) as usize) as u32;
    format!("{year:04}-{month:02}-{day:02}")
}

fn random_label(rng: &mut Rng, n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..n)
        .map(|i| {
            let set = if i == 0 { LETTERS } else { ALNUM };
            char::from(*rng.pick(set).unwrap_or(&b'a'))
        })
        .collect()
}

/// A host name of exactly `n` characters ending in `.com`.
fn hostname_of_len(rng: &mut Rng, n: usize) -> Option<String> {
    if !(5..=253).contains(&n) {
        return None;
    }
    let mut rest = n - 4;
    let mut labels = Vec::new();
    while rest > 0 {
        if rest <= 63 {
            labels.push(random_label(rng, rest));
            rest = 0;
        } else {
            let take = 63.min(rest - 2);
            labels.push(random_label(rng, take));
            rest -= take + 1;
        }
    }
    Some(format!("{}.com", labels.join(".")))
}

/// A valid string of a format; with `target`, of that many characters where the format
/// allows it (emails and URIs), else of its natural length.
pub(crate) fn format_string(
    rng: &mut Rng,
    format: Format,
    target: Option<usize>,
) -> Option<String> {
    Some(match format {
        Format::DateTime => {
            let fraction = match rng.below(4) {
                0 => ".5".to_owned(),
                1 => format!(".{:03}", rng.below(1000)),
                _ => String::new(),
            };
            let zone = *rng
                .pick(&["Z", "Z", "+02:00", "-05:30", "+00:00", "+14:00"])
                .unwrap_or(&"Z");
            format!(
                "{}T{:02}:{:02}:{:02}{fraction}{zone}",
                random_date(rng),
                rng.below(24),
                rng.below(60),
                rng.below(60)
            )
        }
        Format::Date => random_date(rng),
        Format::Email => match target {
            None => {
                let local = *rng
                    .pick(&["user", "first.last", "a+tag", "jo_bloggs", "x1"])
                    .unwrap_or(&"user");
                let domain = *rng
                    .pick(&["example.com", "mail.example.org", "example.co.uk"])
                    .unwrap_or(&"example.com");
                format!("{local}@{domain}")
            }
            Some(n) => {
                if !(7..=254).contains(&n) {
                    return None;
                }
                let mut local_len = n.saturating_sub(12).clamp(1, 64);
                let mut domain_len = n - 1 - local_len;
                if domain_len < 5 {
                    local_len = n - 6;
                    domain_len = 5;
                }
                format!(
                    "{}@{}",
                    random_label(rng, local_len),
                    hostname_of_len(rng, domain_len)?
                )
            }
        },
        Format::Uri => match target {
            None => (*rng
                .pick(&[
                    "https://example.com/",
                    "http://example.org/a/b?c=d#e",
                    "urn:isbn:0451450523",
                    "ftp://ftp.example.com/file.txt",
                    "https://example.com/pets/42",
                ])
                .unwrap_or(&"https://example.com/"))
            .to_owned(),
            Some(n) if n >= 21 => format!("https://example.com/{}", random_label(rng, n - 20)),
            Some(n) if n >= 3 => format!("x:{}", random_label(rng, n - 2)),
            Some(_) => return None,
        },
        Format::Uuid => {
            let uuid = random_uuid(rng);
            if rng.chance(10) {
                uuid.to_uppercase()
            } else {
                uuid
            }
        }
        Format::Ipv4 => (0..4)
            .map(|_| rng.below(256).to_string())
            .collect::<Vec<_>>()
            .join("."),
        Format::Ipv6 => match rng.below(4) {
            0 => (0..8)
                .map(|_| {
                    let n = 1 + rng.below(4);
                    random_hex(rng, n)
                })
                .collect::<Vec<_>>()
                .join(":"),
            1 => format!("2001:db8::{}", random_hex(rng, 4)),
            2 => format!("fe80::{}:{}", random_hex(rng, 3), random_hex(rng, 2)),
            _ => "::1".to_owned(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_agree_with_their_examples() {
        let mut rng = Rng::new(1);
        for format in Format::ALL {
            for _ in 0..50 {
                let s = format_string(&mut rng, format, None).unwrap();
                assert!(format_ok(format, &s), "{format:?} {s}");
            }
            for n in [7, 30, 100] {
                if let Some(s) = format_string(&mut rng, format, Some(n)) {
                    assert!(format_ok(format, &s), "{format:?} {s}");
                    if matches!(format, Format::Email | Format::Uri) {
                        assert_eq!(s.chars().count(), n, "{format:?} {s}");
                    }
                }
            }
            for (s, why) in format_misses(format, &mut rng) {
                assert!(!format_ok(format, &s), "{format:?} {s} ({why})");
            }
            for (s, why) in format_edges(format) {
                assert!(format_ok(format, s), "{format:?} {s} ({why})");
            }
        }
    }
}
