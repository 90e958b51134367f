//! JS operations that can throw, imported with `catch`: on a Proxy (its traps), a revoked Proxy (a stale
//! Immer draft), an object with throwing getters or an object that only looks like a Date, js-sys's own bindings
//! would let the exception unwind through wasm frames — skipping the stack-pointer restore and leaking what was
//! decoded, until the instance breaks. Here every failure is a value the decoder reports at its path.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    pub fn keys(o: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = getPrototypeOf)]
    pub fn prototype_of(o: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    pub fn is_array(v: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    pub fn get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    pub fn get_index(target: &JsValue, index: u32) -> Result<JsValue, JsValue>;
    /// Anything `instanceof Date`, which is also true of `Object.create(Date.prototype)` and a Proxy around a
    /// Date: their `getTime()` throws.
    pub type DateLike;
    #[wasm_bindgen(catch, method, js_name = getTime)]
    fn get_time(this: &DateLike) -> Result<f64, JsValue>;
}

/// `d.getTime()`, or the exception it threw.
pub fn time(d: &JsValue) -> Result<f64, JsValue> {
    d.unchecked_ref::<DateLike>().get_time()
}

thread_local! {
    /// `Object.prototype` of this instance's realm, read once (not from a new object for every object decoded).
    static OBJECT_PROTOTYPE: JsValue = js_sys::Object::get_prototype_of(&js_sys::Object::new()).into();
}

/// Whether a prototype makes a plain object: none, or `Object.prototype`.
pub fn plain_prototype(proto: &JsValue) -> bool {
    proto.is_null() || OBJECT_PROTOTYPE.with(|p| p == proto)
}

/// `v.length` as an array length, if it reads as one.
pub fn length(v: &JsValue) -> Result<u32, ()> {
    let n = get(v, &JsValue::from_str("length")).map_err(|_| ())?.as_f64().ok_or(())?;
    if n >= 0.0 && n <= f64::from(u32::MAX) && n.fract() == 0.0 {
        Ok(n as u32)
    } else {
        Err(())
    }
}

/// `Array.isArray(v)`; a revoked Proxy (which makes it throw) is not an array.
pub fn array(v: &JsValue) -> bool {
    is_array(v).unwrap_or(false)
}
