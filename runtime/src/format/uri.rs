//! `uri` and `uri-reference`, as `jsonschema` 0.61.2 checks them: an RFC 3986 syntax scan, and
//! for an authority holding a bracketed IP literal the parser of the `fluent-uri` crate (0.4.1).

/// `format: uri`: an absolute RFC 3986 URI, which needs a scheme (`urn:isbn:0451450523`,
/// `http://[::1]:80/a?b#c`); ASCII only, with sound percent-encodings.
#[must_use]
pub fn is_uri(s: &str) -> bool {
    check(s.as_bytes(), true).unwrap_or_else(|| parse(s.as_bytes(), true))
}

/// `format: uri-reference`: an RFC 3986 URI or relative reference (`../a`, `#frag`, `""`).
#[must_use]
pub fn is_uri_reference(s: &str) -> bool {
    check(s.as_bytes(), false).unwrap_or_else(|| parse(s.as_bytes(), false))
}

// --- The syntax scan (`jsonschema`'s `keywords/rfc3986.rs`) -----------------------------------

const REG_NAME: u8 = 1;
const COLON: u8 = 2;
const AT: u8 = 4;
const SLASH: u8 = 8;
const QUESTION: u8 = 16;
const PERCENT: u8 = 32;
const PCHAR: u8 = REG_NAME | COLON | AT;
const PATH: u8 = PCHAR | SLASH;
const QUERY: u8 = PATH | QUESTION;
const AUTHORITY: u8 = REG_NAME | COLON | AT;

const fn class_of(b: u8) -> u8 {
    if b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
        )
    {
        REG_NAME
    } else {
        match b {
            b':' => COLON,
            b'@' => AT,
            b'/' => SLASH,
            b'?' => QUESTION,
            b'%' => PERCENT,
            _ => 0,
        }
    }
}

/// Whether `bytes` is a URI (`absolute`) or URI reference; `None` for a bracketed IP literal in
/// the authority, which [`parse`] decides.
fn check(bytes: &[u8], absolute: bool) -> Option<bool> {
    let scheme = scheme_length(bytes);
    if absolute && scheme.is_none() {
        return Some(false);
    }
    let mut at = scheme.map_or(0, |length| length + 1);
    if bytes[at..].starts_with(b"//") {
        let Some(end) = scan(bytes, at + 2, AUTHORITY) else {
            return Some(false);
        };
        if matches!(bytes.get(end), Some(b'[' | b']')) {
            return None;
        }
        if !authority(&bytes[at + 2..end]) {
            return Some(false);
        }
        at = end;
    } else if scheme.is_none() && first_segment_has_colon(&bytes[at..]) {
        return Some(false);
    }
    let Some(end) = scan(bytes, at, PATH) else {
        return Some(false);
    };
    at = end;
    if bytes.get(at) == Some(&b'?') {
        let Some(end) = scan(bytes, at + 1, QUERY) else {
            return Some(false);
        };
        at = end;
    }
    if bytes.get(at) == Some(&b'#') {
        let Some(end) = scan(bytes, at + 1, QUERY) else {
            return Some(false);
        };
        at = end;
    }
    Some(at == bytes.len())
}

fn scheme_length(bytes: &[u8]) -> Option<usize> {
    if !bytes.first()?.is_ascii_alphabetic() {
        return None;
    }
    let length = bytes
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))?;
    (bytes[length] == b':').then_some(length)
}

fn first_segment_has_colon(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .find(|&&b| matches!(b, b':' | b'/' | b'?' | b'#'))
        == Some(&b':')
}

fn scan(bytes: &[u8], mut at: usize, class: u8) -> Option<usize> {
    while let Some(&b) = bytes.get(at) {
        let found = class_of(b);
        if found & class != 0 {
            at += 1;
        } else if found == PERCENT {
            if !bytes.get(at + 1..at + 3)?.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            at += 3;
        } else {
            break;
        }
    }
    Some(at)
}

fn authority(bytes: &[u8]) -> bool {
    let host_port = bytes
        .iter()
        .position(|&b| b == b'@')
        .map_or(bytes, |at| &bytes[at + 1..]);
    let host_end = host_port
        .iter()
        .position(|&b| class_of(b) & (COLON | AT) != 0)
        .unwrap_or(host_port.len());
    match host_port.get(host_end) {
        None => true,
        Some(b':') => host_port[host_end + 1..].iter().all(u8::is_ascii_digit),
        Some(_) => false,
    }
}

// --- The full parser (`fluent-uri` 0.4.1, ASCII tables) ---------------------------------------

/// A byte class of `fluent-uri`'s tables; `pct` marks one that takes percent-encodings.
#[derive(Clone, Copy)]
struct Table {
    extra: &'static [u8],
    unreserved: bool,
    sub_delims: bool,
    alpha_digit: bool,
    pct: bool,
}

impl Table {
    fn allows(self, b: u8) -> bool {
        (self.alpha_digit && b.is_ascii_alphanumeric())
            || (self.unreserved && matches!(b, b'-' | b'.' | b'_' | b'~'))
            || (self.sub_delims && b"!$&'()*+,;=".contains(&b))
            || self.extra.contains(&b)
    }
}

const fn table(extra: &'static [u8], sub_delims: bool, pct: bool) -> Table {
    Table {
        extra,
        unreserved: true,
        sub_delims,
        alpha_digit: true,
        pct,
    }
}

const T_SCHEME: Table = Table {
    extra: b"+-.",
    unreserved: false,
    sub_delims: false,
    alpha_digit: true,
    pct: false,
};
const T_HEXDIG: Table = Table {
    extra: b"ABCDEFabcdef0123456789",
    unreserved: false,
    sub_delims: false,
    alpha_digit: false,
    pct: false,
};
const T_USERINFO: Table = table(b":", true, true);
const T_IPV_FUTURE: Table = table(b":", true, false);
const T_REG_NAME: Table = table(b"", true, true);
const T_PATH: Table = table(b":@/", true, true);
const T_SEGMENT_NZ_NC: Table = table(b"@", true, true);
const T_QUERY: Table = table(b":@/?", true, true);

fn hex_value(b: u8) -> Option<u16> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u16::try_from(d).ok())
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

enum Seg {
    Normal(bool),
    Ellipsis,
    MaybeV4(bool),
    SingleColon,
}

impl Reader<'_> {
    fn has_remaining(&self) -> bool {
        self.pos < self.bytes.len()
    }

    fn peek(&self, i: usize) -> Option<u8> {
        self.bytes.get(self.pos + i).copied()
    }

    /// Reads a run of `table`; `Err` on a broken percent-encoding, else whether anything was read.
    fn read(&mut self, table: Table) -> Result<bool, ()> {
        let start = self.pos;
        let mut i = self.pos;
        while i < self.bytes.len() {
            let x = self.bytes[i];
            if table.pct && x == b'%' {
                match self.bytes.get(i + 1..i + 3) {
                    Some([hi, lo]) if hi.is_ascii_hexdigit() && lo.is_ascii_hexdigit() => i += 3,
                    _ => return Err(()),
                }
            } else if table.allows(x) {
                i += 1;
            } else {
                break;
            }
        }
        self.pos = i;
        Ok(self.pos > start)
    }

    fn read_str(&mut self, s: &str) -> bool {
        if self.bytes[self.pos..].starts_with(s.as_bytes()) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    fn read_v6(&mut self) -> bool {
        let mut ellipsis_i = 8;
        let mut i = 0;
        while i < 8 {
            match self.read_v6_segment() {
                Some(Seg::Normal(colon)) => {
                    if colon == (i == 0 || i == ellipsis_i) {
                        return false;
                    }
                    i += 1;
                }
                Some(Seg::Ellipsis) => {
                    if ellipsis_i != 8 {
                        return false;
                    }
                    ellipsis_i = i;
                }
                Some(Seg::MaybeV4(colon)) => {
                    if i > 6 || colon == (i == ellipsis_i) {
                        return false;
                    }
                    if !self.read_v4() {
                        return false;
                    }
                    i += 2;
                    break;
                }
                Some(Seg::SingleColon) => return false,
                None => break,
            }
        }
        if ellipsis_i == 8 {
            i == 8
        } else {
            i != 8
        }
    }

    fn read_v6_segment(&mut self) -> Option<Seg> {
        let colon = self.read_str(":");
        if !self.has_remaining() {
            return colon.then_some(Seg::SingleColon);
        }
        let first = self.peek(0)?;
        if hex_value(first).is_none() {
            return colon.then(|| {
                if first == b':' {
                    self.pos += 1;
                    Seg::Ellipsis
                } else {
                    Seg::SingleColon
                }
            });
        }
        let mut i = 1;
        while i < 4 {
            let Some(b) = self.peek(i) else {
                self.pos += i;
                return None;
            };
            if hex_value(b).is_some() {
                i += 1;
                continue;
            }
            if b == b'.' {
                return Some(Seg::MaybeV4(colon));
            }
            break;
        }
        self.pos += i;
        Some(Seg::Normal(colon))
    }

    fn read_v4(&mut self) -> bool {
        if !self.read_v4_octet() {
            return false;
        }
        for _ in 0..3 {
            if !self.read_str(".") || !self.read_v4_octet() {
                return false;
            }
        }
        true
    }

    fn read_v4_octet(&mut self) -> bool {
        let Some(mut value) = self.peek_digit(0) else {
            return false;
        };
        if value == 0 {
            self.pos += 1;
            return true;
        }
        for i in 1..3 {
            let Some(digit) = self.peek_digit(i) else {
                self.pos += i;
                return true;
            };
            value = value * 10 + digit;
        }
        self.pos += 3;
        value <= 255
    }

    fn peek_digit(&self, i: usize) -> Option<u32> {
        self.peek(i).and_then(|x| char::from(x).to_digit(10))
    }

    fn read_port(&mut self) {
        if self.read_str(":") {
            while self.peek_digit(0).is_some() {
                self.pos += 1;
            }
        }
    }

    /// `Ok(false)` when there is no `[`, `Err` for a broken literal.
    fn read_ip_literal(&mut self) -> Result<bool, ()> {
        if !self.read_str("[") {
            return Ok(false);
        }
        let start = self.pos;
        if !self.read_v6() {
            if self.pos != start {
                return Err(());
            }
            self.read_ipv_future()?;
        }
        if self.read_str("]") {
            Ok(true)
        } else {
            Err(())
        }
    }

    fn read_ipv_future(&mut self) -> Result<(), ()> {
        if let Some(b'v' | b'V') = self.peek(0) {
            self.pos += 1;
            if self.read(T_HEXDIG)? && self.read_str(".") && self.read(T_IPV_FUTURE)? {
                return Ok(());
            }
        }
        Err(())
    }

    fn read_host(&mut self) -> Result<(), ()> {
        if !self.read_ip_literal()? {
            // An IPv4 address or a registered name, which takes everything an address does.
            let _ = self.read_v4();
            self.read(T_REG_NAME)?;
        }
        Ok(())
    }
}

enum PathKind {
    General,
    AbEmpty,
    ContinuedNoScheme,
}

/// `fluent-uri`'s `Uri::parse` (`scheme_required`) or `UriRef::parse`.
fn parse(bytes: &[u8], scheme_required: bool) -> bool {
    parse_from_scheme(&mut Reader { bytes, pos: 0 }, scheme_required).is_ok()
}

fn parse_from_scheme(r: &mut Reader<'_>, scheme_required: bool) -> Result<(), ()> {
    r.read(T_SCHEME)?;
    if r.peek(0) == Some(b':') {
        if !(r.pos > 0 && r.bytes[0].is_ascii_alphabetic()) {
            return Err(());
        }
        r.pos += 1;
        return if r.read_str("//") {
            parse_from_authority(r)
        } else {
            parse_from_path(r, PathKind::General)
        };
    } else if scheme_required {
        return Err(());
    } else if r.pos == 0 && r.read_str("//") {
        return parse_from_authority(r);
    }
    parse_from_path(r, PathKind::ContinuedNoScheme)
}

fn parse_from_authority(r: &mut Reader<'_>) -> Result<(), ()> {
    let auth_start = r.pos;
    let mut colon_count = 0;
    let mut colon_i = 0;
    // Userinfo, registered name, `:` and port, tracking the colons.
    let mut i = r.pos;
    while i < r.bytes.len() {
        let x = r.bytes[i];
        if x == b'%' {
            match r.bytes.get(i + 1..i + 3) {
                Some([hi, lo]) if hi.is_ascii_hexdigit() && lo.is_ascii_hexdigit() => i += 3,
                _ => return Err(()),
            }
        } else if T_USERINFO.allows(x) {
            if x == b':' {
                colon_count += 1;
                colon_i = i;
            }
            i += 1;
        } else {
            break;
        }
    }
    r.pos = i;

    if r.peek(0) == Some(b'@') {
        r.pos += 1;
        r.read_host()?;
        r.read_port();
    } else if r.pos == auth_start {
        if r.read_ip_literal()? {
            r.read_port();
        }
    } else {
        match colon_count {
            0 => {}
            1 => {
                if !r.bytes[colon_i + 1..r.pos].iter().all(u8::is_ascii_digit) {
                    return Err(());
                }
            }
            _ => return Err(()),
        }
    }
    parse_from_path(r, PathKind::AbEmpty)
}

fn parse_from_path(r: &mut Reader<'_>, kind: PathKind) -> Result<(), ()> {
    match kind {
        PathKind::General => {
            r.read(T_PATH)?;
        }
        PathKind::AbEmpty => {
            let start = r.pos;
            if r.read(T_PATH)? && r.bytes[start] != b'/' {
                return Err(());
            }
        }
        PathKind::ContinuedNoScheme => {
            r.read(T_SEGMENT_NZ_NC)?;
            if r.peek(0) == Some(b':') {
                return Err(());
            }
            r.read(T_PATH)?;
        }
    }
    if r.read_str("?") {
        r.read(T_QUERY)?;
    }
    if r.read_str("#") {
        r.read(T_QUERY)?;
    }
    if r.has_remaining() {
        Err(())
    } else {
        Ok(())
    }
}
