//! A stock service that receives shopinv adjustments (`cargo run --example axum_service --features axum`):
//! `POST /adjust` with the payload as JSON; a payload the platform would refuse is answered with the platform's
//! `error_response` before the handler runs. Try:
//! `curl -s localhost:3000/adjust -H 'content-type: application/json' -d '{"shop_inventory_edit":{}}'`

use axum::http::header;
use axum::response::IntoResponse;
use axum::{routing::post, Router};
use qimen_payload::axum::{methods::InventoryShopinvAdjust, Checked};

/// Only a normalized, valid payload reaches the handler; it would push it on (here: it answers what it got,
/// Longs exact).
async fn adjust(Checked(value, warnings, _): Checked<InventoryShopinvAdjust>) -> impl IntoResponse {
    let value = serde_json::to_string(&value).unwrap_or_default();
    ([(header::CONTENT_TYPE, "application/json")], format!(r#"{{"accepted":{value},"warnings":{}}}"#, warnings.len()))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let app = Router::new().route("/adjust", post(adjust));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    println!("stock service on http://{}/adjust", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}
