// Shared by the fuzz targets: the first byte picks the method, the rest is the payload text.
use qimen_payload::rules::{Api, APIS};

pub fn split(data: &[u8]) -> Option<(&'static Api, u8, &str)> {
    let (&first, rest) = data.split_first()?;
    let text = std::str::from_utf8(rest).ok()?;
    Some((APIS[usize::from(first) % APIS.len()], first, text))
}
