//! ES modules from files: Node's ESM resolution and loading on top of the engine's Source
//! Text Module Records (`jsgen_engine::interp::module`).

use std::path::Path;

use jsgen_engine::interp::{Interp, JsResult};
use jsgen_engine::object::Obj;
use jsgen_engine::value::Value;

/// The ES module loader's state.
#[derive(Default)]
pub struct EsmLoader {}

/// Does a text that failed to parse as CommonJS look like an ES module (Node 24's syntax
/// detection: it parses as a module)?
pub fn looks_like_esm(text: &str) -> bool {
    jsgen_engine::interp::script::parse_module_like(text, true).is_ok()
}

/// `require()` of an ES module (Node 24): its namespace, if the graph has no top-level await.
pub fn require_esm(
    it: &mut Interp,
    path: &Path,
    _text: &str,
    _parent: Option<&Obj>,
) -> JsResult<Value> {
    Err(it.type_error(format!("cannot require ES module {}", path.display())))
}
