//! Capture what the script prints instead of writing it to stdout.
//!
//! `cargo run --example capture_output`

pub fn main() -> Result<(), jsgen::Error> {
    let mut rt = jsgen::Runtime::new();
    rt.capture_output();
    rt.eval("console.log({ answer: 42 }, [1, 'two']); console.error('to stderr')")?;
    let out = rt.take_output();
    print!("captured:\n{out}");
    assert_eq!(out, "{ answer: 42 } [ 1, 'two' ]\nto stderr\n");
    Ok(())
}
