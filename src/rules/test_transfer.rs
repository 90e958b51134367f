//! `test.store.transfer` — a made-up API, compiled only with `--cfg qimen_test_api`. It exists to prove that
//! adding an API is this one file: `RUSTFLAGS="--cfg qimen_test_api" cargo test` runs every generic suite (table
//! self-tests, properties, rendering, chunk, schema agreement, the generated types) over it. Nothing of it
//! reaches the package. It uses vocabulary the real tables do not (a string length limit, a numeric enum as
//! a condition, a list with a minimum) so that those paths are exercised too.

use super::answer::build::*;
use super::build::*;
use super::*;

const MODES: &[EnumCode] = &[code("1", "全量", "full"), code("2", "增量", "delta")];

const LINE: &[Field] = &[
    field("sku", STR, REQUIRED, "商品编码", "SKU", "SKU-1"),
    field("quantity", QTY, REQUIRED, "数量", "Quantity", "3"),
    field("price", Kind::Price, OPTIONAL, "单价", "Unit price", "9.90"),
];

pub static API: Api = Api {
    method: "test.store.transfer",
    title_zh: "门店调拨(测试)",
    summary: "Move stock between two stores (a test-only API, up to 5 lines).",
    summary_zh: "门店之间调拨库存(仅用于测试,最多5行)",
    fields: &[
        Field { max_len: Some(16), ..field("transfer_id", STR, REQUIRED, "调拨单号", "Transfer id", "T-0001") },
        field("from_store", STR, REQUIRED, "调出门店", "From store", "S1"),
        field("to_store", STR, REQUIRED, "调入门店", "To store", "S2"),
        field("transfer_date", Kind::Date, OPTIONAL, "调拨日期", "Transfer date", "2026-11-23"),
        field("mode", Kind::Enum(EnumRule { numeric: true, codes: MODES }), REQUIRED, "模式", "Mode", "1"),
        field(
            "lines",
            Kind::List(ListRule {
                type_name: "TransferLine",
                max: 5,
                min: 1,
                fields: LINE,
                checks: &[],
            }),
            REQUIRED,
            "调拨行",
            "Lines",
            "",
        ),
    ],
    checks: &[
        Check::Unique { list: "lines", key: "sku", severity: Severity::Error },
        Check::When {
            when: "mode",
            is: &["1"],
            then: Then::EntriesAtLeast {
                list: "lines",
                field: "quantity",
                min: 0,
                why: Why { en: "full mode sets the stock to this quantity", zh: "全量模式以此数量设定库存" },
            },
        },
    ],
    protocol: Protocol::Top,
    chunked: &["lines"],
    response: ResponseTable {
        fields: &[boolean("is_success", "isSuccess"), text("transfer_no", "transferNo")],
        success: Success::IsTrue { name: "isSuccess" },
    },
};
