//! The named exports and re-exports of a CommonJS module, found by a static scan as Node 24's
//! cjs-module-lexer (its C++ port, merve) finds them. An approximation written against the
//! lexer's observable results (`internalBinding('cjs_lexer').parse` in Node 24): the source is
//! first masked (comments blanked, string, template and regular expression text marked as not
//! code), then these forms are recognised at code positions:
//!
//! * `exports.x =`, `module.exports.x =`, `exports['x'] =` (any `=` after the name, as the
//!   lexer only looks at the next character);
//! * `Object.defineProperty(exports, 'x', { value: ... })`, with `enumerable: true,` allowed
//!   first, and getters that only read (`get: function [name]() { return a }`, `return a.b`,
//!   `return a['b']`, or `get() { ... }`);
//! * `module.exports = require('x')` (a re-export), and `module.exports = { ... }`: shorthand
//!   keys, `key: identifier` (added; anything but `,`/`}` after the identifier ends the walk),
//!   `key: require('x')` (added and re-exported; ends the walk), `...require('x')`
//!   (re-exported), `...name` (skipped); anything else ends the walk. Each assignment to
//!   `module.exports` drops the re-exports found before it;
//! * TypeScript's `__exportStar(require('x'), exports)` / `__export(require('x'))`;
//! * Babel's and Rollup's `Object.keys(x).forEach(function (k) { <guard> <copy> })` with `x`
//!   declared earlier as `var|let|const x = require('x')` (or `_interopRequireWildcard(...)`).

/// Source text with comments blanked out (byte offsets kept) and, per byte, whether it is
/// code (not inside a string, a template's text or a regular expression literal).
struct Masked {
    text: String,
    code: Vec<bool>,
}

fn is_id_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

/// Keywords after which a `/` starts a regular expression.
fn regex_after_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"return"
            | b"typeof"
            | b"instanceof"
            | b"in"
            | b"of"
            | b"new"
            | b"delete"
            | b"void"
            | b"throw"
            | b"case"
            | b"do"
            | b"else"
            | b"yield"
            | b"await"
    )
}

fn mask(src: &str) -> Masked {
    let b = src.as_bytes();
    let n = b.len();
    let mut out = b.to_vec();
    let mut code = vec![true; n];
    let mut i = 0;
    let mut depth = 0usize;
    // The brace depth at each open `${` of the templates we are inside.
    let mut templates: Vec<usize> = Vec::new();
    let mut regex_ok = true;
    // Skips a template's text from `i` (just after `` ` `` or the `}` of a substitution):
    // returns the index after the closing backtick or after `${`.
    let template_text =
        |mut i: usize, code: &mut [bool], depth: &mut usize, templates: &mut Vec<usize>| {
            while i < n {
                match b[i] {
                    b'\\' => {
                        code[i] = false;
                        if i + 1 < n {
                            code[i + 1] = false;
                        }
                        i += 2;
                    }
                    b'`' => return i + 1,
                    b'$' if i + 1 < n && b[i + 1] == b'{' => {
                        *depth += 1;
                        templates.push(*depth);
                        return i + 2;
                    }
                    _ => {
                        code[i] = false;
                        i += 1;
                    }
                }
            }
            n
        };
    while i < n {
        let c = b[i];
        let next = if i + 1 < n { b[i + 1] } else { 0 };
        match c {
            b'/' if next == b'/' => {
                while i < n && b[i] != b'\n' {
                    out[i] = b' ';
                    code[i] = false;
                    i += 1;
                }
                continue;
            }
            b'/' if next == b'*' => {
                let end = src[i + 2..].find("*/").map_or(n, |j| i + 2 + j + 2);
                for k in i..end {
                    if b[k] != b'\n' {
                        out[k] = b' ';
                    }
                    code[k] = false;
                }
                i = end;
                continue;
            }
            b'\'' | b'"' => {
                let mut j = i + 1;
                while j < n && b[j] != c && b[j] != b'\n' {
                    code[j] = false;
                    if b[j] == b'\\' && j + 1 < n {
                        code[j + 1] = false;
                        j += 1;
                    }
                    j += 1;
                }
                i = j + 1;
                regex_ok = false;
                continue;
            }
            b'`' => {
                i = template_text(i + 1, &mut code, &mut depth, &mut templates);
                regex_ok = templates.last() == Some(&depth);
                continue;
            }
            b'/' if regex_ok => {
                let mut j = i + 1;
                let mut class = false;
                while j < n && b[j] != b'\n' {
                    match b[j] {
                        b'\\' => {
                            code[j] = false;
                            j += 1;
                            if j < n {
                                code[j] = false;
                            }
                        }
                        b'[' => class = true,
                        b']' => class = false,
                        b'/' if !class => break,
                        _ => {}
                    }
                    if j < n {
                        code[j] = false;
                    }
                    j += 1;
                }
                i = j + 1;
                while i < n && is_id_byte(b[i]) {
                    i += 1;
                }
                regex_ok = false;
                continue;
            }
            b'{' => {
                depth += 1;
                regex_ok = true;
            }
            b'}' => {
                if templates.last() == Some(&depth) {
                    templates.pop();
                    depth = depth.saturating_sub(1);
                    i = template_text(i + 1, &mut code, &mut depth, &mut templates);
                    regex_ok = templates.last() == Some(&depth);
                    continue;
                }
                depth = depth.saturating_sub(1);
                regex_ok = true;
            }
            b')' | b']' | b'.' => regex_ok = false,
            c if is_id_byte(c) => {
                let start = i;
                while i < n && is_id_byte(b[i]) {
                    i += 1;
                }
                let w = &b[start..i];
                regex_ok = regex_after_word(w);
                continue;
            }
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => regex_ok = true,
        }
        i += 1;
    }
    Masked {
        // Only ASCII bytes of comments became spaces, and whole comments at that: still UTF-8.
        text: String::from_utf8(out).unwrap_or_else(|_| src.to_string()),
        code,
    }
}

/// The length of the identifier at the start of `s` (0 if none).
fn ident_len(s: &str) -> usize {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return 0;
    }
    s.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(s.len())
}

/// A string literal at the start of `s`: its contents and the text after it.
fn quoted(s: &str) -> Option<(String, &str)> {
    let q = s.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let end = s[1..].find(q)?;
    Some((s[1..1 + end].to_string(), &s[end + 2..]))
}

/// `require('x')` at the start of `s` (blanks allowed): the specifier and the text after the
/// call's `)`, trimmed.
fn require_call(s: &str) -> Option<(String, &str)> {
    let r = s.trim_start().strip_prefix("require")?.trim_start();
    let r = r.strip_prefix('(')?.trim_start();
    let (spec, rest) = quoted(r)?;
    if spec.contains('\\') || spec.contains('\n') {
        return None;
    }
    let rest = rest.trim_start().strip_prefix(')')?.trim_start();
    Some((spec, rest))
}

#[derive(Default)]
struct Scan {
    names: Vec<String>,
    /// (offset, specifier), or `None` where an assignment to `module.exports` drops the
    /// re-exports found before it.
    reexports: Vec<(usize, Option<String>)>,
}

impl Scan {
    fn name(&mut self, n: &str) {
        if !n.is_empty() && !self.names.iter().any(|x| x == n) {
            self.names.push(n.to_string());
        }
    }
}

/// The entries of `module.exports = {` (`body` starts after the brace).
fn literal(scan: &mut Scan, at: usize, body: &str) {
    let mut rest = body;
    loop {
        let t = rest.trim_start();
        let after = if let Some(spread) = t.strip_prefix("...") {
            if let Some((spec, after)) = require_call(spread) {
                scan.reexports.push((at, Some(spec)));
                after
            } else {
                let n = ident_len(spread);
                if n == 0 {
                    return;
                }
                spread[n..].trim_start()
            }
        } else if let Some((key, a)) = quoted(t) {
            let a = a.trim_start();
            if let Some(v) = a.strip_prefix(':') {
                let v = v.trim_start();
                let n = ident_len(v);
                if n == 0 {
                    return;
                }
                scan.name(&key);
                if let Some((spec, _)) = require_call(v) {
                    scan.reexports.push((at, Some(spec)));
                    return;
                }
                v[n..].trim_start()
            } else {
                a
            }
        } else {
            let n = ident_len(t);
            if n == 0 {
                return;
            }
            let key = &t[..n];
            let a = t[n..].trim_start();
            if let Some(v) = a.strip_prefix(':') {
                let v = v.trim_start();
                let m = ident_len(v);
                if m == 0 {
                    return;
                }
                scan.name(key);
                if let Some((spec, _)) = require_call(v) {
                    scan.reexports.push((at, Some(spec)));
                    return;
                }
                v[m..].trim_start()
            } else {
                // Shorthand (`a,`), or a method / accessor: the lexer adds the key unless it
                // is `get`, and stops at anything but `,` or `}`.
                if key != "get" || a.starts_with([',', '}']) {
                    scan.name(key);
                }
                a
            }
        };
        match after.strip_prefix(',') {
            Some(a) => rest = a,
            None => return,
        }
    }
}

/// The descriptor of `Object.defineProperty(exports, 'x', <desc>`: does the lexer take it?
fn descriptor_ok(desc: &str) -> bool {
    let d: String = desc.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(d) = d.strip_prefix('{') else {
        return false;
    };
    let d = d.trim_start();
    let d = d
        .strip_prefix("enumerable")
        .and_then(|r| r.trim_start().strip_prefix(':'))
        .and_then(|r| r.trim_start().strip_prefix("true"))
        .and_then(|r| r.trim_start().strip_prefix(','))
        .map_or(d, str::trim_start);
    if d.strip_prefix("value")
        .is_some_and(|r| r.trim_start().starts_with(':'))
    {
        return true;
    }
    let Some(g) = d.strip_prefix("get") else {
        return false;
    };
    let g = g.trim_start();
    let g = match g.strip_prefix(':') {
        Some(f) => {
            let Some(f) = f.trim_start().strip_prefix("function") else {
                return false;
            };
            let f = f.trim_start();
            f[ident_len(f)..].trim_start()
        }
        None => g,
    };
    let Some(body) = g
        .strip_prefix('(')
        .and_then(|r| r.trim_start().strip_prefix(')'))
        .and_then(|r| r.trim_start().strip_prefix('{'))
        .and_then(|r| r.trim_start().strip_prefix("return"))
    else {
        return false;
    };
    // `return a`, `return a.b` or `return a['b']`, then `;`? and `}`.
    if !body.starts_with(' ') {
        return false;
    }
    let body = body.trim_start();
    let n = ident_len(body);
    if n == 0 {
        return false;
    }
    let mut r = body[n..].trim_start();
    if let Some(p) = r.strip_prefix('.') {
        let p = p.trim_start();
        let m = ident_len(p);
        if m == 0 {
            return false;
        }
        r = p[m..].trim_start();
    } else if let Some(p) = r.strip_prefix('[') {
        let Some((_, after)) = quoted(p.trim_start()) else {
            return false;
        };
        let Some(after) = after.trim_start().strip_prefix(']') else {
            return false;
        };
        r = after.trim_start();
    }
    let r = r.strip_prefix(';').map_or(r, str::trim_start);
    r.starts_with('}')
}

/// `Object.keys(x).forEach(function (k) {` at `i`: the re-exported specifier when the callback
/// has Babel's or Rollup's shape and `x` was declared from a `require` before.
fn keys_foreach(text: &str, i: usize) -> Option<String> {
    let r = &text[i + "Object.keys(".len()..];
    let r = r.trim_start();
    let id = &r[..ident_len(r)];
    if id.is_empty() {
        return None;
    }
    let r = r[id.len()..].trim_start().strip_prefix(')')?.trim_start();
    let r = r.strip_prefix(".forEach(")?;
    let body: String = r.chars().take(800).collect();
    let body: String = body.split_whitespace().collect();
    let b = body.strip_prefix("function(")?;
    let k = &b[..ident_len(b)];
    if k.is_empty() {
        return None;
    }
    let b = b[k.len()..].strip_prefix("){")?;
    let mut guarded = false;
    let mut b = b;
    for q in ["\"", "'"] {
        let guards = [
            format!("if({k}==={q}default{q}||{k}==={q}__esModule{q})return;"),
            format!("if({k}!=={q}default{q}&&!Object.prototype.hasOwnProperty.call(exports,{k}))"),
            format!("if({k}!=={q}default{q}&&!exports.hasOwnProperty({k}))"),
            format!("if({k}!=={q}default{q})"),
        ];
        if let Some(g) = guards.iter().find(|g| b.starts_with(g.as_str())) {
            b = &b[g.len()..];
            guarded = true;
            break;
        }
    }
    if !guarded {
        return None;
    }
    // Babel's extra checks: names exported by the module itself, then the same binding.
    let own = format!("if(Object.prototype.hasOwnProperty.call(_exportNames,{k}))return;");
    let b = b.strip_prefix(own.as_str()).unwrap_or(b);
    let same = format!("if({k}inexports&&exports[{k}]==={id}[{k}])return;");
    let b = b.strip_prefix(same.as_str()).unwrap_or(b);
    let copy = format!("exports[{k}]={id}[{k}]");
    let define = format!(
        "Object.defineProperty(exports,{k},{{enumerable:true,get:function(){{return{id}[{k}]"
    );
    if !b.starts_with(&copy) && !b.starts_with(&define) {
        return None;
    }
    // The binding: `var|let|const x = require('y')` (or `_interopRequireWildcard(require(`)
    // before the loop.
    let before = &text[..i];
    let mut from = before.len();
    while let Some(j) = before[..from].rfind(id) {
        from = j;
        let bb = before.as_bytes();
        if j > 0 && is_id_byte(bb[j - 1]) {
            continue;
        }
        let decl = before[..j].trim_end();
        if !(decl.ends_with("var") || decl.ends_with("let") || decl.ends_with("const")) {
            continue;
        }
        let Some(v) = before[j + id.len()..].trim_start().strip_prefix('=') else {
            continue;
        };
        let v = v.trim_start();
        let v = v.strip_prefix("_interopRequireWildcard(").unwrap_or(v);
        return require_call(v).map(|(spec, _)| spec);
    }
    None
}

/// The names (in order found, `default` left out) and the re-exported specifiers.
pub fn cjs_lex(src: &str) -> (Vec<String>, Vec<String>) {
    let m = mask(src);
    let text = m.text.as_str();
    let bytes = text.as_bytes();
    let mut scan = Scan::default();
    let word_before = |i: usize| i > 0 && (is_id_byte(bytes[i - 1]) || bytes[i - 1] == b'.');
    for (i, _) in text.match_indices("exports") {
        if !m.code[i] {
            continue;
        }
        let module_prefix = text[..i].ends_with("module.") && !(i >= 7 && word_before(i - 7));
        if word_before(i) && !module_prefix {
            continue;
        }
        if i + 7 < bytes.len() && is_id_byte(bytes[i + 7]) {
            continue;
        }
        let rest = text[i + "exports".len()..].trim_start();
        if let Some(r) = rest.strip_prefix('.') {
            let r = r.trim_start();
            let n = ident_len(r);
            if n > 0 && r[n..].trim_start().starts_with('=') {
                scan.name(&r[..n]);
            }
        } else if let Some(r) = rest.strip_prefix('[') {
            if let Some((n, after)) = quoted(r.trim_start()) {
                let after = after.trim_start();
                if after
                    .strip_prefix(']')
                    .is_some_and(|a| a.trim_start().starts_with('='))
                {
                    scan.name(&n);
                }
            }
        } else if module_prefix {
            let Some(r) = rest
                .strip_prefix('=')
                .filter(|r| !r.starts_with(['=', '>']))
            else {
                continue;
            };
            scan.reexports.push((i, None));
            let r = r.trim_start();
            if let Some((spec, _)) = require_call(r) {
                scan.reexports.push((i, Some(spec)));
            } else if let Some(body) = r.strip_prefix('{') {
                literal(&mut scan, i, body);
            }
        }
    }
    for (i, _) in text.match_indices("Object.defineProperty(") {
        if !m.code[i] || word_before(i) {
            continue;
        }
        let r = text[i + "Object.defineProperty(".len()..].trim_start();
        let Some(r) = r
            .strip_prefix("module.exports")
            .or_else(|| r.strip_prefix("exports"))
            .and_then(|r| r.trim_start().strip_prefix(','))
        else {
            continue;
        };
        let Some((n, after)) = quoted(r.trim_start()) else {
            continue;
        };
        let Some(desc) = after.trim_start().strip_prefix(',') else {
            continue;
        };
        if descriptor_ok(desc.trim_start()) {
            scan.name(&n);
        }
    }
    for pat in ["__exportStar(", "__export("] {
        for (i, _) in text.match_indices(pat) {
            if !m.code[i] || (i > 0 && is_id_byte(bytes[i - 1])) {
                continue;
            }
            if let Some((spec, _)) = require_call(&text[i + pat.len()..]) {
                scan.reexports.push((i, Some(spec)));
            }
        }
    }
    for (i, _) in text.match_indices("Object.keys(") {
        if !m.code[i] || word_before(i) {
            continue;
        }
        if let Some(spec) = keys_foreach(text, i) {
            scan.reexports.push((i, Some(spec)));
        }
    }
    scan.reexports.sort_by_key(|e| e.0);
    let mut reexports: Vec<String> = Vec::new();
    for (_, e) in scan.reexports {
        match e {
            None => reexports.clear(),
            Some(n) if !reexports.contains(&n) => reexports.push(n),
            Some(_) => {}
        }
    }
    scan.names.retain(|n| n != "default");
    (scan.names, reexports)
}

#[cfg(test)]
mod tests {
    use super::cjs_lex;

    fn names(s: &str) -> Vec<String> {
        cjs_lex(s).0
    }
    fn reexports(s: &str) -> Vec<String> {
        cjs_lex(s).1
    }

    #[test]
    fn names_as_the_lexer_finds_them() {
        assert_eq!(
            names(
                "exports.x = 1;\nmodule.exports.y = 2;\nexports['w'] = 4;\nif (false) exports.never = 5;\n\
                 Object.defineProperty(exports, 'v', { value: 1 });\n\
                 Object.defineProperty(exports, 'g', { enumerable: true, get: function () { return a.b; } });\n\
                 Object.defineProperty(exports, 'h', { enumerable: true, get() { return 3 } });\n\
                 exports.x == 2;"
            ),
            ["x", "y", "w", "never", "v", "g"]
        );
        // Only an `=` after the name; `exports['a']` alone is no export.
        assert_eq!(
            names("exports['a']; exports['b'] = 1; exports.d; exports.e == 1; exports.c += 1; x.exports.h = 1; exports . i = 1"),
            ["b", "e", "i"]
        );
        // Comments, strings, templates and regular expressions are not code.
        assert_eq!(
            names("// exports.a = 1\n/* exports.b = 2 */ var s = 'exports.c = 3', t = `${x}exports.d = 4`, r = /exports.e = 5/; exports.f = 6"),
            ["f"]
        );
        // Getters: a named function expression, `a`, `a.b` or `a['b']`; nothing longer.
        assert_eq!(
            names(
                "Object.defineProperty(exports, 'A', { enumerable: true, get: function get() { return _x.A; } });\
                 Object.defineProperty(exports, 'B', { enumerable: true, get: () => _x.B });\
                 Object.defineProperty(exports, 'C', { enumerable: true, get: function () { return x.a.b; } });\
                 Object.defineProperty(exports, 'D', { enumerable: true, get: function () { return x['D']; } });\
                 Object.defineProperty(exports, 'E', { enumerable: true, value: 1 });\
                 Object.defineProperty(exports, 'F', { writable: true, value: 1 });\
                 Object.defineProperty(exports, 'G', { get: function () { return x.G } });"
            ),
            ["A", "D", "E", "G"]
        );
    }

    #[test]
    fn object_literals() {
        assert_eq!(
            names("module.exports = { a, b: c, 'e': f, g: 3, h };"),
            ["a", "b", "e"]
        );
        // `key: identifier` followed by more is added, then the walk stops (semver's
        // `re: internalRe.re`).
        assert_eq!(
            names("module.exports = { a, b: c.d, 'e': f, g: 3, h };"),
            ["a", "b"]
        );
        assert_eq!(
            names("module.exports = {\n  // a comment: x\n  a, /* c */ b: c,\n}"),
            ["a", "b"]
        );
        // Methods add their key and stop; `get x()` adds nothing.
        assert_eq!(names("module.exports = { m (c) { }, n }"), ["m"]);
        assert_eq!(
            names("module.exports = { get x() {}, n }"),
            Vec::<String>::new()
        );
        assert_eq!(
            names("module.exports = { ...require('a'), b, ...other, d, ...x.y, e };"),
            ["b", "d"]
        );
        assert_eq!(names("const s = 'éé'; module.exports.q = 1;"), ["q"]);
    }

    #[test]
    fn reexports_as_the_lexer_finds_them() {
        assert_eq!(reexports("module.exports = require('./a.js');"), ["./a.js"]);
        // A later assignment to `module.exports` drops the earlier re-exports.
        assert_eq!(
            reexports(
                "if (p) {\n  module.exports = require('./prod')\n} else {\n  module.exports = require('./dev')\n}"
            ),
            ["./dev"]
        );
        // ... but not one inside a string (doT).
        assert_eq!(
            reexports("d = module.exports = require('./doT'); var s = \"module.exports=itself;\";"),
            ["./doT"]
        );
        assert_eq!(
            reexports("module.exports = { ...require('a'), b, ...require(\"c\") };"),
            ["a", "c"]
        );
        // `key: require('x')` is a name and a re-export, and ends the literal.
        assert_eq!(
            cjs_lex("module.exports = { a: b, 'c': require('./x'), ...require('y') }"),
            (
                vec!["a".to_string(), "c".to_string()],
                vec!["./x".to_string()]
            )
        );
        assert_eq!(
            reexports("module.exports = { a: 1, ...require('x') }"),
            Vec::<String>::new()
        );
        assert_eq!(
            reexports(
                "__exportStar(require(\"./types\"), exports);\ntslib_1.__exportStar(require('./x'), exports);\n__export(require('y')); my__export(require('z'))"
            ),
            ["./types", "./x", "y"]
        );
    }

    #[test]
    fn object_keys_loops() {
        let babel = "var _h = require(\"./helpers\");\nObject.keys(_h).forEach(function (key) {\n  if (key === \"default\" || key === \"__esModule\") return;\n  if (key in exports && exports[key] === _h[key]) return;\n  exports[key] = _h[key];\n});";
        assert_eq!(reexports(babel), ["./helpers"]);
        let babel_names = "var _exportNames = { a: true };\nvar _h = _interopRequireWildcard(require(\"./h\"));\nObject.keys(_h).forEach(function (key) {\n  if (key === \"default\" || key === \"__esModule\") return;\n  if (Object.prototype.hasOwnProperty.call(_exportNames, key)) return;\n  if (key in exports && exports[key] === _h[key]) return;\n  Object.defineProperty(exports, key, {\n    enumerable: true,\n    get: function () {\n      return _h[key];\n    }\n  });\n});";
        assert_eq!(reexports(babel_names), ["./h"]);
        let rollup = "let r = require('r');\nObject.keys(r).forEach(function (k) {\n\tif (k !== 'default' && !Object.prototype.hasOwnProperty.call(exports, k)) Object.defineProperty(exports, k, {\n\t\tenumerable: true,\n\t\tget: function () { return r[k]; }\n\t});\n});";
        assert_eq!(reexports(rollup), ["r"]);
        // No guard, another statement first, or no declaration: no re-export.
        for s in [
            "var r = require('r'); Object.keys(r).forEach(function (k) { exports[k] = r[k]; });",
            "var r = require('r'); Object.keys(r).forEach(function (k) { log(k); exports[k] = r[k]; });",
            "r = require('r'); Object.keys(r).forEach(function (key) { if (key === 'default' || key === '__esModule') return; exports[key] = r[key]; });",
        ] {
            assert!(reexports(s).is_empty(), "{s}");
        }
    }
}
