//! `Regexp` built-ins, run end to end through the Node host (their checks print with `console.log`).

use jsgen_node::run::run_captured;

fn out(code: &str) -> String {
    run_captured(code).0
}

#[test]
fn basics() {
    assert_eq!(
        out(r#"console.log("aaa".replace(/a/g, "b"), /a+/gi.flags, String(/x\/y/))"#),
        "bbb gi /x\\/y/\n"
    );
}

#[test]
fn exec_and_groups() {
    assert_eq!(
        out(r#"const m = /(?<y>\d{4})-(\d\d)?/.exec("on 2024-x");
               console.log(m.index, m[0], m[2], m.groups.y, m.length, m.input)"#),
        "3 2024- undefined 2024 3 on 2024-x\n"
    );
    assert_eq!(
        out(r#"const r = /a/g; const o = []; let m;
               while ((m = r.exec("banana"))) o.push(m.index + ":" + r.lastIndex);
               console.log(o.join(), r.lastIndex)"#),
        "1:2,3:4,5:6 0\n"
    );
    assert_eq!(
        out(
            r#"const m = /a(?<z>b)?/d.exec("xac"); console.log(JSON.stringify(m.indices), m.indices.groups.z)"#
        ),
        "[[1,2],null] undefined\n"
    );
}

#[test]
fn flags_source_to_string() {
    assert_eq!(
        out(
            r#"console.log(/x/dgimsuy.flags, new RegExp("").source, new RegExp("/\n").source,
               RegExp.prototype.source, RegExp.prototype.global, /a/y.sticky, String(new RegExp("a", "gi")))"#
        ),
        "dgimsuy (?:) \\/\\n (?:) undefined true /a/gi\n"
    );
}

#[test]
fn errors() {
    assert_eq!(
        out(
            r#"for (const [p, f] of [["(", "g"], ["a", "gg"], ["[b-a]", ""], [")", ""]])
                 try { new RegExp(p, f) } catch (e) { console.log(e.name + ": " + e.message) }"#
        ),
        "SyntaxError: Invalid regular expression: /(/g: Unterminated group\n\
         SyntaxError: Invalid flags supplied to RegExp constructor 'gg'\n\
         SyntaxError: Invalid regular expression: /[b-a]/: Range out of order in character class\n\
         SyntaxError: Invalid regular expression: /)/: Unmatched ')'\n"
    );
}

#[test]
fn string_methods() {
    assert_eq!(
        out(
            r#"console.log("john smith".replace(/(\w+)\s(\w+)/, "$2, $1"),
               "a1b2".replace(/\d/g, d => d * 2),
               "2024-05".replace(/(?<y>\d+)-(?<m>\d+)/, "$<m>/$<y>"),
               "abc".replace(/b/, "[$`|$&|$'|$$]"),
               "aaa".replace(/x*/g, "-"))"#
        ),
        "smith, john a2b4 05/2024 a[a|b|c|$]c -a-a-a-\n"
    );
    assert_eq!(
        out(r#"console.log(JSON.stringify(["a1b2c3".split(/(\d)/), "a1b2c3".split(/\d/, 2),
               "abc".split(/(?:)/), "".split(/x/), "abcb".match(/b/g), "abc".match(/x/g)]),
               "abc".search(/c/), [..."a1b22".matchAll(/\d+/g)].map(m => m[0] + "@" + m.index).join())"#),
        "[[\"a\",\"1\",\"b\",\"2\",\"c\",\"3\",\"\"],[\"a\",\"b\"],[\"a\",\"b\",\"c\"],[\"\"],[\"b\",\"b\"],null] 2 1@1,22@3\n"
    );
}

#[test]
fn unicode_and_subclass() {
    assert_eq!(
        out(
            r#"console.log("😀😀".split(/(?:)/u).length, "😀😀".split(/(?:)/).length,
               "😀x".replace(/./gu, "[$&]"));
               class R extends RegExp { exec(s) { return super.exec(s) } }
               const r = new R("b", "g");
               console.log(r instanceof R, "abcb".replace(r, "X"), RegExp[Symbol.species] === RegExp,
               Object.prototype.toString.call("x".matchAll(/a/g)))"#
        ),
        "2 4 [😀][x]\ntrue aXcX true [object RegExp String Iterator]\n"
    );
}
