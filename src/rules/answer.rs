//! The vocabulary of a response table: which fields an API's answer carries, what they are called in the
//! parsed result, and which one says the call succeeded. Reading (the sparse reader and the extraction),
//! the TypeScript types and the docs are derived from it.

/// What an API answers besides the platform's common fields.
#[derive(Debug)]
pub struct ResponseTable {
    /// The fields of the response body, in output order.
    pub fields: &'static [Answer],
    /// Which field says the call succeeded.
    pub success: Success,
}

/// One field of an answer.
#[derive(Debug)]
pub struct Answer {
    /// The wire name (JSON key / XML element).
    pub wire: &'static str,
    /// Other wire spellings, tried in order after `wire` (`error_message` where the docs say `error_msg`).
    pub aliases: &'static [&'static str],
    /// The name in the parsed result (camelCase).
    pub name: &'static str,
    /// How the value is read.
    pub kind: AnswerKind,
    /// Placed at the top of the parsed result rather than inside its parent object (shopinv's `details`,
    /// read from `result.data`).
    pub hoisted: bool,
}

#[derive(Debug)]
/// How an answer field is read.
pub enum AnswerKind {
    /// Read as text (numbers and booleans as they are written).
    Text,
    /// `true`/`false`, or those words as text.
    Bool,
    /// A nested object of fields.
    Object(&'static [Answer]),
    /// A list of entries, each an object of fields: `[..]`, `{ "type_name": [..] }` or one entry alone (as XML
    /// gives a single entry). An entry that is no object is kept as `{ success: false, unreadable: true }`.
    /// `of` is the entry's type as the seed names it (`ShopInventoryEditResultDTO`): the platform writes each
    /// entry as that element in XML and wraps the list in it in JSON (the local gateway writes answers so).
    Entries {
        /// The entry's type name as the seed names it.
        of: &'static str,
        /// The fields of one entry.
        fields: &'static [Answer],
    },
    /// A list of entries, each reduced to the text of one field (POS items → their `itemCode`s).
    Pluck {
        /// The entry's type name as the seed names it.
        of: &'static str,
        /// The wire name of the one field kept.
        field: &'static str,
    },
}

/// Which field says the call succeeded.
#[derive(Debug)]
pub enum Success {
    /// A text field equals `value`, case-sensitively (as the Qimen client's `"success".equals(flag)`).
    TextIs {
        /// The field's `name`.
        name: &'static str,
        /// The value that means success.
        value: &'static str,
    },
    /// A boolean field is true.
    IsTrue {
        /// The field's `name`.
        name: &'static str,
    },
    /// `object.flag` is true and every entry of the hoisted list `list` succeeded, where an entry succeeded
    /// when `entry` or `also` is true (an idempotent repeat was applied before); the entry's `entry` field is
    /// rewritten to that. `partial` says some entries succeeded and some did not.
    AllEntries {
        /// The object holding the flag.
        object: &'static str,
        /// Its boolean field.
        flag: &'static str,
        /// The hoisted list of entries.
        list: &'static str,
        /// The entry's success field.
        entry: &'static str,
        /// The entry's field that also counts as success (applied before).
        also: &'static str,
    },
    /// Any answer that is not an `error_response` (TOP methods whose answer has no success field of its own).
    Answered,
}

/// Shorthand constructors that keep response tables readable.
pub(crate) mod build {
    use super::*;

    pub const fn text(wire: &'static str, name: &'static str) -> Answer {
        Answer { wire, aliases: &[], name, kind: AnswerKind::Text, hoisted: false }
    }
    pub const fn boolean(wire: &'static str, name: &'static str) -> Answer {
        Answer { wire, aliases: &[], name, kind: AnswerKind::Bool, hoisted: false }
    }
    pub const fn answer(wire: &'static str, name: &'static str, kind: AnswerKind) -> Answer {
        Answer { wire, aliases: &[], name, kind, hoisted: false }
    }
}
