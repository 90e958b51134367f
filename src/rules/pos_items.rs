//! `qimen.taobao.pos.items.synchronize` — product master data add/update/delete, prices, discounts.
//! Source: shared/seeds/qimen.taobao.pos.items.synchronize.txt; decisions: issue #3.

use super::answer::build::*;
use super::build::*;
use super::*;

const ACTION_TYPES: &[EnumCode] = &[code("add", "新增", "add"), code("update", "修改", "update"), code("delete", "删除", "delete")];

// The seed labels both 0 and 2 "调价格" (adjust the price); 1 adjusts the discount.
const ADJUST_TYPES: &[EnumCode] =
    &[code("0", "调价格", "adjust price"), code("1", "调折扣", "adjust discount"), code("2", "调价格", "adjust price")];

const YES_NO: &[EnumCode] = &[
    EnumCode { code: "Y", label_zh: "是", label_en: "yes", aliases: &["true", "yes"] },
    EnumCode { code: "N", label_zh: "否", label_en: "no", aliases: &["false", "no"] },
];

const PRICE_ADJUSTMENT: &[Field] = &[
    field("type", Kind::Enum(EnumRule { numeric: false, codes: ADJUST_TYPES }), OPTIONAL, "调价类型", "Adjustment type", "0"),
    field("standardPrice", Kind::Price, OPTIONAL, "调价后的价格", "Adjusted price", "100"),
    field("discount", Kind::Discount, OPTIONAL, "折扣", "Discount", "0.9000"),
    field("startDate", Kind::Date, OPTIONAL, "调价开始日期", "Start date", "2024-06-01"),
    field("endDate", Kind::Date, OPTIONAL, "调价结束日期", "End date", "2024-06-30"),
];

const ITEM: &[Field] = &[
    field("productCode", STR, REQUIRED, "ERP的商品spu编码", "Product (SPU) code", "PEUTET378472"),
    field("itemCode", STR, REQUIRED, "ERP的商品sku编码", "Item (SKU) code", "SKUEWRYU178673"),
    field("originCode", STR, OPTIONAL, "原厂编码", "Manufacturer code", "yuanchangcode134"),
    field("itemName", STR, OPTIONAL, "商品名称", "Item name", "女夏季短袖"),
    field("barCode", Kind::Str(StrFormat::Gtin), OPTIONAL, "条形码", "Barcode", "96295629652"),
    field("skuProperty", STR, REQUIRED, "商品属性", "SKU properties", "红色 XXL"),
    field("color", STR, OPTIONAL, "颜色编码", "Colour code", "red"),
    field("size", STR, OPTIONAL, "尺码编码", "Size code", "XXL"),
    field("grossWeight", Kind::Str(StrFormat::Weight), OPTIONAL, "毛重", "Gross weight", "0.5千克"),
    field("netWeight", Kind::Str(StrFormat::Weight), OPTIONAL, "净重", "Net weight", "0.4千克"),
    field("stockUnit", STR, OPTIONAL, "商品计量单位", "Stock unit", "千克"),
    field("categoryId", STR, OPTIONAL, "商品类别Id", "Category id", "cat0002"),
    field("categoryName", STR, OPTIONAL, "商品类别名称", "Category name", "女装"),
    field("standardPrice", Kind::Price, REQUIRED, "标准价", "Standard price", "200"),
    field("referencePrice", Kind::Price, REQUIRED, "参考价", "Reference price", "150"),
    field("retailPrice", Kind::Price, OPTIONAL, "零售价", "Retail price", "120"),
    field("tagPrice", Kind::Price, OPTIONAL, "吊牌价", "Tag price", "450"),
    field("costPrice", Kind::Price, OPTIONAL, "成本价", "Cost price", "50"),
    field("discount", Kind::Discount, OPTIONAL, "折扣", "Discount", "0.9000"),
    field(
        "priceAdjustment",
        Kind::Object(ObjectRule {
            type_name: "Struct",
            fields: PRICE_ADJUSTMENT,
            checks: &[
                Check::When { when: "type", is: &["1"], then: Then::Required("discount") },
                Check::When { when: "type", is: &["0", "2"], then: Then::Required("standardPrice") },
                Check::Order { first: "startDate", second: "endDate", severity: Severity::Error },
            ],
        }),
        OPTIONAL,
        "调价",
        "Price adjustment",
        "",
    ),
    field("seasonCode", STR, OPTIONAL, "季节编码", "Season code", "summer"),
    field("seasonName", STR, OPTIONAL, "季节名称", "Season name", "夏"),
    field("brandCode", STR, OPTIONAL, "品牌代码", "Brand code", "HDYS"),
    field("brandName", STR, OPTIONAL, "品牌名称", "Brand name", "韩都衣舍"),
    field("isValid", Kind::Enum(EnumRule { numeric: false, codes: YES_NO }), OPTIONAL, "是否有效", "Valid", "Y"),
    field("createTime", Kind::DateTime, OPTIONAL, "创建时间", "Created at", "2024-05-01 10:30:00"),
    field("latestUpdateTime", Kind::DateTime, OPTIONAL, "最新更新时间", "Last updated at", "2024-05-02 08:00:00"),
];

pub static API: Api = Api {
    method: "qimen.taobao.pos.items.synchronize",
    title_zh: "商品信息同步接口",
    summary: "Product master data between POS and ERP: add, update or delete items with prices and discounts (up to 20 items).",
    summary_zh: "POS与ERP之间同步基础商品数据(最多20条)",
    fields: &[
        // The seed gives actionType a length of 50; as an enum its codes decide what is valid, so no length rule.
        field("actionType", Kind::Enum(EnumRule { numeric: false, codes: ACTION_TYPES }), REQUIRED, "操作", "Action", "add"),
        field("total", LONG, OPTIONAL, "所有的总条数", "Total count", "100"),
        field(
            "item",
            Kind::List(ListRule {
                type_name: "Struct",
                max: 20,
                min: 0,
                fields: ITEM,
                checks: &[
                    Check::Order { first: "retailPrice", second: "tagPrice", severity: Severity::Warning },
                    Check::Order { first: "netWeight", second: "grossWeight", severity: Severity::Warning },
                ],
            }),
            OPTIONAL,
            "商品",
            "Items",
            "",
        ),
        field("customerid", STR, REQUIRED, "指定路由参数", "Customer id (routing)", "A12345"),
    ],
    checks: &[
        Check::Unique { list: "item", key: "itemCode", severity: Severity::Error },
        Check::TotalCoversList { total: "total", list: "item" },
    ],
    // The seed's Java sample, with its placeholder values made real (action, adjustment type, dates, Y/N).
    protocol: Protocol::Qimen { routing_field: Some("customerid") },
    chunked: &["item"],
    response: ResponseTable {
        fields: &[text("flag", "flag"), text("total", "total"), answer("item", "items", AnswerKind::Pluck { of: "Struct", field: "itemCode" })],
        success: Success::TextIs { name: "flag", value: "success" },
    },
};
