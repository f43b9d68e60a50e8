//! The pieces the Rust emitters build their output from: identifiers, paths, string
//! literals and doc attributes as `proc-macro2` tokens.

use std::str::FromStr as _;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

/// An identifier as the naming stage writes it: `name`, or `r#name` for a keyword.
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// A string literal holding `text`, escaped by `proc-macro2`.
pub fn lit(text: &str) -> Literal {
    Literal::string(text)
}

/// A raw string literal (`r#"..."#`) holding `text`, which reads as the text itself; text
/// with characters a literal shows only escaped (controls, invisible marks) gets [`lit`].
pub fn raw_lit(text: &str) -> Literal {
    let needs_escape =
        |c: char| !matches!(c, '"' | '\\' | '\'') && c.escape_debug().next() == Some('\\');
    if text.chars().any(needs_escape) {
        return lit(text);
    }
    // One more `#` than the longest run of them after a quote in the text.
    let hashes = text
        .match_indices('"')
        .map(|(at, _)| text[at + 1..].bytes().take_while(|&b| b == b'#').count() + 1)
        .max()
        .unwrap_or(0)
        .max(1);
    let fence = "#".repeat(hashes);
    Literal::from_str(&format!("r{fence}\"{text}\"{fence}")).unwrap_or_else(|_| lit(text))
}

/// An unsuffixed integer literal (`3`), typed by where it stands.
pub fn int(value: usize) -> Literal {
    Literal::usize_unsuffixed(value)
}

/// A `u64` literal with its suffix (`3u64`).
pub fn u64_lit(value: u64) -> Literal {
    Literal::u64_suffixed(value)
}

/// An `f64` literal with its suffix that reads back as exactly `value`.
pub fn f64_lit(value: f64) -> Literal {
    Literal::f64_suffixed(value)
}

/// Rust source a configuration call or `modelgen.json` entry gave (a derive path, a type, an
/// attribute), as tokens. The shaping stage parsed every fragment with `syn` before the emitter
/// runs, so lexing cannot fail here; if it did, the output says so where the fragment goes.
pub fn fragment(text: &str) -> TokenStream {
    TokenStream::from_str(text).unwrap_or_else(|_| {
        let message = lit(&format!(
            "modelgen could not read the Rust fragment {text:?}"
        ));
        quote!(::core::compile_error!(#message);)
    })
}

/// Description Markdown as `#[doc]` attributes, a line each ([`crate::rustdoc::doc_lines`]);
/// `prettyplease` prints them as `///` comments.
pub fn doc_markdown(markdown: &str) -> TokenStream {
    let mut out = TokenStream::new();
    crate::rustdoc::each_doc_line(markdown, |line| out.extend(doc(line)));
    out
}

/// One doc comment line.
pub fn doc(line: &str) -> TokenStream {
    let text = if line.is_empty() {
        lit("")
    } else {
        lit(&format!(" {line}"))
    };
    quote!(#[doc = #text])
}

/// Tokens written back as one line of source, for messages and tests.
pub fn to_source(tokens: impl quote::ToTokens) -> String {
    tokens.into_token_stream().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_what_would_break_or_hide() {
        assert_eq!(lit("plain").to_string(), "\"plain\"");
        assert_eq!(lit("a\"b\\c\nd").to_string(), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(lit("é😀").to_string(), "\"é😀\"");
        assert_eq!(lit("x\u{202E}y").to_string(), "\"x\\u{202e}y\"");
        assert_eq!(lit("\u{0}").to_string(), "\"\\0\"");
    }

    #[test]
    fn raw_literals_need_no_escapes_and_fall_back_when_they_would() {
        assert_eq!(
            raw_lit(r#"{"a":"b\"c"}"#).to_string(),
            r###"r#"{"a":"b\"c"}"#"###
        );
        assert_eq!(
            raw_lit("say \"#not\"## done").to_string(),
            "r###\"say \"#not\"## done\"###"
        );
        assert_eq!(raw_lit("x\u{202E}y").to_string(), "\"x\\u{202e}y\"");
        assert_eq!(raw_lit("a\nb").to_string(), "\"a\\nb\"");
    }

    #[test]
    fn keywords_become_raw_identifiers() {
        assert_eq!(ident("r#type").to_string(), "r#type");
        assert_eq!(ident("name").to_string(), "name");
    }

    #[test]
    fn doc_lines_are_doc_attributes_with_a_leading_space() {
        assert_eq!(
            to_source(doc_markdown("\n\nIntro\n\n\nMore <b>\n\n")),
            "# [doc = \" Intro\"] # [doc = \"\"] # [doc = \"\"] # [doc = \" More &lt;b&gt;\"]"
        );
    }

    #[test]
    fn fragments_that_do_not_lex_say_so_in_the_output() {
        assert_eq!(to_source(fragment("Hash")), "Hash");
        assert!(to_source(fragment("\"open")).contains("compile_error"));
    }
}
