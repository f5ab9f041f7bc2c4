//! Times the front end's phases on one file (tokenize, parse, resolve, drop), for the
//! pathological-input costs of issue #12: `cargo run --release -p jsgen-syntax --example
//! parse_phases FILE`. Times are CPU seconds.

/// CPU seconds this thread has run (the machine is shared: wall time says little).
fn cpu() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

struct Instant(f64);

impl Instant {
    fn now() -> Instant {
        Instant(cpu())
    }
    fn elapsed(&self) -> std::time::Duration {
        std::time::Duration::from_secs_f64(cpu() - self.0)
    }
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse_phases FILE");
        std::process::exit(2);
    };
    let src = std::fs::read_to_string(&path).unwrap_or_default();
    let t = Instant::now();
    let (tokens, _) = jsgen_syntax::lexer::tokenize_goal(&src, false, false);
    println!(
        "tokenize  {:>8.3} s  {} tokens",
        t.elapsed().as_secs_f64(),
        tokens.len()
    );
    drop(tokens);
    let t = Instant::now();
    let opts = jsgen_syntax::parser::ParseOptions::default();
    let script = jsgen_syntax::parser::parse_script(&src, &opts);
    println!("lex+parse {:>8.3} s", t.elapsed().as_secs_f64());
    let Ok(script) = script else {
        println!("syntax error");
        return;
    };
    let t = Instant::now();
    let r = jsgen_syntax::resolve::resolve_script(&script, &Default::default());
    println!(
        "resolve   {:>8.3} s  {}",
        t.elapsed().as_secs_f64(),
        r.is_ok()
    );
    let t = Instant::now();
    drop(script);
    println!("drop      {:>8.3} s", t.elapsed().as_secs_f64());
}
