//! `tmall.qimendc.inventory.sync` — a WMS backfills historical stock.
//! Source: shared/seeds/tmall.qimendc.inventory.sync.txt; decisions: issue #3.

use super::answer::build::*;
use super::build::*;
use super::*;

const INVENTORY_TYPES: &[EnumCode] = &[
    code("ZP", "正品", "saleable"),
    code("CC", "残次", "defective"),
    code("JS", "机损", "machine-damaged"),
    code("XS", "箱损", "box-damaged"),
    code("ZT", "在途", "in transit"),
];

const ITEM: &[Field] = &[
    field("warehouse_code", STR, OPTIONAL, "仓库编码", "Warehouse code", "SZ001"),
    field("item_name", STR, OPTIONAL, "商品名", "Item name", "天猫精灵"),
    field("produce_code", STR, OPTIONAL, "生产批号", "Production lot", "1"),
    field("batch_code", STR, OPTIONAL, "批次编码", "Batch code", "1"),
    field("lock_quantity", QTY, OPTIONAL, "冻结库存数量", "Locked quantity", "100"),
    field("inventory_type", Kind::Enum(EnumRule { numeric: false, codes: INVENTORY_TYPES }), OPTIONAL, "库存类型", "Inventory type", "ZP"),
    field("expire_date", Kind::Date, OPTIONAL, "商品过期日期", "Expiry date", "2019-11-11"),
    field("quantity", QTY, OPTIONAL, "未冻结库存数量", "Unlocked quantity", "12"),
    field("item_id", STR, OPTIONAL, "仓储系统商品ID", "WMS item id", "sn1234"),
    field("product_date", Kind::Date, OPTIONAL, "商品生产日期", "Production date", "2017-11-11"),
    field("item_code", STR, OPTIONAL, "商品编码", "Item code", "ABC123"),
];

pub static API: Api = Api {
    method: "tmall.qimendc.inventory.sync",
    title_zh: "库存同步",
    summary: "A WMS backfills historical stock data (up to 100 items).",
    summary_zh: "提供给WMS补充历史库存数据(最多100条)",
    fields: &[
        field("cp_code", STR, OPTIONAL, "仓配商编码", "Warehouse/logistics provider code", "HN123"),
        field("date", Kind::Date, OPTIONAL, "日期", "Date", "2018-03-01"),
        field("customer_id", STR, OPTIONAL, "货主ID", "Owner id", "23423647"),
        field("biz_register_num", Kind::Str(StrFormat::BizRegNum), OPTIONAL, "工商注册码", "Business registration number", "310114002150000"),
        field(
            "items",
            Kind::List(ListRule {
                type_name: "InventoryItemDo",
                max: 100,
                min: 0,
                fields: ITEM,
                checks: &[Check::Order { first: "product_date", second: "expire_date", severity: Severity::Error }],
            }),
            OPTIONAL,
            "商品",
            "Items",
            "",
        ),
        field("req_id", STR, OPTIONAL, "请求id", "Request id", "8374523s"),
    ],
    checks: &[],
    // A TOP method: its customer_id is the goods owner (货主ID), not Qimen's routing customerId.
    protocol: Protocol::Top,
    chunked: &["items"],
    response: ResponseTable {
        fields: &[
            text("qimendc_code", "qimendcCode"),
            boolean("qimendc_success", "qimendcSuccess"),
            text("qimendc_message", "qimendcMessage"),
            text("qimendc_request_id", "qimendcRequestId"),
        ],
        success: Success::IsTrue { name: "qimendcSuccess" },
    },
};
