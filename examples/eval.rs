//! Evaluate JavaScript and read the result in Rust.
//!
//! `cargo run --example eval`

pub fn main() -> Result<(), jsgen::Error> {
    let mut rt = jsgen::Runtime::new();
    let v = rt.eval("[1, 2, 3].map(x => x * 2)")?;
    let xs: Vec<f64> = rt.from_js(&v)?;
    println!("{xs:?}");
    assert_eq!(xs, [2.0, 4.0, 6.0]);

    // Declarations persist from one eval to the next, as in a REPL.
    rt.eval("function* naturals() { let n = 1; while (true) yield n++; }")?;
    let first: Vec<f64> =
        rt.eval_as("const it = naturals(); [it.next().value, it.next().value]")?;
    assert_eq!(first, [1.0, 2.0]);
    Ok(())
}
