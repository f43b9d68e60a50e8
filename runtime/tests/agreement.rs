//! Agreement of the runtime's checks with `jsonschema` 0.61 (draft 2020-12, formats asserted).
//!
//! Every test runs its inputs through both the runtime helper and a `jsonschema` validator for
//! the matching keyword, prints each input where the two disagree, and fails if any did.

use std::cmp::Ordering;

use jsonschema::{Draft, Validator};
use modelgen_runtime::{
    check_pattern_syntax, compare, format, is_integer, is_multiple_of, json_equal, unique_items,
    Pattern,
};
use serde_json::{json, Number, Value};

fn validator(schema: &Value) -> Validator {
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|error| panic!("schema {schema} does not build: {error}"))
}

/// Collects disagreements and reports them all at once.
#[derive(Default)]
struct Report {
    checked: usize,
    disagreements: Vec<String>,
}

impl Report {
    fn check(&mut self, ours: bool, theirs: bool, describe: impl FnOnce() -> String) {
        self.checked += 1;
        if ours != theirs {
            let line = format!("{} (runtime: {ours}, jsonschema: {theirs})", describe());
            eprintln!("DISAGREEMENT {line}");
            self.disagreements.push(line);
        }
    }

    fn finish(self, what: &str) {
        eprintln!("{what}: {} inputs checked", self.checked);
        assert!(
            self.disagreements.is_empty(),
            "{what}: {} of {} inputs disagree:\n{}",
            self.disagreements.len(),
            self.checked,
            self.disagreements.join("\n")
        );
    }
}

/// A small deterministic generator (xorshift64*), so that mutation runs are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next() % (bound as u64)).expect("bound fits usize")
    }
}

/// Strings one to three edits away from the seeds, with characters drawn from `alphabet`.
fn mutations(seeds: &[&str], alphabet: &str, count: usize, seed: u64) -> Vec<String> {
    let alphabet: Vec<char> = alphabet.chars().collect();
    let mut rng = Rng(seed);
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let mut chars: Vec<char> = seeds[rng.below(seeds.len())].chars().collect();
        for _ in 0..=rng.below(3) {
            let c = alphabet[rng.below(alphabet.len())];
            match rng.below(3) {
                0 if !chars.is_empty() => {
                    let at = rng.below(chars.len());
                    chars[at] = c;
                }
                1 if !chars.is_empty() => {
                    let at = rng.below(chars.len());
                    chars.remove(at);
                }
                _ => {
                    let at = rng.below(chars.len() + 1);
                    chars.insert(at, c);
                }
            }
        }
        out.push(chars.into_iter().collect());
    }
    out
}

fn check_format(name: &str, ours: fn(&str) -> bool, cases: &[&str], alphabet: &str, seed: u64) {
    assert!(cases.len() >= 40, "{name}: only {} cases", cases.len());
    let validator = validator(&json!({"type": "string", "format": name}));
    let mut report = Report::default();
    let mut valid = 0;
    for case in cases {
        let theirs = validator.is_valid(&json!(case));
        valid += usize::from(theirs);
        report.check(ours(case), theirs, || format!("format {name}: {case:?}"));
    }
    // Both verdicts must occur among the hand-written cases.
    assert!(
        valid > 0 && valid < cases.len(),
        "{name}: cases are one-sided"
    );
    // `AGREEMENT_MUTATIONS` and `AGREEMENT_SEED` widen a run beyond the default.
    let count = std::env::var("AGREEMENT_MUTATIONS")
        .ok()
        .and_then(|count| count.parse().ok())
        .unwrap_or(4000);
    let seed = std::env::var("AGREEMENT_SEED")
        .ok()
        .and_then(|offset| offset.parse::<u64>().ok())
        .map_or(seed, |offset| {
            seed.wrapping_mul(0x9E37_79B9).wrapping_add(offset)
        });
    for case in mutations(cases, alphabet, count, seed) {
        let theirs = validator.is_valid(&json!(case));
        report.check(ours(&case), theirs, || format!("format {name}: {case:?}"));
    }
    report.finish(&format!("format {name}"));
}

#[test]
fn format_date_time() {
    check_format(
        "date-time",
        format::is_date_time,
        &[
            "2020-01-01T00:00:00Z",
            "2020-01-01t00:00:00z",
            "2020-01-01T00:00:00.123Z",
            "2020-01-01T00:00:00.Z",
            "2020-01-01T00:00:00+01:00",
            "2020-01-01T00:00:00-23:59",
            "2020-01-01T00:00:00+24:00",
            "2020-01-01T00:00:00+01:60",
            "2020-01-01T00:00:00+0100",
            "2020-01-01T00:00:00+01",
            "2020-01-01T00:00:00",
            "2020-01-01 00:00:00Z",
            "1998-12-31T23:59:60Z",
            "1998-12-31T23:59:60.5Z",
            "1998-12-31T15:59:60.123-08:00",
            "1998-12-31T22:59:60+01:00",
            "1999-01-01T00:59:60+01:00",
            "1998-12-31T23:58:60Z",
            "2020-01-01T00:00:60+00:01",
            "2020-01-01T00:29:60+00:30",
            "2020-01-01T00:00:60-23:59",
            "2020-01-01T12:00:60+12:01",
            "2020-06-30T23:59:60z",
            "2020-02-29T00:00:00Z",
            "2019-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2000-02-29T00:00:00Z",
            "2020-04-31T00:00:00Z",
            "2020-13-01T00:00:00Z",
            "2020-00-01T00:00:00Z",
            "2020-01-00T00:00:00Z",
            "2020-01-32T00:00:00Z",
            "2020-1-01T00:00:00Z",
            "20200101T000000Z",
            "2020-01-01T24:00:00Z",
            "2020-01-01T23:60:00Z",
            "2020-01-01T23:59:61Z",
            "2020-01-01T00:00:00ZZ",
            "2020-01-01T00:00:00+01:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2020-01-01T00:00:00.1234567890123+05:30",
            "2020-01-01T00:00:00,5Z",
            "\u{ff12}\u{ff10}\u{ff12}\u{ff10}-01-01T00:00:00Z",
            "2020-01-01T00:00:00Z ",
            " 2020-01-01T00:00:00Z",
            "",
            "T",
            "2020-01-01",
            "2020-01-01T",
            "2020-01-01T00:00Z",
            "2020-01-01T00:00:00+1:00",
            "2020-01-01T00:00:00-00:00",
            "2020-01-01TT00:00:00Z",
            "2020-01-01T00:00:00.+01:00",
            "2020/01/01T00:00:00Z",
            "2020-01-01T00:00:00+01:00:00",
            "2020-01-0:T00:00:00Z",
            "2020-01-0/T00:00:00Z",
            "2020-01-01T0:00:00Z",
            "2020-01-01T00:00:00.5",
            "2020-01-01T00:00:00\u{2212}01:00",
        ],
        "0123456789:-+.TtZz /é",
        1,
    );
}

#[test]
fn format_date() {
    check_format(
        "date",
        format::is_date,
        &[
            "2020-01-01",
            "2020-02-29",
            "2021-02-29",
            "2100-02-29",
            "2000-02-29",
            "1900-02-29",
            "1600-02-29",
            "2004-02-29",
            "2019-02-28",
            "2020-02-30",
            "2020-01-31",
            "2020-03-31",
            "2020-04-30",
            "2020-04-31",
            "2020-05-31",
            "2020-06-31",
            "2020-07-31",
            "2020-08-31",
            "2020-09-31",
            "2020-10-31",
            "2020-11-31",
            "2020-12-31",
            "2020-12-32",
            "2020-00-10",
            "2020-13-10",
            "2020-01-00",
            "0000-01-01",
            "9999-12-31",
            "2020-1-1",
            "20200101",
            "2020/01/01",
            "2020-01-01T00:00:00Z",
            "2020-01-01 ",
            " 2020-01-01",
            "",
            "2020-01-0a",
            "2020-0a-01",
            "202a-01-01",
            "2020_01-01",
            "\u{ff12}\u{ff10}\u{ff12}\u{ff10}-01-01",
            "2020-01-1\u{0663}",
            "-0001-01-01",
            "+2020-01-01",
            "2020-01-01\n",
            "2020-01-0:",
            "2020-01-0/",
            "2020-:1-01",
            "/020-01-01",
            "20-01-2020",
            "2020-1-01",
            "2020-01-1",
            "2020\u{2010}01-01",
        ],
        "0123456789-/: a",
        2,
    );
}

#[test]
fn format_time() {
    check_format(
        "time",
        format::is_time,
        &[
            "00:00:00Z",
            "23:59:59Z",
            "23:59:60Z",
            "23:59:60z",
            "12:00:60Z",
            "00:00:00+00:00",
            "00:00:00.5-01:30",
            "15:59:60-08:00",
            "15:59:60+08:00",
            "08:30:60+08:31",
            "00:59:60+01:00",
            "24:00:00Z",
            "23:60:00Z",
            "23:59:61Z",
            "00:00:00",
            "00:00Z",
            "00:00:00.Z",
            "0:00:00Z",
            "00:00:00 Z",
            "00:00:00+01:0",
            "00:00:00+1:00",
            "00:00:00+01:00 ",
            "00:00:00+24:00",
            "00:00:00+23:60",
            "00:00:00.123456789Z",
            "00:00:00,1Z",
            "00:00:00Zz",
            "00-00-00Z",
            "000000Z",
            "T00:00:00Z",
            "",
            "Z",
            "00:00:00+00:00Z",
            "00:00:00+0000",
            "12:34:56.7+12:34",
            "12:34:56.7-12:34",
            "12:34:5aZ",
            "1a:34:56Z",
            "12:3a:56Z",
            "23:59:60.999-00:00",
            "23:59:60.999+00:00",
            "00:00:00\u{00a0}Z",
            "\u{0661}2:00:00Z",
        ],
        "0123456789:-+.Zz ",
        3,
    );
}

#[test]
fn format_email() {
    let long_local = format!("{}@example.com", "a".repeat(64));
    let too_long_local = format!("{}@example.com", "a".repeat(65));
    let long_label = format!("a@{}.com", "b".repeat(63));
    let too_long_label = format!("a@{}.com", "b".repeat(64));
    let long_domain = format!("a@{}", vec!["c".repeat(50); 5].join(".")); // 254 characters
    let host_253 = format!("a@{}b", "c.".repeat(126));
    let host_254 = format!("a@{}bc", "c.".repeat(126));
    let label_63 = format!("a.b@x.{}", "d".repeat(63));
    let label_64 = format!("a.b@x.{}", "d".repeat(64));
    let local_64 = format!("{}.a@x.y", "b".repeat(62));
    let local_65 = format!("{}.a@x.y", "b".repeat(63));
    let cases: Vec<&str> = vec![
        "a@b.co",
        "simple@example.com",
        "very.common@example.com",
        "disposable.style.email.with+symbol@example.com",
        "other.email-with-hyphen@example.com",
        "x@example.com",
        "example-indeed@strange-example.com",
        "admin@mailserver1",
        "example@s.example",
        "\" \"@example.org",
        "\"john..doe\"@example.org",
        "mailhost!username@example.org",
        "user%example.com@example.org",
        "user-@example.org",
        "Abc.example.com",
        "A@b@c@example.com",
        "a\"b(c)d,e:f;g<h>i[j\\k]l@example.com",
        "just\"not\"right@example.com",
        "this is\"not\\allowed@example.com",
        "this\\ still\\\"not\\\\allowed@example.com",
        "i_like_underscore@but_its_not_allowed_in_this_part.example.com",
        ".a@example.com",
        "a.@example.com",
        "a..b@example.com",
        "\"\"@example.com",
        "\"a\"@example.com",
        "\"a\\\"b\"@example.com",
        "\"a\\\"@example.com",
        "\"a b\"@example.com",
        "a@[127.0.0.1]",
        "a@[IPv6:::1]",
        "a@[ipv6:::1]",
        "a@[IPv6:2001:db8::1]",
        "a@[IPv6:127.0.0.1]",
        "a@[256.0.0.1]",
        "a@[::1]",
        "a@[127.0.0.01]",
        "a@[1.2.3]",
        "a@[example.com]",
        "Name <a@example.com>",
        "<a@example.com>",
        " <a@example.com>",
        "Name <a@example.com",
        "Name <ü@example.com>",
        "\"Name <x>\" <a@example.com>",
        "a@-example.com",
        "a@example-.com",
        "a@example..com",
        "a@example.com.",
        "a@.example.com",
        "a@xn--mnchen-3ya.de",
        "a@xn--a.de",
        "a@xn--.de",
        "a@ab--cd.com",
        "a@XN--MNCHEN-3YA.de",
        "a@münchen.de",
        "ü@example.com",
        "\"ü\"@example.com",
        "a@",
        "@example.com",
        "a",
        "",
        "a@b",
        "a@1.2.3.4",
        "a@1.2.3.256",
        "a b@example.com",
        "a@exa mple.com",
        "a@example.com\n",
        "a@example_com",
        "a@exam!ple.com",
        "#!$%&'*+-/=?^_`{}|~@example.org",
        "a@[IPv6:1:2:3:4:5:6:7:8:9]",
        "a@[IPv6:fe80::1%eth0]",
        &long_local,
        &too_long_local,
        &long_label,
        &too_long_label,
        &long_domain,
        // The plain (one-pass) fast path and its edges.
        "ada@example.com",
        "Ada.Lovelace@Example.COM",
        "x--y@z.w",
        "a/b=c?d^e{f}|g~h@x.y",
        "a@123",
        "a@1-2.3",
        "a@b.c-d",
        "a@b.c--d",
        "a@bc--d.e",
        "a@b-.c",
        "a@-b.c",
        "a..@b.c",
        "a.b.@c.d",
        "a@b.c.",
        "a@@b.c",
        "a@b_c.d",
        &host_253,
        &host_254,
        &label_63,
        &label_64,
        &local_64,
        &local_65,
    ];
    check_format(
        "email",
        format::is_email,
        &cases,
        "a@.\"\\ <>[]:-_xn1ü(),;",
        4,
    );
}

#[test]
fn format_hostname() {
    let long_label = format!("{}.com", "a".repeat(63));
    let too_long_label = format!("{}.com", "a".repeat(64));
    let long_name = vec!["a".repeat(62); 4].join("."); // 251 characters
    let too_long_name = format!("{long_name}.abc");
    let cases: Vec<&str> = vec![
        "example.com",
        "a",
        "a.b",
        "localhost",
        "www.example.com",
        "1.2.3.4",
        "123",
        "a-b.c-d",
        "-a.com",
        "a-.com",
        "a..com",
        ".a.com",
        "a.com.",
        "",
        ".",
        "a_b.com",
        "a b.com",
        "ex@mple.com",
        "xn--mnchen-3ya.de",
        "xn--bcher-kva.example",
        "xn--a.de",
        "xn--.de",
        "xn---.de",
        "xn--zca.de",
        "xn--ls8h.la",
        "xn--4gbrim.xn----ymcbaaajlc6dj7bxne2c.xn--wgbh1c",
        "xn--ihqwcrb4cv8a8dqg056pqjye",
        "xn--11b5bs3a9aj6g",
        "XN--MNCHEN-3YA.de",
        "ab--cd.com",
        "a--b.com",
        "ab-cd.com",
        "--.com",
        "münchen.de",
        "\u{0430}.com",
        &long_label,
        &too_long_label,
        &long_name,
        &too_long_name,
        "xn--0ca.com",
        "xn--l-fda.com",
        "xn--ll-0ea.com",
        "xn--hxa.com",
        "xn--vxa.com",
        "xn--4db.com",
        "xn--5db.com",
        "xn--cdb.com",
        "xn--8hc.com",
        "xn--0ug.com",
        "xn--1ug.com",
        "xn--zck.com",
        "xn--lck.com",
        "xn--u9j.com",
        "xn--9kj.com",
    ];
    check_format(
        "hostname",
        format::is_hostname,
        &cases,
        "abcxn-0123.-_zA",
        5,
    );
}

#[test]
fn format_uri() {
    check_format(
        "uri",
        format::is_uri,
        &[
            "http://example.com",
            "https://example.com/path?query#frag",
            "urn:isbn:0451450523",
            "mailto:a@example.com",
            "file:///etc/passwd",
            "http://[::1]",
            "http://[::1]:8080/",
            "http://[v1.fe]/",
            "http://[vG.fe]/",
            "http://[::1",
            "http://[::1]x",
            "http://user@[::1]",
            "http://[127.0.0.1]",
            "http://[::127.0.0.1]",
            "http://[::ffff:127.0.0.1]/",
            "http://[1:2:3:4:5:6:7:8]",
            "http://[1:2:3:4:5:6:7:8:9]",
            "http://[1::2::3]",
            "http://a:b@[::1]:80",
            "http://a@b@c",
            "http://a:80:90",
            "http://a:8a",
            "http://example.com:/",
            "//example.com",
            "/path",
            "path",
            "",
            "http:",
            "http:/",
            "a:b",
            "1a:b",
            "a+b-c.d:x",
            "http://exa mple.com",
            "http://example.com/%zz",
            "http://example.com/%2",
            "http://example.com/%20",
            "http://example.com/\u{fc}",
            "http://example.com/a b",
            "http://example.com/[",
            "http://example.com?[]",
            "http://example.com#a#b",
            "http://example.com/\\",
            "http://a]b",
            "http://[::1]]",
            "ftp://ftp.is.co.za/rfc/rfc1808.txt",
            "ldap://[2001:db8::7]/c=GB?objectClass?one",
            "news:comp.infosystems.www.servers.unix",
            "tel:+1-816-555-1212",
            "telnet://192.0.2.16:80/",
            "http://[fe80::1%25eth0]/",
            "http://[::1]:abc",
            "http://user:pass@[::1]:80/p",
            "http://[]",
            "http://[v.x]",
            "http://[v1.]",
            "http://[V1a.b:c]",
            "http://[:1]",
            "http://[1:]",
            "http://[::]",
            "http://[0:0:0:0:0:0:0:0]",
            "http://[::1.2.3.4]",
            "http://[::1.2.3.256]",
            "http://[::01.2.3.4]",
            "http://[1:2:3:4:5:6:1.2.3.4]",
            "http://[1:2:3:4:5:6:7:1.2.3.4]",
            "http://[12345::1]",
            "http://[1:2:3:4:5:6:7::]",
            "http://[::1:2:3:4:5:6:7]",
            "http://[::1:2:3:4:5:6:7:8]",
            "http://[a:b]@x",
            "http://x@[::1]@y",
            "http://[::1]/[x]",
            "http://[::1]:80:80",
            "http://[::1]?a#b",
            "http://[::1]a/",
            "x:[::1]",
            "x://[::1]%41",
            "http://%41@[::1]",
            "http://%4@[::1]",
        ],
        "[]:/?#@.%1aAvV-~! ü",
        6,
    );
}

#[test]
fn format_uri_reference() {
    check_format(
        "uri-reference",
        format::is_uri_reference,
        &[
            "http://example.com",
            "//example.com",
            "//[::1]:80/a",
            "//[v7.x]",
            "//[::1",
            "/path",
            "path",
            "../a/b",
            "./a:b",
            "a:b",
            "1a:b",
            "a/b:c",
            "#frag",
            "?q",
            "",
            "%zz",
            "%41",
            "a b",
            "http://[::1]/x",
            "[::1]",
            "//[::1]x",
            "//u@[::1]",
            "//a:1:2",
            "//a:b",
            "\\\\server",
            "http://example.com/\u{fc}",
            "mailto:a@b",
            "//[1:2:3:4:5:6:7:8]",
            "//[::ffff:1.2.3.4]",
            "//[::1.2.3]",
            "a#b#c",
            "a?b?c",
            "//@",
            "//:",
            "//a@b:c",
            "///",
            "////x",
            ":a",
            "a:",
            "-a:b",
            "//[v1.:]",
            "//[V1.]",
        ],
        "[]:/?#@.%1aAvV-~! ü",
        7,
    );
}

#[test]
fn format_uuid() {
    check_format(
        "uuid",
        format::is_uuid,
        &[
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
            "123e4567-e89b-12d3-a456-426614174000",
            "123E4567-E89B-12D3-A456-426614174000",
            "123e4567-E89b-12D3-a456-426614174000",
            "123e4567e89b12d3a456426614174000",
            "{123e4567-e89b-12d3-a456-426614174000}",
            "urn:uuid:123e4567-e89b-12d3-a456-426614174000",
            "123e4567-e89b-12d3-a456-42661417400",
            "123e4567-e89b-12d3-a456-4266141740000",
            "123e4567-e89b-12d3-a456_426614174000",
            "123e4567-e89b-12d3-a4564-26614174000",
            "123e456-7e89b-12d3-a456-426614174000",
            "123e4567-e89b-12d3-a456-42661417400g",
            "g23e4567-e89b-12d3-a456-426614174000",
            "123e4567-e89b-12d3-a456-42661417400G",
            "123e4567-e89b-12d3-a456-42661417400:",
            "123e4567-e89b-12d3-a456-42661417400/",
            "123e4567-e89b-12d3-a456-42661417400@",
            "123e4567-e89b-12d3-a456-42661417400`",
            "123e4567-e89b-12d3-a456-42661417400 ",
            " 23e4567-e89b-12d3-a456-426614174000",
            "",
            "-",
            "------------------------------------",
            "123e4567-e89b-12d3-a456-42661417400\u{e9}",
            "123e4567-e89b-12d3-a456-4266141740\u{e9}",
            "123e4567+e89b-12d3-a456-426614174000",
            "123e4567-e89b+12d3-a456-426614174000",
            "123e4567-e89b-12d3+a456-426614174000",
            "123e4567-e89b-12d3-a456+426614174000",
            "01234567-89ab-cdef-0123-456789abcdef",
            "01234567-89AB-CDEF-0123-456789ABCDEF",
            "0123456789ab-cdef-0123-456789abcdef-",
            "-0123456789ab-cdef-0123-456789abcdef",
            "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
            "0000000-00000-0000-0000-000000000000",
            "00000000-0000-0000-0000-00000000000\u{0}",
            "00000000-0000-4000-8000-000000000000",
            "00000000-0000-f000-c000-000000000000",
            "\u{ff10}0000000-0000-0000-0000-00000000000",
        ],
        "0123456789abcdefABCDEFgG-{} ",
        8,
    );
}

#[test]
fn format_ipv4() {
    check_format(
        "ipv4",
        format::is_ipv4,
        &[
            "0.0.0.0",
            "127.0.0.1",
            "255.255.255.255",
            "256.0.0.1",
            "1.2.3.256",
            "192.168.0.1",
            "192.168.00.1",
            "192.168.0.01",
            "01.2.3.4",
            "0.0.0.00",
            "1.2.3",
            "1.2.3.4.5",
            "1.2.3.",
            ".1.2.3",
            "1..2.3",
            "1.2.3.4 ",
            " 1.2.3.4",
            "",
            "a.b.c.d",
            "0x7f.0.0.1",
            "127.1",
            "2130706433",
            "1.2.3.-4",
            "+1.2.3.4",
            "1.2.3.4\n",
            "1.2.3.4/24",
            "1.2.3.4:80",
            "\u{0661}.2.3.4",
            "\u{ff11}.2.3.4",
            "999.999.999.999",
            "1000.1.1.1",
            "0000.0.0.0",
            "10.0.0.1",
            "172.16.254.1",
            "1.1.1.1",
            "100.100.100.100",
            "249.250.251.252",
            "25.255.2550.2",
            "::1",
            "1:2:3:4",
            "1.2.3.4.",
            "1,2,3,4",
            "٣.2.3.4",
            "00.0.0.0",
        ],
        "0123456789. :x",
        9,
    );
}

#[test]
fn format_ipv6() {
    check_format(
        "ipv6",
        format::is_ipv6,
        &[
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7",
            "1::2::3",
            ":::",
            "1:::2",
            ":1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:",
            "::ffff:127.0.0.1",
            "::127.0.0.1",
            "::ffff:127.0.0.01",
            "::ffff:256.0.0.1",
            "::ffff:1.2.3",
            "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4",
            "1:2:3:4:5::1.2.3.4",
            "fe80::1%eth0",
            "fe80::1%1",
            "[::1]",
            "2001:db8::1",
            "2001:DB8::1",
            "2001:0db8:0000:0000:0000:0000:0000:0001",
            "2001:00db8::1",
            "12345::1",
            "g::1",
            "",
            " ::1",
            "::1 ",
            "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8",
            "1::3:4:5:6:7:8",
            "1:2:3:4:5:6::8",
            "::1:2:3:4:5:6:7:8",
            "1.2.3.4",
            "::1.2.3.4.5",
            "::ffff:1.2.3.4:1",
            "1:2:3:4:5:6:7:8::",
            "::ffff",
            "0:0:0:0:0:0:0:0",
            "abcd:ef01:2345:6789:abcd:ef01:2345:6789",
            "ABCD:EF01:2345:6789:abcd:ef01:2345:6789",
            "1::2:3:4:5:6:7",
            "\u{ff11}::1",
            "::\u{0661}",
        ],
        "0123456789abcdefABCDEFg:.% []",
        10,
    );
}

#[test]
fn hostname_punycode_labels_over_every_code_point() {
    // `format::is_hostname` is a copy of `jsonschema`'s code: an `xn--` label of every code
    // point, leading and after a letter, shows that the two agree everywhere.
    let validator = validator(&json!({"type": "string", "format": "hostname"}));
    let mut report = Report::default();
    for code in 0x80..=0x10_FFFF_u32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        for label in [format!("a{c}"), c.to_string()] {
            let hostname = format!("{}.example", idna_ascii(&label));
            let theirs = validator.is_valid(&json!(hostname));
            report.check(format::is_hostname(&hostname), theirs, || {
                format!("U+{code:04X} as {hostname}")
            });
        }
    }
    report.finish("hostname over every code point");
}

/// The `xn--` form of a label (RFC 3492 encoding), for the category test.
fn idna_ascii(label: &str) -> String {
    const BASE: u32 = 36;
    let adapt = |mut delta: u32, count: u32, first: bool| {
        delta /= if first { 700 } else { 2 };
        delta += delta / count;
        let mut k = 0;
        while delta > ((BASE - 1) * 26) / 2 {
            delta /= BASE - 1;
            k += BASE;
        }
        k + (BASE * delta) / (delta + 38)
    };
    let digit = |d: u32| -> char {
        char::from_u32(if d < 26 {
            u32::from(b'a') + d
        } else {
            u32::from(b'0') + d - 26
        })
        .expect("a Punycode digit")
    };
    let input: Vec<u32> = label.chars().map(u32::from).collect();
    let mut output: String = label.chars().filter(char::is_ascii).collect();
    let basic = u32::try_from(output.len()).expect("short label");
    if basic > 0 {
        output.push('-');
    }
    let (mut n, mut delta, mut bias, mut handled) = (128_u32, 0_u32, 72_u32, basic);
    let total = u32::try_from(input.len()).expect("short label");
    while handled < total {
        let m = *input
            .iter()
            .filter(|&&c| c >= n)
            .min()
            .expect("a code point left");
        delta += (m - n) * (handled + 1);
        n = m;
        for &c in &input {
            if c < n {
                delta += 1;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        1
                    } else if k >= bias + 26 {
                        26
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    output.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                output.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    format!("xn--{output}")
}

// --- Numbers -----------------------------------------------------------------------------------

fn number(text: &str) -> Number {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Number(n)) => n,
        other => panic!("{text} is not a JSON number: {other:?}"),
    }
}

/// Values for the numeric keywords: `u64`, `i64` and `f64` numbers around the edges where the
/// three meet.
fn number_texts() -> Vec<String> {
    let mut texts: Vec<String> = [
        "0",
        "-0",
        "0.0",
        "-0.0",
        "1",
        "-1",
        "1.0",
        "-1.0",
        "0.1",
        "0.2",
        "0.3",
        "-0.3",
        "0.30000000000000004",
        "0.7",
        "1.1",
        "1.5",
        "2",
        "2.5",
        "3",
        "4.5",
        "7",
        "10",
        "12.2",
        "19.99",
        "100",
        "3.1254",
        "47.498",
        "1070468.14",
        "0.0001",
        "1e-7",
        "1.5e-7",
        "5e-324",
        "1e-320",
        "2.2250738585072014e-308",
        "1e-300",
        "123456789.123456789",
        "9007199254740991",
        "9007199254740992",
        "9007199254740993",
        "9007199254740992.0",
        "9007199254740994.0",
        "-9007199254740993",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "9223372036854775807.0",
        "9223372036854775808.0",
        "18446744073709551615",
        "18446744073709551616",
        "18446744073709551615.0",
        "1e15",
        "1e16",
        "1e17",
        "1e19",
        "1e20",
        "1.5e20",
        "1e21",
        "1e22",
        "1e23",
        "1e38",
        "1.2e39",
        "1e40",
        "3e40",
        "1e100",
        "1e300",
        "1.7976931348623157e308",
        "-1.7976931348623157e308",
        "4.35",
        "0.035",
        "99.99",
        "1e2",
        "-1e2",
        "1.0e0",
        "6.02214076e23",
        "333333333333333.3",
        "0.1e1",
        "36028797018963968",
        "72057594037927936",
        "12345678901234567890",
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    for power in 0..64_u32 {
        texts.push((1_u64 << power).to_string());
        texts.push(format!("-{}", 1_u64 << power));
        texts.push(format!("{}.0", 1_u64 << power));
    }
    for multiple in 1..=30 {
        texts.push(format!("{}", f64::from(multiple) * 0.1));
        texts.push(format!("0.{multiple}"));
    }
    texts
}

/// A bound keyword and the orderings of value against limit that satisfy it.
type Keyword = (&'static str, fn(Ordering) -> bool);

#[test]
fn minimum_maximum_and_exclusive_bounds() {
    let texts = number_texts();
    let limits: Vec<&String> = texts.iter().step_by(3).collect();
    let mut report = Report::default();
    for limit in &limits {
        let limit_number = number(limit);
        let keywords: [Keyword; 4] = [
            ("minimum", |o| o != Ordering::Less),
            ("maximum", |o| o != Ordering::Greater),
            ("exclusiveMinimum", |o| o == Ordering::Greater),
            ("exclusiveMaximum", |o| o == Ordering::Less),
        ];
        for (keyword, accepts) in keywords {
            let schema: Value =
                serde_json::from_str(&format!("{{\"{keyword}\": {limit}}}")).expect("schema");
            let validator = validator(&schema);
            for text in &texts {
                let value = number(text);
                let theirs = validator.is_valid(&Value::Number(value.clone()));
                let ours = accepts(compare(&value, &limit_number));
                report.check(ours, theirs, || format!("{text} against {keyword} {limit}"));
            }
        }
    }
    report.finish("minimum/maximum/exclusiveMinimum/exclusiveMaximum");
}

#[test]
fn multiple_of() {
    let divisors = [
        "0.1",
        "0.01",
        "0.001",
        "0.0001",
        "0.2",
        "0.3",
        "0.5",
        "0.7",
        "1.5",
        "2.5",
        "0.25",
        "1e-5",
        "1e-7",
        "1e-300",
        "5e-324",
        "1.1",
        "3.3",
        "0.07",
        "1",
        "2",
        "3",
        "7",
        "10",
        "1.0",
        "4.0",
        "1e2",
        "9007199254740992",
        "9007199254740993",
        "1152921504606846976",
        "18446744073709551615",
        "1e20",
        "1e300",
        "123456789",
        "0.123456789",
        "33.333",
    ];
    let texts = number_texts();
    let mut report = Report::default();
    for divisor in divisors {
        let divisor_number = number(divisor);
        let schema: Value =
            serde_json::from_str(&format!("{{\"multipleOf\": {divisor}}}")).expect("schema");
        let validator = validator(&schema);
        let mut values = texts.clone();
        // Multiples and near-multiples of the divisor itself.
        if let Some(d) = divisor_number.as_f64() {
            for k in [
                1.0, 2.0, 3.0, 7.0, 10.0, 11.0, 100.0, 1e6, 1e15, 1e18, 1e25, 1e30,
            ] {
                values.push(format!("{:?}", d * k));
                values.push(format!("{:?}", -(d * k)));
                values.push(format!("{:?}", d * k + d / 2.0));
            }
        }
        for text in &values {
            let Ok(Value::Number(value)) = serde_json::from_str::<Value>(text) else {
                continue;
            };
            let theirs = validator.is_valid(&Value::Number(value.clone()));
            let ours = is_multiple_of(&value, &divisor_number);
            report.check(ours, theirs, || format!("{text} multipleOf {divisor}"));
        }
    }
    report.finish("multipleOf");
}

#[test]
fn integer_type() {
    let validator = validator(&json!({"type": "integer"}));
    let mut report = Report::default();
    for text in number_texts() {
        let value = number(&text);
        let theirs = validator.is_valid(&Value::Number(value.clone()));
        report.check(is_integer(&value), theirs, || format!("{text} as integer"));
    }
    report.finish("type integer");
}

fn json_values() -> Vec<Value> {
    let mut values = vec![
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(-0.0),
        json!(0.0),
        json!(1),
        json!(1.0),
        json!(-1),
        json!(-1.0),
        json!(1.5),
        json!(u64::MAX),
        json!(18_446_744_073_709_551_615.0),
        json!(9_007_199_254_740_993_u64),
        json!(9_007_199_254_740_992.0),
        json!(i64::MIN),
        json!(-9_223_372_036_854_775_808.0),
        json!(""),
        json!("a"),
        json!("1"),
        json!("A"),
        json!([]),
        json!([1]),
        json!([1.0]),
        json!([1, 2]),
        json!([2, 1]),
        json!([[1]]),
        json!({}),
        json!({"a": 1}),
        json!({"a": 1.0}),
        json!({"a": 2}),
        json!({"b": 1}),
        json!({"a": 1, "b": 2}),
        json!({"b": 2, "a": 1}),
        json!({"a": {"b": [0]}}),
        json!({"a": {"b": [-0.0]}}),
        json!({"a": null}),
        json!([null]),
        json!([false]),
        json!(["1"]),
    ];
    values.push(serde_json::from_str(r#"{"b": 2.0, "a": 1}"#).expect("json"));
    values
}

#[test]
fn equality_const_enum_and_unique_items() {
    let values = json_values();
    let mut report = Report::default();
    for a in &values {
        let const_validator = validator(&json!({"const": a}));
        let enum_validator = validator(&json!({"enum": [a]}));
        for b in &values {
            let ours = json_equal(a, b);
            report.check(ours, const_validator.is_valid(b), || {
                format!("{b} against const {a}")
            });
            report.check(ours, enum_validator.is_valid(b), || {
                format!("{b} against enum [{a}]")
            });
        }
    }
    let unique = validator(&json!({"uniqueItems": true}));
    // Pairs and triples, then long arrays that take the hashing path.
    for a in &values {
        for b in &values {
            let items = vec![a.clone(), b.clone()];
            report.check(unique_items(&items), unique.is_valid(&json!(items)), || {
                format!("uniqueItems {}", json!(items))
            });
            let items = vec![b.clone(), json!("x"), a.clone()];
            report.check(unique_items(&items), unique.is_valid(&json!(items)), || {
                format!("uniqueItems {}", json!(items))
            });
        }
    }
    for skip in 0..values.len() {
        for extra in [
            json!(0),
            json!(-0.0),
            json!({"a": 1.0}),
            json!([1.0]),
            json!(2.5),
        ] {
            let mut items: Vec<Value> = values
                .iter()
                .enumerate()
                .filter(|(index, _)| *index != skip)
                .map(|(_, value)| value.clone())
                .collect();
            // Drop the values the list holds twice, then add one that may repeat.
            let mut deduplicated: Vec<Value> = Vec::new();
            for item in items.drain(..) {
                if !deduplicated.iter().any(|seen| json_equal(seen, &item)) {
                    deduplicated.push(item);
                }
            }
            deduplicated.push(extra.clone());
            let ours = unique_items(&deduplicated);
            report.check(ours, unique.is_valid(&json!(deduplicated)), || {
                format!(
                    "uniqueItems over {} values plus {extra}",
                    deduplicated.len()
                )
            });
        }
    }
    let long: Vec<Value> = (0..100).map(|i| json!(i)).collect();
    report.check(unique_items(&long), unique.is_valid(&json!(long)), || {
        "0..100".to_owned()
    });
    let mut long_float = long.clone();
    long_float.push(json!(99.0));
    report.check(
        unique_items(&long_float),
        unique.is_valid(&json!(long_float)),
        || "0..100 and 99.0".to_owned(),
    );
    report.finish("const/enum/uniqueItems");
}

// --- Patterns ----------------------------------------------------------------------------------

const PATTERNS: &[&str] = &[
    // Simple enough for `Pattern`'s own automaton (ASCII sets with quantifiers and anchors).
    "^cus_[a-z0-9]+$",
    "^[A-Z]{2}\\d{4,6}$",
    "@example\\.com$",
    "^ab*c?d{0,2}e{2,}$",
    "a+?b",
    "[\\-a-c_]+$",
    "^[\\.-z]{2}",
    "x{0}y",
    "^\\w+@\\w+\\.\\w+$",
    "\\$$",
    "^[0-9a-f]{8}-[0-9a-f]{4}$",
    "^$",
    "^[a-z]+$",
    "\\d{3}",
    "^\\S+@\\S+$",
    "^\\p{L}+$",
    "^\\p{Lu}",
    "\\p{Script=Greek}",
    "^(foo|bar)$",
    "^abc",
    "xyz$",
    "^\\w+$",
    "\\s",
    "^.{2,5}$",
    "^[^0-9]*$",
    "colou?r",
    "^\\d+(\\.\\d{1,2})?$",
    "^[A-Z]{2}-\\d{4}$",
    "a.c",
    "^\\u00e9$",
    "[\\u4e00-\\u9fff]",
    "^(?:[01]\\d|2[0-3]):[0-5]\\d$",
    "^$",
    "^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$",
    "^\\+?[1-9]\\d{1,14}$",
    "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
    "^(\\d+)-\\1$",
    "^(?=.*\\d)(?=.*[a-z]).{6,}$",
    "^[\\p{L}\\p{N} ]+$",
    "\\P{L}",
    "^[^\\s]+$",
    "^.$",
    "\\bword\\b",
    "\\Bor",
    "\\b\\d+\\b",
    "a\\-b",
    "^[\\w\\-]+$",
    "\\_x",
    "a]",
    "x}",
    "^\\p{Lu}\\p{Ll}+$",
    "(?<=a)b",
    "(?<!a)b",
    "(a)\\1",
    "^[^\\W]+$",
    "^[\\s\\S]$",
    "\\x41",
    "\\cJ",
    "^(?<year>\\d{4})$",
    "^\\p{Script=Latin}+$",
    "^\\p{White_Space}$",
    "\\u{1F600}",
    "^[\\u{1F600}-\\u{1F64F}]$",
    "\\.",
    "^a{2}$",
    "^a{2,}$",
    "^(ab)*$",
    "^(a|ab)(c|bcd)$",
    "[-a]",
    "[a-]",
    "^\\/\\d$",
    "^(?!.*--).*$",
    "^(?!x)\\d+$",
    "^(?!x)\\w+$",
    "^(?!x)\\s$",
    "^(?!x)\\S+$",
    "^(?!x)[\\d\\s]+$",
    "(?<=\\d)\\D",
    "^(?=\\w)\\w+$",
    "^(?=a(?!b)).*$",
    "^(?!x)\\W",
    "^(?!x)[^\\w]$",
    "^(?!x).{3}$",
    "^(?!x)\\bé",
    "^(?=.*\\d)(?!.*\\s).+$",
];

const SUBJECTS: &[&str] = &[
    "cus_abc123",
    "cus_",
    "xcus_a1",
    "cus_a\u{e9}",
    "cus_ab\n",
    "AB12345",
    "me@example.com",
    "me@example.comx",
    "abbcddee",
    "ab$",
    "0123abcd-ef01",
    "y",
    "\u{1F600}b",
    "",
    "a",
    "abc",
    "ABC",
    "Abc",
    "abc123",
    "123",
    "12",
    "1234",
    "a1b2c3",
    "foo",
    "bar",
    "foobar",
    "a@b",
    "a b@c",
    "user@example.com",
    "user@example",
    "é",
    "É",
    "e\u{301}",
    "日本",
    "中",
    "Ωmega",
    "ω",
    "x\ny",
    "a\nc",
    "a\rc",
    "a\u{2028}c",
    "abc\n",
    "\nabc",
    " ",
    "\t",
    "\u{00a0}",
    "\u{2028}",
    "\u{3000}",
    "\u{feff}",
    "\u{85}",
    "\u{180e}",
    "color",
    "colour",
    "12.34",
    "12.345",
    "AB-1234",
    "ab-1234",
    "23:59",
    "24:00",
    "09:05",
    "😀",
    "a😀c",
    "😀😀",
    "\u{0663}",
    "\u{ff11}\u{ff12}\u{ff13}",
    "xyz",
    "axyz",
    "xyza",
    "12-12",
    "12-13",
    "abc1234",
    "a1",
    "+14155552671",
    "0123",
    "123e4567-e89b-12d3-a456-426614174000",
    "Hello World 42",
    "ǅ",
    "ᾼ",
    "Ⅻ",
    "_",
    "a_b",
    "\u{0}",
    "word",
    "a word b",
    "éwordé",
    "wordé",
    "ωwordω",
    "_word_",
    "1word1",
    "or",
    "for",
    "é1é",
    " 12 ",
    "a12",
    "a-b",
    "a\\-b",
    "x}",
    "a]",
    "_x",
    "ab",
    "bb",
    "cb",
    "aa",
    "A",
    "\n",
    "Abc",
    "ABc",
    "Ζeus",
    "2024",
    "20245",
    "Latin",
    "Ελληνικά",
    "/1",
    "-",
    "abcd",
    "abbcd",
    "abc.",
    "a.",
    "aaa",
    "\u{661}\u{662}",
    "a\r",
    "\u{e9}_1",
    "\u{661}a",
    "a\u{661}",
    "x1",
    "ab\u{3000}",
    "\u{2003}",
    "abc\u{2028}",
    "a1 b",
    "a1\u{a0}b",
];

#[test]
fn patterns() {
    let mut report = Report::default();
    for pattern in PATTERNS {
        // Backreferences and Annex B forms (a lone `]`) compile but are reported as not
        // portable; the ones here still match alike.
        if let Err(error) = check_pattern_syntax(pattern) {
            eprintln!("NOT PORTABLE {pattern:?}: {error}");
        }
        let ours = Pattern::new(pattern).expect("compiles");
        let validator = validator(&json!({"type": "string", "pattern": pattern}));
        for subject in SUBJECTS {
            let theirs = validator.is_valid(&json!(subject));
            report.check(ours.is_match(subject) == Ok(true), theirs, || {
                format!("pattern {pattern:?} on {subject:?}")
            });
        }
    }
    report.finish("pattern");
}

/// Patterns at the edges of the two readings: every one that `check_pattern_syntax` passes must
/// compile in `jsonschema` too.
const EDGE_PATTERNS: &[&str] = &[
    "\\-",
    "a]",
    "\\_",
    "[\\w-a]",
    "\\a",
    "a{",
    "a{1",
    "x{2,1",
    "\\/",
    "\\p{L}",
    "\\p{Greek}",
    "\\P{Lu}",
    "\\u{41}",
    "\\u0041",
    "\\cA",
    "\\c",
    "[\\c]",
    "\\0",
    "\\01",
    "\\8",
    "(?<a>x)\\k<a>",
    "\\k",
    "[\\b]",
    "\\b",
    "{",
    "}",
    "a{,3}",
    "[]",
    "[^]",
    "\\p{Script=Greek}",
    "\\p{sc=Grek}",
    "\\p{gc=Lu}",
    "\\p{Letter}",
    "\\p{Any}",
    "\\p{ASCII}",
    "(?i)a",
    "\\Z",
    "\\z",
    "\\A",
    "a++",
    "a*+",
    "(?:a)",
    "(?P<n>a)",
    "[[:alpha:]]",
    "[a&&b]",
    "[a--b]",
    "\\e",
    "\\x4",
    "\\x41",
    "\\u004",
    "\\ud83d\\ude00",
    "\\U0001F600",
    "(?<a>x)",
    "(a)\\1",
    "(?<=a)b",
    "(?<!a)b",
    "a(?=b)",
    "[\\d-z]",
    "[\\cA]",
    "[\\0]",
    "\\00",
    "a{2}{3}",
    "a**",
    "(?:)",
    "()",
    "a|",
    "|",
    "\\B",
    "[\\B]",
    "\\x{41}",
    "[\\-]",
    "[a\\-z]",
    "\\'",
    "\\\"",
    "\\ ",
    "\\%",
    "\\,",
    "\\;",
    "\\=",
    "\\@",
    "\\`",
    "\\!",
    "\\:",
    "\\#",
    "\\&",
    "\\~",
    "\\<",
    "\\>",
    "[\\_]",
    "[\\ ]",
    "a{2,}",
    "a{0}",
    "x*?",
    "x{1,2}?",
    "$^",
    "\\$",
    "\\^",
    "(?=a)*",
    "(?!a)+",
    "(?<=a)?",
    "\\1(a)",
    "\\2(a)",
    "(a)\\2",
    "[\\s\\S]",
    "[^\\W]",
    "\\p{IsGreek}",
    "\\p{Latin}",
    "\\p{Script_Extensions=Latin}",
    "\\p{L&}",
    "\\p{LC}",
    "\\p{White_Space}",
    "\\b+",
    "[]]",
    "[^]]",
    "\\]",
    "\\}",
    "a{1}}",
    "\\p{L}\\-x}",
    "(?<=a+)b",
    "(?<=a|bc)d",
    "(?<!a*)b",
    "(?<=(a))b",
    "(?=(a))a",
    "^(?!.*--).*$",
    "[\\p{L}--a]",
    "\\p{RGI_Emoji}",
    "[\\q{abc}]",
    "(?i:a)",
    "\\k<a>(?<a>x)",
    "^\\d{1,3}(,\\d{3})*$",
    "\\u{110000}",
    "\\p{Lu",
    "a{3,",
];

#[test]
fn accepted_patterns_compile_in_jsonschema() {
    let mut report = Report::default();
    let mut accepted = 0;
    for pattern in EDGE_PATTERNS {
        let ours = check_pattern_syntax(pattern);
        let theirs = jsonschema::options()
            .with_draft(Draft::Draft202012)
            .build(&json!({"pattern": pattern}));
        match ours {
            Ok(()) => {
                accepted += 1;
                report.check(true, theirs.is_ok(), || {
                    format!("pattern {pattern:?} passes check_pattern_syntax")
                });
                assert!(Pattern::new(pattern).is_ok(), "{pattern}");
            }
            Err(error) => eprintln!("turned down {pattern:?}: {error}"),
        }
    }
    assert!(accepted > 60, "only {accepted} edge patterns accepted");
    report.finish("pattern syntax");
}

#[test]
fn edge_patterns_match_alike() {
    let mut report = Report::default();
    for pattern in EDGE_PATTERNS {
        if check_pattern_syntax(pattern).is_err() {
            continue;
        }
        let ours = Pattern::new(pattern).expect("compiles");
        let validator = validator(&json!({"type": "string", "pattern": pattern}));
        for subject in SUBJECTS.iter().chain(EDGE_PATTERNS) {
            report.check(
                ours.is_match(subject) == Ok(true),
                validator.is_valid(&json!(subject)),
                || format!("pattern {pattern:?} on {subject:?}"),
            );
        }
    }
    report.finish("edge patterns");
}

#[test]
fn pattern_syntax_errors_are_reported() {
    for bad in [
        "(",
        "[a-",
        "a{2,1}",
        "*a",
        "(?<n>a)(?<n>b)",
        "\\p{NotAProperty}",
    ] {
        assert!(
            check_pattern_syntax(bad).is_err(),
            "{bad} should not compile"
        );
        assert!(
            jsonschema::options()
                .with_draft(Draft::Draft202012)
                .build(&json!({"pattern": bad}))
                .is_err(),
            "jsonschema compiles {bad}"
        );
    }
}

/// Property escapes (and the Unicode `\b`) read the Unicode tables of the `regex` crate here as
/// in `jsonschema`, so they agree on every code point of the planes that hold any assigned ones
/// (0 to 3 and 14; surrogates aside, which no string holds).
#[test]
fn unicode_properties_agree_on_every_code_point() {
    let letter = validator(&json!({"type": "string", "pattern": "^\\p{L}$"}));
    let boundary = validator(&json!({"type": "string", "pattern": "^.\\b"}));
    let ours_letter = Pattern::new("^\\p{L}$").expect("compiles");
    let ours_boundary = Pattern::new("^.\\b").expect("compiles");
    let mut report = Report::default();
    for code in (0x80..0x4_0000_u32).chain(0xE_0000..0xF_0000) {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let subject = c.to_string();
        report.check(
            ours_letter.is_match(&subject) == Ok(true),
            letter.is_valid(&json!(subject)),
            || format!("^\\p{{L}}$ on U+{code:04X}"),
        );
        let subject = format!("{c}a");
        report.check(
            ours_boundary.is_match(&subject) == Ok(true),
            boundary.is_valid(&json!(subject)),
            || format!("^.\\b on U+{code:04X}a"),
        );
    }
    report.finish("Unicode properties on every code point");
}

/// Random numbers in the forms documents hold: short decimals, integers of every width, floats
/// of every magnitude (the `i128` overflow of the decimal route included) and raw bit patterns.
fn random_number_texts(rng: &mut Rng, count: usize) -> Vec<String> {
    let mut texts = Vec::with_capacity(count);
    for _ in 0..count {
        let sign = if rng.below(3) == 0 { "-" } else { "" };
        let text = match rng.below(7) {
            0 => format!("{sign}{}", rng.next()),
            1 => format!("{sign}{}", rng.next() % 100_000),
            2 => format!(
                "{sign}{}.{:0width$}",
                rng.next() % 10_000,
                rng.next() % 10_u64.pow(u32::try_from(rng.below(6) + 1).expect("small")),
                width = rng.below(6) + 1
            ),
            3 => format!(
                "{sign}{}e{}",
                rng.next() % 1000,
                rng.below(600) as i64 - 320
            ),
            4 => {
                let value = f64::from_bits(rng.next());
                if value.is_finite() {
                    format!("{value:?}")
                } else {
                    "0".to_owned()
                }
            }
            5 => format!("{sign}{}.5", rng.next() >> rng.below(64)),
            _ => format!(
                "{sign}{}e{}",
                rng.next() % 100_000,
                rng.below(80) as i64 - 20
            ),
        };
        texts.push(text);
    }
    texts
}

#[test]
fn numbers_random() {
    let count = std::env::var("AGREEMENT_NUMBERS")
        .ok()
        .and_then(|count| count.parse().ok())
        .unwrap_or(1500);
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let values = random_number_texts(&mut rng, count);
    let mut divisors = random_number_texts(&mut rng, 24);
    divisors.extend(
        [
            "0.1", "0.01", "0.3", "0.7", "1e-5", "2.5", "1e-300", "3", "1e20",
        ]
        .map(str::to_owned),
    );
    let mut report = Report::default();
    for divisor in &divisors {
        let Ok(Value::Number(divisor_number)) = serde_json::from_str::<Value>(divisor) else {
            continue;
        };
        if divisor_number.as_f64().is_none_or(|d| d <= 0.0) {
            continue;
        }
        let multiple = validator(&json!({ "multipleOf": divisor_number }));
        let minimum = validator(&json!({ "minimum": divisor_number }));
        let exclusive = validator(&json!({ "exclusiveMaximum": divisor_number }));
        for text in &values {
            let Ok(Value::Number(value)) = serde_json::from_str::<Value>(text) else {
                continue;
            };
            let instance = Value::Number(value.clone());
            report.check(
                is_multiple_of(&value, &divisor_number),
                multiple.is_valid(&instance),
                || format!("{text} multipleOf {divisor}"),
            );
            let order = compare(&value, &divisor_number);
            report.check(order != Ordering::Less, minimum.is_valid(&instance), || {
                format!("{text} minimum {divisor}")
            });
            report.check(
                order == Ordering::Less,
                exclusive.is_valid(&instance),
                || format!("{text} exclusiveMaximum {divisor}"),
            );
        }
    }
    let integer = validator(&json!({"type": "integer"}));
    for text in &values {
        if let Ok(Value::Number(value)) = serde_json::from_str::<Value>(text) {
            report.check(
                is_integer(&value),
                integer.is_valid(&Value::Number(value.clone())),
                || format!("{text} as integer"),
            );
        }
    }
    report.finish("random numbers");
}

#[test]
fn string_lengths() {
    let mut report = Report::default();
    for bound in 0..=6_usize {
        let min = validator(&json!({"minLength": bound}));
        let max = validator(&json!({"maxLength": bound}));
        for subject in SUBJECTS.iter().chain(EDGE_PATTERNS) {
            let length = modelgen_runtime::char_count(subject);
            report.check(length >= bound, min.is_valid(&json!(subject)), || {
                format!("{subject:?} minLength {bound}")
            });
            report.check(length <= bound, max.is_valid(&json!(subject)), || {
                format!("{subject:?} maxLength {bound}")
            });
        }
    }
    report.finish("minLength/maxLength");
}

/// A random ECMAScript pattern from common pieces: literals, class escapes, classes, `.`,
/// anchors, groups, alternation, quantified atoms, `\b` and, now and then, lookaround.
fn random_pattern(rng: &mut Rng, depth: usize) -> String {
    const ATOMS: &[&str] = &[
        "a", "b", "é", "1", "-", "_", " ", "\\d", "\\D", "\\w", "\\W", "\\s", "\\S", ".", "[a-c]",
        "[^a]", "[\\d_]", "[^\\s]", "[\\w-]", "\\p{L}", "\\P{L}", "\\p{Nd}", "\\.", "\\-", "\\b",
        "\\B", "\\u00e9", "[é-ö]", "\\x41", "[\\s\\S]",
    ];
    let mut out = String::new();
    if rng.below(4) == 0 {
        out.push('^');
    }
    for _ in 0..=rng.below(4) {
        let atom = match rng.below(10) {
            0 if depth < 2 => format!("({})", random_pattern(rng, depth + 1)),
            1 if depth < 2 => format!(
                "(?:{}|{})",
                random_pattern(rng, depth + 1),
                random_pattern(rng, depth + 1)
            ),
            2 if depth < 2 && rng.below(3) == 0 => {
                let kind = ["?=", "?!", "?<=", "?<!"][rng.below(4)];
                format!("({kind}{})", random_pattern(rng, depth + 1))
            }
            _ => ATOMS[rng.below(ATOMS.len())].to_owned(),
        };
        out.push_str(&atom);
        // Nested quantifiers too: matching stays linear. Lookarounds and word boundaries stay
        // unquantified.
        let lookaround = ["(?=", "(?!", "(?<=", "(?<!"]
            .iter()
            .any(|opener| atom.starts_with(opener));
        if !lookaround && !atom.starts_with("\\b") && !atom.starts_with("\\B") {
            match rng.below(8) {
                0 => out.push('*'),
                1 => out.push('+'),
                2 => out.push('?'),
                3 => out.push_str("{1,2}"),
                _ => {}
            }
        }
    }
    if rng.below(4) == 0 {
        out.push('$');
    }
    out
}

#[test]
fn random_patterns() {
    let count = std::env::var("AGREEMENT_PATTERNS")
        .ok()
        .and_then(|count| count.parse().ok())
        .unwrap_or(300);
    let mut rng = Rng(0xFACE_B00C_1234_5678);
    let subjects: Vec<String> = (0..60)
        .map(|_| {
            let pieces = [
                "a", "b", "c", "é", "ö", "1", "٣", "-", "_", " ", "\u{a0}", "\n", "\r", "\u{2028}",
                ".", "A", "x",
            ];
            (0..rng.below(6))
                .map(|_| pieces[rng.below(pieces.len())])
                .collect()
        })
        .collect();
    let mut report = Report::default();
    let mut compiled = 0;
    for _ in 0..count {
        let pattern = random_pattern(&mut rng, 0);
        if check_pattern_syntax(&pattern).is_err() {
            continue;
        }
        let Ok(validator) = jsonschema::options()
            .with_draft(Draft::Draft202012)
            .build(&json!({"type": "string", "pattern": pattern}))
        else {
            report.check(true, false, || {
                format!("pattern {pattern:?} compiles in jsonschema")
            });
            continue;
        };
        compiled += 1;
        if std::env::var_os("AGREEMENT_TRACE").is_some() {
            eprintln!("PATTERN {pattern:?}");
        }
        let ours = Pattern::new(&pattern).expect("checked");
        for subject in subjects
            .iter()
            .map(String::as_str)
            .chain(SUBJECTS.iter().copied())
        {
            report.check(
                ours.is_match(subject) == Ok(true),
                validator.is_valid(&json!(subject)),
                || format!("pattern {pattern:?} on {subject:?}"),
            );
        }
    }
    assert!(
        compiled * 2 > count,
        "only {compiled} of {count} random patterns compiled"
    );
    report.finish("random patterns");
}
