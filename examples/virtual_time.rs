//! Run timers on a virtual clock: Node's order, no sleeping.
//!
//! `cargo run --example virtual_time`

pub fn main() -> Result<(), jsgen::Error> {
    let mut rt = jsgen::Runtime::new();
    rt.capture_output();
    rt.set_virtual_time(true);
    rt.eval(
        r#"
        const sleep = ms => new Promise(r => setTimeout(r, ms));
        async function* ticker() { for (let i = 1; i <= 3; i++) { await sleep(1000); yield i; } }
        (async () => { for await (const t of ticker()) console.log('tick', t); })();
        setTimeout(() => console.log('half'), 1500);
        "#,
    )?;
    let start = std::time::Instant::now();
    rt.run_event_loop()?;
    let out = rt.take_output();
    print!("{out}");
    assert_eq!(out, "tick 1\nhalf\ntick 2\ntick 3\n");
    // Three virtual seconds took (almost) no real time.
    assert!(start.elapsed().as_secs() < 2);
    Ok(())
}
