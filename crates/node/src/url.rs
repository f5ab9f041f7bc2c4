//! The native half of `URL`/`URLSearchParams` (`modules/internal/url.js`): WHATWG URL parsing,
//! the setters and `application/x-www-form-urlencoded` on servo's `url` crate, whose `quirks`
//! module is the URL Standard's API (getters and setters) to the letter. The JavaScript side
//! keeps each URL's components; these functions take and return strings only, so no Rust
//! object outlives a call. Inputs are converted to USVStrings (lone surrogates become
//! U+FFFD), as WebIDL does.

use jsgen_engine::interp::{Args, Interp, JsResult};
use jsgen_engine::object::Obj;
use jsgen_engine::value::Value;
use url::{quirks, Url};

/// Adds `urlParse`, `urlSet`, `urlFormParse`, `urlFormSerialize`, `domainToASCII` and
/// `domainToUnicode` to the core modules' `binding`.
pub fn define_natives(it: &mut Interp, b: &Obj) {
    it.define_method(b, "urlParse", 2, url_parse);
    it.define_method(b, "urlSet", 3, url_set);
    it.define_method(b, "urlFormParse", 1, form_parse);
    it.define_method(b, "urlFormSerialize", 1, form_serialize);
    it.define_method(b, "domainToASCII", 1, |it, a| {
        let s = usv(it, &a.get(0))?;
        Ok(Value::from(
            url::Host::parse(&s)
                .map(|h| h.to_string())
                .unwrap_or_default()
                .as_str(),
        ))
    });
    it.define_method(b, "domainToUnicode", 1, |it, a| {
        let s = usv(it, &a.get(0))?;
        let (u, r) = idna_to_unicode(&s);
        Ok(Value::from(if r { u.as_str() } else { "" }))
    });
}

/// `url.domainToUnicode`: the host as the URL parser keeps it (ASCII, punycode labels
/// included: the `url` crate has no ToUnicode); `false` if it is no valid domain.
fn idna_to_unicode(s: &str) -> (String, bool) {
    match url::Host::parse(s) {
        Ok(h) => (h.to_string(), true),
        Err(_) => (String::new(), false),
    }
}

/// ToString then USVString.
fn usv(it: &mut Interp, v: &Value) -> JsResult<String> {
    Ok(it.to_string(v)?.to_rust_string())
}

/// The components the JavaScript side keeps, in this order.
fn components(it: &mut Interp, u: &Url) -> Value {
    let parts = [
        quirks::href(u).to_string(),
        quirks::origin(u),
        quirks::protocol(u).to_string(),
        quirks::username(u).to_string(),
        quirks::password(u).to_string(),
        quirks::host(u).to_string(),
        quirks::hostname(u).to_string(),
        quirks::port(u).to_string(),
        quirks::pathname(u).to_string(),
        quirks::search(u).to_string(),
        quirks::hash(u).to_string(),
    ];
    let values = parts.iter().map(|s| Value::from(s.as_str())).collect();
    Value::Object(it.new_array(values))
}

/// `urlParse(input, base)`: the components, or `null` when either does not parse.
fn url_parse(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let input = usv(it, &a.get(0))?;
    let parsed = match a.get(1) {
        Value::Undefined => Url::parse(&input),
        b => {
            let base = usv(it, &b)?;
            match Url::parse(&base) {
                Ok(base) => base.join(&input),
                Err(e) => Err(e),
            }
        }
    };
    Ok(match parsed {
        Ok(u) => components(it, &u),
        Err(_) => Value::Null,
    })
}

/// `urlSet(href, name, value)`: the components after setting `name` (`null` if `href` is
/// no URL or the `href` setter fails, which throws in JavaScript).
fn url_set(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let href = usv(it, &a.get(0))?;
    let name = usv(it, &a.get(1))?;
    let value = usv(it, &a.get(2))?;
    let Ok(mut u) = Url::parse(&href) else {
        return Ok(Value::Null);
    };
    match name.as_str() {
        "href" if quirks::set_href(&mut u, &value).is_err() => return Ok(Value::Null),
        "href" => {}
        "protocol" => {
            let _ = quirks::set_protocol(&mut u, &value);
        }
        "username" => {
            let _ = quirks::set_username(&mut u, &value);
        }
        "password" => {
            let _ = quirks::set_password(&mut u, &value);
        }
        "host" => {
            let _ = quirks::set_host(&mut u, &value);
        }
        "hostname" => {
            let _ = quirks::set_hostname(&mut u, &value);
        }
        "port" => {
            let _ = quirks::set_port(&mut u, &value);
        }
        "pathname" => quirks::set_pathname(&mut u, &value),
        "search" => quirks::set_search(&mut u, &value),
        "hash" => quirks::set_hash(&mut u, &value),
        _ => {}
    }
    Ok(components(it, &u))
}

/// `urlFormParse(string)`: the name/value list of an `application/x-www-form-urlencoded`
/// string, flat (`[name0, value0, name1, value1, ...]`).
fn form_parse(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let s = usv(it, &a.get(0))?;
    let mut out = Vec::new();
    for (k, v) in url::form_urlencoded::parse(s.as_bytes()) {
        out.push(Value::from(k.as_ref()));
        out.push(Value::from(v.as_ref()));
    }
    Ok(Value::Object(it.new_array(out)))
}

/// `urlFormSerialize(list)`: the flat name/value list serialized.
fn form_serialize(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let list = it.create_list_from_array_like(&a.get(0))?;
    let mut ser = url::form_urlencoded::Serializer::new(String::new());
    for pair in list.chunks_exact(2) {
        let k = usv(it, &pair[0])?;
        let v = usv(it, &pair[1])?;
        ser.append_pair(&k, &v);
    }
    Ok(Value::from(ser.finish().as_str()))
}

// ---- URLPattern (`modules/internal/url_pattern.js`) on denoland's `urlpattern` crate, the
// way Deno uses it: the crate parses the pattern into per-component regular-expression
// sources and group names, and the JavaScript side compiles them with the engine's own
// `RegExp` (ECMAScript syntax, groups in order).

const PATTERN_KEYS: [&str; 8] = [
    "protocol", "username", "password", "hostname", "port", "pathname", "search", "hash",
];

/// Adds `urlPatternParse` and `urlPatternInput` to `binding`.
pub fn define_pattern_natives(it: &mut Interp, b: &Obj) {
    it.define_method(b, "urlPatternParse", 3, url_pattern_parse);
    it.define_method(b, "urlPatternInput", 2, url_pattern_input);
}

/// A `URLPatternInit` dictionary or a string, as the crate takes it.
fn string_or_init(
    it: &mut Interp,
    v: &Value,
) -> JsResult<urlpattern::quirks::StringOrInit<'static>> {
    use urlpattern::quirks::{StringOrInit, UrlPatternInit};
    let Value::Object(o) = v else {
        return Ok(StringOrInit::String(usv(it, v)?.into()));
    };
    let mut field = |name: &str| -> JsResult<Option<String>> {
        let x = it.get(o, &jsgen_engine::object::PropKey::from(name))?;
        if x.is_undefined() {
            Ok(None)
        } else {
            Ok(Some(usv(it, &x)?))
        }
    };
    Ok(StringOrInit::Init(UrlPatternInit {
        protocol: field("protocol")?,
        username: field("username")?,
        password: field("password")?,
        hostname: field("hostname")?,
        port: field("port")?,
        pathname: field("pathname")?,
        search: field("search")?,
        hash: field("hash")?,
        base_url: field("baseURL")?,
    }))
}

fn optional_base(it: &mut Interp, v: &Value) -> JsResult<Option<String>> {
    if v.is_undefined() {
        Ok(None)
    } else {
        Ok(Some(usv(it, v)?))
    }
}

/// `urlPatternParse(input, baseURL, ignoreCase)`: `[hasRegExpGroups, [pattern, regexp,
/// [groupNames]] x 8]`, or `null` when the pattern is invalid.
fn url_pattern_parse(it: &mut Interp, a: &Args) -> JsResult<Value> {
    use urlpattern::quirks;
    let input = string_or_init(it, &a.get(0))?;
    let base = optional_base(it, &a.get(1))?;
    let options = urlpattern::UrlPatternOptions {
        ignore_case: a.get(2).to_boolean(),
        ..Default::default()
    };
    let parsed = quirks::process_construct_pattern_input(input, base.as_deref())
        .and_then(|init| quirks::parse_pattern::<quirks::EcmaRegexp>(init, options));
    let Ok(p) = parsed else {
        return Ok(Value::Null);
    };
    let mut out = vec![Value::Bool(p.has_regexp_groups)];
    for c in [
        &p.protocol,
        &p.username,
        &p.password,
        &p.hostname,
        &p.port,
        &p.pathname,
        &p.search,
        &p.hash,
    ] {
        let names = c
            .group_name_list
            .iter()
            .map(|n| Value::from(n.as_str()))
            .collect();
        let names = Value::Object(it.new_array(names));
        let comp = vec![
            Value::from(c.pattern_string.as_str()),
            Value::from(c.regexp_string.as_str()),
            names,
        ];
        out.push(Value::Object(it.new_array(comp)));
    }
    Ok(Value::Object(it.new_array(out)))
}

/// `urlPatternInput(input, baseURL)`: the eight component strings to match, or `null` when
/// the input is no URL (a failed match, not an error). Throws for an init dictionary with a
/// separate base URL.
fn url_pattern_input(it: &mut Interp, a: &Args) -> JsResult<Value> {
    use urlpattern::quirks;
    let input = string_or_init(it, &a.get(0))?;
    let base = optional_base(it, &a.get(1))?;
    let m = match quirks::process_match_input(input, base.as_deref()) {
        Ok(Some((m, _))) => m,
        Ok(None) => return Ok(Value::Null),
        Err(e) => return Err(it.type_error(e.to_string())),
    };
    let Some(i) = quirks::parse_match_input(m) else {
        return Ok(Value::Null);
    };
    let parts = [
        i.protocol, i.username, i.password, i.hostname, i.port, i.pathname, i.search, i.hash,
    ];
    debug_assert_eq!(parts.len(), PATTERN_KEYS.len());
    let values = parts.iter().map(|s| Value::from(s.as_str())).collect();
    Ok(Value::Object(it.new_array(values)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(it: &mut Interp, v: &Value) -> Vec<String> {
        it.create_list_from_array_like(v)
            .unwrap()
            .iter()
            .map(|s| it.to_string_lossy(s))
            .collect()
    }

    #[test]
    fn components_follow_the_url_standard() {
        let mut it = crate::node_interp();
        let u = Url::parse("HTTPS://User:pw@EXAMPLE.com:443/a/../b?x=1#h").unwrap();
        let c = components(&mut it, &u);
        assert_eq!(
            strings(&mut it, &c),
            [
                "https://User:pw@example.com/b?x=1#h",
                "https://example.com",
                "https:",
                "User",
                "pw",
                "example.com",
                "example.com",
                "",
                "/b",
                "?x=1",
                "#h"
            ]
        );
    }

    #[test]
    fn form_encoding_round_trips() {
        let mut it = crate::node_interp();
        let b = it.new_object();
        define_natives(&mut it, &b);
        let parse = it
            .get(&b, &jsgen_engine::static_key!("urlFormParse"))
            .unwrap();
        let ser = it
            .get(&b, &jsgen_engine::static_key!("urlFormSerialize"))
            .unwrap();
        let list = it
            .call(&parse, &Value::Undefined, &[Value::from("a=1&b=x+y%21&c")])
            .unwrap();
        assert_eq!(strings(&mut it, &list), ["a", "1", "b", "x y!", "c", ""]);
        let s = it.call(&ser, &Value::Undefined, &[list]).unwrap();
        assert_eq!(it.to_string_lossy(&s), "a=1&b=x+y%21&c=");
    }
}
