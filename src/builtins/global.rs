//! Global functions: `parseInt`, `parseFloat`, `isNaN`, `isFinite`, `eval`, and the value
//! properties `globalThis`, `NaN`, `Infinity`, `undefined`.

use crate::interp::scope::Env;
use crate::interp::{Interp, JsResult};
use crate::object::Attrs;
use crate::value::Value;

pub fn init(it: &mut Interp) {
    let g = it.global.clone();
    g.define("globalThis", Value::Object(g.clone()), Attrs::HIDDEN);
    g.define("NaN", Value::Number(f64::NAN), Attrs::NONE);
    g.define("Infinity", Value::Number(f64::INFINITY), Attrs::NONE);
    g.define("undefined", Value::Undefined, Attrs::NONE);
    let eval = it.define_method(&g, "eval", 1, |it, a| perform_eval(it, a.get(0), None));
    it.intrinsics.eval_fn = eval;
}

/// PerformEval: `env` is `Some` for a direct eval (the caller's environment).
pub fn perform_eval(it: &mut Interp, x: Value, env: Option<&Env>) -> JsResult<Value> {
    it.perform_eval(x, env)
}
