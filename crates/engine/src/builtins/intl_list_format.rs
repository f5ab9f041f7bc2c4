//! `Intl.ListFormat` (ECMA-402 §13): option reading in the spec's order, StringListFromIterable
//! (a non-String element closes the iterator and throws), `format` by ICU4X's list patterns
//! (`intl_icu::list_format`), `formatToParts` from the same patterns read as a layout.

use super::intl::{intl_data, resolve_service_locale, str_opt, IntlData, Service};
use super::intl_segmenter::get_options_object;
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind};
use crate::value::Value;

const CTOR: &str = "Intl.ListFormat";

/// A list pattern applied to `n` elements: the element indices and the literals between
/// them, in order (`Err(literal)`/`Ok(index)`). The pattern is read by formatting private-use
/// placeholders, so an element's own text never confuses the split.
pub(crate) fn list_layout(
    locale: &str,
    kind: u8,
    style: u8,
    n: usize,
) -> Vec<Result<usize, String>> {
    let marks: Vec<String> = (0..n)
        .map(|i| char::from_u32(0xF0000 + i as u32).map_or(String::new(), String::from))
        .collect();
    let joined = super::intl_icu::list_format(locale, kind, style, &marks);
    let mut out = Vec::new();
    let mut literal = String::new();
    for c in joined.chars() {
        let k = c as u32;
        if (0xF0000..0xF0000 + n as u32).contains(&k) {
            if !literal.is_empty() {
                out.push(Err(std::mem::take(&mut literal)));
            }
            out.push(Ok((k - 0xF0000) as usize));
        } else {
            literal.push(c);
        }
    }
    if !literal.is_empty() {
        out.push(Err(literal));
    }
    out
}

/// The parts of `items` joined by the list pattern: `(is_element, text)`. The layout comes from
/// placeholders; where ICU4X's pattern depends on the next element's text (Spanish `y`/`e`,
/// Hebrew `ו`), the literals are re-read off the real formatted string.
fn list_parts(locale: &str, kind: u8, style: u8, items: &[String]) -> Vec<(bool, String)> {
    let layout = list_layout(locale, kind, style, items.len());
    let mut parts: Vec<(bool, String)> = layout
        .iter()
        .map(|p| match p {
            Ok(i) => (true, items.get(*i).cloned().unwrap_or_default()),
            Err(l) => (false, l.clone()),
        })
        .collect();
    let real = super::intl_icu::list_format(locale, kind, style, items);
    let joined: String = parts.iter().map(|(_, s)| s.as_str()).collect();
    if joined == real {
        return parts;
    }
    // Re-split `real`: every element is found in order, the text between is literal.
    let mut out = Vec::new();
    let mut pos = 0;
    let n = parts.iter().filter(|(e, _)| *e).count();
    let mut seen = 0;
    for (is_el, text) in parts.drain(..) {
        if !is_el {
            continue;
        }
        seen += 1;
        let rest = real.get(pos..).unwrap_or("");
        let at = if seen == n {
            rest.rfind(text.as_str())
        } else {
            rest.find(text.as_str())
        };
        let Some(at) = at else {
            return layout
                .into_iter()
                .map(|p| match p {
                    Ok(i) => (true, items.get(i).cloned().unwrap_or_default()),
                    Err(l) => (false, l),
                })
                .collect();
        };
        if at > 0 {
            out.push((false, rest[..at].to_string()));
        }
        out.push((true, text.clone()));
        pos += at + text.len();
    }
    if pos < real.len() {
        out.push((false, real[pos..].to_string()));
    }
    out
}

fn kind_code(kind: &str) -> u8 {
    match kind {
        "conjunction" => 0,
        "disjunction" => 1,
        _ => 2,
    }
}

fn style_code(style: &str) -> u8 {
    match style {
        "long" => 0,
        "short" => 1,
        _ => 2,
    }
}

fn ctor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if a.new_target.is_none() {
        return Err(it.type_error("Constructor Intl.ListFormat requires 'new'"));
    }
    // OrdinaryCreateFromConstructor reads `prototype` first.
    let nt = a.new_target.cloned().unwrap_or_else(|| a.callee.clone());
    let proto = match it.get(&nt, &static_key!("prototype"))? {
        Value::Object(p) => p,
        _ => match it.get(a.callee, &static_key!("prototype"))? {
            Value::Object(p) => p,
            _ => it.intrinsics.object_prototype.clone(),
        },
    };
    let (locale, _) = resolve_service_locale(it, &a.get(0), Service::List)?;
    let opts = get_options_object(it, &a.get(1))?;
    str_opt(it, &opts, "localeMatcher", &["lookup", "best fit"], CTOR)?;
    let kind = str_opt(
        it,
        &opts,
        "type",
        &["conjunction", "disjunction", "unit"],
        CTOR,
    )?;
    let style = str_opt(it, &opts, "style", &["long", "short", "narrow"], CTOR)?;
    let data = IntlData::List {
        locale,
        kind: kind.unwrap_or_else(|| "conjunction".into()),
        style: style.unwrap_or_else(|| "long".into()),
    };
    Ok(Value::Object(Obj::new(
        Some(proto),
        ObjectKind::Intl(Box::new(data)),
    )))
}

/// The receiver's (locale, type, style), or V8's incompatible-receiver TypeError.
fn this_list(it: &mut Interp, this: &Value, method: &str) -> JsResult<(String, u8, u8)> {
    match intl_data(it, this, method) {
        Ok(IntlData::List {
            locale,
            kind,
            style,
        }) => Ok((locale, kind_code(&kind), style_code(&style))),
        _ => {
            let receiver = super::iterator::describe(it, this);
            Err(it.type_error(format!(
                "Method {method} called on incompatible receiver {receiver}"
            )))
        }
    }
}

/// StringListFromIterable(iterable).
fn string_list(it: &mut Interp, list: &Value) -> JsResult<Vec<String>> {
    let mut items = Vec::new();
    if list.is_undefined() {
        return Ok(items);
    }
    let mut rec = it.get_iterator(list)?;
    while let Some(v) = it.iterator_step_value(&mut rec)? {
        let Value::String(s) = &v else {
            let d = super::iterator::describe(it, &v);
            let err = Err(it.type_error(format!("Iterable yielded {d} which is not a string")));
            return it.iterator_close(&rec, err);
        };
        items.push(s.to_rust_string());
    }
    Ok(items)
}

fn format(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let (locale, kind, style) = this_list(it, a.this, "Intl.ListFormat.prototype.format")?;
    let items = string_list(it, &a.get(0))?;
    Ok(Value::from(
        super::intl_icu::list_format(&locale, kind, style, &items).as_str(),
    ))
}

fn format_to_parts(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let m = "Intl.ListFormat.prototype.formatToParts";
    let (locale, kind, style) = this_list(it, a.this, m)?;
    let items = string_list(it, &a.get(0))?;
    let mut out = Vec::new();
    for (is_el, text) in list_parts(&locale, kind, style, &items) {
        let o = it.new_object();
        let ty = if is_el { "element" } else { "literal" };
        o.define("type", Value::from(ty), Attrs::DEFAULT);
        o.define("value", Value::from(text.as_str()), Attrs::DEFAULT);
        out.push(Value::Object(o));
    }
    Ok(Value::Object(it.new_array(out)))
}

fn resolved_options(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let m = "Intl.ListFormat.prototype.resolvedOptions";
    this_list(it, a.this, m)?;
    let Ok(IntlData::List {
        locale,
        kind,
        style,
    }) = intl_data(it, a.this, m)
    else {
        return Ok(Value::Undefined);
    };
    let o = it.new_object();
    o.define("locale", Value::from(locale.as_str()), Attrs::DEFAULT);
    o.define("type", Value::from(kind.as_str()), Attrs::DEFAULT);
    o.define("style", Value::from(style.as_str()), Attrs::DEFAULT);
    Ok(Value::Object(o))
}

pub fn init(it: &mut Interp, intl: &Obj) {
    let (_, p) = super::intl::make_class(it, intl, "ListFormat", ctor, 0);
    it.define_method(&p, "resolvedOptions", 0, resolved_options);
    it.define_method(&p, "format", 1, format);
    it.define_method(&p, "formatToParts", 1, format_to_parts);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_follow_the_pattern() {
        let items: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        let p = list_parts("en", 0, 0, &items);
        let text: Vec<&str> = p.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(text, ["a", ", ", "b", ", and ", "c"]);
        // Spanish `y` becomes `e` before an `i` sound.
        let items: Vec<String> = ["España", "Irlanda"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let p = list_parts("es", 0, 0, &items);
        assert_eq!(p[1], (false, " e ".to_string()));
    }
}
