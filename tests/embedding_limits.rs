//! The CLI's limits in the embedding API (`jsgen::Limits`, `Runtime::sandbox`,
//! `TerminateHandle`): each stops what it must, with its error kind, and the runtime runs
//! again afterwards.

use std::time::{Duration, Instant};

use jsgen::{ErrorKind, Limits, Runtime};

fn with_timeout(rt: &mut Runtime, ms: u64) {
    rt.set_limits(Limits {
        timeout: Some(Duration::from_millis(ms)),
        ..Limits::default()
    });
}

/// Runs `f` on a thread with a big stack, as the `jsgen` binary runs scripts (test threads
/// have 2 MiB).
fn big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no panic")
}

#[test]
fn timeout_stops_an_endless_loop_and_the_runtime_runs_again() {
    for mut rt in [Runtime::new(), Runtime::bare()] {
        with_timeout(&mut rt, 100);
        let t = Instant::now();
        let e = rt
            .eval("let n = 0; try { while (true) { n++ } } finally { n = -1 }")
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
        assert!(t.elapsed() < Duration::from_secs(5));
        assert!(e.message().contains("100 ms"), "{}", e.message());
        // No `finally` ran; the next call runs normally.
        assert!(rt.eval_as::<f64>("n").unwrap() > 0.0);
        assert_eq!(rt.eval_as::<f64>("1 + 2").unwrap(), 3.0);
    }
}

#[test]
fn timeout_stops_an_endless_microtask_loop() {
    let mut rt = Runtime::new();
    with_timeout(&mut rt, 100);
    let e = rt
        .eval("function f() { Promise.resolve().then(f) } f()")
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
}

#[test]
fn timeout_stops_an_endless_interval() {
    let mut rt = Runtime::new();
    rt.capture_output();
    with_timeout(&mut rt, 150);
    rt.eval("let ticks = 0; setInterval(() => { ticks++ }, 1)")
        .unwrap();
    let t = Instant::now();
    let e = rt.run_event_loop().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert!(t.elapsed() < Duration::from_secs(5));
    assert!(rt.eval_as::<f64>("ticks").unwrap() > 0.0);
}

#[test]
fn timeout_stops_a_native_join_over_2_32_elements() {
    let mut rt = Runtime::bare();
    with_timeout(&mut rt, 100);
    let e = rt
        .eval("Array.prototype.join.call({ length: 2 ** 32 - 1 }, '')")
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
}

#[test]
fn no_timeout_by_default() {
    let mut rt = Runtime::bare();
    assert_eq!(rt.limits(), &Limits::default());
    let v: f64 = rt
        .eval_as("let s = 0; for (let i = 0; i < 1e5; i++) s += i; s")
        .unwrap();
    assert_eq!(v, 4999950000.0);
}

#[test]
fn terminate_handle_stops_a_call_from_another_thread() {
    let mut rt = Runtime::new();
    let handle = rt.terminate_handle();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        handle.terminate();
    });
    let e = rt.eval("for (;;) {}").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Terminated);
    stopper.join().unwrap();
    assert_eq!(rt.eval_as::<String>("'again'").unwrap(), "again");
}

#[test]
fn max_output_drops_output_past_the_limit() {
    let mut rt = Runtime::new();
    rt.capture_output();
    rt.set_limits(Limits {
        max_output: Some(10),
        ..Limits::default()
    });
    rt.eval("console.log('12345'); console.log('67890'); console.log('x')")
        .unwrap();
    assert_eq!(rt.take_output(), "12345\n");
}

#[test]
fn stack_size_scales_the_call_depth() {
    big_stack(|| {
        let code = "function f(n) { return n === 0 ? 0 : 1 + f(n - 1) } f(5000)";
        let mut rt = Runtime::bare();
        assert_eq!(rt.eval_as::<f64>(code).unwrap(), 5000.0);
        rt.set_limits(Limits {
            stack_size_kb: Some(100),
            ..Limits::default()
        });
        let e = rt.eval(code).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Exception);
        assert!(
            e.message().contains("Maximum call stack size exceeded"),
            "{}",
            e.message()
        );
        rt.set_limits(Limits::default());
        assert_eq!(rt.eval_as::<f64>(code).unwrap(), 5000.0);
    });
}

#[test]
fn sandbox_denies_files_and_sets_default_limits() {
    let mut rt = Runtime::new();
    rt.set_limits(Limits {
        timeout: Some(Duration::from_millis(200)),
        ..Limits::default()
    });
    rt.sandbox();
    // An explicit limit wins over the sandbox's default; the others take the defaults.
    assert_eq!(rt.limits().timeout, Some(Duration::from_millis(200)));
    assert_eq!(rt.limits().max_output, Limits::sandbox().max_output);
    rt.capture_output();
    let dir = std::env::temp_dir().join(format!("jsgen-sandbox-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("other.js"), "module.exports = 1;\n").unwrap();
    let main = dir.join("main.js");
    std::fs::write(
        &main,
        "for (const f of [() => require('fs').readFileSync('/etc/hostname'), () => require('./other')]) {\n\
         try { f(); console.log('allowed') } catch (e) { console.log(e.code) }\n}\n",
    )
    .unwrap();
    let code = rt.run_file(&main);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code.unwrap(), 0);
    assert_eq!(rt.take_output(), "ERR_ACCESS_DENIED\nERR_ACCESS_DENIED\n");
    assert_eq!(
        rt.eval_as::<f64>("Object.keys(process.env).length")
            .unwrap(),
        0.0
    );
    let e = rt.eval("while (true) {}").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
}

#[test]
fn a_bare_runtime_reports_uncaught_values() {
    let mut rt = Runtime::bare();
    let e = rt.eval("throw 1").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Exception);
    let e = rt.eval("throw new TypeError('bad')").unwrap_err();
    assert!(e.message().contains("TypeError: bad"), "{}", e.message());
}
