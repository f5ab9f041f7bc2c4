//! The evaluator on generated scripts: each input runs in a fresh ECMAScript realm with a
//! small call-depth limit and a 200 ms budget (a watchdog sets the interrupt flag), so
//! endless loops end. Whatever the script does, the engine must return a value or a thrown
//! JavaScript error — a panic or an abort is a bug. Then its microtasks run, under the same
//! budget.
#![no_main]

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use jsgen_engine::interp::Interp;
use libfuzzer_sys::fuzz_target;

/// (interrupt flag shared by every realm, generation of the current run).
fn watchdog() -> &'static (Arc<AtomicBool>, Arc<AtomicU64>) {
    static W: OnceLock<(Arc<AtomicBool>, Arc<AtomicU64>)> = OnceLock::new();
    W.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        let generation = Arc::new(AtomicU64::new(0));
        let (f, g) = (flag.clone(), generation.clone());
        std::thread::spawn(move || loop {
            let seen = g.load(Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(200));
            if g.load(Ordering::SeqCst) == seen {
                f.store(true, Ordering::SeqCst);
            }
        });
        (flag, generation)
    })
}

fuzz_target!(|data: &[u8]| {
    if data.len() > 16 * 1024 {
        return;
    }
    let src = String::from_utf8_lossy(data);
    let (flag, generation) = watchdog();
    generation.fetch_add(1, Ordering::SeqCst);
    flag.store(false, Ordering::SeqCst);
    let mut it = Interp::new();
    it.interrupt = flag.clone();
    it.max_call_depth = 500;
    let _ = it.run_script("fuzz.js", &src);
    let _ = it.run_microtasks();
    drop(it);
    // The realm is one big cycle: collect it now, so memory stays flat across runs (and the
    // cycle collector itself is exercised on whatever the script built).
    jsgen_engine::gc::collect();
    generation.fetch_add(1, Ordering::SeqCst);
});
