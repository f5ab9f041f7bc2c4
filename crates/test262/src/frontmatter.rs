//! The test262 frontmatter: the YAML block between `/*---` and `---*/` at the top of a test.
//!
//! Only the subset test262 uses is understood, and only the keys the runner needs are kept:
//!
//! - `includes`, `flags`, `features`: a flow list (`[a.js, b.js]`, possibly spanning lines)
//!   or a block list (`key:` followed by indented `- item` lines);
//! - `negative`: a block mapping (`phase:` / `type:` on indented lines) or a flow mapping
//!   (`{phase: parse, type: SyntaxError}`).
//!
//! Every other top-level key (`description`, `info: |`, `esid`, ...) is skipped together with
//! its indented continuation lines, so text inside block scalars never looks like a key.

/// The expected error of a negative test.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Negative {
    /// `parse`, `early` (older spelling of parse), `resolution` or `runtime`.
    pub phase: String,
    /// The constructor name of the expected error, e.g. `SyntaxError`.
    pub error_type: String,
}

/// What the runner needs from a test's frontmatter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    pub includes: Vec<String>,
    pub flags: Vec<String>,
    pub features: Vec<String>,
    pub negative: Option<Negative>,
}

impl Meta {
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }
}

/// Extracts the frontmatter text (without the delimiters), if the test has one.
pub fn extract(src: &str) -> Option<&str> {
    let start = src.find("/*---")? + "/*---".len();
    let len = src[start..].find("---*/")?;
    Some(&src[start..start + len])
}

/// Parses the frontmatter of a test source. A test without frontmatter has empty metadata.
pub fn parse_source(src: &str) -> Result<Meta, String> {
    match extract(src) {
        Some(yaml) => parse_yaml(yaml),
        None => Ok(Meta::default()),
    }
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// Removes a trailing ` # comment` (outside quotes) and surrounding blanks.
fn strip_comment(s: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev_space = true;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '#' && prev_space => return s[..i].trim(),
            None => {}
        }
        prev_space = c.is_whitespace();
    }
    s.trim()
}

/// A scalar without its quotes.
fn unquote(s: &str) -> String {
    let s = s.trim();
    if s.len() >= 2
        && ((s.starts_with('\'') && s.ends_with('\'')) || (s.starts_with('"') && s.ends_with('"')))
    {
        s[1..s.len() - 1].to_string()
    } else {
        s.to_string()
    }
}

/// Splits the inside of a flow collection on commas (outside quotes).
fn split_flow(inner: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for c in inner.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                cur.push(c);
            }
            Some(_) => cur.push(c),
            None if c == '\'' || c == '"' => {
                quote = Some(c);
                cur.push(c);
            }
            None if c == ',' => items.push(std::mem::take(&mut cur)),
            None => cur.push(c),
        }
    }
    items.push(cur);
    items
        .into_iter()
        .map(|s| unquote(&s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The value of one top-level key: its text after the colon plus its indented continuation lines.
struct Entry<'a> {
    key: &'a str,
    inline: &'a str,
    lines: Vec<&'a str>,
}

fn entries(yaml: &str) -> Result<Vec<Entry<'_>>, String> {
    let mut out: Vec<Entry<'_>> = Vec::new();
    // Top-level keys sit at the indentation of the first key (a few old tests indent the
    // whole block by one space).
    let base = yaml
        .lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(indent_of)
        .unwrap_or(0);
    for line in yaml.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(e) = out.last_mut() {
                e.lines.push(line);
            }
            continue;
        }
        if indent_of(line) <= base && !trimmed.starts_with('-') {
            if trimmed.starts_with('#') {
                continue;
            }
            let Some(colon) = line.find(':') else {
                // A plain multi-line scalar continued at column 0 (not used by test262 for
                // the keys we read): attach it to the previous entry.
                match out.last_mut() {
                    Some(e) => {
                        e.lines.push(line);
                        continue;
                    }
                    None => return Err(format!("frontmatter: unexpected line `{trimmed}`")),
                }
            };
            out.push(Entry {
                key: line[..colon].trim(),
                inline: line[colon + 1..].trim(),
                lines: Vec::new(),
            });
        } else {
            match out.last_mut() {
                Some(e) => e.lines.push(line),
                None => {
                    return Err(format!(
                        "frontmatter: indented line before any key: `{trimmed}`"
                    ))
                }
            }
        }
    }
    Ok(out)
}

/// A list value: flow (`[a, b]`, possibly over several lines) or block (`- a` lines).
fn parse_list(e: &Entry<'_>) -> Result<Vec<String>, String> {
    let inline = strip_comment(e.inline);
    if inline.starts_with('[') {
        let mut text = inline.to_string();
        for l in &e.lines {
            if text.contains(']') {
                break;
            }
            text.push(' ');
            text.push_str(strip_comment(l));
        }
        let close = text
            .find(']')
            .ok_or_else(|| format!("frontmatter: unterminated list for `{}`", e.key))?;
        return Ok(split_flow(&text[1..close]));
    }
    if !inline.is_empty() {
        // A single scalar where a list is expected: treat it as a one-element list.
        return Ok(vec![unquote(inline)]);
    }
    let mut items = Vec::new();
    for l in &e.lines {
        let t = strip_comment(l);
        if t.is_empty() {
            continue;
        }
        match t.strip_prefix('-') {
            Some(rest) => {
                let item = unquote(rest);
                if !item.is_empty() {
                    items.push(item);
                }
            }
            None => {
                return Err(format!(
                    "frontmatter: expected `- item` under `{}`, got `{t}`",
                    e.key
                ))
            }
        }
    }
    Ok(items)
}

/// A mapping value: block (indented `key: value` lines) or flow (`{a: b, c: d}`).
fn parse_map(e: &Entry<'_>) -> Result<Vec<(String, String)>, String> {
    let inline = strip_comment(e.inline);
    let mut pairs = Vec::new();
    let mut push = |item: &str| -> Result<(), String> {
        let item = item.trim();
        if item.is_empty() {
            return Ok(());
        }
        let colon = item.find(':').ok_or_else(|| {
            format!(
                "frontmatter: expected `key: value` under `{}`, got `{item}`",
                e.key
            )
        })?;
        pairs.push((
            item[..colon].trim().to_string(),
            unquote(&item[colon + 1..]),
        ));
        Ok(())
    };
    if let Some(rest) = inline.strip_prefix('{') {
        let mut text = rest.to_string();
        for l in &e.lines {
            if text.contains('}') {
                break;
            }
            text.push(' ');
            text.push_str(strip_comment(l));
        }
        let close = text
            .find('}')
            .ok_or_else(|| format!("frontmatter: unterminated mapping for `{}`", e.key))?;
        for item in text[..close].split(',') {
            push(item)?;
        }
        return Ok(pairs);
    }
    if !inline.is_empty() {
        return Err(format!("frontmatter: expected a mapping for `{}`", e.key));
    }
    for l in &e.lines {
        push(strip_comment(l))?;
    }
    Ok(pairs)
}

/// Parses the frontmatter YAML (the text between `/*---` and `---*/`).
pub fn parse_yaml(yaml: &str) -> Result<Meta, String> {
    let mut meta = Meta::default();
    for e in entries(yaml)? {
        match e.key {
            "includes" => meta.includes = parse_list(&e)?,
            "flags" => meta.flags = parse_list(&e)?,
            "features" => meta.features = parse_list(&e)?,
            "negative" => {
                let mut neg = Negative::default();
                for (k, v) in parse_map(&e)? {
                    match k.as_str() {
                        "phase" => neg.phase = v,
                        "type" => neg.error_type = v,
                        _ => {}
                    }
                }
                if neg.phase.is_empty() || neg.error_type.is_empty() {
                    return Err("frontmatter: `negative` needs both `phase` and `type`".into());
                }
                meta.negative = Some(neg);
            }
            _ => {}
        }
    }
    Ok(meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn no_frontmatter() {
        assert_eq!(parse_source("var x = 1;\n").unwrap(), Meta::default());
    }

    #[test]
    fn flow_lists() {
        let src = "// Copyright\n/*---\nesid: sec-x\ndescription: d\nincludes: [compareArray.js, propertyHelper.js]\nflags: [onlyStrict, async]\nfeatures: [Symbol.iterator, 'generators']\n---*/\nfoo();\n";
        let m = parse_source(src).unwrap();
        assert_eq!(m.includes, s(&["compareArray.js", "propertyHelper.js"]));
        assert_eq!(m.flags, s(&["onlyStrict", "async"]));
        assert!(m.has_flag("async") && !m.has_flag("noStrict"));
        assert_eq!(m.features, s(&["Symbol.iterator", "generators"]));
        assert_eq!(m.negative, None);
    }

    #[test]
    fn empty_flow_list() {
        let m = parse_yaml("flags: []\nincludes: [ ]\n").unwrap();
        assert!(m.flags.is_empty() && m.includes.is_empty());
    }

    #[test]
    fn flow_list_over_several_lines() {
        let m = parse_yaml("features: [a,\n  b, c\n  ]\nflags: [raw]\n").unwrap();
        assert_eq!(m.features, s(&["a", "b", "c"]));
        assert_eq!(m.flags, s(&["raw"]));
    }

    #[test]
    fn block_lists() {
        let y = "description: >\n  folded text\nincludes:\n  - compareArray.js\n  - \"deepEqual.js\"  # comment\nfeatures:\n- Symbol\n- Reflect.construct\nflags:\n  - noStrict\n";
        let m = parse_yaml(y).unwrap();
        assert_eq!(m.includes, s(&["compareArray.js", "deepEqual.js"]));
        assert_eq!(m.features, s(&["Symbol", "Reflect.construct"]));
        assert_eq!(m.flags, s(&["noStrict"]));
    }

    #[test]
    fn negative_block() {
        let y = "description: early error\nnegative:\n  phase: parse\n  type: SyntaxError\nflags: [noStrict]\n";
        let m = parse_yaml(y).unwrap();
        assert_eq!(
            m.negative,
            Some(Negative {
                phase: "parse".into(),
                error_type: "SyntaxError".into()
            })
        );
        assert_eq!(m.flags, s(&["noStrict"]));
    }

    #[test]
    fn negative_block_deeper_indent_and_order() {
        let y = "negative:\n    type: TypeError\n    phase: runtime\n";
        let m = parse_yaml(y).unwrap();
        assert_eq!(
            m.negative,
            Some(Negative {
                phase: "runtime".into(),
                error_type: "TypeError".into()
            })
        );
    }

    #[test]
    fn negative_flow_mapping() {
        let m = parse_yaml("negative: {phase: resolution, type: ReferenceError}\n").unwrap();
        assert_eq!(
            m.negative,
            Some(Negative {
                phase: "resolution".into(),
                error_type: "ReferenceError".into()
            })
        );
    }

    #[test]
    fn negative_incomplete_is_an_error() {
        assert!(parse_yaml("negative:\n  phase: parse\n").is_err());
    }

    #[test]
    fn block_scalars_do_not_leak_keys() {
        let y = "info: |\n  flags: [onlyStrict]\n  includes: [nope.js]\n  negative:\n    phase: parse\ndescription: |\n    features: [x]\nfeatures: [y]\n";
        let m = parse_yaml(y).unwrap();
        assert!(m.flags.is_empty());
        assert!(m.includes.is_empty());
        assert_eq!(m.negative, None);
        assert_eq!(m.features, s(&["y"]));
    }

    #[test]
    fn uniformly_indented_block() {
        let y =
            "\n description: >\n    text: with colon\n flags: [noStrict]\n includes:\n   - a.js\n";
        let m = parse_yaml(y).unwrap();
        assert_eq!(m.flags, s(&["noStrict"]));
        assert_eq!(m.includes, s(&["a.js"]));
    }

    #[test]
    fn blank_lines_and_comments() {
        let y = "\n# a comment\nflags: [async] # trailing\n\nincludes:\n\n  - asyncHelpers.js\n\n";
        let m = parse_yaml(y).unwrap();
        assert_eq!(m.flags, s(&["async"]));
        assert_eq!(m.includes, s(&["asyncHelpers.js"]));
    }

    #[test]
    fn extract_stops_at_first_terminator() {
        let src = "/*---\nflags: [raw]\n---*/\n/*---\nflags: [module]\n---*/\n";
        assert_eq!(parse_source(src).unwrap().flags, s(&["raw"]));
    }

    /// Every test of a test262 checkout beside the repository (../shared/test262, as in CI)
    /// parses, and the keys the runner uses agree with a plain line scan of the file.
    #[test]
    fn whole_checkout_parses() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/test262/test");
        if !root.is_dir() {
            return;
        }
        let mut stack = vec![root];
        let mut count = 0;
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                    continue;
                }
                let name = p.to_string_lossy().into_owned();
                if !name.ends_with(".js") || name.contains("_FIXTURE") {
                    continue;
                }
                let src = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
                let meta = parse_source(&src).unwrap_or_else(|e| panic!("{name}: {e}"));
                let yaml = extract(&src).unwrap_or("");
                let has_line = |prefix: &str| yaml.lines().any(|l| l.starts_with(prefix));
                assert_eq!(meta.negative.is_some(), has_line("negative:"), "{name}");
                if has_line("flags:") && !yaml.contains("flags: []") {
                    assert!(!meta.flags.is_empty(), "{name}: flags not read");
                }
                if has_line("includes:") && !yaml.contains("includes: []") {
                    assert!(!meta.includes.is_empty(), "{name}: includes not read");
                }
                for f in &meta.flags {
                    assert!(
                        [
                            "onlyStrict",
                            "noStrict",
                            "module",
                            "raw",
                            "async",
                            "generated",
                            "CanBlockIsFalse",
                            "CanBlockIsTrue",
                            "non-deterministic"
                        ]
                        .contains(&f.as_str()),
                        "{name}: unknown flag {f}"
                    );
                }
                count += 1;
            }
        }
        assert!(count > 1000);
    }
}
