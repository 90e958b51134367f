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
    field("type", Kind::Enum(EnumRule { numeric: false, codes: ADJUST_TYPES }), false, "调价类型", "Adjustment type", "0"),
    field("standardPrice", Kind::Price, false, "调价后的价格", "Adjusted price", "100"),
    field("discount", Kind::Discount, false, "折扣", "Discount", "0.9000"),
    field("startDate", Kind::Date, false, "调价开始日期", "Start date", "2024-06-01"),
    field("endDate", Kind::Date, false, "调价结束日期", "End date", "2024-06-30"),
];

const ITEM: &[Field] = &[
    field("productCode", STR, true, "ERP的商品spu编码", "Product (SPU) code", "PEUTET378472"),
    field("itemCode", STR, true, "ERP的商品sku编码", "Item (SKU) code", "SKUEWRYU178673"),
    field("originCode", STR, false, "原厂编码", "Manufacturer code", "yuanchangcode134"),
    field("itemName", STR, false, "商品名称", "Item name", "女夏季短袖"),
    field("barCode", Kind::Str(StrFormat::Gtin), false, "条形码", "Barcode", "96295629652"),
    field("skuProperty", STR, true, "商品属性", "SKU properties", "红色 XXL"),
    field("color", STR, false, "颜色编码", "Colour code", "red"),
    field("size", STR, false, "尺码编码", "Size code", "XXL"),
    field("grossWeight", Kind::Str(StrFormat::Weight), false, "毛重", "Gross weight", "0.5千克"),
    field("netWeight", Kind::Str(StrFormat::Weight), false, "净重", "Net weight", "0.4千克"),
    field("stockUnit", STR, false, "商品计量单位", "Stock unit", "千克"),
    field("categoryId", STR, false, "商品类别Id", "Category id", "cat0002"),
    field("categoryName", STR, false, "商品类别名称", "Category name", "女装"),
    field("standardPrice", Kind::Price, true, "标准价", "Standard price", "200"),
    field("referencePrice", Kind::Price, true, "参考价", "Reference price", "150"),
    field("retailPrice", Kind::Price, false, "零售价", "Retail price", "120"),
    field("tagPrice", Kind::Price, false, "吊牌价", "Tag price", "450"),
    field("costPrice", Kind::Price, false, "成本价", "Cost price", "50"),
    field("discount", Kind::Discount, false, "折扣", "Discount", "0.9000"),
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
        false,
        "调价",
        "Price adjustment",
        "",
    ),
    field("seasonCode", STR, false, "季节编码", "Season code", "summer"),
    field("seasonName", STR, false, "季节名称", "Season name", "夏"),
    field("brandCode", STR, false, "品牌代码", "Brand code", "HDYS"),
    field("brandName", STR, false, "品牌名称", "Brand name", "韩都衣舍"),
    field("isValid", Kind::Enum(EnumRule { numeric: false, codes: YES_NO }), false, "是否有效", "Valid", "Y"),
    field("createTime", Kind::DateTime, false, "创建时间", "Created at", "2024-05-01 10:30:00"),
    field("latestUpdateTime", Kind::DateTime, false, "最新更新时间", "Last updated at", "2024-05-02 08:00:00"),
];

pub static API: Api = Api {
    method: "qimen.taobao.pos.items.synchronize",
    title_zh: "商品信息同步接口",
    summary: "Product master data between POS and ERP: add, update or delete items with prices and discounts (up to 20 items).",
    summary_zh: "POS与ERP之间同步基础商品数据(最多20条)",
    fields: &[
        // The seed gives actionType a length of 50; as an enum its codes decide what is valid, so no length rule.
        field("actionType", Kind::Enum(EnumRule { numeric: false, codes: ACTION_TYPES }), true, "操作", "Action", "add"),
        field("total", LONG, false, "所有的总条数", "Total count", "100"),
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
            false,
            "商品",
            "Items",
            "",
        ),
        field("customerid", STR, true, "指定路由参数", "Customer id (routing)", "A12345"),
    ],
    checks: &[
        Check::Unique { list: "item", key: "itemCode", severity: Severity::Error },
        Check::TotalCoversList { total: "total", list: "item" },
    ],
    // The seed's Java sample, with its placeholder values made real (action, adjustment type, dates, Y/N).
    example: r#"{
  "actionType": "add",
  "total": 100,
  "item": [
    {
      "productCode": "PEUTET378472",
      "itemCode": "SKUEWRYU178673",
      "originCode": "yuanchangcode134",
      "itemName": "女夏季短袖",
      "barCode": "96295629652",
      "skuProperty": "红色 XXL",
      "color": "red",
      "size": "XXL",
      "grossWeight": "0.5千克",
      "netWeight": "0.4千克",
      "stockUnit": "千克",
      "categoryId": "cat0002",
      "categoryName": "女装",
      "standardPrice": "200",
      "referencePrice": "150",
      "retailPrice": "120",
      "tagPrice": "450",
      "costPrice": "50",
      "discount": "0.9000",
      "priceAdjustment": {"type": "0", "standardPrice": "100", "discount": "0.9000", "startDate": "2024-06-01", "endDate": "2024-06-30"},
      "seasonCode": "summer",
      "seasonName": "夏",
      "brandCode": "HDYS",
      "brandName": "韩都衣舍",
      "isValid": "Y",
      "createTime": "2024-05-01 10:30:00",
      "latestUpdateTime": "2024-05-02 08:00:00"
    }
  ],
  "customerid": "A12345"
}"#,
    protocol: Protocol::Qimen { routing_field: Some("customerid") },
    chunked: &["item"],
    response: ResponseTable {
        fields: &[text("flag", "flag"), text("total", "total"), answer("item", "items", AnswerKind::Pluck("itemCode"))],
        success: Success::TextIs { name: "flag", value: "success" },
    },
};
