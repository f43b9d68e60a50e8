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
    if let Some(domain) = s.strip_prefix("\"\"@") {
        return is_email(&format!("\"a\"@{domain}"));
    }
    match EmailAddress::from_str(s) {
        Ok(address) => address.local_part().is_ascii() && is_email_domain(address.domain()),
        Err(_) => false,
    }
}

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
