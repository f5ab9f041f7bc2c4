//! Every `.js` file under `../shared/tutorials/` must parse (skipped if the directory is absent).
use jsgen_engine::parser::{parse_script, ParseOptions};

#[test]
fn tutorials_parse() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/tutorials"));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut failures = Vec::new();
    let mut stack: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            stack.extend(
                std::fs::read_dir(&p)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|e| e.path()),
            );
        } else if p.extension().is_some_and(|e| e == "js") {
            let src = std::fs::read_to_string(&p).unwrap_or_default();
            if let Err(e) = parse_script(&src, &ParseOptions::default()) {
                let line = src[..(e.span.start as usize).min(src.len())]
                    .matches('\n')
                    .count()
                    + 1;
                failures.push(format!("{}:{line}: {}", p.display(), e.message));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "tutorial parse failures:\n{}",
        failures.join("\n")
    );
}

/// Real-world semicolon-free style (standard.js): ASI everywhere, leading `;[` / `;(`.
#[test]
fn semicolonless_style() {
    let src = include_str!("fixtures/semicolonless.js");
    let script = parse_script(src, &ParseOptions::default()).expect("parses");
    // 2 requires, class, 2 async functions, main().then(...), 2 vars, `x / 2 / i`.
    assert_eq!(script.body.len(), 8);
}
