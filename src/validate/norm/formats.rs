//! Plausibility checks on strings that stay strings: barcodes, registration numbers, weights.
//! A failure here is a warning: the server accepts the text, but it is probably a typo.

use super::number::thousandths;

/// For a GS1 barcode of 8, 12, 13 or 14 digits: `Some(expected check digit)` when the last digit is wrong,
/// `None` when it is right or the text is not such a barcode (then nothing can be said).
pub fn gtin_wrong_check_digit(s: &str) -> Option<u8> {
    let b = s.as_bytes();
    if !matches!(b.len(), 8 | 12 | 13 | 14) || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let (body, check) = b.split_at(b.len() - 1);
    // From the right, weights 3, 1, 3, 1, … over the digits before the check digit.
    let sum: u32 = body.iter().rev().enumerate().map(|(i, d)| u32::from(d - b'0') * if i % 2 == 0 { 3 } else { 1 }).sum();
    let expected = ((10 - sum % 10) % 10) as u8;
    (check[0] - b'0' != expected).then_some(expected)
}

/// GB 32100-2015 character set of the unified social credit code (no I, O, Z, S, V).
const USCC_CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// A business registration number is plausible when it is an old 15-digit registration number or an
/// 18-character unified social credit code whose check character (GB 32100) is right.
pub fn biz_register_num_plausible(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() == 15 && b.iter().all(u8::is_ascii_digit) {
        return true;
    }
    if b.len() != 18 {
        return false;
    }
    let mut sum = 0u32;
    for (i, c) in b[..17].iter().enumerate() {
        let Some(v) = USCC_CHARS.iter().position(|x| x == &c.to_ascii_uppercase()) else { return false };
        sum += v as u32 * USCC_WEIGHTS[i];
    }
    let check = (31 - sum % 31) % 31;
    b[17].to_ascii_uppercase() == USCC_CHARS[check as usize]
}

/// A weight in milligrams: a decimal number followed by a unit (千克/公斤/kg, 克/g, 斤, 两, 毫克/mg, 吨/t).
/// `None` when there is no recognizable unit: then no comparison is made.
pub fn weight_mg(s: &str) -> Option<u128> {
    let t = s.trim();
    let split = t.find(|c: char| {
        !(c.is_ascii_digit() || c == '.' || c.is_whitespace() || ('\u{FF10}'..='\u{FF19}').contains(&c) || c == '\u{FF0E}')
    })?;
    let (num, unit) = t.split_at(split);
    let unit_mg: u128 = match unit.trim().to_ascii_lowercase().as_str() {
        "千克" | "公斤" | "kg" | "kgs" => 1_000_000,
        "克" | "g" => 1_000,
        "斤" => 500_000,
        "两" => 50_000,
        "毫克" | "mg" => 1,
        "吨" | "t" => 1_000_000_000,
        _ => return None,
    };
    // thousandths × unit_mg / 1000 = milligrams
    Some(thousandths(num.trim())? * unit_mg / 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gtin_check_digits() {
        // 4006381333931 is GS1's own worked EAN-13 example; 96385074 a valid EAN-8; 036000291452 a UPC-A.
        assert_eq!(gtin_wrong_check_digit("4006381333931"), None);
        assert_eq!(gtin_wrong_check_digit("4006381333932"), Some(1));
        assert_eq!(gtin_wrong_check_digit("96385074"), None);
        assert_eq!(gtin_wrong_check_digit("036000291452"), None);
        assert_eq!(gtin_wrong_check_digit("036000291453"), Some(2));
        assert_eq!(gtin_wrong_check_digit("14006381333938"), None);
        // The seed's 11-digit example is no GTIN length: nothing to say.
        assert_eq!(gtin_wrong_check_digit("96295629652"), None);
        assert_eq!(gtin_wrong_check_digit("ABC"), None);
    }

    #[test]
    fn unified_social_credit_codes() {
        // 91350100M000100Y43 is the example code printed with GB 32100-2015 explanations.
        assert!(biz_register_num_plausible("91350100M000100Y43"));
        assert!(!biz_register_num_plausible("91350100M000100Y44"));
        assert!(biz_register_num_plausible("310114002150000"));
        assert!(!biz_register_num_plausible("31011400215000"));
        assert!(!biz_register_num_plausible("91350100M000100YI3"));
    }

    #[test]
    fn weights() {
        assert_eq!(weight_mg("0.5千克"), Some(500_000));
        assert_eq!(weight_mg("500克"), Some(500_000));
        assert_eq!(weight_mg("0.5kg"), Some(500_000));
        assert_eq!(weight_mg("500 g"), Some(500_000));
        assert_eq!(weight_mg("1斤"), Some(500_000));
        assert_eq!(weight_mg("0.4KG"), Some(400_000));
        assert_eq!(weight_mg("0.5"), None);
        assert_eq!(weight_mg("heavy"), None);
    }
}
