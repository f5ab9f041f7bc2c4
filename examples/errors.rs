//! Errors carry the JavaScript exception and the diagnostic jsgen prints for it.
//!
//! `cargo run --example errors`

use jsgen::ErrorKind;

pub fn main() {
    let mut rt = jsgen::Runtime::new();

    let err = rt.eval("const user = null;\nuser.name").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Exception);
    assert_eq!(
        err.message(),
        "Uncaught TypeError: Cannot read properties of null (reading 'name')"
    );
    assert!(err.thrown().is_some());
    println!("{}", err.diagnostic());

    let err = rt.eval("let x = ;").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Syntax);
    assert_eq!(err.message(), "SyntaxError: Unexpected token ';'");
    println!("{}", err.diagnostic());

    let err = rt
        .eval("Promise.reject(new Error('nobody listens'))")
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnhandledRejection);
    println!("{}", err.message());
}
