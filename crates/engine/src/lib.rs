//! jsgen's ECMAScript engine: values, strings, objects and their GC, the AST-walking
//! evaluator and the built-ins ECMA-262 and ECMA-402 define. It knows nothing of Node: what
//! it needs from a host (the clock, module loading, `import.meta`, job bookkeeping) goes
//! through [`host::HostHooks`], as Boa's `HostHooks` and QuickJS's `quickjs.h` split.
//!
//! - [`value`], [`object`], [`object_kind`], [`gc`], [`bigint`]: the value model;
//! - [`interp`]: the evaluator (resumable frames for `yield`/`await`), the microtask queue,
//!   generators, iterators, Proxy, errors and their stacks, running scripts;
//! - [`builtins`]: one module per global.
//!
//! The front end is `jsgen-syntax`; its modules are re-exported here because the engine's
//! API speaks in them (a `JsStr` is a string value, an `ast::Span` a source position).

pub use jsgen_syntax::{ast, lexer, parser, position, regexp, resolve, string};

/// The [`object::PropKey`] of a name written in the source of the engine, interned once per
/// thread at each place it is written: `static_key!("index")` hashes the text and looks it
/// up in the interner on every call (~150 instructions; eight of them per `RegExp#exec`).
/// Declared before the modules so that all of them can use it; exported for the host crates.
#[macro_export]
macro_rules! static_key {
    ($name:literal) => {{
        thread_local! {
            static KEY: $crate::object::PropKey = $crate::object::PropKey::from($name);
        }
        KEY.with(|k| k.clone())
    }};
}

pub mod bigint;
pub mod builtins;
pub mod gc;
pub mod host;
pub mod interp;
mod intl_available_locales;
mod intl_compact_patterns;
mod intl_currency_symbols;
mod intl_date_intervals;
mod intl_date_patterns;
mod intl_day_periods;
mod intl_display_names_data;
mod intl_duration_separators;
mod intl_keyword_aliases;
// The languages Node has data for: the input of `data/gen-available-locales.js`.
#[allow(dead_code)]
mod intl_languages;
mod intl_locale_info;
mod intl_number_patterns;
mod intl_number_range;
mod intl_supported_values;
mod intl_unit_patterns;
pub mod object;
pub mod object_kind;
mod prop_map;
pub mod time_zone;
mod time_zone_names;
pub mod value;
