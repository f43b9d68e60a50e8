//! `format: hostname`, as `jsonschema` 0.61.2 checks it.
//!
//! This is a copy of `jsonschema`'s own code (`keywords/format.rs`: `is_valid_hostname`, its
//! Punycode decoder and its RFC 5892 label rules), kept because no crate exposes it:
//! `jsonschema` keeps these functions private, and the `idna` crate, which has a Punycode
//! decoder (`idna::punycode::decode_to_string`, which `jsonschema`'s tests hold its decoder to),
//! would bring the ICU normalization tables into every build that reads a model, while
//! `jsonschema` itself, built without default features as the oracle is here, uses this copy.
//! General categories come from `unicode-general-category`, as in `jsonschema`.

use unicode_general_category::{get_general_category, GeneralCategory};

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

    #[test]
    fn punycode_round_trips_known_labels() {
        assert_eq!(decode_punycode("mnchen-3ya").as_deref(), Some("münchen"));
        assert_eq!(decode_punycode("bcher-kva").as_deref(), Some("bücher"));
        assert!(is_hostname("xn--mnchen-3ya.de"));
        assert!(!is_hostname("xn--mnchen-3yb.de-"));
    }
}
