//! The declarative rule tables: one file per API, each a tree of [`Field`]s.
//!
//! This module only defines the *shape* of a table. Every field name, type, limit, enum code, alias, label and
//! list type name is written exactly once, in the API's own file; validation, normalization, rendering, the
//! JSON Schema, the TypeScript types and the console's forms all walk these tables.

pub mod answer;
pub mod registry;
pub mod table;

/// Lists the APIs once: each is a module of its own (one file holds everything about it) whose `API` joins
/// the registry; the registry's length is counted, never written.
macro_rules! registry {
    ($($(#[$attr:meta])* $module:ident,)*) => {
        $($(#[$attr])* mod $module;)*
        /// The registered APIs.
        pub static APIS: &[&Api] = &[$($(#[$attr])* &$module::API,)*];
    };
}

registry! {
    pos_inventory,
    pos_items,
    qimendc_inventory,
    shopinv_adjust,
    // A made-up fifth API, compiled only with `--cfg qimen_test_api` (never a feature a user could turn on): the
    // proof that adding an API is one file (`npm test` runs every generic suite over it, scripts/test.sh).
    #[cfg(qimen_test_api)]
    test_transfer,
}

/// The APIs the package ships: all compiled ones but the test-only API of `--cfg qimen_test_api` (which has no
/// seed, no corpus and no place in the README).
pub fn shipped() -> impl Iterator<Item = &'static Api> {
    APIS.iter().copied().filter(|a| {
        #[cfg(qimen_test_api)]
        if std::ptr::eq(*a, &test_transfer::API) {
            return false;
        }
        let _ = a;
        true
    })
}

/// One API: its exact method name, its top-level fields and its documentation.
#[derive(Debug)]
pub struct Api {
    /// The exact method name, e.g. `taobao.inventory.shopinv.adjust`.
    pub method: &'static str,
    /// The API's title in Chinese, as its doc page gives it (`库存同步`).
    pub title_zh: &'static str,
    /// What the API does, in English (one sentence).
    pub summary: &'static str,
    /// What the API does, in Chinese.
    pub summary_zh: &'static str,
    /// The request's top-level fields, in the seed's order (which is also the rendering order).
    pub fields: &'static [Field],
    /// Checks between fields of the top-level object.
    pub checks: &'static [Check],
    /// Which wire protocols the platform's clients call this method with.
    pub protocol: Protocol,
    /// The list `chunk` splits and `methods()` reports, as field names from the root: declared, not guessed
    /// (a table self-test checks that it leads to a bounded list).
    pub chunked: &'static [&'static str],
    /// What the API's answer carries besides the platform's common fields.
    pub response: ResponseTable,
}

/// How the platform's own clients call a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// A TOP method: the TOP form protocol only (`DefaultTaobaoClient`); no real client sends an XML body.
    Top,
    /// A Qimen method: the form protocol (`DefaultQimenCloudClient`) and the classic XML-body protocol, where
    /// `routing_field`'s value travels as `customerId` in the query only (never as an element of the body).
    Qimen {
        /// The top-level field whose value is the `customerId` of the XML protocol's query, when there is one.
        routing_field: Option<&'static str>,
    },
}

impl Protocol {
    /// Whether the classic Qimen XML-body protocol is spoken.
    pub fn xml_body(self) -> bool {
        matches!(self, Protocol::Qimen { .. })
    }
    /// The top-level field whose value is Qimen's routing `customerId`, if any.
    pub fn routing_field(self) -> Option<&'static str> {
        match self {
            Protocol::Qimen { routing_field } => routing_field,
            Protocol::Top => None,
        }
    }
}

pub use answer::{Answer, AnswerKind, ResponseTable, Success};

impl Api {
    /// The element the platform wraps this method's response in: the method without the `taobao.` prefix,
    /// dots as underscores, `_response` appended (`inventory_shopinv_adjust_response`).
    pub fn response_element(&self) -> String {
        format!("{}_response", self.method.strip_prefix("taobao.").unwrap_or(self.method).replace('.', "_"))
    }
}

impl Api {
    /// The declared chunked list's rule, found by walking its path through nested objects.
    pub fn chunked_list(&self) -> Option<&'static ListRule> {
        let mut fields = self.fields;
        let (last, objects) = self.chunked.split_last()?;
        for name in objects {
            match &fields.iter().find(|f| f.name == *name)?.kind {
                Kind::Object(o) => fields = o.fields,
                _ => return None,
            }
        }
        match &fields.iter().find(|f| f.name == *last)?.kind {
            Kind::List(l) if l.max != UNBOUNDED => Some(l),
            _ => None,
        }
    }
    /// The chunked list's name and limit (what `methods()` reports).
    pub fn list_limit(&self) -> Option<(&'static str, usize)> {
        Some((self.chunked.last()?, self.chunked_list()?.max))
    }
}

/// One field of a request object.
#[derive(Debug)]
pub struct Field {
    /// The wire name (JSON key and XML element name).
    pub name: &'static str,
    /// The field's type, with the limits that belong to it.
    pub kind: Kind,
    /// The platform refuses the payload without it (absent or blank).
    pub required: bool,
    /// Maximum length in UTF-16 code units (as the Java SDK counts).
    pub max_len: Option<u32>,
    /// The field's label in Chinese, as the seed gives it.
    pub label_zh: &'static str,
    /// The field's label in English.
    pub label_en: &'static str,
    /// The seed's example value, as shown in the docs (for forms and placeholders).
    pub example: &'static str,
}

/// The type of a field, with the limits that belong to that type.
#[derive(Debug)]
pub enum Kind {
    /// A string, trimmed. `format` adds a plausibility check (warnings only).
    Str(StrFormat),
    /// A 64-bit integer (the docs' "Number").
    Long(LongRule),
    /// `true` / `false`.
    Bool,
    /// A price: ≥ 0, at most two decimals, rendered as a string with exactly two decimals.
    Price,
    /// A discount rate 0 < d ≤ 1, rendered as a string with four decimals; 折 and % notations accepted.
    Discount,
    /// [`DATE_FORM`].
    Date,
    /// [`DATETIME_FORM`] in GMT+8.
    DateTime,
    /// One of a fixed set of codes.
    Enum(EnumRule),
    /// A nested object.
    Object(ObjectRule),
    /// A list of objects.
    List(ListRule),
}

/// The canonical form of a date, as messages and forms show it to people.
pub const DATE_FORM: &str = "YYYY-MM-DD";
/// The canonical form of a date-time (GMT+8), as messages and forms show it to people.
pub const DATETIME_FORM: &str = "YYYY-MM-DD HH:MM:SS";

/// Plausibility checks on a string field; each failure is a warning, never an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrFormat {
    /// Any text.
    Plain,
    /// A GS1 barcode: 8/12/13/14 digits must carry a correct check digit.
    Gtin,
    /// A business registration number: 15 digits, or an 18-character unified social credit code (GB 32100).
    BizRegNum,
    /// A weight such as `0.5千克`, `500g`, `1斤` (used to compare net and gross weight).
    Weight,
}

#[derive(Debug, Clone, Copy)]
/// The limits of a Long field.
pub struct LongRule {
    /// Smallest accepted value; below it is a `range` error.
    pub min: Option<i64>,
    /// A negative value is legal but suspicious: warn.
    pub warn_negative: bool,
}

#[derive(Debug)]
/// The codes of an enum field.
pub struct EnumRule {
    /// Whether the code is a number on the wire (rendered as a JSON integer) or a string.
    pub numeric: bool,
    /// The codes, in the seed's order.
    pub codes: &'static [EnumCode],
}

#[derive(Debug)]
/// One code of an enum field.
pub struct EnumCode {
    /// The canonical code, as sent to the server.
    pub code: &'static str,
    /// The code's label in Chinese (accepted as input in place of the code).
    pub label_zh: &'static str,
    /// The code's label in English (shown in English messages and forms; not accepted as input).
    pub label_en: &'static str,
    /// Other spellings accepted on input (the Chinese label is always accepted, codes case-insensitively).
    pub aliases: &'static [&'static str],
}

impl EnumCode {
    /// Whether an input text (already trimmed) selects this code: the code or an alias, ignoring ASCII case
    /// only, or the Chinese label exactly. The table checker refuses two codes one text would select
    /// alike by the same rule (`spelling_key`).
    ///
    /// ```
    /// use qimen_payload::rules::EnumCode;
    /// let full = EnumCode { code: "Y", label_zh: "是", label_en: "yes", aliases: &["true"] };
    /// assert!(full.selected_by("y") && full.selected_by("TRUE") && full.selected_by("是"));
    /// assert!(!full.selected_by("yes"));
    /// ```
    pub fn selected_by(&self, t: &str) -> bool {
        self.code.eq_ignore_ascii_case(t) || self.label_zh == t || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(t))
    }
}

/// The key under which [`EnumCode::selected_by`] sees a code's or an alias's spellings alike: two texts
/// select the same codes exactly when their keys are equal (ASCII case folded; `É` and `é` stay apart,
/// as the engine keeps them).
pub(crate) fn spelling_key(s: &str) -> String {
    s.to_ascii_lowercase()
}

#[derive(Debug)]
/// A nested object's fields.
pub struct ObjectRule {
    /// The SDK's type name (e.g. `OrderInfo`).
    pub type_name: &'static str,
    /// The object's fields, in rendering order.
    pub fields: &'static [Field],
    /// Checks between those fields.
    pub checks: &'static [Check],
}

#[derive(Debug)]
/// A list's entries and limits.
pub struct ListRule {
    /// The SDK's type name of one entry (e.g. `InventoryItemDo`); the XML entry element is derived from it.
    pub type_name: &'static str,
    /// The most entries the server accepts ([`UNBOUNDED`] when the seed states no limit).
    pub max: usize,
    /// The fewest entries a present list must have (only meaningful for a required list).
    pub min: usize,
    /// The fields of one entry, in rendering order.
    pub fields: &'static [Field],
    /// Checks between the fields of one entry.
    pub checks: &'static [Check],
}

/// The `max` of a list whose seed states no limit (the input size limit still bounds it).
pub const UNBOUNDED: usize = usize::MAX;

/// Whether a finding stops the payload or only deserves a look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The payload is refused.
    Error,
    /// The payload is accepted; the issue is reported.
    Warning,
}

/// A check between fields. The table says which apply and to which fields; the engine (`checks.rs`) knows how.
/// Field names are relative to the object the check is attached to.
#[derive(Debug)]
pub enum Check {
    /// In list `list`, no two entries may share the value of `key`.
    Unique {
        /// The list's field name.
        list: &'static str,
        /// The entry field that must be unique.
        key: &'static str,
        /// Error or warning.
        severity: Severity,
    },
    /// `first` must not be greater than `second` (dates, prices or weights, compared by value).
    Order {
        /// The earlier field.
        first: &'static str,
        /// The later field.
        second: &'static str,
        /// Error or warning.
        severity: Severity,
    },
    /// When the enum field `when` has one of the codes in `is`, `then` applies: the general conditional check
    /// (emitted as JSON Schema `if`/`then` where `then` is an error).
    When {
        /// The enum field whose value decides.
        when: &'static str,
        /// Its codes for which `then` applies.
        is: &'static [&'static str],
        /// What applies then.
        then: Then,
    },
    /// The count field `total` should not be smaller than the number of entries in `list`.
    TotalCoversList {
        /// The count field.
        total: &'static str,
        /// The list it counts.
        list: &'static str,
    },
    /// A list that is absent or empty is legal but suspicious.
    WarnEmptyList {
        /// The list's field name.
        list: &'static str,
    },
    /// A field found in an entry of this object that belongs to another object: name the right place.
    Misplaced {
        /// The field's name.
        field: &'static str,
        /// The path of the object it belongs to (field names from the root, joined by `.`).
        belongs_to: &'static str,
    },
}

/// What a [`Check::When`] demands.
#[derive(Debug)]
pub enum Then {
    /// The field is required (`missing`, naming the condition).
    Required(&'static str),
    /// In each entry of `list`, the Long `field` must be at least `min` (`range`); `why` says why, per language.
    EntriesAtLeast {
        /// The list's field name.
        list: &'static str,
        /// The entry's Long field.
        field: &'static str,
        /// The smallest value allowed.
        min: i64,
        /// Why, in both languages.
        why: Why,
    },
    /// In each entry of `list`, a Long `field` of 0 changes nothing (a `zero_quantity` warning).
    EntriesNotZero {
        /// The list's field name.
        list: &'static str,
        /// The entry's Long field.
        field: &'static str,
    },
}

/// A reason written in the table, in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Why {
    /// In English (`full mode overwrites the stock with this quantity`).
    pub en: &'static str,
    /// In Chinese.
    pub zh: &'static str,
}

/// An API as every function takes it: by its method name (`"taobao.inventory.shopinv.adjust"`), or as the
/// [`Api`] handle got once by name ([`api`]). A name that is no API is the `unknown_method` report.
///
/// ```
/// let by_name = qimen_payload::check("tmall.qimendc.inventory.sync", "{}");
/// let api = qimen_payload::rules::api("tmall.qimendc.inventory.sync").ok_or("no such method")?;
/// let by_handle = qimen_payload::check(api, "{}");
/// assert_eq!(by_name, by_handle);
/// assert_eq!(qimen_payload::check("no.such.method", "{}").errors[0].code.as_str(), "unknown_method");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait ApiRef<'a> {
    /// The API, or the report naming the known methods.
    fn resolve(self) -> Result<&'a Api, crate::Report>;
}

impl<'a> ApiRef<'a> for &'a Api {
    fn resolve(self) -> Result<&'a Api, crate::Report> {
        Ok(self)
    }
}

impl<'a> ApiRef<'a> for &&'a Api {
    fn resolve(self) -> Result<&'a Api, crate::Report> {
        Ok(*self)
    }
}

impl<'a> ApiRef<'a> for &str {
    fn resolve(self) -> Result<&'a Api, crate::Report> {
        api(self).ok_or_else(|| crate::engine::unknown_method(self))
    }
}

impl<'a> ApiRef<'a> for &String {
    fn resolve(self) -> Result<&'a Api, crate::Report> {
        self.as_str().resolve()
    }
}

/// The index of the field named `name` among `fields` — the one lookup of a field by its name on the engine's
/// paths (members matched, checks, labels), comparing eight bytes at a time (`swar::same`: `==` on text is a
/// byte-at-a-time memcmp on wasm32).
pub(crate) fn field_position(fields: &[Field], name: &str) -> Option<usize> {
    fields.iter().position(|f| crate::json::swar::same(f.name, name))
}

/// Find an API by its exact method name: a compiled one, or one registered at run time.
pub fn api(method: &str) -> Option<&'static Api> {
    shipped_api(method).or_else(|| registry::find(method))
}

/// The index of a callable method among [`all`] (the compiled ones, then the registered ones), valid until the
/// next registration or unregistration: what the wasm binding's callers name a method by on hot paths, so that
/// no name is copied per call.
pub fn index_of(method: &str) -> Option<usize> {
    match APIS.iter().position(|a| a.method == method) {
        Some(i) => Some(i),
        None => registry::position(method).map(|i| APIS.len() + i),
    }
}

/// The API at an index of [`all`] ([`index_of`]).
pub fn api_at(index: usize) -> Option<&'static Api> {
    match APIS.get(index) {
        Some(a) => Some(a),
        None => registry::nth(index.checked_sub(APIS.len())?),
    }
}

/// A compiled API by its exact method name.
pub fn shipped_api(method: &str) -> Option<&'static Api> {
    APIS.iter().copied().find(|a| a.method == method)
}

/// Every API callable now: the compiled ones, then the registered ones.
pub fn all() -> Vec<&'static Api> {
    APIS.iter().copied().chain(registry::registered()).collect()
}

/// The names of every callable API (for "unknown method" errors).
pub fn method_names() -> Vec<&'static str> {
    all().into_iter().map(|a| a.method).collect()
}

/// The XML element name of a list entry, derived from its SDK type name: snake case with an underscore
/// before every capital (`ShopInventoryEditDetailDTO` → `shop_inventory_edit_detail_d_t_o`).
pub fn xml_entry_name(type_name: &str) -> String {
    let mut out = String::with_capacity(type_name.len() + 8);
    for (i, c) in type_name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Shorthand constructors that keep the tables readable. They are `const` so tables stay static data.
pub(crate) mod build {
    use super::*;

    /// Whether a field must be given: named, so a table reads `field("sku", STR, REQUIRED, …)`.
    pub const REQUIRED: bool = true;
    pub const OPTIONAL: bool = false;

    pub const fn field(
        name: &'static str,
        kind: Kind,
        required: bool,
        label_zh: &'static str,
        label_en: &'static str,
        example: &'static str,
    ) -> Field {
        Field { name, kind, required, max_len: None, label_zh, label_en, example }
    }
    pub const STR: Kind = Kind::Str(StrFormat::Plain);
    pub const LONG: Kind = Kind::Long(LongRule { min: None, warn_negative: false });
    pub const QTY: Kind = Kind::Long(LongRule { min: None, warn_negative: true });
    pub const fn long_min(min: i64) -> Kind {
        Kind::Long(LongRule { min: Some(min), warn_negative: false })
    }
    pub const fn code(code: &'static str, label_zh: &'static str, label_en: &'static str) -> EnumCode {
        EnumCode { code, label_zh, label_en, aliases: &[] }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_entry_names_follow_the_platform_convention() {
        assert_eq!(xml_entry_name("Struct"), "struct");
        assert_eq!(xml_entry_name("Operator"), "operator");
        assert_eq!(xml_entry_name("InventoryItemDo"), "inventory_item_do");
        assert_eq!(xml_entry_name("ShopInventoryEditDetailDTO"), "shop_inventory_edit_detail_d_t_o");
    }

    #[test]
    fn every_api_is_found_by_its_exact_name() {
        for a in APIS {
            assert_eq!(api(a.method).map(|x| x.method), Some(a.method));
        }
        assert!(api("taobao.inventory.shopinv.Adjust").is_none());
    }

    #[test]
    fn list_limits_match_the_seeds() {
        let lim = |m| api(m).and_then(|a| a.list_limit()).map(|(_, n)| n);
        assert_eq!(lim("qimen.taobao.pos.inventory.synchronize"), Some(20));
        assert_eq!(lim("qimen.taobao.pos.items.synchronize"), Some(20));
        assert_eq!(lim("tmall.qimendc.inventory.sync"), Some(100));
        assert_eq!(lim("taobao.inventory.shopinv.adjust"), Some(20));
    }
}
