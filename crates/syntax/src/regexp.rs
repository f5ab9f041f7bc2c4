//! Regular-expression literals and patterns: the early error of a literal (ECMAScript
//! §13.2.7.2: its flags and pattern must parse) and the compilation both the resolver and the
//! engine's `RegExp` use, on the `regress` engine over UTF-16, with V8's error messages.

use crate::string::JsStr;

/// A pattern compiled for matching, with its capture-group names.
pub struct CompiledPattern {
    /// \[\[RegExpMatcher\]\]
    pub regex: regress::Regex,
    /// Capture group names in group order (`None` for unnamed groups); empty when no group
    /// is named.
    pub group_names: Vec<Option<JsStr>>,
}

/// Decodes UTF-16 into code points, keeping lone surrogates as they are.
pub fn code_points(units: &[u16]) -> Vec<u32> {
    char::decode_utf16(units.iter().copied())
        .map(|r| match r {
            Ok(c) => c as u32,
            Err(e) => e.unpaired_surrogate() as u32,
        })
        .collect()
}

/// Maps a `regress` parse error to V8's wording.
fn v8_message(msg: &str, pattern: &[u16]) -> String {
    match msg {
        "Unbalanced parenthesis" => {
            let open = pattern.iter().filter(|&&u| u == b'(' as u16).count();
            let close = pattern.iter().filter(|&&u| u == b')' as u16).count();
            if open > close {
                "Unterminated group".into()
            } else {
                "Unmatched ')'".into()
            }
        }
        "Quantifier not allowed here" | "Invalid quantifier" | "Invalid atom character" => {
            "Nothing to repeat".into()
        }
        m if m.starts_with("Range values reversed") => {
            "Range out of order in character class".into()
        }
        "Incomplete escape" | "Unterminated escape" => "\\ at end of pattern".into(),
        "Unbalanced bracket" => "Unterminated character class".into(),
        "Invalid braced quantifier" => "numbers out of order in {} quantifier".into(),
        "Invalid character escape" | "Invalid unicode escape" => "Invalid escape".into(),
        "Invalid token at named capture group identifier" => "Invalid capture group name".into(),
        m => m.to_string(),
    }
}

/// Why a pattern/flags pair is not a valid regular expression.
pub enum RegExpError {
    Flags,
    /// The whole message (V8's wording).
    Pattern(String),
}

/// Early errors of a regular expression literal (13.2.7.2): the flags and the pattern must
/// parse. Returns V8's message.
pub fn validate_literal(p: &JsStr, f: &JsStr) -> Result<(), String> {
    match compile_pattern(p, f) {
        Ok(_) => Ok(()),
        Err(RegExpError::Flags) => Err("Invalid regular expression flags".into()),
        Err(RegExpError::Pattern(m)) => Err(m),
    }
}

pub fn compile_pattern(p: &JsStr, f: &JsStr) -> Result<CompiledPattern, RegExpError> {
    // Flags: any of "dgimsuy", no duplicates (the `v` flag is not supported).
    let mut seen = [false; 128];
    for &u in f.units() {
        let ok = matches!(u, 0x64 | 0x67 | 0x69 | 0x6D | 0x73 | 0x75 | 0x79) && !seen[u as usize];
        if !ok {
            return Err(RegExpError::Flags);
        }
        seen[u as usize] = true;
    }
    let flags = regress::Flags {
        icase: seen[b'i' as usize],
        multiline: seen[b'm' as usize],
        dot_all: seen[b's' as usize],
        unicode: seen[b'u' as usize],
        ..Default::default()
    };
    let cps = code_points(p.units());
    let result = std::panic::catch_unwind(|| regress::Regex::from_unicode(cps.into_iter(), flags));
    match result {
        Ok(Ok(regex)) => {
            let mut names = group_names(p.units());
            if names.iter().all(Option::is_none) {
                names.clear();
            }
            Ok(CompiledPattern {
                regex,
                group_names: names,
            })
        }
        Ok(Err(e)) => {
            let msg = v8_message(&e.text, p.units());
            Err(RegExpError::Pattern(format!(
                "Invalid regular expression: /{}/{}: {}",
                p.to_rust_string(),
                f.to_rust_string(),
                msg
            )))
        }
        Err(_) => Err(RegExpError::Pattern(format!(
            "Invalid regular expression: /{}/{}: Invalid pattern",
            p.to_rust_string(),
            f.to_rust_string()
        ))),
    }
}

/// The names of the capturing groups in order (`None` for unnamed ones), from the source.
pub fn group_names(p: &[u16]) -> Vec<Option<JsStr>> {
    let mut names = Vec::new();
    let mut i = 0;
    let mut in_class = false;
    while i < p.len() {
        match p[i] {
            0x5C => i += 1,
            0x5B => in_class = true,
            0x5D => in_class = false,
            0x28 if !in_class => {
                if p.get(i + 1) != Some(&(b'?' as u16)) {
                    names.push(None);
                } else if p.get(i + 2) == Some(&(b'<' as u16))
                    && !matches!(p.get(i + 3), Some(&0x3D) | Some(&0x21))
                {
                    let start = i + 3;
                    let mut end = start;
                    while end < p.len() && p[end] != b'>' as u16 {
                        end += 1;
                    }
                    names.push(Some(decode_group_name(&p[start..end])));
                }
            }
            _ => {}
        }
        i += 1;
    }
    names
}

/// A group name's string value: `\\uXXXX` and `\\u{X...}` escapes decoded.
fn decode_group_name(raw: &[u16]) -> JsStr {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    let hex = |u: &[u16]| -> Option<u32> {
        let s = String::from_utf16(u).ok()?;
        u32::from_str_radix(&s, 16).ok()
    };
    while i < raw.len() {
        if raw[i] == 0x5C && raw.get(i + 1) == Some(&(b'u' as u16)) {
            if raw.get(i + 2) == Some(&(b'{' as u16)) {
                if let Some(close) = raw[i + 3..].iter().position(|&c| c == b'}' as u16) {
                    if let Some(cp) = hex(&raw[i + 3..i + 3 + close]).and_then(char::from_u32) {
                        let mut buf = [0u16; 2];
                        out.extend_from_slice(cp.encode_utf16(&mut buf));
                        i += close + 4;
                        continue;
                    }
                }
            } else if i + 6 <= raw.len() {
                if let Some(cu) = hex(&raw[i + 2..i + 6]) {
                    out.push(cu as u16);
                    i += 6;
                    continue;
                }
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    JsStr::from_units(out)
}
