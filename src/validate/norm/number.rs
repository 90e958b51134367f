//! Integers (Long), prices and discounts. Decimal values are exact scaled integers, never binary floats.

use super::text::fold_full_width;
use crate::input::{Input, Num};
use crate::report::violation::{Bound, Expected, IntegerReason, Violation};
use crate::value::MAX_SAFE_INTEGER;

/// A Long: a JSON integer, a JS safe integer or BigInt, or a string of digits (full-width accepted) with an
/// optional sign. Fractions, exponents and values outside i64 are refused with `integer`.
pub fn long(input: &Input) -> Result<i64, Violation> {
    match input {
        Input::Number(Num::Literal(s)) => int_text(s),
        Input::Number(Num::Double(f)) => {
            if f.fract() != 0.0 {
                Err(Violation::Integer { value: format_double(*f), reason: IntegerReason::Fraction })
            } else if f.abs() > MAX_SAFE_INTEGER as f64 {
                // The digits are already gone: 9007199254740993 arrives here as 9007199254740992.
                Err(Violation::Integer { value: format_double(*f), reason: IntegerReason::Unsafe })
            } else {
                Ok(*f as i64)
            }
        }
        Input::String(s) => int_text(s.trim()),
        other => Err(type_error(other, Expected::Integer)),
    }
}

fn int_text(s: &str) -> Result<i64, Violation> {
    let folded = fold_full_width(s);
    let t: &str = &folded;
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        let fraction = digits.contains(['.', 'e', 'E']) && digits.bytes().any(|b| b.is_ascii_digit());
        let reason = if fraction {
            IntegerReason::Fraction
        } else if grouped(digits) {
            IntegerReason::Grouped
        } else {
            IntegerReason::Syntax
        };
        return Err(Violation::Integer { value: s.to_string(), reason });
    }
    t.parse::<i64>().map_err(|_| Violation::Integer { value: s.to_string(), reason: IntegerReason::OutOfRange })
}

/// `1,200` or `12,345,678` (a comma every three digits, as spreadsheets format integers).
fn grouped(digits: &str) -> bool {
    let mut groups = digits.split(',');
    let first = groups.next().unwrap_or("");
    let mut rest = groups.peekable();
    (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && rest.peek().is_some()
        && rest.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

pub(crate) fn type_error(input: &Input, expected: Expected) -> Violation {
    Violation::Type { expected, got: input.type_name(), value: None }
}

/// A double as JS's `String(x)` writes it (ECMAScript Number::toString): the shortest digits that read back
/// as the same double, laid out as JS does — `4006381333931`, `0.1`, `1e-7`, `1e+21`, `NaN`. A number given
/// from JS thus reads the same as in the caller's code, and a JS object checks exactly like its
/// `JSON.stringify` text. The digits come from serde_json's float writer (smaller here than `{:e}`).
pub fn format_double(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if f == 0.0 {
        return "0".into();
    }
    let text = serde_json::to_string(&f).unwrap_or_default();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i64>().unwrap_or(0)),
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // value = 0.D × 10^n, with D the significant digits
    let all: String = int.chars().chain(frac.chars()).collect();
    let leading = all.len() - all.trim_start_matches('0').len();
    let d = all.trim_start_matches('0').trim_end_matches('0');
    let k = d.len() as i64;
    let n = int.len() as i64 + exponent - leading as i64;
    let mut out = String::with_capacity(k as usize + 8);
    if negative {
        out.push('-');
    }
    if k <= n && n <= 21 {
        out.push_str(d);
        out.extend(std::iter::repeat_n('0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        out.push_str(&d[..n as usize]);
        out.push('.');
        out.push_str(&d[n as usize..]);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-n) as usize));
        out.push_str(d);
    } else {
        out.push_str(&d[..1]);
        if k > 1 {
            out.push('.');
            out.push_str(&d[1..]);
        }
        out.push('e');
        out.push(if n > 0 { '+' } else { '-' });
        push_padded(&mut out, (n - 1).unsigned_abs(), 1);
    }
    out
}

/// The text of a decimal input: a number's literal, or a trimmed string.
fn decimal_text<'a>(input: &'a Input, expected: Expected) -> Result<std::borrow::Cow<'a, str>, Violation> {
    match input {
        Input::Number(Num::Literal(s)) => Ok(std::borrow::Cow::Borrowed(s)),
        Input::Number(Num::Double(f)) => Ok(std::borrow::Cow::Owned(format_double(*f))),
        Input::String(s) => Ok(std::borrow::Cow::Borrowed(s.trim())),
        other => Err(type_error(other, expected)),
    }
}

/// Why a decimal text was refused.
#[derive(Debug, PartialEq)]
enum DecErr {
    Syntax,
    /// More significant fraction digits than the scale allows.
    Precision,
    TooBig,
}

/// Parse `[+-]digits[.digits][e[+-]digits]` (thousands commas allowed in groups of three) into a value scaled
/// by 10^scale. Trailing zeros beyond the scale are fine; a non-zero digit there is `Precision`.
fn scaled(text: &str, scale: u32) -> Result<(bool, u128), DecErr> {
    let (neg, t) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exp) = match t.find(['e', 'E']) {
        Some(i) => {
            let e: i32 = t[i + 1..].parse().map_err(|_| DecErr::Syntax)?;
            (&t[..i], e)
        }
        None => (t, 0),
    };
    let (int, frac) = match mantissa.find('.') {
        Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
        None => (mantissa, ""),
    };
    let int = strip_thousands(int)?;
    if (int.is_empty() && frac.is_empty()) || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return Err(DecErr::Syntax);
    }
    // Zero is zero whatever its exponent (`0e99999999` is not too big).
    if int.bytes().chain(frac.bytes()).all(|b| b == b'0') {
        return Ok((neg, 0));
    }
    // Digits of the value, and where the point falls among them after the exponent.
    let point = int.len() as i64 + i64::from(exp);
    let mut value: u128 = 0;
    let mut pos: i64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        let d = b - b'0';
        if pos < point + i64::from(scale) {
            value = times_ten_plus(value, d).ok_or(DecErr::TooBig)?;
            if value > MAX_SCALED {
                return Err(DecErr::TooBig);
            }
        } else if d != 0 {
            return Err(DecErr::Precision);
        }
        pos += 1;
    }
    // Pad with zeros up to the scale (e.g. "12" at scale 2 → 1200).
    while pos < point + i64::from(scale) {
        if value != 0 {
            value = times_ten_plus(value, 0).filter(|v| *v <= MAX_SCALED).ok_or(DecErr::TooBig)?;
        }
        pos += 1;
        if pos > 60 {
            return Err(DecErr::TooBig);
        }
    }
    Ok((neg, value))
}

/// `value × 10 + d`, in u64 while it fits: on wasm32 a u128 multiplication is a call (`__multi3`), and these
/// digits were a tenth of a price list's check there.
fn times_ten_plus(value: u128, d: u8) -> Option<u128> {
    const SMALL: u64 = (u64::MAX - 9) / 10;
    match u64::try_from(value) {
        Ok(v) if v <= SMALL => Some(u128::from(v * 10 + u64::from(d))),
        _ => value.checked_mul(10)?.checked_add(u128::from(d)),
    }
}

/// Scaled values above this (about 10^24) are refused as `range`: no price or rate is that large.
const MAX_SCALED: u128 = 10u128.pow(28);

fn strip_thousands(int: &str) -> Result<std::borrow::Cow<'_, str>, DecErr> {
    if !int.contains(',') {
        return Ok(std::borrow::Cow::Borrowed(int));
    }
    let groups: Vec<&str> = int.split(',').collect();
    let first_ok = !groups[0].is_empty() && groups[0].len() <= 3;
    if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
        return Err(DecErr::Syntax);
    }
    Ok(std::borrow::Cow::Owned(groups.concat()))
}

fn format_scaled(value: u128, scale: u32) -> String {
    // In u64 when the value fits (a u128 division is a call on wasm32).
    let (int, frac) = match u64::try_from(value) {
        Ok(v) => (u128::from(v / 10u64.pow(scale)), u128::from(v % 10u64.pow(scale))),
        Err(_) => (value / 10u128.pow(scale), value % 10u128.pow(scale)),
    };
    match (u64::try_from(int), u64::try_from(frac)) {
        // Written by hand for the usual sizes: the formatting machinery was a tenth of a `check`'s time.
        (Ok(int), Ok(frac)) => {
            let mut out = String::with_capacity(24);
            push_padded(&mut out, int, 1);
            out.push('.');
            push_padded(&mut out, frac, scale as usize);
            out
        }
        _ => format!("{int}.{frac:0width$}", width = scale as usize),
    }
}

/// Append `n` in decimal, zero-padded to at least `width` digits.
pub fn push_padded(out: &mut String, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut i = digits.len();
    // The digits beyond u32 one at a time in u64; the rest in u32 (on wasm32 a u64 division by a constant is
    // a call to an i128 multiplication, a u32 one is not).
    while n > u64::from(u32::MAX) {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    let mut m = n as u32;
    loop {
        i -= 1;
        digits[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    // Zero padding from the buffer (already zeros), then past it for a width over 20 (never asked for).
    let start = i.min(digits.len().saturating_sub(width));
    for _ in digits.len() - start..width {
        out.push('0');
    }
    // Every byte is an ASCII digit (pushed as chars: cheaper here than validating them as a str).
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// A price: ≥ 0, at most two decimals; `¥`/`￥` prefix, thousands commas and full-width digits accepted.
/// Canonical: a string with exactly two decimals (`"1200.50"`). Returns the canonical text and the value in
/// cents (for comparisons).
pub fn price(input: &Input) -> Result<(String, u128), Violation> {
    let raw = decimal_text(input, Expected::Price)?;
    let folded = fold_full_width(&raw);
    let t = folded.trim_start_matches(['¥', '￥']).trim_start();
    match scaled(t, 2) {
        Ok((true, v)) if v != 0 => Err(Violation::Range { value: raw.into_owned(), bound: Bound::AtLeast(0), because: None }),
        Ok((_, v)) => Ok((format_scaled(v, 2), v)),
        Err(DecErr::Precision) => Err(Violation::Decimal { value: raw.into_owned(), scale: Some(2), unit: None }),
        Err(DecErr::TooBig) => Err(Violation::Range { value: raw.into_owned(), bound: Bound::TooBig, because: None }),
        Err(DecErr::Syntax) => {
            // `12.5元`, `12.5 RMB`: a price with its unit. Refused all the same (the server wants the number), but
            // the message names the fix.
            let unit = UNITS.iter().copied().find(|u| t.strip_suffix(u).is_some_and(|n| scaled(n.trim_end(), 2).is_ok()));
            Err(Violation::Decimal { value: raw.into_owned(), scale: None, unit })
        }
    }
}

/// Currency units people write after a price.
const UNITS: &[&str] = &["元", "块", "圆", "RMB", "rmb", "CNY", "cny"];

/// The value in cents of a canonical price text (as produced by [`price`]).
pub fn price_cents(canonical: &str) -> Option<u128> {
    scaled(canonical, 2).ok().map(|(_, v)| v)
}

/// A discount rate 0 < d ≤ 1 with at most four decimals. Accepts `0.9`, `9折` (0.9), `85折` (0.85),
/// `8.5折` (0.85), `90%` (0.9). Canonical: a string with four decimals (`"0.9000"`).
pub fn discount(input: &Input) -> Result<String, Violation> {
    let raw = decimal_text(input, Expected::Discount)?;
    let folded = fold_full_width(&raw);
    let t: &str = folded.trim();
    let bad_syntax = || Violation::Decimal { value: raw.to_string(), scale: None, unit: None };
    let precision = || Violation::Decimal { value: raw.to_string(), scale: Some(4), unit: None };
    let out_of_range = |hint: Option<String>| Violation::Range { value: raw.to_string(), bound: Bound::Rate { hint }, because: None };
    // In ten-thousandths: 0.9 → 9000.
    let (neg, v) = if let Some(n) = t.strip_suffix('折') {
        let n = n.trim();
        // n ≤ 10: tenths (9折, 8.5折, 10折 = no discount); 10 < n < 100: hundredths (85折).
        match scaled(n, 3) {
            Ok((neg, v)) if v <= 10_000 => (neg, v),
            Ok(_) | Err(DecErr::Precision) => match scaled(n, 2) {
                Ok((neg, v)) if v < 10_000 => (neg, v),
                Ok(_) | Err(DecErr::TooBig) => return Err(out_of_range(None)),
                Err(DecErr::Precision) => return Err(precision()),
                Err(DecErr::Syntax) => return Err(bad_syntax()),
            },
            Err(DecErr::TooBig) => return Err(out_of_range(None)),
            Err(DecErr::Syntax) => return Err(bad_syntax()),
        }
    } else if let Some(n) = t.strip_suffix(['%', '％']) {
        match scaled(n.trim(), 2) {
            Ok(x) => x,
            Err(DecErr::Precision) => return Err(precision()),
            Err(DecErr::TooBig) => return Err(out_of_range(None)),
            Err(DecErr::Syntax) => return Err(bad_syntax()),
        }
    } else {
        match scaled(t, 4) {
            Ok((neg, v)) if v > 10_000 && !neg => {
                // A bare "9" or "85" is almost certainly 折 notation: say so.
                let hint = format!("{t}折");
                return Err(out_of_range(Some(hint)));
            }
            Ok(x) => x,
            Err(DecErr::Precision) => return Err(precision()),
            Err(DecErr::TooBig) => return Err(out_of_range(None)),
            Err(DecErr::Syntax) => return Err(bad_syntax()),
        }
    };
    if neg || v == 0 || v > 10_000 {
        return Err(out_of_range(None));
    }
    Ok(format_scaled(v, 4))
}

/// A decimal quantity scaled by 10^3 (used for weights).
pub fn thousandths(text: &str) -> Option<u128> {
    match scaled(&fold_full_width(text), 3) {
        Ok((false, v)) => Some(v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Code;
    use std::borrow::Cow;

    #[test]
    fn thousands_separators_are_named_and_the_fix_given() {
        let grouped = |v: &str| matches!(long(&s(v)), Err(Violation::Integer { reason: IntegerReason::Grouped, .. }));
        assert!(grouped("1,200") && grouped("12,345,678") && grouped("-1,200"));
        assert!(!grouped("1,20") && !grouped("1200,") && !grouped(",200") && !grouped("1,2000") && !grouped("12a"));
        let v = long(&s("1,200")).expect_err("refused");
        let issue = crate::report::Issue::new("qty".into(), v, true);
        assert!(issue.message().contains("write 1200"), "{}", issue.message());
        assert!(issue.message_zh().contains("写作 1200"), "{}", issue.message_zh());
    }

    #[test]
    fn zero_with_any_exponent_is_zero() {
        assert_eq!(scaled("0e99999999", 2), Ok((false, 0)));
        assert_eq!(scaled("0.000e-99999999", 4), Ok((false, 0)));
        assert_eq!(scaled("1e99999999", 2), Err(DecErr::TooBig));
        assert_eq!(scaled("1e-99999999", 2), Err(DecErr::Precision));
    }

    #[test]
    fn scaled_digits_cross_from_u64_to_u128_exactly() {
        // Around where the u64 fast path hands over (u64::MAX / 10) and past u64, against u128 arithmetic.
        for digits in ["1844674407370955160", "1844674407370955161", "18446744073709551615", "18446744073709551616", "99999999999999999999"]
        {
            let n: u128 = digits.parse().unwrap_or_default();
            assert_eq!(scaled(digits, 0), Ok((false, n)), "{digits}");
            assert_eq!(scaled(digits, 2), Ok((false, n * 100)), "{digits}");
            assert_eq!(scaled(&format!("{digits}.5"), 4), Ok((false, n * 10_000 + 5_000)), "{digits}.5");
        }
        assert_eq!(scaled("123456789012345678901234.5", 2), Ok((false, 12_345_678_901_234_567_890_123_450)));
        assert_eq!(scaled("100000000000000000000000000", 2), Ok((false, 10u128.pow(28))), "the largest kept");
        assert_eq!(scaled("100000000000000000000000001", 2), Err(DecErr::TooBig));
        for (v, scale, text) in [(u128::from(u64::MAX), 2, "184467440737095516.15"), (u128::from(u64::MAX) + 1, 2, "184467440737095516.16")]
        {
            assert_eq!(format_scaled(v, scale), text);
        }
    }

    fn s(v: &str) -> Input<'_> {
        Input::String(Cow::Borrowed(v))
    }
    fn n(v: &str) -> Input<'_> {
        Input::Number(Num::Literal(Cow::Borrowed(v)))
    }
    fn code<T: std::fmt::Debug>(r: Result<T, Violation>) -> Code {
        r.expect_err("should fail").code()
    }

    #[test]
    fn doubles_read_as_js_string_writes_them() {
        // Expectations from `String(x)` in Node 20.
        for (f, js) in [
            (0.0, "0"),
            (-0.0, "0"),
            (1.0, "1"),
            (-2.5, "-2.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (4006381333931.0, "4006381333931"),
            (1e15, "1000000000000000"),
            (1e16, "10000000000000000"),
            (1e20, "100000000000000000000"),
            (1e21, "1e+21"),
            (1.5e21, "1.5e+21"),
            (123456.789, "123456.789"),
            (1e-5, "0.00001"),
            (1e-6, "0.000001"),
            (1e-7, "1e-7"),
            (1.234e-7, "1.234e-7"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (9007199254740993.0, "9007199254740992"),
            (0.5, "0.5"),
            (100.25, "100.25"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
        ] {
            assert_eq!(format_double(f), js, "{f:e}");
        }
    }

    #[test]
    fn hand_written_digits_agree_with_the_formatter() {
        for (n, width) in [(0u64, 1usize), (0, 4), (7, 2), (42, 2), (123, 2), (2024, 4), (10000, 4), (u64::MAX, 1), (u64::MAX, 25)] {
            let mut out = String::new();
            push_padded(&mut out, n, width);
            assert_eq!(out, format!("{n:0width$}"), "{n} width {width}");
        }
        assert_eq!(format_scaled(0, 2), "0.00");
        assert_eq!(format_scaled(12345, 2), "123.45");
        assert_eq!(format_scaled(9000, 4), "0.9000");
        assert_eq!(format_scaled(u128::from(u64::MAX) * 100 + 7, 2), format!("{}.07", u64::MAX));
        assert_eq!(format_scaled(u128::MAX, 2), format!("{}.{:02}", u128::MAX / 100, u128::MAX % 100));
    }

    #[test]
    fn longs() {
        assert_eq!(long(&n("250")), Ok(250));
        assert_eq!(long(&s(" -12 ")), Ok(-12));
        assert_eq!(long(&s("+7")), Ok(7));
        assert_eq!(long(&s("２５０")), Ok(250));
        assert_eq!(long(&n("9223372036854775807")), Ok(i64::MAX));
        assert_eq!(long(&n("9007199254740993")), Ok(9_007_199_254_740_993));
        assert_eq!(code(long(&n("9223372036854775808"))), Code::Integer);
        assert_eq!(code(long(&n("2.5"))), Code::Integer);
        assert_eq!(code(long(&n("1e3"))), Code::Integer);
        assert_eq!(code(long(&s("12a"))), Code::Integer);
        assert_eq!(code(long(&s("-"))), Code::Integer);
        assert_eq!(code(long(&Input::Bool(true))), Code::Type);
        assert_eq!(long(&Input::Number(Num::Double(42.0))), Ok(42));
        let unsafe_int = long(&Input::Number(Num::Double(9007199254740992.0 * 2.0))).unwrap_err();
        assert!(matches!(unsafe_int, Violation::Integer { reason: IntegerReason::Unsafe, .. }), "{unsafe_int:?}");
    }

    #[test]
    fn prices() {
        let p = |i: &Input| price(i).map(|(t, _)| t);
        assert_eq!(p(&s("200")), Ok("200.00".into()));
        assert_eq!(p(&n("1200.5")), Ok("1200.50".into()));
        assert_eq!(p(&s("¥1,200.50")), Ok("1200.50".into()));
        assert_eq!(p(&s("￥ １２００．５")), Ok("1200.50".into()));
        assert_eq!(p(&s("0")), Ok("0.00".into()));
        assert_eq!(p(&s("1.500")), Ok("1.50".into()));
        assert_eq!(p(&n("1.5e2")), Ok("150.00".into()));
        assert_eq!(p(&n("12345678901234567.89")), Ok("12345678901234567.89".into()));
        assert_eq!(p(&Input::Number(Num::Double(0.1))), Ok("0.10".into()));
        assert_eq!(code(p(&s("1.005"))), Code::Decimal);
        assert_eq!(code(p(&s("-1"))), Code::Range);
        assert_eq!(code(p(&s("12,00"))), Code::Decimal);
        assert_eq!(code(p(&s("abc"))), Code::Decimal);
        assert_eq!(code(p(&s("."))), Code::Decimal);
        assert_eq!(code(p(&n("1e400"))), Code::Range);
        assert_eq!(code(p(&Input::Bool(false))), Code::Type);
        assert_eq!(price_cents("1200.50"), Some(120050));
    }

    #[test]
    fn discounts() {
        assert_eq!(discount(&s("0.9")), Ok("0.9000".into()));
        assert_eq!(discount(&n("0.85")), Ok("0.8500".into()));
        assert_eq!(discount(&s("9折")), Ok("0.9000".into()));
        assert_eq!(discount(&s("85折")), Ok("0.8500".into()));
        assert_eq!(discount(&s("8.5折")), Ok("0.8500".into()));
        assert_eq!(discount(&s("10折")), Ok("1.0000".into()));
        assert_eq!(discount(&s("90%")), Ok("0.9000".into()));
        assert_eq!(discount(&s("1")), Ok("1.0000".into()));
        let nine = discount(&s("9")).unwrap_err();
        assert_eq!(nine, Violation::Range { value: "9".into(), bound: Bound::Rate { hint: Some("9折".into()) }, because: None });
        assert_eq!(code(discount(&s("0"))), Code::Range);
        assert_eq!(code(discount(&s("-0.5"))), Code::Range);
        assert_eq!(code(discount(&s("0.12345"))), Code::Decimal);
        assert_eq!(code(discount(&s("120%"))), Code::Range);
        assert_eq!(code(discount(&s("abc折"))), Code::Decimal);
    }
}
