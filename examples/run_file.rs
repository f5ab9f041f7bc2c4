//! Run a script file as `jsgen FILE` does: the script, the event loop, the exit code.
//!
//! `cargo run --example run_file -- samples/generator-sequence.js`

pub fn main() -> Result<(), jsgen::Error> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/samples/timers-promises.js").into()
    });
    let mut rt = jsgen::Runtime::new();
    rt.set_virtual_time(true);
    let code = rt.run_file(&path)?;
    eprintln!("exit code {code}");
    Ok(())
}
