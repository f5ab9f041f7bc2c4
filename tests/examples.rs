//! Runs every program in `examples/` (cargo only builds them): each asserts what it shows.

#[path = "../examples/capture_output.rs"]
mod capture_output;
#[path = "../examples/conversions.rs"]
mod conversions;
#[path = "../examples/errors.rs"]
mod errors;
#[path = "../examples/eval.rs"]
mod eval;
#[path = "../examples/native_function.rs"]
mod native_function;
#[path = "../examples/virtual_time.rs"]
mod virtual_time;

#[test]
fn eval_example() {
    eval::main().unwrap();
}

#[test]
fn native_function_example() {
    native_function::main().unwrap();
}

#[test]
fn capture_output_example() {
    capture_output::main().unwrap();
}

#[test]
fn virtual_time_example() {
    virtual_time::main().unwrap();
}

#[test]
fn conversions_example() {
    conversions::main().unwrap();
}

#[test]
fn errors_example() {
    errors::main();
}

#[test]
fn run_file_runs_a_sample_to_completion() {
    let mut rt = jsgen::Runtime::new();
    rt.capture_output();
    rt.set_virtual_time(true);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/timers-promises.js");
    assert_eq!(rt.run_file(path).unwrap(), 0);
    let expected = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/timers-promises.out"
    ))
    .unwrap();
    assert_eq!(rt.take_output(), expected);
}

#[test]
fn run_file_reports_a_missing_file() {
    let mut rt = jsgen::Runtime::new();
    let err = rt.run_file("/nonexistent/x.js").unwrap_err();
    assert_eq!(err.kind(), jsgen::ErrorKind::Io);
}
