//! `format: email`, as `jsonschema` 0.61.2 checks it: the address is parsed by the
//! `email_address` crate (default options), its local part must be ASCII, and its domain must
//! be a [hostname](super::is_hostname) or a bracketed IPv4 / `IPv6:` literal.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use email_address::EmailAddress;

/// `format: email`: an RFC 5321 mailbox as `jsonschema` accepts it.
///
/// The local part is a dot-atom or a quoted string (an empty quoted string included) of at most
/// 64 bytes and ASCII only; the domain is a [hostname](super::is_hostname) or a bracketed IPv4
/// address or `IPv6:` address. A display-name form, `Name <local@domain>`, is taken too, as the
/// `email_address` crate takes it.
///
/// ```
/// use modelgen_runtime::format::is_email;
///
/// assert!(is_email("ada@example.com"));
/// assert!(is_email("\"\"@example.com"));
/// assert!(!is_email("ada@-example.com"));
/// ```
#[must_use]
pub fn is_email(s: &str) -> bool {
    // `email_address` rejects an empty quoted local part, which RFC 5321 allows; `jsonschema`
    // reads it as a quoted `a`.
    if is_plain_email(s) {
        return true;
    }
    if let Some(domain) = s.strip_prefix("\"\"@") {
        return is_email(&format!("\"a\"@{domain}"));
    }
    match EmailAddress::from_str(s) {
        Ok(address) => address.local_part().is_ascii() && is_email_domain(address.domain()),
        Err(_) => false,
    }
}

/// The common case, decided in one pass over the bytes without building an `EmailAddress`:
/// `local@host` where the local part is ASCII atoms (`atext`, see [`is_ascii_atext`]) joined by
/// single dots, of at most 64 bytes, and the host is an ASCII host name of at most 253 bytes
/// whose labels (letters, digits, hyphens; 1 to 63 bytes; a letter or digit at both ends) have
/// no `--` in their third and fourth places.
///
/// It only ever says yes where the full check would: no `"`, space or `<` (so no quoted part and
/// no display name), exactly one `@` (`@` is not `atext`), a local part that `email_address`
/// takes, and a domain that `email_address` and [`is_hostname`](super::is_hostname) take (no
/// label needs Punycode decoding); a test holds it to the crate. Anything else returns `false`
/// and goes to the full check. It keeps `from_json` near plain `serde_json`: the crate's parse
/// costs about 4,000 instructions per address.
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

/// The longest local part `email_address` takes, in bytes.
const LOCAL_PART_MAX_LENGTH: usize = 64;

/// The longest label of a domain `email_address` takes, in bytes.
const SUB_DOMAIN_MAX_LENGTH: usize = 63;

/// The domain of an address: a bracketed IPv4 literal, a bracketed `IPv6:` literal (the tag in
/// any case), or a host name.
fn is_email_domain(domain: &str) -> bool {
    const IPV6_TAG: &[u8] = b"IPv6:";
    match domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) {
        Some(literal)
            if literal
                .as_bytes()
                .get(..IPV6_TAG.len())
                .is_some_and(|tag| tag.eq_ignore_ascii_case(IPV6_TAG)) =>
        {
            literal[IPV6_TAG.len()..].parse::<Ipv6Addr>().is_ok()
        }
        Some(literal) => literal.parse::<Ipv4Addr>().is_ok(),
        None => super::is_hostname(domain),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The full check without the fast path.
    fn is_email_slow(s: &str) -> bool {
        if let Some(domain) = s.strip_prefix("\"\"@") {
            return is_email_slow(&format!("\"a\"@{domain}"));
        }
        match EmailAddress::from_str(s) {
            Ok(address) => address.local_part().is_ascii() && is_email_domain(address.domain()),
            Err(_) => false,
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
}
