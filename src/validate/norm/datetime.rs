//! Dates (`YYYY-MM-DD`) and date-times (`YYYY-MM-DD HH:MM:SS`) in GMT+8, the platform's zone.
//!
//! Accepted: the canonical forms, `/` separators, single-digit month/day/hour/minute/second, ISO 8601 with
//! `T`, fractions and `Z`/`±HH:MM` (converted to GMT+8), integer epoch milliseconds (converted to GMT+8); for
//! dates also `YYYYMMDD`. Impossible calendar values are refused. The calendar arithmetic is the proleptic
//! Gregorian "days from civil" algorithm (H. Hinnant), small enough to keep here rather than pull a crate
//! into the wasm module.

use super::number::push_padded;
use crate::input::{Input, Num};
use crate::report::violation::{DateReason, Expected, Violation};

/// The platform's zone: GMT+8, in seconds.
pub const PLATFORM_OFFSET_SECS: i64 = 8 * 3600;

/// A date and time of day in the platform's zone (GMT+8), as read from any accepted form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateTime {
    /// The year (1900–9999 in a valid value).
    pub year: i64,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
    /// 0–23.
    pub hour: u32,
    /// 0–59.
    pub minute: u32,
    /// 0–59.
    pub second: u32,
}

impl DateTime {
    /// `YYYY-MM-DD`.
    pub fn date_text(&self) -> String {
        let mut out = String::with_capacity(19);
        self.write_date(&mut out);
        out
    }
    /// `YYYY-MM-DD HH:MM:SS`.
    pub fn datetime_text(&self) -> String {
        let mut out = String::with_capacity(19);
        self.write_date(&mut out);
        for (sep, n) in [(' ', self.hour), (':', self.minute), (':', self.second)] {
            out.push(sep);
            push_padded(&mut out, u64::from(n), 2);
        }
        out
    }
    // Written by hand: the formatting machinery was a tenth of the time of a `check` of product data.
    fn write_date(&self, out: &mut String) {
        match u64::try_from(self.year) {
            Ok(y) => push_padded(out, y, 4),
            Err(_) => out.push_str(&format!("{:04}", self.year)),
        }
        out.push('-');
        push_padded(out, u64::from(self.month), 2);
        out.push('-');
        push_padded(out, u64::from(self.day), 2);
    }
    /// Seconds since 1970-01-01 00:00:00 of this wall-clock time (zone-less).
    fn wall_seconds(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
    }
    fn from_wall_seconds(secs: i64) -> DateTime {
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        DateTime { year, month, day, hour: (rem / 3600) as u32, minute: (rem % 3600 / 60) as u32, second: (rem % 60) as u32 }
    }
    /// The GMT+8 wall-clock time of a Unix time in milliseconds.
    pub fn from_epoch_millis(ms: i64) -> DateTime {
        DateTime::from_wall_seconds(ms.div_euclid(1000) + PLATFORM_OFFSET_SECS)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// Which of the two the field wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// A date.
    Date,
    /// A date and time.
    DateTime,
}

impl Want {
    fn violation(self, value: &str, reason: DateReason) -> Violation {
        let value = value.to_string();
        match self {
            Want::Date => Violation::Date { value, reason },
            Want::DateTime => Violation::Datetime { value, reason },
        }
    }
}

/// Normalize a date or date-time input to its canonical text.
pub fn normalize(input: &Input, want: Want) -> Result<String, Violation> {
    let dt = parse_input(input, want)?;
    Ok(match want {
        Want::Date => dt.date_text(),
        Want::DateTime => dt.datetime_text(),
    })
}

fn parse_input(input: &Input, want: Want) -> Result<DateTime, Violation> {
    let bad = |v: &str, reason: DateReason| want.violation(v, reason);
    match input {
        Input::Number(Num::Literal(s)) => {
            let ms: i64 = s.parse().map_err(|_| bad(s, DateReason::EpochMillis))?;
            epoch(ms).ok_or_else(|| bad(s, DateReason::YearRange))
        }
        Input::Number(Num::Double(f)) => {
            if f.fract() != 0.0 || f.abs() > 1e15 {
                return Err(bad(&super::number::format_double(*f), DateReason::EpochMillis));
            }
            epoch(*f as i64).ok_or_else(|| bad(&super::number::format_double(*f), DateReason::YearRange))
        }
        Input::JsDate(ms) if ms.is_finite() => {
            epoch(*ms as i64).ok_or_else(|| bad(&super::number::format_double(*ms), DateReason::YearRange))
        }
        Input::String(s) => {
            let folded = super::text::fold_full_width(s.trim());
            parse_text(&folded, want).map_err(|reason| bad(s.trim(), reason))
        }
        other => Err(super::number::type_error(other, if want == Want::Date { Expected::Date } else { Expected::Datetime })),
    }
}

fn epoch(ms: i64) -> Option<DateTime> {
    // Keep to years 1000–9999 in GMT+8, where the canonical four-digit year holds: from 1000-01-01 00:00:00
    // GMT+8 (eight hours before 1000-01-01 UTC) to 9999-12-31 23:59:59.999 GMT+8.
    if !(-30_610_252_800_000..=253_402_271_999_999).contains(&ms) {
        return None;
    }
    let dt = DateTime::from_epoch_millis(ms);
    (1000..=9999).contains(&dt.year).then_some(dt)
}

/// A small cursor over ASCII text.
struct Cur<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cur<'_> {
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.i;
        while self.i < self.b.len() && self.i - start < max && self.b[self.i].is_ascii_digit() {
            self.i += 1;
        }
        if self.i - start < min {
            return None;
        }
        std::str::from_utf8(&self.b[start..self.i]).ok()?.parse().ok()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn done(&self) -> bool {
        self.i == self.b.len()
    }
}

/// Parse a textual date or date-time; the error is a short reason for the message.
fn parse_text(s: &str, want: Want) -> Result<DateTime, DateReason> {
    let b = s.as_bytes();
    if b.is_empty() {
        return Err(DateReason::Syntax);
    }
    // All digits: YYYYMMDD (dates only), or epoch milliseconds.
    if b.iter().all(u8::is_ascii_digit) {
        if b.len() == 8 && want == Want::Date {
            let y: i64 = s[0..4].parse().map_err(|_| DateReason::Syntax)?;
            let m: u32 = s[4..6].parse().map_err(|_| DateReason::Syntax)?;
            let d: u32 = s[6..8].parse().map_err(|_| DateReason::Syntax)?;
            return calendar(y, m, d, 0, 0, 0);
        }
        if b.len() >= 11 && b.len() <= 15 {
            let ms: i64 = s.parse().map_err(|_| DateReason::Syntax)?;
            return epoch(ms).ok_or(DateReason::YearRange);
        }
        return Err(DateReason::Syntax);
    }
    let mut c = Cur { b, i: 0 };
    let year = c.digits(4, 4).ok_or(DateReason::Syntax)?;
    let sep = c.peek().ok_or(DateReason::Syntax)?;
    if sep != b'-' && sep != b'/' {
        return Err(DateReason::Syntax);
    }
    c.i += 1;
    let month = c.digits(1, 2).ok_or(DateReason::Syntax)?;
    if !c.eat(sep) {
        return Err(DateReason::Syntax);
    }
    let day = c.digits(1, 2).ok_or(DateReason::Syntax)?;
    if c.done() {
        if want == Want::DateTime {
            return Err(DateReason::NoTime);
        }
        return calendar(i64::from(year), month, day, 0, 0, 0);
    }
    if !(c.eat(b'T') || c.eat(b't') || c.eat(b' ')) {
        return Err(DateReason::Syntax);
    }
    while c.eat(b' ') {}
    let hour = c.digits(1, 2).ok_or(DateReason::Syntax)?;
    if !c.eat(b':') {
        return Err(DateReason::Syntax);
    }
    let minute = c.digits(1, 2).ok_or(DateReason::Syntax)?;
    let second = if c.eat(b':') { c.digits(1, 2).ok_or(DateReason::Syntax)? } else { 0 };
    if c.eat(b'.') || c.eat(b',') {
        // Fractions of a second: the canonical form has none; they are truncated, however many digits.
        c.digits(1, 9).ok_or(DateReason::Syntax)?;
        while c.peek().is_some_and(|b| b.is_ascii_digit()) {
            c.i += 1;
        }
    }
    let local = calendar(i64::from(year), month, day, hour, minute, second)?;
    // Zone: none (already GMT+8), Z, or ±HH[:MM].
    let offset_secs = match c.peek() {
        None => return Ok(local),
        Some(b'Z' | b'z') => {
            c.i += 1;
            0
        }
        Some(sign @ (b'+' | b'-')) => {
            c.i += 1;
            let h = c.digits(2, 2).ok_or(DateReason::Syntax)?;
            c.eat(b':');
            let m = if c.done() { 0 } else { c.digits(2, 2).ok_or(DateReason::Syntax)? };
            if h > 14 || m > 59 {
                return Err(DateReason::Offset);
            }
            let secs = i64::from(h * 3600 + m * 60);
            if sign == b'-' {
                -secs
            } else {
                secs
            }
        }
        Some(_) => return Err(DateReason::Syntax),
    };
    if !c.done() {
        return Err(DateReason::Syntax);
    }
    let converted = DateTime::from_wall_seconds(local.wall_seconds() - offset_secs + PLATFORM_OFFSET_SECS);
    if !(1000..=9999).contains(&converted.year) {
        return Err(DateReason::YearRange);
    }
    Ok(converted)
}

fn calendar(year: i64, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> Result<DateTime, DateReason> {
    if !(1000..=9999).contains(&year) {
        return Err(DateReason::YearRange);
    }
    if !(1..=12).contains(&month) {
        return Err(DateReason::Month);
    }
    if day == 0 || day > days_in_month(year, month) {
        return Err(DateReason::Day);
    }
    if hour > 23 || minute > 59 || second > 59 {
        return Err(DateReason::Time);
    }
    Ok(DateTime { year, month, day, hour, minute, second })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Code;
    use std::borrow::Cow;

    fn dt(v: &str) -> Result<String, Violation> {
        normalize(&Input::String(Cow::Borrowed(v)), Want::DateTime)
    }
    fn d(v: &str) -> Result<String, Violation> {
        normalize(&Input::String(Cow::Borrowed(v)), Want::Date)
    }
    fn reason(r: Result<String, Violation>) -> String {
        match r.unwrap_err() {
            Violation::Date { reason, .. } | Violation::Datetime { reason, .. } => reason.as_str().to_string(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn texts_are_zero_padded_whatever_the_year() {
        let t = |year| DateTime { year, month: 3, day: 9, hour: 0, minute: 5, second: 59 };
        assert_eq!(t(2024).datetime_text(), "2024-03-09 00:05:59");
        assert_eq!(t(7).date_text(), "0007-03-09");
        assert_eq!(t(12345).date_text(), "12345-03-09");
        assert_eq!(t(-5).date_text(), "-005-03-09");
    }

    #[test]
    fn canonical_and_variants() {
        assert_eq!(dt("2024-05-01 10:30:00").unwrap(), "2024-05-01 10:30:00");
        assert_eq!(dt("2024/5/1 9:05:07").unwrap(), "2024-05-01 09:05:07");
        assert_eq!(dt("2024-05-01T10:30").unwrap(), "2024-05-01 10:30:00");
        assert_eq!(dt("2024-05-01T02:30:00Z").unwrap(), "2024-05-01 10:30:00");
        assert_eq!(dt("2024-05-01T02:30:00.123Z").unwrap(), "2024-05-01 10:30:00");
        assert_eq!(dt("2024-04-30T23:30:00-05:00").unwrap(), "2024-05-01 12:30:00");
        assert_eq!(dt("2024-05-01T10:30:00+08:00").unwrap(), "2024-05-01 10:30:00");
        assert_eq!(dt("2023-12-31T20:00:00+0000").unwrap(), "2024-01-01 04:00:00");
        assert_eq!(d("2018-03-01").unwrap(), "2018-03-01");
        assert_eq!(d("2018/3/1").unwrap(), "2018-03-01");
        assert_eq!(d("20180301").unwrap(), "2018-03-01");
        assert_eq!(d("2018-02-28T20:00:00Z").unwrap(), "2018-03-01");
    }

    #[test]
    fn documented_edges_are_accepted() {
        // The first and last instants of years 1000 and 9999 in GMT+8, as epoch milliseconds (computed by hand:
        // Date.UTC(1000, 0, 1) = -30610224000000, minus eight hours).
        assert_eq!(epoch(-30_610_252_800_000).map(|d| d.datetime_text()), Some("1000-01-01 00:00:00".to_string()));
        assert!(epoch(-30_610_252_800_001).is_none());
        assert_eq!(epoch(253_402_271_999_999).map(|d| d.datetime_text()), Some("9999-12-31 23:59:59".to_string()));
        // Fractions of a second of any length are truncated, as documented.
        assert_eq!(dt("2024-05-01 10:30:00.123456789012").unwrap(), "2024-05-01 10:30:00");
        assert_eq!(dt("2024-05-01T02:30:00.1234567890123Z").unwrap(), "2024-05-01 10:30:00");
    }

    #[test]
    fn epoch_millis_in_gmt8() {
        // 1714530600000 = 2024-05-01T02:30:00Z (checked: 19844 days × 86400 + 9000 s).
        let n = Input::Number(Num::Literal(Cow::Borrowed("1714530600000")));
        assert_eq!(normalize(&n, Want::DateTime).unwrap(), "2024-05-01 10:30:00");
        assert_eq!(normalize(&n, Want::Date).unwrap(), "2024-05-01");
        assert_eq!(normalize(&Input::Number(Num::Literal(Cow::Borrowed("0"))), Want::DateTime).unwrap(), "1970-01-01 08:00:00");
        assert_eq!(dt("1714530600000").unwrap(), "2024-05-01 10:30:00");
    }

    #[test]
    fn impossible_values_are_refused() {
        assert_eq!(reason(d("2023-02-29")), "day");
        assert_eq!(d("2024-02-29").unwrap(), "2024-02-29");
        assert_eq!(reason(d("1900-02-29")), "day");
        assert_eq!(d("2000-02-29").unwrap(), "2000-02-29");
        assert_eq!(reason(d("2023-13-01")), "month");
        assert_eq!(reason(dt("2023-01-01 24:00:00")), "time");
        assert_eq!(reason(dt("2023-01-01 23:60:00")), "time");
        assert_eq!(reason(dt("2023-01-01")), "no_time");
        assert_eq!(reason(dt("YYYY-MM-DD HH:MM:SS")), "syntax");
        assert_eq!(reason(d("2023-01-01x")), "syntax");
        assert_eq!(reason(d("2023-01/01")), "syntax");
        assert_eq!(reason(d("0999-01-01")), "year_range");
        assert_eq!(d("").unwrap_err().code(), Code::Date);
    }

    #[test]
    fn civil_round_trip() {
        for days in [-719_468i64, -1, 0, 1, 10_957, 19_844, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(19_844), (2024, 5, 1));
    }
}
