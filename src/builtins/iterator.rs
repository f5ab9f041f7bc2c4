//! `%IteratorPrototype%` (minimal placeholder until the full iterator built-ins land).

use crate::interp::Interp;

pub fn init(it: &mut Interp) {
    let ip = it.intrinsics.iterator_prototype.clone();
    let sym = it.symbols.iterator.clone();
    it.define_symbol_method(&ip, &sym, "[Symbol.iterator]", 0, |_, a| Ok(a.this.clone()));
}
