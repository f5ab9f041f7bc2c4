//! `util.formatWithOptions` (what `console.log` prints): `%s %d %i %f %j %o %O %c %%` in a
//! leading string, other arguments inspected and joined with spaces.

use super::{inspect_with, text, InspectOptions};
use jsgen_engine::interp::{Abrupt, Interp, JsResult};
use jsgen_engine::object::{Prop, PropKey, Slot};
use jsgen_engine::value::Value;

/// `hasBuiltInToString`: the object's `toString`/`Symbol.toPrimitive` comes from a built-in
/// prototype (so `%s` inspects it instead of calling `String()`).
fn has_builtin_to_string(it: &mut Interp, o: &jsgen_engine::object::Obj) -> JsResult<bool> {
    let to_string_key = jsgen_engine::static_key!("toString");
    let to_prim_key = PropKey::Sym(it.symbols.to_primitive.clone());
    let ts = it.get(o, &to_string_key)?;
    let mut check_to_string = true;
    let mut check_to_prim = true;
    if !it.is_callable(&ts) {
        let tp = it.get(o, &to_prim_key)?;
        if !it.is_callable(&tp) {
            return Ok(true);
        } else if o.get_own_property(&to_prim_key).is_some() {
            return Ok(false);
        }
        check_to_string = false;
    } else if o.get_own_property(&to_string_key).is_some() {
        return Ok(false);
    } else {
        let tp = it.get(o, &to_prim_key)?;
        if !it.is_callable(&tp) {
            check_to_prim = false;
        } else if o.get_own_property(&to_prim_key).is_some() {
            return Ok(false);
        }
    }
    let mut pointer = o.clone();
    loop {
        let Some(p) = pointer.proto() else {
            return Ok(true);
        };
        pointer = p;
        if (check_to_string && pointer.get_own_property(&to_string_key).is_some())
            || (check_to_prim && pointer.get_own_property(&to_prim_key).is_some())
        {
            break;
        }
    }
    if let Some(Prop {
        slot: Slot::Data(Value::Object(c)),
        ..
    }) = pointer.get_own_property(&jsgen_engine::static_key!("constructor"))
    {
        if c.is_callable() {
            let name = it.get(&c, &jsgen_engine::static_key!("name"))?;
            if let Value::String(n) = name {
                return Ok(super::is_builtin_name(it, &n.to_rust_string()));
            }
        }
    }
    Ok(false)
}

/// `JSON.stringify(v)` through the global `JSON` object; circular structures give
/// `'[Circular]'`.
fn try_stringify(it: &mut Interp, v: &Value) -> JsResult<String> {
    let json = it.get(&it.global.clone(), &jsgen_engine::static_key!("JSON"))?;
    let Value::Object(j) = &json else {
        return Ok("undefined".into());
    };
    let f = it.get(j, &jsgen_engine::static_key!("stringify"))?;
    match it.call(&f, &json, std::slice::from_ref(v)) {
        Ok(Value::String(s)) => Ok(s.to_rust_string()),
        Ok(other) => Ok(it.to_string_lossy(&other)),
        Err(Abrupt::Throw(e)) => {
            if let Value::Object(eo) = &e {
                let is_type_error = eo.proto().is_some_and(|p| {
                    jsgen_engine::object::Obj::ptr_eq(&p, &it.intrinsics.type_error_prototype)
                });
                if is_type_error {
                    if let Some(Value::String(m)) =
                        eo.get_own_data(&jsgen_engine::static_key!("message"))
                    {
                        if m.to_rust_string()
                            .starts_with("Converting circular structure to JSON")
                        {
                            return Ok("[Circular]".into());
                        }
                    }
                }
            }
            Err(Abrupt::Throw(e))
        }
        Err(e) => Err(e),
    }
}

fn string_units(it: &mut Interp, v: &Value) -> JsResult<Vec<u16>> {
    Ok(it.to_string(v)?.units().to_vec())
}

/// `formatWithOptionsInternal`.
pub fn format_with_options(
    it: &mut Interp,
    opts: &InspectOptions,
    args: &[Value],
) -> JsResult<String> {
    let mut a = 0usize;
    let mut out = Limited::default();
    let mut join = "";
    let sep = opts.numeric_separator;
    if let Some(Value::String(first)) = args.first() {
        if args.len() == 1 {
            return Ok(first.to_rust_string());
        }
        out.reserve_units(it, first.len())?;
        let f = first.units();
        let mut last_pos = 0usize;
        let mut i = 0usize;
        let push_units =
            |out: &mut Limited, u: &[u16]| out.text.push_str(&String::from_utf16_lossy(u));
        while i + 1 < f.len() {
            if f[i] == b'%' as u16 {
                i += 1;
                let next = f[i];
                if a + 1 != args.len() {
                    let temp: String = match next {
                        115 => {
                            // 's'
                            a += 1;
                            let arg = args[a].clone();
                            match &arg {
                                Value::String(s) => {
                                    out.reserve_units(it, s.len())?;
                                    s.to_rust_string()
                                }
                                Value::Number(n) => text::format_number(*n, sep),
                                Value::BigInt(b) => text::format_bigint(b, sep),
                                Value::Symbol(s) => s.descriptive_string(),
                                Value::Object(o)
                                    if !o.is_callable() && has_builtin_to_string(it, o)? =>
                                {
                                    let mut o2 = opts.clone();
                                    o2.compact = super::Compact::Level(3.0);
                                    o2.colors = false;
                                    o2.depth = Some(0.0);
                                    inspect_with(it, &arg, &o2)?
                                }
                                v => it.to_string(v)?.to_rust_string(),
                            }
                        }
                        106 => {
                            // 'j'
                            a += 1;
                            try_stringify(it, &args[a].clone())?
                        }
                        100 => {
                            // 'd'
                            a += 1;
                            match &args[a].clone() {
                                Value::BigInt(b) => text::format_bigint(b, sep),
                                Value::Symbol(_) => "NaN".into(),
                                v => {
                                    // `Number(v)`: a boxed BigInt converts.
                                    let n = it.to_numeric_as_number(v)?;
                                    text::format_number(n, sep)
                                }
                            }
                        }
                        79 => {
                            // 'O'
                            a += 1;
                            inspect_with(it, &args[a].clone(), opts)?
                        }
                        111 => {
                            // 'o'
                            a += 1;
                            let mut o2 = opts.clone();
                            o2.show_hidden = true;
                            o2.show_proxy = true;
                            o2.depth = Some(4.0);
                            inspect_with(it, &args[a].clone(), &o2)?
                        }
                        105 => {
                            // 'i'
                            a += 1;
                            match &args[a].clone() {
                                Value::BigInt(b) => text::format_bigint(b, sep),
                                Value::Symbol(_) => "NaN".into(),
                                v => {
                                    let u = string_units(it, v)?;
                                    text::format_number(text::parse_int(&u), sep)
                                }
                            }
                        }
                        102 => {
                            // 'f'
                            a += 1;
                            match &args[a].clone() {
                                Value::Symbol(_) => "NaN".into(),
                                v => {
                                    let u = string_units(it, v)?;
                                    text::format_number(text::parse_float(&u), sep)
                                }
                            }
                        }
                        99 => {
                            // 'c'
                            a += 1;
                            String::new()
                        }
                        37 => {
                            // '%'
                            push_units(&mut out, &f[last_pos..i]);
                            last_pos = i + 1;
                            i += 1;
                            continue;
                        }
                        _ => {
                            i += 1;
                            continue;
                        }
                    };
                    if last_pos != i - 1 {
                        push_units(&mut out, &f[last_pos..i - 1]);
                    }
                    out.push(it, &temp)?;
                    last_pos = i + 1;
                } else if next == 37 {
                    push_units(&mut out, &f[last_pos..i]);
                    last_pos = i + 1;
                }
            }
            i += 1;
        }
        if last_pos != 0 {
            a += 1;
            join = " ";
            if last_pos < f.len() {
                push_units(&mut out, &f[last_pos..]);
            }
        }
    }
    while a < args.len() {
        let v = args[a].clone();
        out.text.push_str(join);
        match &v {
            Value::String(s) => {
                out.reserve_units(it, s.len())?;
                out.text.push_str(&s.to_rust_string())
            }
            _ => {
                let text = inspect_with(it, &v, opts)?;
                out.push(it, &text)?
            }
        }
        join = " ";
        a += 1;
    }
    Ok(out.text)
}

/// The text `util.format` builds, with a count of its UTF-16 length: past V8's string
/// length limit it throws `RangeError: Invalid string length` before copying anything, as
/// Node's concatenation does (a format of two 2^28-character strings took 36 s and 3.6 GB).
#[derive(Default)]
struct Limited {
    text: String,
    units: usize,
}

impl Limited {
    fn reserve_units(&mut self, it: &mut Interp, n: usize) -> JsResult<()> {
        self.units = self.units.saturating_add(n);
        if self.units > jsgen_engine::builtins::string::MAX_STRING_LENGTH {
            return Err(it.range_error("Invalid string length"));
        }
        Ok(())
    }

    fn push(&mut self, it: &mut Interp, s: &str) -> JsResult<()> {
        self.reserve_units(it, s.encode_utf16().count())?;
        self.text.push_str(s);
        Ok(())
    }
}
