//! String helpers: full-width folding, UTF-16 length, characters XML 1.0 cannot carry.

use std::borrow::Cow;

/// Fold full-width digits, sign, point and comma (common from Chinese IMEs) to ASCII. Borrows when no change.
pub fn fold_full_width(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || !s.chars().any(is_full_width_numeric) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| if is_full_width_numeric(c) { char::from_u32(c as u32 - 0xFEE0).unwrap_or(c) } else { c }).collect())
}

fn is_full_width_numeric(c: char) -> bool {
    // ０-９ and ＋ ， － ．
    matches!(c, '\u{FF10}'..='\u{FF19}' | '\u{FF0B}' | '\u{FF0C}' | '\u{FF0D}' | '\u{FF0E}')
}

/// Length in UTF-16 code units, as Java's `String.length()` counts (what the SDK's max-length check uses).
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// The first character XML 1.0 cannot carry (C0 controls other than tab, LF, CR; U+FFFE; U+FFFF), with its
/// index in characters. Lone surrogates cannot occur in a Rust string: the JS binding reports them itself.
pub fn first_xml_invalid(s: &str) -> Option<(usize, char)> {
    s.chars().enumerate().find(|(_, c)| !is_xml_char(*c))
}

/// Whether XML 1.0 can carry the character (a control character other than tab, newline and return cannot).
pub fn is_xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// `U+0001` style name of a character, for messages.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_only_numeric_full_width() {
        assert_eq!(fold_full_width("１２３．５０"), "123.50");
        assert_eq!(fold_full_width("－１，０００"), "-1,000");
        assert_eq!(fold_full_width("Ａ１"), "Ａ1");
        assert!(matches!(fold_full_width("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn utf16_counts_like_java() {
        assert_eq!(utf16_len("abc"), 3);
        assert_eq!(utf16_len("圆圆"), 2);
        assert_eq!(utf16_len("😀"), 2);
    }

    #[test]
    fn xml_invalid_characters() {
        assert_eq!(first_xml_invalid("ok\t\n\r"), None);
        assert_eq!(first_xml_invalid("a\u{1}b"), Some((1, '\u{1}')));
        assert_eq!(first_xml_invalid("\u{FFFF}"), Some((0, '\u{FFFF}')));
        assert_eq!(code_point('\u{1}'), "U+0001");
    }
}
