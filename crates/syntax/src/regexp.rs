//! Regular-expression literals and patterns: the early error of a literal (ECMAScript
//! §13.2.7.2: its flags and pattern must parse) and the compilation both the resolver and the
//! engine's `RegExp` use, on the `regress` engine over UTF-16, with V8's error messages.

use crate::string::JsStr;

/// A pattern compiled for matching, with its capture-group names. Shared, not copied: each
/// evaluation of a literal makes a RegExp object with the same program (a deep copy of it
/// was most of the cost of `/re/.exec(s)` in a loop).
#[derive(Clone)]
pub struct CompiledPattern {
    /// \[\[RegExpMatcher\]\]
    pub regex: std::rc::Rc<regress::Regex>,
    /// Capture group names in group order (`None` for unnamed groups); empty when no group
    /// is named.
    pub group_names: std::rc::Rc<[Option<JsStr>]>,
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

mod messages;

/// A non-Unicode pattern's characters: its code units, except that group names (in
/// `(?<name>` and `\k<name>`) may spell a supplementary character as a surrogate pair.
fn code_units_with_named_pairs(units: &[u16]) -> Vec<u32> {
    let mut out = Vec::with_capacity(units.len());
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        let name_start = if u == u16::from(b'\\') {
            (units.get(i + 1) == Some(&u16::from(b'k'))
                && units.get(i + 2) == Some(&u16::from(b'<')))
            .then_some(3)
        } else if u == u16::from(b'(') {
            (units.get(i + 1) == Some(&u16::from(b'?'))
                && units.get(i + 2) == Some(&u16::from(b'<'))
                && !matches!(units.get(i + 3), Some(&0x3D) | Some(&0x21)))
            .then_some(3)
        } else {
            None
        };
        match name_start {
            Some(k) => {
                out.extend(units[i..i + k].iter().map(|&u| u32::from(u)));
                i += k;
                let end = units[i..]
                    .iter()
                    .position(|&u| u == u16::from(b'>'))
                    .map_or(units.len(), |e| i + e);
                out.extend(code_points(&units[i..end]));
                i = end;
            }
            None => {
                if u == u16::from(b'\\') {
                    // An escaped character stays one unit (`\(` is not a group).
                    out.push(u32::from(u));
                    i += 1;
                    if let Some(&n) = units.get(i) {
                        out.push(u32::from(n));
                        i += 1;
                    }
                    continue;
                }
                out.push(u32::from(u));
                i += 1;
            }
        }
    }
    out
}

/// Maps a `regress` parse error to V8's wording (`cps`: the pattern's code points).
fn v8_message(msg: &str, pattern: &[u16], cps: &[u32], unicode: bool, sets: bool) -> String {
    if sets {
        // Class set syntax: V8 words these by what it found where.
        if let Some(m) = messages::class_set_error(cps) {
            return m.into();
        }
    }
    match msg {
        "Invalid group modifier" => {
            return messages::modifier_error(cps)
                .unwrap_or("Invalid group")
                .into()
        }
        "Invalid quantifier" => return messages::quantifier_error(cps).into(),
        "Invalid atom character" if unicode => return messages::atom_error(cps).into(),
        "Invalid unicode escape" => return "Invalid Unicode escape".into(),
        "Quantifier not allowed here" => return messages::quantified_assertion_error(cps).into(),
        "Invalid character at property escape start" => return "Invalid property name".into(),
        "Invalid named backreference syntax" => {
            let named = pattern.windows(3).any(|w| w == [0x5C, 0x6B, 0x3C]);
            return if named {
                "Invalid capture group name"
            } else {
                "Invalid named reference"
            }
            .into();
        }
        "Invalid character escape" if sets && messages::negated_string_property(cps) => {
            return "Invalid property name".into()
        }
        "Invalid character escape" if unicode && messages::bad_control_escape(cps) => {
            return "Invalid Unicode escape".into()
        }
        "Invalid character range" => return "Invalid character class".into(),
        m if m.starts_with("Backreference to invalid named capture group") => {
            return "Invalid named capture referenced".into()
        }
        _ => {}
    }
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

/// Most patterns [`compile_pattern`] remembers; the cache is emptied when it is full.
const COMPILED_CACHE_MAX: usize = 256;

thread_local! {
    /// Compiled patterns by (flags, pattern): a regular expression literal evaluates to a new
    /// RegExp object each time (`while (...) /^\s+/.exec(src)`), and `regress`'s parser and
    /// optimizer cost far more than cloning the compiled program.
    static COMPILED: std::cell::RefCell<rustc_hash::FxHashMap<Box<[u16]>, CompiledPattern>> =
        Default::default();
}

/// Slots of [`BY_IDENTITY`].
const BY_IDENTITY_SLOTS: usize = 32;

thread_local! {
    /// Compiled patterns by the identity of their pattern and flags strings, in front of
    /// [`COMPILED`]: a literal evaluated in a loop passes the same two strings (its AST's)
    /// each time, found here with two pointer comparisons instead of building and hashing a
    /// key. Each slot keeps its strings alive, so an address is never reused while cached.
    static BY_IDENTITY: std::cell::RefCell<[Option<(JsStr, JsStr, CompiledPattern)>; BY_IDENTITY_SLOTS]> =
        const { std::cell::RefCell::new([const { None }; BY_IDENTITY_SLOTS]) };
}

/// Compiles pattern `p` with flags `f` (cached: see [`BY_IDENTITY`] and [`COMPILED`]).
pub fn compile_pattern(p: &JsStr, f: &JsStr) -> Result<CompiledPattern, RegExpError> {
    let slot = (p.addr() >> 4 ^ f.addr() >> 4) % BY_IDENTITY_SLOTS;
    let hit = BY_IDENTITY.with(|c| match &c.borrow()[slot] {
        Some((cp, cf, compiled)) if JsStr::ptr_eq(cp, p) && JsStr::ptr_eq(cf, f) => {
            Some(compiled.clone())
        }
        _ => None,
    });
    if let Some(c) = hit {
        return Ok(c);
    }
    let compiled = compile_pattern_by_text(p, f)?;
    BY_IDENTITY.with(|c| c.borrow_mut()[slot] = Some((p.clone(), f.clone(), compiled.clone())));
    Ok(compiled)
}

/// [`compile_pattern`] through the cache keyed by text.
fn compile_pattern_by_text(p: &JsStr, f: &JsStr) -> Result<CompiledPattern, RegExpError> {
    let mut key = Vec::with_capacity(1 + f.len() + p.len());
    key.push(f.len() as u16);
    key.extend_from_slice(f.units());
    key.extend_from_slice(p.units());
    if let Some(c) = COMPILED.with(|c| c.borrow().get(&key[..]).cloned()) {
        return Ok(c);
    }
    let compiled = compile_pattern_uncached(p, f)?;
    COMPILED.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= COMPILED_CACHE_MAX {
            c.clear();
        }
        c.insert(key.into_boxed_slice(), compiled.clone());
    });
    Ok(compiled)
}

fn compile_pattern_uncached(p: &JsStr, f: &JsStr) -> Result<CompiledPattern, RegExpError> {
    // Flags: any of "dgimsuvy", no duplicates, not both `u` and `v`.
    let mut seen = [false; 128];
    for &u in f.units() {
        let ok =
            matches!(u, 0x64 | 0x67 | 0x69 | 0x6D | 0x73 | 0x75 | 0x76 | 0x79) && !seen[u as usize];
        if !ok {
            return Err(RegExpError::Flags);
        }
        seen[u as usize] = true;
    }
    if seen[b'u' as usize] && seen[b'v' as usize] {
        return Err(RegExpError::Flags);
    }
    let unicode_sets = seen[b'v' as usize];
    let flags = regress::Flags {
        icase: seen[b'i' as usize],
        multiline: seen[b'm' as usize],
        dot_all: seen[b's' as usize],
        // `v` is a Unicode mode too (UnicodeSets adds class set syntax to it).
        unicode: seen[b'u' as usize] || unicode_sets,
        unicode_sets,
        ..Default::default()
    };
    // In Unicode mode the pattern is code points; otherwise each code unit is a character
    // (a literal astral character is two, like the subject string's).
    let cps: Vec<u32> = if flags.unicode {
        code_points(p.units())
    } else {
        code_units_with_named_pairs(p.units())
    };
    let names = group_names(p.units(), unicode_sets);
    let source = duplicate_backrefs(&cps, &names, unicode_sets);
    let pattern_error = |msg: &str| {
        RegExpError::Pattern(format!(
            "Invalid regular expression: /{}/{}: {}",
            p.to_rust_string(),
            f.to_rust_string(),
            msg
        ))
    };
    let matcher = source.as_ref().unwrap_or(&cps);
    let result =
        std::panic::catch_unwind(|| regress::Regex::from_unicode(matcher.iter().copied(), flags));
    match result {
        Ok(Ok(_)) if unicode_sets && messages::class_set_error(&cps).is_some() => {
            // Class set errors `regress` lets through: `[^\q{ab}]` (it rejects only
            // properties of strings in negated classes), `[a&&&b]`.
            let m = messages::class_set_error(&cps).unwrap_or_default();
            Err(pattern_error(m))
        }
        Ok(Ok(regex)) => {
            let mut names = names;
            if names.iter().all(Option::is_none) {
                names.clear();
            }
            Ok(CompiledPattern {
                regex: std::rc::Rc::new(regex),
                group_names: names.into(),
            })
        }
        Ok(Err(e)) => Err(pattern_error(&v8_message(
            &e.text,
            p.units(),
            &cps,
            flags.unicode,
            unicode_sets,
        ))),
        Err(_) => Err(RegExpError::Pattern(format!(
            "Invalid regular expression: /{}/{}: Invalid pattern",
            p.to_rust_string(),
            f.to_rust_string()
        ))),
    }
}

/// Duplicate named groups: `regress` lowers `\k<x>` for a name of several groups to an
/// alternation of their backreferences, which stops at the first group even when that one
/// did not participate (a backreference to such a group matches the empty string). At most
/// one group of a name participates, so the concatenation `(?:\1\2)` is the right
/// backreference. Returns the rewritten pattern, or `None` when no name is shared.
fn duplicate_backrefs(cps: &[u32], names: &[Option<JsStr>], sets: bool) -> Option<Vec<u32>> {
    let shared = |n: &JsStr| names.iter().flatten().filter(|m| *m == n).count() > 1;
    if !names.iter().flatten().any(shared) {
        return None;
    }
    let mut out = Vec::with_capacity(cps.len());
    let mut class_depth = 0usize;
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if c == u32::from(b'\\') {
            let is_k = cps.get(i + 1) == Some(&u32::from(b'k'))
                && cps.get(i + 2) == Some(&u32::from(b'<'));
            let close = cps[i..].iter().position(|&c| c == u32::from(b'>'));
            if let (true, 0, Some(close)) = (is_k, class_depth, close) {
                let mut raw = Vec::new();
                for &c in &cps[i + 3..i + close] {
                    let mut buf = [0u16; 2];
                    match char::from_u32(c) {
                        Some(ch) => raw.extend_from_slice(ch.encode_utf16(&mut buf)),
                        None => raw.push(c as u16),
                    }
                }
                let name = decode_group_name(&raw);
                if shared(&name) {
                    out.extend("(?:".chars().map(u32::from));
                    for (g, n) in names.iter().enumerate() {
                        if n.as_ref() == Some(&name) {
                            out.push(u32::from(b'\\'));
                            out.extend((g + 1).to_string().chars().map(u32::from));
                        }
                    }
                    out.push(u32::from(b')'));
                    i += close + 1;
                    continue;
                }
            }
            out.extend_from_slice(&cps[i..(i + 2).min(cps.len())]);
            i += 2;
            continue;
        }
        if c == u32::from(b'[') {
            class_depth = if sets { class_depth + 1 } else { 1 };
        } else if c == u32::from(b']') {
            class_depth = class_depth.saturating_sub(1);
        }
        out.push(c);
        i += 1;
    }
    Some(out)
}

/// The names of the capturing groups in order (`None` for unnamed ones), from the source
/// of a pattern that parsed. A name appears once per group that has it: groups in different
/// alternatives may share one. With `unicode_sets` (the `v` flag) classes nest.
pub fn group_names(p: &[u16], unicode_sets: bool) -> Vec<Option<JsStr>> {
    let mut names = Vec::new();
    let mut i = 0;
    let mut class_depth = 0usize;
    while i < p.len() {
        match p[i] {
            0x5C => i += 1,
            0x5B if unicode_sets => class_depth += 1,
            0x5B => class_depth = 1,
            0x5D => class_depth = class_depth.saturating_sub(1),
            0x28 if class_depth == 0 => {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn check(p: &str, f: &str) -> Result<(), String> {
        validate_literal(&JsStr::from(p), &JsStr::from(f))
    }

    fn message(p: &str, f: &str) -> String {
        match check(p, f) {
            Ok(()) => "OK".into(),
            Err(m) => m.rsplit_once(": ").map(|(_, m)| m.to_string()).unwrap_or(m),
        }
    }

    #[test]
    fn es2025_syntax_is_accepted() {
        for (p, f) in [
            (r"[\p{L}--[a-z]]", "v"),
            (r"[[a-z]&&[aeiou]]", "v"),
            (r"[\q{abc|d}x]", "v"),
            (r"\p{RGI_Emoji}", "v"),
            (r"[^\q{a|b}]", "v"),
            (r"(?<a>x)|(?<a>y)", ""),
            (r"(?:(?<a>x)|(?<a>y))\k<a>", ""),
            (r"(?i:a)(?-i:b)(?im-s:c)(?i-:d)", ""),
            (r"(?<𝒜>x)\k<𝒜>", ""),
        ] {
            assert_eq!(check(p, f), Ok(()), "/{p}/{f}");
        }
    }

    #[test]
    fn v8_messages() {
        for (p, f, m) in [
            ("a", "uv", "Invalid regular expression flags"),
            ("[(]", "v", "Invalid character in character class"),
            ("[a-z&&b]", "v", "Invalid set operation in character class"),
            ("[a&&&b]", "v", "Invalid character in character class"),
            ("[[a]", "v", "Unterminated character class"),
            ("[z-a]", "v", "Range out of order in character class"),
            (r"[a-\d]", "v", "Invalid character class"),
            (
                r"[^\q{ab}]",
                "v",
                "Negated character class may contain strings",
            ),
            (
                r"[^\p{RGI_Emoji}]",
                "v",
                "Negated character class may contain strings",
            ),
            (r"\P{RGI_Emoji}", "v", "Invalid property name"),
            ("(?i-i:a)", "", "Repeated flag in flag group"),
            ("(?-:a)", "", "Invalid flag group"),
            ("(?x:a)", "", "Invalid group"),
            ("(?-i-m:a)", "", "Multiple dashes in flag group"),
            ("(?<a>x)(?<a>y)", "", "Duplicate capture group name"),
            (r"(?<a>x)\k<b>", "", "Invalid named capture referenced"),
            ("a{2,1}", "u", "numbers out of order in {} quantifier"),
            ("a{", "u", "Incomplete quantifier"),
            ("]", "u", "Lone quantifier brackets"),
            (r"\u{110000}", "u", "Invalid Unicode escape"),
            ("(?<=a)+", "", "Invalid quantifier"),
        ] {
            assert_eq!(message(p, f), m, "/{p}/{f}");
        }
    }

    #[test]
    fn duplicate_named_backreferences_become_concatenations() {
        let p: Vec<u32> = r"(?:(?<a>x)|(?<a>y))\k<a>[\k<a>]"
            .chars()
            .map(u32::from)
            .collect();
        let names = vec![Some(JsStr::from("a")), Some(JsStr::from("a"))];
        let out = duplicate_backrefs(&p, &names, false).unwrap_or_default();
        let s: String = out.iter().filter_map(|&c| char::from_u32(c)).collect();
        assert_eq!(s, r"(?:(?<a>x)|(?<a>y))(?:\1\2)[\k<a>]");
    }
}
