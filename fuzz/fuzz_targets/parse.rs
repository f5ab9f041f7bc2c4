//! Lexer + parser + resolver on arbitrary bytes (decoded as Node decodes a source file:
//! invalid UTF-8 becomes U+FFFD), as a script and as a module. Any input must give an AST or
//! a SyntaxError with a span inside the source — never a panic, never an out-of-range span.
#![no_main]

use jsgen_syntax::parser::{parse_script, ParseOptions};
use jsgen_syntax::resolve::{resolve_script, ResolveOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let src = String::from_utf8_lossy(data);
    for (top_level_await, module) in [(false, false), (true, false), (true, true)] {
        let opts = ParseOptions {
            top_level_await,
            module,
            ..ParseOptions::default()
        };
        match parse_script(&src, &opts) {
            Ok(script) => {
                let ropts = ResolveOptions {
                    top_level_await,
                    ..ResolveOptions::default()
                };
                if let Err(e) = resolve_script(&script, &ropts) {
                    assert!(e.span.end as usize <= src.len(), "resolver span past the end");
                }
            }
            Err(e) => assert!(e.span.end as usize <= src.len(), "parser span past the end"),
        }
    }
});
