//! The TOP request signature, as the official SDKs compute it. Exported on its own: users sign other platform
//! APIs with it too. Digests come from the RustCrypto crates.

use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use sha2::Sha256;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
/// How a request is signed (`sign_method`).
pub enum SignMethod {
    /// MD5 of secret + params + secret.
    Md5,
    /// HMAC-MD5 keyed by the secret.
    Hmac,
    /// HMAC-SHA256 keyed by the secret.
    HmacSha256,
}

impl SignMethod {
    /// Every sign method.
    pub const ALL: [SignMethod; 3] = [SignMethod::Md5, SignMethod::Hmac, SignMethod::HmacSha256];
    /// The method named `s` (`md5`, `hmac`, `hmac-md5`, `hmac-sha256`), in any case; `None` for another name.
    pub fn parse(s: &str) -> Option<SignMethod> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md5" => Some(SignMethod::Md5),
            "hmac" | "hmac-md5" => Some(SignMethod::Hmac),
            "hmac-sha256" | "hmac_sha256" => Some(SignMethod::HmacSha256),
            _ => None,
        }
    }
    /// The `sign_method` parameter value.
    pub fn as_str(self) -> &'static str {
        match self {
            SignMethod::Md5 => "md5",
            SignMethod::Hmac => "hmac",
            SignMethod::HmacSha256 => "hmac-sha256",
        }
    }
}

/// Java's `Character.isWhitespace`, which the SDK's `StringUtils.isEmpty` applies to every character: the
/// space, line and paragraph separators except the no-break ones (U+00A0, U+2007, U+202F), plus U+0009–U+000D
/// and U+001C–U+001F. Not Unicode `White_Space` (Rust's `trim`): that one also holds U+0085 and the no-break
/// spaces and lacks U+001C–U+001F, so a parameter of `"\u{a0}"` would be dropped here and signed by the SDK.
pub fn java_whitespace(c: char) -> bool {
    matches!(c,
        '\u{9}'..='\u{d}' | '\u{1c}'..='\u{1f}' | ' ' | '\u{1680}' | '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200a}'
        | '\u{2028}' | '\u{2029}' | '\u{205f}' | '\u{3000}')
}

/// Whether the SDK treats a parameter key or value as empty (and leaves it out of the request and the
/// signature): empty, or only Java whitespace.
pub fn blank(s: &str) -> bool {
    s.chars().all(java_whitespace)
}

/// The string the signature covers: params with a blank key or value dropped, sorted by key in byte order,
/// each key followed by its value, then the body if any.
pub fn string_to_sign<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>, body: Option<&str>) -> String {
    joined(params.into_iter().filter(|(k, v)| !blank(k) && !blank(v)).collect(), body)
}

/// The kept params sorted and joined (not generic: one copy for every caller's iterator, through the crate's
/// one sort).
fn joined(kept: Vec<(&str, &str)>, body: Option<&str>) -> String {
    let order = crate::order::indices(kept.len(), &|a, b| kept[a].0.as_bytes().cmp(kept[b].0.as_bytes()));
    let mut s = String::with_capacity(kept.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>() + body.map_or(0, str::len));
    for (k, v) in order.iter().map(|&i| kept[i as usize]) {
        s.push_str(k);
        s.push_str(v);
    }
    if let Some(b) = body {
        s.push_str(b);
    }
    s
}

/// Sign params (and an optional body) with the secret: uppercase hex. UTF-8 throughout.
pub fn sign_params<'a>(
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
    secret: &str,
    method: SignMethod,
    body: Option<&str>,
) -> String {
    let s = string_to_sign(params, body);
    let bytes: Vec<u8> = match method {
        SignMethod::Md5 => {
            let mut h = Md5::new();
            h.update(secret.as_bytes());
            h.update(s.as_bytes());
            h.update(secret.as_bytes());
            h.finalize().to_vec()
        }
        // new_from_slice accepts keys of any length for HMAC; the error arm cannot happen.
        SignMethod::Hmac => match Hmac::<Md5>::new_from_slice(secret.as_bytes()) {
            Ok(mut m) => {
                m.update(s.as_bytes());
                m.finalize().into_bytes().to_vec()
            }
            Err(_) => Vec::new(),
        },
        SignMethod::HmacSha256 => match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
            Ok(mut m) => {
                m.update(s.as_bytes());
                m.finalize().into_bytes().to_vec()
            }
            Err(_) => Vec::new(),
        },
    };
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the platform's "API调用方法详解" page (docId 101617): params, secret `helloworld`, and its
    /// MD5 sign 66987CB1…; the HMAC-MD5 and HMAC-SHA256 values were computed independently with Python's
    /// hashlib/hmac over the page's concatenated string.
    const DOC_PARAMS: [(&str, &str); 9] = [
        ("method", "taobao.item.seller.get"),
        ("app_key", "12345678"),
        ("session", "test"),
        ("timestamp", "2016-01-01 12:00:00"),
        ("format", "json"),
        ("v", "2.0"),
        ("sign_method", "md5"),
        ("fields", "num_iid,title,nick,price,num"),
        ("num_iid", "11223344"),
    ];

    #[test]
    fn the_platform_documentation_vector() {
        assert_eq!(
            string_to_sign(DOC_PARAMS, None),
            "app_key12345678fieldsnum_iid,title,nick,price,numformatjsonmethodtaobao.item.seller.getnum_iid11223344sessiontestsign_methodmd5timestamp2016-01-01 12:00:00v2.0"
        );
        assert_eq!(sign_params(DOC_PARAMS, "helloworld", SignMethod::Md5, None), "66987CB115214E59E6EC978214934FB8");
        assert_eq!(sign_params(DOC_PARAMS, "helloworld", SignMethod::Hmac, None), "B4DDA503460D60A86B16E950E5D303E9");
        assert_eq!(
            sign_params(DOC_PARAMS, "helloworld", SignMethod::HmacSha256, None),
            "6B7EB7E1C35D068D69538D80282A37DFBF29B4DB11B451881AF51890626138B3"
        );
    }

    #[test]
    fn blank_params_are_dropped_and_order_does_not_matter() {
        let mut reversed = DOC_PARAMS;
        reversed.reverse();
        let with_blanks = DOC_PARAMS.iter().copied().chain([("partner_id", "  "), ("", "x"), ("simplify", "")]);
        let want = sign_params(DOC_PARAMS, "helloworld", SignMethod::Md5, None);
        assert_eq!(sign_params(reversed, "helloworld", SignMethod::Md5, None), want);
        assert_eq!(sign_params(with_blanks, "helloworld", SignMethod::Md5, None), want);
    }

    /// Every character where Java's `Character.isWhitespace` and Unicode `White_Space` disagree, written from
    /// the JDK's documentation (not from `java_whitespace`): the SDK drops a value of only these characters iff
    /// Java calls them whitespace.
    #[test]
    fn blank_follows_java_where_it_differs_from_unicode() {
        let java_only = ['\u{1c}', '\u{1d}', '\u{1e}', '\u{1f}'];
        let unicode_only = ['\u{85}', '\u{a0}', '\u{2007}', '\u{202f}'];
        for c in java_only {
            assert!(!c.is_whitespace(), "{c:?}");
            assert!(blank(&c.to_string()), "Java drops {c:?}");
            assert_eq!(string_to_sign([("a", "1"), ("b", c.to_string().as_str())], None), "a1");
        }
        for c in unicode_only {
            assert!(c.is_whitespace(), "{c:?}");
            assert!(!blank(&c.to_string()), "Java signs {c:?}");
            assert_eq!(string_to_sign([("b", c.to_string().as_str())], None), format!("b{c}"));
        }
        // Everywhere else in the BMP the two rules agree.
        for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
            if !java_only.contains(&c) && !unicode_only.contains(&c) {
                assert_eq!(blank(&c.to_string()), c.is_whitespace(), "{c:?}");
            }
        }
        assert!(blank("") && blank(" \t\u{3000}") && !blank(" x "));
    }

    #[test]
    fn the_body_is_appended_after_the_sorted_params() {
        assert_eq!(string_to_sign([("b", "2"), ("a", "1")], Some("<request/>")), "a1b2<request/>");
    }
}
