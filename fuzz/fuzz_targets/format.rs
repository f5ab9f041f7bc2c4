//! Differential checks of value formatting against invariants that hold in Node:
//! - a number printed by `String(x)` reads back as the same number (`Number(String(x)) === x`),
//!   and `util.inspect` of it is the same text (but `-0`);
//! - `JSON.parse(JSON.stringify(v))` re-stringifies to the same text for values built from the
//!   input (nested arrays/objects of strings, numbers, booleans, null);
//! - `util.inspect` and `console.log` of those values, and of the input as a string, return
//!   without a panic.
#![no_main]

use jsgen_node::run::run_captured;
use libfuzzer_sys::fuzz_target;

/// Builds a JavaScript literal from the bytes (a tiny grammar), never failing.
fn literal(data: &[u8], pos: &mut usize, depth: u32) -> String {
    fn byte(data: &[u8], pos: &mut usize) -> u8 {
        let b = data.get(*pos).copied().unwrap_or(0);
        *pos += 1;
        b
    }
    let tag = byte(data, pos);
    match if depth > 6 { tag % 4 } else { tag % 6 } {
        0 => {
            let mut bytes = [0u8; 8];
            for b in &mut bytes {
                *b = byte(data, pos);
            }
            let x = f64::from_le_bytes(bytes);
            if x.is_nan() {
                "NaN".into()
            } else if x.is_infinite() {
                if x > 0.0 { "Infinity".into() } else { "-Infinity".into() }
            } else {
                format!("{x:e}")
            }
        }
        1 => {
            let n = byte(data, pos) % 12;
            let mut s = String::new();
            for _ in 0..n {
                match byte(data, pos) {
                    b @ 0x20..=0x7e if b != b'\\' && b != b'\'' => s.push(char::from(b)),
                    b => s.push_str(&format!("\\u{:04x}", u16::from(b) * 257)),
                }
            }
            format!("'{s}'")
        }
        2 => ["true", "false", "null"][(byte(data, pos) % 3) as usize].to_string(),
        3 => format!("{}", byte(data, pos) as i8),
        4 => {
            let n = byte(data, pos) % 5;
            let mut items = Vec::new();
            for _ in 0..n {
                items.push(literal(data, pos, depth + 1));
            }
            format!("[{}]", items.join(", "))
        }
        _ => {
            let n = byte(data, pos) % 5;
            let mut items = Vec::new();
            for i in 0..n {
                let k = byte(data, pos) % 3;
                items.push(format!("k{i}_{k}: {}", literal(data, pos, depth + 1)));
            }
            format!("({{{}}})", items.join(", "))
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() > 4096 {
        return;
    }
    let mut pos = 0;
    let mut values = Vec::new();
    while pos < data.len() && values.len() < 8 {
        values.push(literal(data, &mut pos, 0));
    }
    let mut script = String::from("const util = require('util'); const bad = [];\n");
    for v in &values {
        script.push_str(&format!(
            "{{ const v = {v};
              if (typeof v === 'number' && !Number.isNaN(v)) {{
                if (Number(String(v)) !== v) bad.push('number round trip ' + String(v));
                if (!Object.is(v, -0) && util.inspect(v) !== String(v)) bad.push('inspect ' + String(v));
              }}
              const j = JSON.stringify(v);
              if (j !== undefined && JSON.stringify(JSON.parse(j)) !== j) bad.push('json ' + j);
              util.inspect(v, {{ depth: 10, showHidden: true }}); util.format('%s %d %j %o', v, v, v, v);
            }}\n"
        ));
    }
    script.push_str("console.log(bad.join('\\n'));\n");
    let (out, status) = run_captured(&script);
    // The realm is one big cycle: collect it now, so memory stays flat across runs.
    jsgen_engine::gc::collect();
    assert_eq!(status, 0, "script failed: {script}\n{out}");
    assert_eq!(out.trim(), "", "invariant broken: {script}\n{out}");
});
