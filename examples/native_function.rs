//! Define a global JavaScript function backed by a Rust closure.
//!
//! `cargo run --example native_function`

use std::cell::Cell;
use std::rc::Rc;

use jsgen::{FromJs, Value};

pub fn main() -> Result<(), jsgen::Error> {
    let mut rt = jsgen::Runtime::new();
    let calls = Rc::new(Cell::new(0));
    let counter = calls.clone();
    rt.register_fn("greet", 1, move |it, args| {
        counter.set(counter.get() + 1);
        let name = match args.first() {
            Some(v) => String::from_js(it, v).map_err(|e| e.to_string())?,
            None => return Err("greet needs a name".into()),
        };
        Ok(Value::from(format!("Hello, {name}!").as_str()))
    });
    let s: String = rt.eval_as("greet('Ada')")?;
    println!("{s}");
    assert_eq!(s, "Hello, Ada!");

    // A Rust error becomes a JavaScript exception the script can catch.
    let caught: String = rt.eval_as("try { greet() } catch (e) { e.message }")?;
    assert_eq!(caught, "greet needs a name");
    assert_eq!(calls.get(), 2);
    Ok(())
}
