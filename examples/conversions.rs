//! Convert values between Rust and JavaScript: numbers, strings, booleans, vectors, maps.
//!
//! `cargo run --example conversions`

use std::collections::BTreeMap;

pub fn main() -> Result<(), jsgen::Error> {
    let mut rt = jsgen::Runtime::bare();
    let mut scores = BTreeMap::new();
    scores.insert("ann".to_string(), 3.0);
    scores.insert("bob".to_string(), 5.0);
    rt.set_global("scores", scores);
    rt.set_global("names", vec!["ann", "bob"]);
    rt.set_global("strict", true);

    let total: f64 = rt.eval_as("names.reduce((t, n) => t + scores[n], 0)")?;
    assert_eq!(total, 8.0);
    let doubled: BTreeMap<String, f64> =
        rt.eval_as("Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v * 2]))")?;
    assert_eq!(doubled["bob"], 10.0);
    let flag: bool = rt.global("strict")?;
    assert!(flag);
    let missing: Option<String> = rt.eval_as("undefined")?;
    assert_eq!(missing, None);

    // A value of the wrong type is a conversion error, not a panic.
    let err = rt.eval_as::<String>("42").unwrap_err();
    assert_eq!(err.kind(), jsgen::ErrorKind::Conversion);
    println!("{total} {doubled:?} {err}");
    Ok(())
}
