//! `email` and `hostname`, as `jsonschema` 0.61.2 checks them: the address is parsed as the
//! `email_address` crate (0.2.10, default options) parses it, its local part must be ASCII, and
//! its domain must be a `hostname` or a bracketed IPv4 / `IPv6:` literal.

use std::net::{Ipv4Addr, Ipv6Addr};

use unicode_general_category::{get_general_category, GeneralCategory};

/// `format: email`: an RFC 5321 mailbox as `jsonschema` accepts it.
///
/// The local part is a dot-atom or a quoted string (an empty quoted string included) of at most
/// 64 bytes and ASCII only; the domain is a [hostname](is_hostname) or a bracketed IPv4 address or
/// `IPv6:` address. A display-name form, `Name <local@domain>`, is taken too, as the
/// `email_address` crate that `jsonschema` relies on takes it.
#[must_use]
pub fn is_email(s: &str) -> bool {
    if is_plain_email(s) {
        return true;
    }
    // `email_address` rejects an empty quoted local part, which RFC 5321 allows.
    if let Some(domain) = s.strip_prefix("\"\"@") {
        return is_email(&format!("\"a\"@{domain}"));
    }
    match parse_address(s) {
        Some((local, domain)) => local.is_ascii() && is_valid_email_domain(domain),
        None => false,
    }
}

/// The common case, decided in one pass over the bytes: `local@host` where the local part is
/// ASCII atoms (`atext`, see [`is_atext`]) joined by single dots, of at most 64 bytes, and the host
/// is an ASCII host name of at most 253 bytes whose labels (letters, digits, hyphens; 1 to 63
/// bytes; a letter or digit at both ends) have no `--` in their third and fourth places.
///
/// Every address this accepts, the full check accepts too: no `"`, space or `<` (so no quoted
/// part and no display name), exactly one `@` (`@` is not `atext`), a local part that
/// [`is_local_part`] takes, and a domain that [`is_domain`] and [`is_hostname`] take (no label
/// needs Punycode decoding). Anything else returns `false` and goes to the full check.
#[inline]
fn is_plain_email(s: &str) -> bool {
    let bytes = s.as_bytes();
    // The local part: atoms of `atext` separated by single dots.
    let mut at = 0;
    let mut atom_start = 0;
    loop {
        let Some(&b) = bytes.get(at) else {
            return false;
        };
        if b == b'@' {
            break;
        }
        if b == b'.' {
            if at == atom_start {
                return false;
            }
            atom_start = at + 1;
        } else if !is_ascii_atext(b) {
            return false;
        }
        at += 1;
    }
    if at == atom_start || at > LOCAL_PART_MAX_LENGTH {
        return false;
    }
    // The host: labels of letters, digits and hyphens.
    let host = &bytes[at + 1..];
    if host.is_empty() || host.len() > 253 {
        return false;
    }
    host.split(|&b| b == b'.').all(|label| {
        let (Some(first), Some(last)) = (label.first(), label.last()) else {
            return false;
        };
        label.len() <= SUB_DOMAIN_MAX_LENGTH
            && first.is_ascii_alphanumeric()
            && last.is_ascii_alphanumeric()
            && !(label.len() >= 4 && label[2] == b'-' && label[3] == b'-')
            && label
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

/// [`is_atext`] for an ASCII byte.
#[inline]
fn is_ascii_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'!' | b'#'
                | b'$'
                | b'%'
                | b'&'
                | b'\''
                | b'*'
                | b'+'
                | b'-'
                | b'/'
                | b'='
                | b'?'
                | b'^'
                | b'_'
                | b'`'
                | b'{'
                | b'|'
                | b'}'
                | b'~'
        )
}

fn is_valid_email_domain(domain: &str) -> bool {
    const IPV6_TAG: &[u8] = b"IPv6:";
    if let Some(literal) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) {
        if literal
            .as_bytes()
            .get(..IPV6_TAG.len())
            .is_some_and(|tag| tag.eq_ignore_ascii_case(IPV6_TAG))
        {
            literal[IPV6_TAG.len()..].parse::<Ipv6Addr>().is_ok()
        } else {
            literal.parse::<Ipv4Addr>().is_ok()
        }
    } else {
        is_hostname(domain)
    }
}

// --- `email_address` 0.2.10 with `Options::default()` ---------------------------------------

const LOCAL_PART_MAX_LENGTH: usize = 64;
const DOMAIN_MAX_LENGTH: usize = 254;
const SUB_DOMAIN_MAX_LENGTH: usize = 63;
const DISPLAY_SEP: &str = " <";

/// The local part and domain of an address `email_address` accepts, or `None`.
fn parse_address(address: &str) -> Option<(&str, &str)> {
    let (display, email) = split_display_email(address)?;
    let (local, domain) = email.rsplit_once('@')?;
    if display.is_empty() && local.starts_with('<') {
        return None;
    }
    (is_local_part(local) && is_domain(domain)).then_some((local, domain))
}

fn split_display_email(text: &str) -> Option<(&str, &str)> {
    match find_display_separator(text) {
        None => Some(("", text)),
        Some(index) => {
            let right = text[index + DISPLAY_SEP.len()..].trim();
            let email = right.strip_suffix('>')?;
            Some((text[..index].trim(), email))
        }
    }
}

fn find_display_separator(text: &str) -> Option<usize> {
    let mut in_quote = false;
    let mut escaped = false;
    let mut separator = None;
    for (index, c) in text.char_indices() {
        if !in_quote && text[index..].starts_with(DISPLAY_SEP) {
            separator = Some(index);
        }
        if escaped {
            escaped = false;
        } else if in_quote && c == '\\' {
            escaped = true;
        } else if c == '"' {
            in_quote = !in_quote;
        }
    }
    separator
}

fn is_local_part(part: &str) -> bool {
    if part.is_empty() || part.len() > LOCAL_PART_MAX_LENGTH {
        false
    } else if part.starts_with('"') && part.ends_with('"') {
        part.len() > 2 && is_qcontent(&part[1..part.len() - 1])
    } else {
        part.split('.').all(is_atom)
    }
}

fn is_domain(part: &str) -> bool {
    if part.is_empty() || part.len() > DOMAIN_MAX_LENGTH {
        false
    } else if part.starts_with('[') && part.ends_with(']') {
        part[1..part.len() - 1].chars().all(is_dtext_char)
    } else {
        part.split('.').all(|label| {
            !label.is_empty()
                && label.starts_with(char::is_alphanumeric)
                && label.ends_with(char::is_alphanumeric)
                && label.len() <= SUB_DOMAIN_MAX_LENGTH
                && is_atom(label)
        })
    }
}

fn is_atext(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '!' | '#'
                | '$'
                | '%'
                | '&'
                | '\''
                | '*'
                | '+'
                | '-'
                | '/'
                | '='
                | '?'
                | '^'
                | '_'
                | '`'
                | '{'
                | '|'
                | '}'
                | '~'
        )
        || !c.is_ascii()
}

fn is_atom(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_atext)
}

fn is_vchar(c: char) -> bool {
    ('\x21'..='\x7E').contains(&c)
}

fn is_qtext_char(c: char) -> bool {
    c == '\x21' || ('\x23'..='\x5B').contains(&c) || ('\x5D'..='\x7E').contains(&c) || !c.is_ascii()
}

fn is_qcontent(s: &str) -> bool {
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(escaped) if is_vchar(escaped) => {}
                _ => return false,
            }
        } else if !(c == ' ' || c == '\t' || is_qtext_char(c)) {
            return false;
        }
    }
    true
}

fn is_dtext_char(c: char) -> bool {
    ('\x21'..='\x5A').contains(&c) || ('\x5E'..='\x7E').contains(&c) || !c.is_ascii()
}

// --- hostname ---------------------------------------------------------------------------------

/// `format: hostname`: an RFC 1123 host name of at most 253 ASCII characters (letters, digits and
/// hyphens in dot-separated labels of 1 to 63, no leading or trailing hyphen, no trailing dot),
/// whose `xn--` labels decode to valid IDNA U-labels and whose other labels have no `--` in the
/// third and fourth positions.
#[must_use]
pub fn is_hostname(hostname: &str) -> bool {
    if !is_valid_ascii_hostname(hostname) {
        return false;
    }
    for label in hostname.split('.') {
        let bytes = label.as_bytes();
        let punycode = label.starts_with("xn--");
        if bytes.len() >= 4 && bytes[2] == b'-' && bytes[3] == b'-' && !punycode {
            return false;
        }
        if punycode {
            let Some(decoded) = decode_punycode(&label[4..]) else {
                return false;
            };
            if !is_valid_unicode_label(&decoded) {
                return false;
            }
        }
    }
    true
}

fn is_hostname_label(label: &[u8]) -> bool {
    !label.is_empty()
        && label.len() <= 63
        && label[0] != b'-'
        && label.last().is_some_and(|last| *last != b'-')
}

fn is_valid_ascii_hostname(hostname: &str) -> bool {
    let bytes = hostname.as_bytes();
    if bytes.is_empty() || bytes.len() > 253 || bytes[bytes.len() - 1] == b'.' {
        return false;
    }
    bytes
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'.')
        && bytes.split(|b| *b == b'.').all(is_hostname_label)
}

// RFC 3492 parameters for the Punycode used by IDNA.
const BASE: u32 = 36;
const TMIN: u32 = 1;
const TMAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

fn punycode_digit(byte: u8) -> Option<u32> {
    match byte {
        b'0'..=b'9' => Some(u32::from(byte - b'0') + 26),
        b'A'..=b'Z' => Some(u32::from(byte - b'A')),
        b'a'..=b'z' => Some(u32::from(byte - b'a')),
        _ => None,
    }
}

fn punycode_adapt(mut delta: u32, count: u32, first: bool) -> u32 {
    delta /= if first { DAMP } else { 2 };
    delta += delta / count;
    let mut k = 0;
    while delta > ((BASE - TMIN) * TMAX) / 2 {
        delta /= BASE - TMIN;
        k += BASE;
    }
    k + ((BASE - TMIN + 1) * delta) / (delta + SKEW)
}

/// Decodes the part of an A-label after `xn--` (RFC 3492, section 6.2).
fn decode_punycode(input: &str) -> Option<String> {
    let bytes = input.as_bytes();
    let (basic, encoded) = match bytes.iter().rposition(|&byte| byte == b'-') {
        Some(position) if position > 0 => (&bytes[..position], &bytes[position + 1..]),
        _ => (&bytes[..0], bytes),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut output: Vec<char> = basic.iter().map(|&byte| char::from(byte)).collect();
    let mut code_point = INITIAL_N;
    let mut index: u32 = 0;
    let mut bias = INITIAL_BIAS;
    let mut position = 0;
    while position < encoded.len() {
        let previous = index;
        let mut weight: u32 = 1;
        let mut k = BASE;
        loop {
            let digit = punycode_digit(*encoded.get(position)?)?;
            position += 1;
            index = index.checked_add(digit.checked_mul(weight)?)?;
            let threshold = if k <= bias {
                TMIN
            } else if k >= bias + TMAX {
                TMAX
            } else {
                k - bias
            };
            if digit < threshold {
                break;
            }
            weight = weight.checked_mul(BASE - threshold)?;
            k += BASE;
        }
        let count = u32::try_from(output.len()).ok()? + 1;
        bias = punycode_adapt(index - previous, count, previous == 0);
        code_point = code_point.checked_add(index / count)?;
        index %= count;
        output.insert(index as usize, char::from_u32(code_point)?);
        index += 1;
    }
    Some(output.into_iter().collect())
}

/// `Mn`, `Mc` or `Me`: a label must not start with one.
fn is_combining_mark(c: char) -> bool {
    matches!(
        get_general_category(c),
        GeneralCategory::SpacingMark
            | GeneralCategory::NonspacingMark
            | GeneralCategory::EnclosingMark
    )
}

/// The general categories RFC 5892 derives PVALID from: letters, non-enclosing marks and decimal
/// digits.
fn is_idna_pvalid_category(c: char) -> bool {
    matches!(
        get_general_category(c),
        GeneralCategory::UppercaseLetter
            | GeneralCategory::LowercaseLetter
            | GeneralCategory::TitlecaseLetter
            | GeneralCategory::ModifierLetter
            | GeneralCategory::OtherLetter
            | GeneralCategory::NonspacingMark
            | GeneralCategory::SpacingMark
            | GeneralCategory::DecimalNumber
    )
}

/// Virama code points after which a ZERO WIDTH JOINER may stand (RFC 5892, appendix A.2).
const VIRAMAS: &[char] = &[
    '\u{094D}',
    '\u{09CD}',
    '\u{0A4D}',
    '\u{0ACD}',
    '\u{0B4D}',
    '\u{0BCD}',
    '\u{0C4D}',
    '\u{0CCD}',
    '\u{0D4D}',
    '\u{0DCA}',
    '\u{0E3A}',
    '\u{0F84}',
    '\u{1039}',
    '\u{1714}',
    '\u{1734}',
    '\u{17D2}',
    '\u{1A60}',
    '\u{1B44}',
    '\u{1BAA}',
    '\u{1BF2}',
    '\u{1BF3}',
    '\u{2D7F}',
    '\u{A806}',
    '\u{A8C4}',
    '\u{A953}',
    '\u{ABED}',
    '\u{10A3F}',
    '\u{11046}',
    '\u{1107F}',
    '\u{110B9}',
    '\u{11133}',
    '\u{111C0}',
    '\u{11235}',
    '\u{112EA}',
    '\u{1134D}',
    '\u{11442}',
    '\u{114C2}',
    '\u{115BF}',
    '\u{1163F}',
    '\u{116B6}',
    '\u{1172B}',
    '\u{11839}',
    '\u{119E0}',
    '\u{11A34}',
    '\u{11A47}',
    '\u{11A99}',
    '\u{11C3F}',
    '\u{11D44}',
    '\u{11D45}',
    '\u{11D97}',
];

/// The RFC 5892 checks `jsonschema` applies to a decoded U-label.
fn is_valid_unicode_label(label: &str) -> bool {
    let mut chars = label.chars().peekable();
    if let Some(&first) = chars.peek() {
        if is_combining_mark(first) {
            return false;
        }
    }
    let mut previous: Option<char> = None;
    let mut has_katakana_middle_dot = false;
    let mut has_hiragana_katakana_han = false;
    let mut has_arabic_indic_digits = false;
    let mut has_extended_arabic_indic_digits = false;
    while let Some(current) = chars.next() {
        match current {
            '\u{200D}' if !previous.is_some_and(|prev| VIRAMAS.contains(&prev)) => return false,
            '\u{00B7}' if previous != Some('l') || chars.peek() != Some(&'l') => return false,
            '\u{0375}'
                if !chars
                    .peek()
                    .is_some_and(|next| ('\u{0370}'..='\u{03FF}').contains(next)) =>
            {
                return false
            }
            '\u{05F3}' | '\u{05F4}'
                if !previous.is_some_and(|prev| ('\u{0590}'..='\u{05FF}').contains(&prev)) =>
            {
                return false
            }
            '\u{30FB}' => has_katakana_middle_dot = true,
            '\u{3040}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' => {
                has_hiragana_katakana_han = true;
            }
            '\u{0660}'..='\u{0669}' => has_arabic_indic_digits = true,
            '\u{06F0}'..='\u{06F9}' => has_extended_arabic_indic_digits = true,
            '\u{0640}' | '\u{07FA}' | '\u{302E}' | '\u{302F}' | '\u{3031}' | '\u{3032}'
            | '\u{3033}' | '\u{3034}' | '\u{3035}' | '\u{303B}' => return false,
            '\u{200C}' | '\u{200D}' | '\u{00B7}' | '\u{0375}' | '\u{05F3}' | '\u{05F4}'
            | '\u{06FD}' | '\u{06FE}' | '\u{0F0B}' | '\u{3007}' => {}
            other if !other.is_ascii() && !is_idna_pvalid_category(other) => return false,
            _ => {}
        }
        previous = Some(current);
    }
    !((has_katakana_middle_dot && !has_hiragana_katakana_han)
        || (has_arabic_indic_digits && has_extended_arabic_indic_digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The full check without the fast path.
    fn is_email_slow(s: &str) -> bool {
        if let Some(domain) = s.strip_prefix("\"\"@") {
            return is_email_slow(&format!("\"a\"@{domain}"));
        }
        match parse_address(s) {
            Some((local, domain)) => local.is_ascii() && is_valid_email_domain(domain),
            None => false,
        }
    }

    #[test]
    fn the_plain_fast_path_only_accepts_what_the_full_check_accepts() {
        let alphabet: Vec<char> = "a.@-Z9_+'\"<> xn-é~!{|}`/=?^#$%&*()[],;:\\"
            .chars()
            .collect();
        let seeds = [
            "ada@example.com",
            "a.b.c@d-e.f",
            "x@y",
            "first.last+tag@sub.example.co.uk",
            "a..b@c.d",
            ".a@b.c",
            "a.@b.c",
            "a@b..c",
            "a@-b.c",
            "a@b-.c",
            "a@ab--cd.e",
            "a@xn--mnchen-3ya.de",
            "a@b.c.",
            "\"\"@a.b",
            "A <a@b.c>",
            "a@[1.2.3.4]",
            "é@a.b",
            "a@é.b",
        ];
        let long_local = format!("{}@a.b", "a".repeat(64));
        let too_long_local = format!("{}@a.b", "a".repeat(65));
        let long_label = format!("a@{}.b", "c".repeat(63));
        let too_long_label = format!("a@{}.b", "c".repeat(64));
        let long_host = format!("a@{}b", "c.".repeat(126));
        let too_long_host = format!("a@{}bc", "c.".repeat(126));
        let mut cases: Vec<String> = seeds.iter().map(|s| (*s).to_owned()).collect();
        cases.extend([
            long_local,
            too_long_local,
            long_label,
            too_long_label,
            long_host,
            too_long_host,
        ]);
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound as u64) as usize
        };
        for index in 0..seeds.len() * 4000 {
            let mut chars: Vec<char> = seeds[index % seeds.len()].chars().collect();
            for _ in 0..=next(3) {
                let position = next(chars.len() + 1);
                match next(3) {
                    0 if position < chars.len() => {
                        chars.remove(position);
                    }
                    1 if position < chars.len() => chars[position] = alphabet[next(alphabet.len())],
                    _ => chars.insert(position, alphabet[next(alphabet.len())]),
                }
            }
            cases.push(chars.into_iter().collect());
        }
        let mut fast = 0;
        for case in &cases {
            let slow = is_email_slow(case);
            if is_plain_email(case) {
                fast += 1;
                assert!(
                    slow,
                    "the fast path accepts {case:?}, the full check does not"
                );
            }
            assert_eq!(is_email(case), slow, "{case:?}");
        }
        assert!(fast > 1000, "the fast path took only {fast} cases");
    }

    #[test]
    fn punycode_round_trips_known_labels() {
        assert_eq!(decode_punycode("mnchen-3ya").as_deref(), Some("münchen"));
        assert_eq!(decode_punycode("bcher-kva").as_deref(), Some("bücher"));
        assert!(is_hostname("xn--mnchen-3ya.de"));
        assert!(!is_hostname("xn--mnchen-3yb.de-"));
    }
}
