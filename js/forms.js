// Form-library glue (emitted as pkg/forms.mjs and pkg/forms.cjs, exported by every entry point): a report's
// issues in the shapes the form libraries of admin consoles take, so that each recipe is a line or two. Every
// verdict is still `check`'s; these only regroup its issues by field. Standard Schema users (react-hook-form,
// TanStack Form) need none of this: `schemas[method]` is the schema.

/** Issues grouped by path, in report order: Map path → { segments, errors: string[], warnings: string[] }. */
function byField(report) {
  const fields = new Map();
  const add = (issue, kind) => {
    let f = fields.get(issue.path);
    if (f === undefined) fields.set(issue.path, (f = { segments: issue.segments, errors: [], warnings: [] }));
    f[kind].push(issue.message);
  };
  for (const e of report.errors) add(e, 'errors');
  for (const w of report.warnings) add(w, 'warnings');
  return fields;
}

const sameName = (a, b) => a.length === b.length && a.every((s, i) => s === b[i]);

function makeForms(api) {
  /** `byField` of one `check` per change of the values (the values written out to tell), shared by the fields. */
  function perChange(method) {
    let seen = null;
    let fields = null;
    return (values) => {
      const text = api.stringify(values);
      if (text !== seen) {
        fields = byField(api.check(method, text));
        seen = text;
      }
      return fields;
    };
  }

  /**
   * Ant Design Form's `form.setFields(…)` entries for a report: one per field with an issue (`name` the
   * NamePath, `errors` and `warnings` — Ant Design shows warnings in their own colour); with the entries set
   * last time, each field no longer at fault is cleared. The whole payload's issues (path "") have no field:
   * they are in `report.errors` for a message above the form.
   */
  function antdFields(report, previous = []) {
    const out = [];
    for (const f of byField(report).values()) {
      if (f.segments.length > 0) out.push({ name: f.segments, errors: f.errors, warnings: f.warnings });
    }
    for (const p of previous) {
      if ((p.errors.length > 0 || p.warnings.length > 0) && !out.some((f) => sameName(f.name, p.name))) {
        out.push({ name: p.name, errors: [], warnings: [] });
      }
    }
    return out;
  }

  /**
   * Element Plus `FormItemRule`s: `rulesFor(prop)` for an `<el-form-item :prop="'items.0.itemCode'">` (or its
   * array form). Every field's validator reads one `check` of the whole model per change of the model (the model
   * is written out to tell), so validating a form of n fields checks it once, not n times.
   */
  function elementPlusRules(method, getModel, { trigger = ['blur', 'change'] } = {}) {
    const checked = perChange(method);
    const current = () => checked(getModel());
    return function rulesFor(prop) {
      const path = Array.isArray(prop) ? prop : String(prop).split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      return [{
        trigger,
        validator(_rule, _value, callback) {
          for (const f of current().values()) {
            if (f.errors.length > 0 && sameName(f.segments, path)) return callback(new Error(f.errors.join('; ')));
          }
          return callback();
        },
      }];
    };
  }

  /**
   * VeeValidate 4's typed schema (`useForm({ validationSchema: veeValidateSchema(method) })`): its errors at
   * VeeValidate's field paths (`item[3].itemCode`, the issues' own `path`), its value the normalized payload.
   */
  function veeValidateSchema(method) {
    return {
      __type: 'VVTypedSchema',
      async parse(values) {
        const r = api.check(method, values);
        if (r.ok) return { value: r.value, errors: [] };
        const errors = [];
        for (const [path, f] of byField(r)) if (f.errors.length > 0) errors.push({ path, errors: f.errors });
        return { errors };
      },
    };
  }

  /**
   * Formily 2's field validator (`<Field name="itemCode" validator={formilyValidator(M)} />`, or a schema's
   * `x-validator`): the field's errors as an error, else its warnings as a warning (Formily shows both), from one
   * `check` of the form's values per change of the values, shared by every field given the same validator.
   */
  function formilyValidator(method) {
    const checked = perChange(method);
    return function validator(_value, _rule, ctx) {
      // Formily's data path (void layout fields left out): ['item', 0, 'itemCode'], indices as numbers or text.
      const path = ctx.field.path.segments.map(String);
      for (const f of checked(ctx.form.values).values()) {
        if (!sameName(f.segments.map(String), path)) continue;
        if (f.errors.length > 0) return { type: 'error', message: f.errors.join('; ') };
        if (f.warnings.length > 0) return { type: 'warning', message: f.warnings.join('; ') };
      }
      return null;
    };
  }

  return { antdFields, elementPlusRules, veeValidateSchema, formilyValidator };
}
