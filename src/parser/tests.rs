use super::*;

fn parse(src: &str) -> Script {
    match parse_script(src, &ParseOptions::default()) {
        Ok(s) => s,
        Err(e) => panic!("parse error in {src:?}: {} at {:?}", e.message, e.span),
    }
}

fn err(src: &str) -> SyntaxError {
    match parse_script(src, &ParseOptions::default()) {
        Ok(s) => panic!("expected a syntax error for {src:?}, got {:#?}", s.body),
        Err(e) => e,
    }
}

#[test]
fn smoke() {
    let s = parse("var a = 1 + 2 * 3; function f(x, y = 2, ...z) { return x }");
    assert_eq!(s.body.len(), 2);
}
