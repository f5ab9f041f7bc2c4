//! The ECMAScript built-in objects (ECMA-262 and ECMA-402), one file per global (Boa-style).
//! Each module has an `init(&mut Interp)` that installs its constructor/prototype methods on
//! the realm's intrinsics and its global binding on the global object. Host globals
//! (`console`, timers, `process`, ...) are the host's: see `jsgen-node`.

pub mod array;
pub mod array_buffer;
pub mod array_from_async;
pub mod array_sort;
pub mod atomics;
pub mod bigint;
pub mod boolean;
pub mod data_view;
pub mod date;
pub mod disposable_stack;
pub mod error;
pub mod function;
pub mod global;
pub mod intl;
pub mod intl_compact;
pub mod intl_date_interval;
pub mod intl_date_time_format;
pub mod intl_day_period;
pub mod intl_display_names;
pub mod intl_duration_format;
pub mod intl_icu;
pub mod intl_list_format;
pub mod intl_locale;
pub mod intl_number_format_digits;
pub mod intl_number_format_range;
pub mod intl_relative_time_format;
pub mod intl_segmenter;
pub mod intl_units;
pub mod iterator;
pub mod json;
pub mod map;
pub mod math;
pub mod number;
pub mod object;
pub mod promise;
pub mod proxy;
pub mod reflect;
pub mod regexp;
pub mod string;
pub mod symbol;
pub mod typed_array;
pub mod typed_array_proto;
pub mod uint8_base64;
pub mod weak_ref;

use crate::interp::Interp;
use crate::object::{Attrs, Obj, Prop, PropKey, Slot};
use crate::value::Value;

/// Installs every built-in into a fresh realm.
pub fn init_all(it: &mut Interp) {
    object::init(it);
    function::init(it);
    symbol::init(it);
    error::init(it);
    iterator::init(it);
    array::init(it);
    string::init(it);
    number::init(it);
    bigint::init(it);
    boolean::init(it);
    math::init(it);
    json::init(it);
    map::init(it);
    weak_ref::init(it);
    array_buffer::init(it);
    typed_array::init(it);
    data_view::init(it);
    atomics::init(it);
    reflect::init(it);
    proxy::init(it);
    global::init(it);
    promise::init(it);
    date::init(it);
    define_lazy_global(it, "Intl", |it, _| {
        intl::init(it);
        it.global
            .get_own_data(&static_key!("Intl"))
            .unwrap_or(Value::Undefined)
    });
    regexp::init(it);
    disposable_stack::init(it);
    crate::interp::generator::init(it);
}

/// Defines a global binding (`globalThis.name`), writable and configurable but not enumerable,
/// as built-in globals are.
pub fn define_global(it: &Interp, name: &str, v: Value) {
    it.global.define(name, v, Attrs::HIDDEN);
}

/// Defines a global binding like [`define_global`] whose value `init` builds on first use
/// ([`Slot::Lazy`]): `Intl` costs 0.45 M instructions to build, a tenth of start-up.
pub fn define_lazy_global(it: &Interp, name: &str, init: fn(&mut Interp, &PropKey) -> Value) {
    define_lazy(&it.global, name, Attrs::HIDDEN, init);
}

/// Defines `o.name` as a data property (with `attrs`) whose value `init` builds on first
/// use ([`Slot::Lazy`]): host objects a script rarely reads (`process.versions`).
pub fn define_lazy(o: &Obj, name: &str, attrs: Attrs, init: fn(&mut Interp, &PropKey) -> Value) {
    o.borrow_mut().props.insert(
        PropKey::from(name),
        Prop {
            slot: Slot::Lazy(init),
            attrs,
        },
    );
}

/// Wires a constructor to its prototype: `C.prototype = P` (non-writable) and
/// `P.constructor = C`.
pub fn link_ctor_proto(ctor: &Obj, proto: &Obj) {
    ctor.define("prototype", Value::Object(proto.clone()), Attrs::NONE);
    proto.define("constructor", Value::Object(ctor.clone()), Attrs::HIDDEN);
}
