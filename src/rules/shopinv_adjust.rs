//! `taobao.inventory.shopinv.adjust` — edit flash-sale store stock, full or delta, idempotent per sub-order.
//! Source: shared/seeds/taobao.inventory.shopinv.adjust.txt; decisions: issue #3.

use super::answer::build::*;
use super::build::*;
use super::*;

const CHECK_MODES: &[EnumCode] = &[
    EnumCode { code: "1", label_zh: "全量", label_en: "full overwrite", aliases: &["全量更新"] },
    EnumCode { code: "2", label_zh: "增量", label_en: "delta", aliases: &["出入库盘盈盘亏"] },
];

const DETAIL: &[Field] = &[
    field("item_id", long_min(1), REQUIRED, "商品id", "Item id", "1231111"),
    field("sku_id", long_min(0), REQUIRED, "skuid(无sku填0)", "SKU id (0 = no SKU)", "0"),
    field("sub_order_id", STR, REQUIRED, "子单据号(幂等字段)", "Sub-order id (idempotency key)", "subOrderId1"),
    field("quantity", LONG, REQUIRED, "调整数量", "Quantity", "1"),
];

const EDIT: &[Field] = &[
    field("order_id", STR, REQUIRED, "主单据号(非幂等字段)", "Order id (not an idempotency key)", "mainOrderId1"),
    field("store_id", LONG, REQUIRED, "门店id", "Store id", "111111111"),
    field("check_mode", Kind::Enum(EnumRule { numeric: true, codes: CHECK_MODES }), REQUIRED, "编辑模式", "Check mode", "2"),
    field(
        "detail_list",
        Kind::List(ListRule {
            type_name: "ShopInventoryEditDetailDTO",
            max: 20,
            min: 1,
            fields: DETAIL,
            checks: &[Check::Misplaced { field: "recover_deleted_data", belongs_to: "shop_inventory_edit.recover_deleted_data" }],
        }),
        REQUIRED,
        "库存编辑明细",
        "Details",
        "",
    ),
    field("recover_deleted_data", Kind::Bool, REQUIRED, "是否重新激活已删除的库存行", "Recover deleted stock rows", "true"),
];

/// One sub-order's result in `result.data`.
const DETAIL_RESULT: &[Answer] = &[
    text("sub_order_id", "subOrderId"),
    boolean("success", "success"),
    boolean("idempotent", "idempotent"),
    text("idempotent_reason", "idempotentReason"),
    text("error_code", "errorCode"),
    // The seed's table says error_msg; answers seen in the wild say error_message.
    Answer { aliases: &["error_message"], ..text("error_msg", "errorMessage") },
];

pub static API: Api = Api {
    method: "taobao.inventory.shopinv.adjust",
    title_zh: "编辑闪购门店库存",
    summary: "Edit flash-sale store stock, full overwrite or delta, idempotent per sub-order (up to 20 details).",
    summary_zh: "远场前端+近场闪购门店库存模式下,编辑闪购门店库存(最多20条明细)",
    fields: &[field(
        "shop_inventory_edit",
        Kind::Object(ObjectRule {
            type_name: "ShopInventoryEditDTO",
            fields: EDIT,
            checks: &[
                Check::Unique { list: "detail_list", key: "sub_order_id", severity: Severity::Error },
                Check::When {
                    when: "check_mode",
                    is: &["1"],
                    then: Then::EntriesAtLeast {
                        list: "detail_list",
                        field: "quantity",
                        min: 0,
                        why: Why { en: "full mode overwrites the stock with this quantity", zh: "全量模式以此数量覆盖库存" },
                    },
                },
                Check::When { when: "check_mode", is: &["2"], then: Then::EntriesNotZero { list: "detail_list", field: "quantity" } },
            ],
        }),
        REQUIRED,
        "库存编辑对象",
        "Inventory edit",
        "",
    )],
    checks: &[],
    protocol: Protocol::Top,
    chunked: &["shop_inventory_edit", "detail_list"],
    response: ResponseTable {
        fields: &[answer(
            "result",
            "result",
            AnswerKind::Object(&[
                boolean("success", "success"),
                text("error_code", "errorCode"),
                text("error_message", "errorMessage"),
                Answer { hoisted: true, ..answer("data", "details", AnswerKind::Entries { of: "ShopInventoryEditResultDTO", fields: DETAIL_RESULT }) },
            ]),
        )],
        success: Success::AllEntries { object: "result", flag: "success", list: "details", entry: "success", also: "idempotent" },
    },
};
