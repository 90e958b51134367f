//! A table as data: any [`Api`] — shipped or registered — written in the table format.

use super::doc::*;
use crate::rules::{Answer, AnswerKind, Api, Check, Field, Kind, Protocol, Severity, StrFormat, Success, Then, UNBOUNDED};

/// The table of `api` in the table format (what `registerApi` takes back).
pub fn export(api: &Api) -> TableDoc {
    TableDoc {
        format: FORMAT.into(),
        method: api.method.into(),
        title_zh: api.title_zh.into(),
        summary: api.summary.into(),
        summary_zh: api.summary_zh.into(),
        protocol: match api.protocol {
            Protocol::Top => ProtocolDoc::Top,
            Protocol::Qimen { .. } => ProtocolDoc::Qimen,
        },
        routing_field: api.protocol.routing_field().map(Into::into),
        chunked: api.chunked.iter().map(|s| s.to_string()).collect(),
        fields: fields(api.fields),
        checks: checks(api.checks),
        response: ResponseDoc { fields: answers(api.response.fields), success: success(&api.response.success) },
    }
}

fn fields(fs: &[Field]) -> Vec<FieldDoc> {
    fs.iter().map(field).collect()
}

fn field(f: &Field) -> FieldDoc {
    let mut d = FieldDoc {
        required: f.required,
        label_zh: f.label_zh.into(),
        label_en: f.label_en.into(),
        example: f.example.into(),
        max_len: f.max_len,
        ..FieldDoc::new(f.name, TypeDoc::Text)
    };
    match &f.kind {
        Kind::Str(format) => {
            d.text_format = match format {
                StrFormat::Plain => None,
                StrFormat::Gtin => Some(TextFormatDoc::Gtin),
                StrFormat::BizRegNum => Some(TextFormatDoc::BizRegNum),
                StrFormat::Weight => Some(TextFormatDoc::Weight),
            }
        }
        Kind::Long(rule) => {
            d.ty = TypeDoc::Long;
            d.min = rule.min;
            d.warn_negative = rule.warn_negative;
        }
        Kind::Bool => d.ty = TypeDoc::Bool,
        Kind::Price => d.ty = TypeDoc::Price,
        Kind::Discount => d.ty = TypeDoc::Discount,
        Kind::Date => d.ty = TypeDoc::Date,
        Kind::DateTime => d.ty = TypeDoc::Datetime,
        Kind::Enum(rule) => {
            d.ty = TypeDoc::Enum;
            d.numeric = rule.numeric;
            d.codes = Some(
                rule.codes
                    .iter()
                    .map(|c| CodeDoc {
                        code: c.code.into(),
                        label_zh: c.label_zh.into(),
                        label_en: c.label_en.into(),
                        aliases: c.aliases.iter().map(|a| a.to_string()).collect(),
                    })
                    .collect(),
            );
        }
        Kind::Object(o) => {
            d.ty = TypeDoc::Object;
            d.type_name = Some(o.type_name.into());
            d.fields = Some(fields(o.fields));
            d.checks = checks(o.checks);
        }
        Kind::List(l) => {
            d.ty = TypeDoc::List;
            d.type_name = Some(l.type_name.into());
            d.min_entries = Some(l.min).filter(|n| *n > 0);
            d.max_entries = Some(l.max).filter(|n| *n != UNBOUNDED);
            d.fields = Some(fields(l.fields));
            d.checks = checks(l.checks);
        }
    }
    d
}

fn severity(s: Severity) -> SeverityDoc {
    match s {
        Severity::Error => SeverityDoc::Error,
        Severity::Warning => SeverityDoc::Warning,
    }
}

fn checks(cs: &[Check]) -> Vec<CheckDoc> {
    cs.iter()
        .map(|c| match c {
            Check::Unique { list, key, severity: s } => {
                CheckDoc::Unique { list: list.to_string(), key: key.to_string(), severity: severity(*s) }
            }
            Check::Order { first, second, severity: s } => {
                CheckDoc::Order { first: first.to_string(), second: second.to_string(), severity: severity(*s) }
            }
            Check::When { when, is, then } => CheckDoc::When {
                when: when.to_string(),
                is: is.iter().map(|s| s.to_string()).collect(),
                then: match then {
                    Then::Required(f) => ThenDoc::Required { field: f.to_string() },
                    Then::EntriesAtLeast { list, field, min, why } => ThenDoc::EntriesAtLeast {
                        list: list.to_string(),
                        field: field.to_string(),
                        min: *min,
                        why_en: why.en.into(),
                        why_zh: why.zh.into(),
                    },
                    Then::EntriesNotZero { list, field } => ThenDoc::EntriesNotZero { list: list.to_string(), field: field.to_string() },
                },
            },
            Check::TotalCoversList { total, list } => CheckDoc::TotalCoversList { total: total.to_string(), list: list.to_string() },
            Check::WarnEmptyList { list } => CheckDoc::WarnEmptyList { list: list.to_string() },
            Check::Misplaced { field, belongs_to } => CheckDoc::Misplaced { field: field.to_string(), belongs_to: belongs_to.to_string() },
        })
        .collect()
}

fn answers(a: &[Answer]) -> Vec<AnswerDoc> {
    a.iter()
        .map(|a| {
            let mut d = AnswerDoc {
                wire: a.wire.into(),
                aliases: a.aliases.iter().map(|s| s.to_string()).collect(),
                name: a.name.into(),
                kind: AnswerKindDoc::Text,
                hoisted: a.hoisted,
                of: None,
                field: None,
                fields: None,
            };
            match &a.kind {
                AnswerKind::Text => {}
                AnswerKind::Bool => d.kind = AnswerKindDoc::Bool,
                AnswerKind::Object(inner) => {
                    d.kind = AnswerKindDoc::Object;
                    d.fields = Some(answers(inner));
                }
                AnswerKind::Entries { of, fields } => {
                    d.kind = AnswerKindDoc::Entries;
                    d.of = Some(of.to_string());
                    d.fields = Some(answers(fields));
                }
                AnswerKind::Pluck { of, field } => {
                    d.kind = AnswerKindDoc::Pluck;
                    d.of = Some(of.to_string());
                    d.field = Some(field.to_string());
                }
            }
            d
        })
        .collect()
}

fn success(s: &Success) -> SuccessDoc {
    match s {
        Success::TextIs { name, value } => SuccessDoc::TextIs { name: name.to_string(), value: value.to_string() },
        Success::IsTrue { name } => SuccessDoc::IsTrue { name: name.to_string() },
        Success::AllEntries { object, flag, list, entry, also } => SuccessDoc::AllEntries {
            object: object.to_string(),
            flag: flag.to_string(),
            list: list.to_string(),
            entry: entry.to_string(),
            also: also.to_string(),
        },
        Success::Answered => SuccessDoc::Answered,
    }
}
