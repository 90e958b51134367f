//! `buildRequest` never panics, in both modes and with every sign method, and never puts the secret into its
//! result or its errors.
#![no_main]
use libfuzzer_sys::fuzz_target;
use qimen_payload::request::{build_request, BodyMode, BuildOptions, Timestamp};
use qimen_payload::sign::SignMethod;

#[path = "common.rs"]
mod common;

const SECRET: &str = "fUzZ-s3cr3t-值-0123456789";

fuzz_target!(|data: &[u8]| {
    let Some((api, first, text)) = common::split(data) else { return };
    let opts = BuildOptions {
        app_key: "12345678".into(),
        secret: SECRET.into(),
        sign_method: [None, Some(SignMethod::Md5), Some(SignMethod::Hmac), Some(SignMethod::HmacSha256)][usize::from(first >> 4) % 4],
        session: (first & 0x08 != 0).then(|| "sess".into()),
        timestamp: if first & 0x04 != 0 { Timestamp::Millis(i64::from(first) * 1_000_000_007) } else { Timestamp::Text(text.chars().take(25).collect()) },
        format: None,
        target_app_key: None,
        partner_id: None,
        simplify: (first & 0x02 != 0).then_some(true),
        body: if first & 0x01 != 0 { BodyMode::Xml } else { BodyMode::Form },
    };
    match build_request(api, text, &opts) {
        Ok(r) => assert!(!format!("{r:?}").contains(SECRET)),
        Err(report) => assert!(!format!("{report:?}").contains(SECRET)),
    }
});
