//! String helpers for `util.inspect`: Node's `strEscape` quoting, display widths, ANSI colours,
//! number formatting (`numericSeparator`), ISO dates, and `parseInt`/`parseFloat` for `%i`/`%f`.

use jsgen_engine::value::number_to_string;

/// `meta[c]` of Node's inspect.js for the code units that need escaping (< 0xA0).
fn meta(c: u16, out: &mut String) {
    match c {
        8 => out.push_str("\\b"),
        9 => out.push_str("\\t"),
        10 => out.push_str("\\n"),
        12 => out.push_str("\\f"),
        13 => out.push_str("\\r"),
        39 => out.push_str("\\'"),
        92 => out.push_str("\\\\"),
        _ => out.push_str(&format!("\\x{:02X}", c)),
    }
}

/// Which quote `strEscape` wraps a string in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    Single,
    Double,
    Backtick,
}

fn contains_seq(u: &[u16], pat: &[u16]) -> bool {
    u.windows(pat.len()).any(|w| w == pat)
}

/// Node's `strEscape`: quotes a string for display inside containers.
pub fn str_escape(u: &[u16]) -> String {
    let mut quote = Quote::Single;
    if u.contains(&39) {
        if !u.contains(&34) {
            quote = Quote::Double;
        } else if !u.contains(&96) && !contains_seq(u, &[36, 123]) {
            quote = Quote::Backtick;
        }
    }
    let body = escape_units(u, quote == Quote::Single);
    match quote {
        Quote::Single => format!("'{body}'"),
        Quote::Double => format!("\"{body}\""),
        Quote::Backtick => format!("`{body}`"),
    }
}

/// Escapes control characters, the backslash, lone surrogates, and (if `single_quote`) `'`.
pub fn escape_units(u: &[u16], single_quote: bool) -> String {
    let mut out = String::with_capacity(u.len());
    let mut run: Vec<u16> = Vec::new();
    let flush = |run: &mut Vec<u16>, out: &mut String| {
        if !run.is_empty() {
            out.push_str(&String::from_utf16_lossy(run));
            run.clear();
        }
    };
    let mut i = 0;
    while i < u.len() {
        let c = u[i];
        if (c == 39 && single_quote) || c == 92 || c < 32 || (c > 126 && c < 160) {
            flush(&mut run, &mut out);
            meta(c, &mut out);
        } else if (0xD800..=0xDFFF).contains(&c) {
            if c <= 0xDBFF && i + 1 < u.len() && (0xDC00..=0xDFFF).contains(&u[i + 1]) {
                run.push(c);
                run.push(u[i + 1]);
                i += 2;
                continue;
            }
            flush(&mut run, &mut out);
            out.push_str(&format!("\\u{:x}", c));
        } else {
            run.push(c);
        }
        i += 1;
    }
    flush(&mut run, &mut out);
    out
}

/// `str.length` of a Rust string as JavaScript counts it (UTF-16 code units).
pub fn js_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.encode_utf16().count()
    }
}

/// Removes ANSI escape sequences (`removeColors` / `stripVTControlCharacters`).
pub fn strip_ansi(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('\u{1b}') && !s.contains('\u{9b}') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' || c == '\u{9b}' {
            if c == '\u{1b}' && chars.peek() == Some(&'[') {
                chars.next();
            }
            // Parameters and intermediates, then one final byte.
            while let Some(&n) = chars.peek() {
                chars.next();
                if n.is_ascii_alphabetic() || n == '~' {
                    break;
                }
            }
            continue;
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

fn is_full_width(code: u32) -> bool {
    code >= 0x1100
        && (code <= 0x115f
            || code == 0x2329
            || code == 0x232a
            || (0x2e80..=0x3247).contains(&code) && code != 0x303f
            || (0x3250..=0x4dbf).contains(&code)
            || (0x4e00..=0xa4c6).contains(&code)
            || (0xa960..=0xa97c).contains(&code)
            || (0xac00..=0xd7a3).contains(&code)
            || (0xf900..=0xfaff).contains(&code)
            || (0xfe10..=0xfe19).contains(&code)
            || (0xfe30..=0xfe6b).contains(&code)
            || (0xff01..=0xff60).contains(&code)
            || (0xffe0..=0xffe6).contains(&code)
            || (0x1b000..=0x1b001).contains(&code)
            || (0x1f200..=0x1f251).contains(&code)
            || (0x1f300..=0x1f64f).contains(&code)
            || (0x1f900..=0x1f9ff).contains(&code)
            || (0x20000..=0x3fffd).contains(&code))
}

fn is_zero_width(code: u32) -> bool {
    code <= 0x1F
        || (0x7F..=0x9F).contains(&code)
        || (0x300..=0x36F).contains(&code)
        || (0x200B..=0x200F).contains(&code)
        || (0x20D0..=0x20FF).contains(&code)
        || (0xFE00..=0xFE0F).contains(&code)
        || (0xFE20..=0xFE2F).contains(&code)
        || (0xE0100..=0xE01EF).contains(&code)
}

/// Node's `getStringWidth`: display columns (ASCII control characters count 0, East Asian
/// wide characters 2).
pub fn string_width(s: &str, remove_control: bool) -> usize {
    let s = if remove_control {
        strip_ansi(s)
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    let mut w = 0;
    for c in s.chars() {
        let code = c as u32;
        if code < 127 {
            if code >= 32 {
                w += 1;
            }
        } else if is_full_width(code) {
            w += 2;
        } else if !is_zero_width(code) {
            w += 1;
        }
    }
    w
}

/// Wraps `s` in the ANSI colour codes of an inspect style (`inspect.styles`).
pub fn colorize(s: &str, style: &str) -> String {
    let (open, close) = match style {
        "special" => (36, 39),
        "number" | "bigint" | "boolean" => (33, 39),
        "undefined" => (90, 39),
        "null" => (1, 22),
        "string" | "symbol" => (32, 39),
        "date" => (35, 39),
        "regexp" => (31, 39),
        "module" => (4, 24),
        _ => return s.to_string(),
    };
    format!("\u{1b}[{open}m{s}\u{1b}[{close}m")
}

fn add_numeric_separator(s: &str) -> String {
    let b = s.as_bytes();
    let start = if b.first() == Some(&b'-') { 1 } else { 0 };
    let mut result = String::new();
    let mut i = s.len();
    while i >= start + 4 {
        result = format!("_{}{}", &s[i - 3..i], result);
        i -= 3;
    }
    if i == s.len() {
        s.to_string()
    } else {
        format!("{}{}", &s[..i], result)
    }
}

fn add_numeric_separator_end(s: &str) -> String {
    let mut result = String::new();
    let mut i = 0;
    while i + 3 < s.len() {
        result.push_str(&s[i..i + 3]);
        result.push('_');
        i += 3;
    }
    if i == 0 {
        s.to_string()
    } else {
        format!("{}{}", result, &s[i..])
    }
}

/// `formatNumber` without the stylize step.
pub fn format_number(n: f64, numeric_separator: bool) -> String {
    if n == 0.0 && n.is_sign_negative() {
        return "-0".into();
    }
    let s = number_to_string(n);
    if !numeric_separator {
        return s;
    }
    if n.trunc() == n {
        if !n.is_finite() || s.contains('e') {
            return s;
        }
        return add_numeric_separator(&s);
    }
    if n.is_nan() {
        return s;
    }
    match s.find('.') {
        Some(dot) => format!(
            "{}.{}",
            add_numeric_separator(&s[..dot]),
            add_numeric_separator_end(&s[dot + 1..])
        ),
        None => s,
    }
}

/// `formatBigInt`: the decimal digits and an `n` suffix (`1_000n` with numericSeparator).
pub fn format_bigint(b: &num_bigint::BigInt, numeric_separator: bool) -> String {
    let s = b.to_string();
    if numeric_separator {
        format!("{}n", add_numeric_separator(&s))
    } else {
        format!("{s}n")
    }
}

/// Days since 1970-01-01 → (year, month 1-12, day 1-31).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `Date.prototype.toISOString` for a finite time value.
pub fn iso_date(t: f64) -> String {
    let ms = t as i64;
    let days = ms.div_euclid(86_400_000);
    let rem = ms.rem_euclid(86_400_000);
    let (y, mo, d) = civil_from_days(days);
    let (h, mi, s, milli) = (
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000,
    );
    let year = if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else if y < 0 {
        format!("-{:06}", -y)
    } else {
        format!("+{y:06}")
    };
    format!("{year}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}Z")
}

fn is_ws(c: u16) -> bool {
    char::from_u32(c as u32).is_some_and(jsgen_engine::value::is_js_whitespace) || c == 0xFEFF
}

fn trim_start(u: &[u16]) -> &[u16] {
    let mut i = 0;
    while i < u.len() && (is_ws(u[i]) || u[i] == 10 || u[i] == 13) {
        i += 1;
    }
    &u[i..]
}

/// `parseInt(string)` with no radix.
pub fn parse_int(u: &[u16]) -> f64 {
    let mut s = trim_start(u);
    let mut sign = 1.0;
    if let Some(&c) = s.first() {
        if c == b'-' as u16 || c == b'+' as u16 {
            if c == b'-' as u16 {
                sign = -1.0;
            }
            s = &s[1..];
        }
    }
    let mut radix = 10u32;
    if s.len() >= 2 && s[0] == b'0' as u16 && (s[1] == b'x' as u16 || s[1] == b'X' as u16) {
        radix = 16;
        s = &s[2..];
    }
    let mut v = 0.0f64;
    let mut any = false;
    for &c in s {
        let d = match char::from_u32(c as u32).and_then(|ch| ch.to_digit(radix)) {
            Some(d) => d,
            None => break,
        };
        v = v * radix as f64 + d as f64;
        any = true;
    }
    if !any {
        return f64::NAN;
    }
    if radix == 10 {
        // Re-parse the digit prefix exactly (avoids accumulated rounding).
        let digits: String = s
            .iter()
            .take_while(|&&c| (b'0' as u16..=b'9' as u16).contains(&c))
            .map(|&c| c as u8 as char)
            .collect();
        v = digits.parse::<f64>().unwrap_or(v);
    }
    sign * v
}

/// `parseFloat(string)`.
pub fn parse_float(u: &[u16]) -> f64 {
    let s = trim_start(u);
    let text: String = s
        .iter()
        .take_while(|&&c| c < 128)
        .map(|&c| c as u8 as char)
        .collect();
    let b = text.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    if text[i..].starts_with("Infinity") {
        return if b.first() == Some(&b'-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - int_start;
    if i < b.len() && b[i] == b'.' {
        let f = i + 1;
        let mut j = f;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > f || digits > 0 {
            digits += j - f;
            i = j;
        }
    }
    if digits == 0 {
        return f64::NAN;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let es = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > es {
            i = j;
        }
    }
    let lit = &text[..i];
    let lit = lit.strip_suffix('.').unwrap_or(lit);
    lit.parse::<f64>().unwrap_or(f64::NAN)
}
