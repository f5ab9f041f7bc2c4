#!/usr/bin/env python3
"""Writes `pgo/jsgen.profdata`: the execution profile `bench/dist.sh` optimises with.

Profile-guided optimisation lets LLVM lay out and inline the evaluator from what scripts
actually run: which `match` arms of `eval_expr` are hot, which calls to inline, which code
is cold. With fat LTO (`[profile.dist]`) it takes 20-30 % off the CPU time of the
benchmarks (DESIGN.md, "Profile-guided and link-time optimisation").

Steps (~10 minutes on 2 cores):
1. build `jsgen` and `jsgen-test262` with `-Cprofile-generate` (`bench/dist.sh` without
   a profile, in `target/pgo-gen`);
2. run the training workloads: `bench/scripts/`, every sample, the tutorials
   (`../shared/tutorials`), smaller versions of `bench/costs.py`'s inputs, and the test262
   suite (`../shared/test262`), which gives every built-in a profile — code no workload runs
   would be optimised as cold;
3. merge the raw profiles with the toolchain's `llvm-profdata` (rustup component
   `llvm-tools`; `--sparse`: functions never run are left out).

Regenerate after larger changes to the engine: functions whose code changed lose their
profile (LLVM checks a hash of each function's control flow) and are optimised as without
PGO, so a stale profile costs speed, never correctness.

Usage: python3 bench/pgo.py [--test262 DIR] [--tutorials DIR] [--no-test262]
"""

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import costs  # noqa: E402


def llvm_profdata():
    sysroot = subprocess.run(["rustc", "--print", "sysroot"], capture_output=True,
                             text=True, check=True).stdout.strip()
    found = glob.glob(os.path.join(sysroot, "lib", "rustlib", "*", "bin", "llvm-profdata"))
    if found:
        return found[0]
    sys.exit("llvm-profdata not found: rustup component add llvm-tools")


def run(cmd, cwd=None, timeout=120):
    try:
        subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        print(f"  timed out: {' '.join(map(str, cmd))}", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--test262", default=str(ROOT.parent / "shared" / "test262"))
    ap.add_argument("--tutorials", default=str(ROOT.parent / "shared" / "tutorials"))
    ap.add_argument("--no-test262", action="store_true")
    opts = ap.parse_args()

    profdata_tool = llvm_profdata()
    raw = Path(tempfile.mkdtemp(prefix="jsgen-pgo-"))
    target = ROOT / "target" / "pgo-gen"
    # bench/dist.sh, so the instrumented build names its functions as the optimised one
    # does (the target is part of every crate's hash); it copies the executables to
    # `target/pgo-gen/dist/`. Linked dynamically: see dist.sh.
    env = dict(os.environ, RUSTFLAGS=f"-Cprofile-generate={raw}", CARGO_TARGET_DIR=str(target),
               DIST_PROFILE_USE="0", DIST_STATIC="0")
    print("== instrumented build", flush=True)
    subprocess.run([ROOT / "bench" / "dist.sh", "build", "--workspace", "--bins"],
                   cwd=ROOT, env=env, check=True)
    jsgen = target / "dist" / "jsgen"

    print("== bench/scripts", flush=True)
    for f in sorted((ROOT / "bench" / "scripts").glob("*.js")):
        run([jsgen, f], cwd=ROOT)
    print("== samples", flush=True)
    for f in sorted((ROOT / "samples").glob("*.js")):
        run([jsgen, f], cwd=ROOT, timeout=30)
    if os.path.isdir(opts.tutorials):
        print("== tutorials", flush=True)
        for f in sorted(Path(opts.tutorials).glob("*.js")):
            run([jsgen, f.name], cwd=opts.tutorials, timeout=30)
    print("== costs inputs (reduced)", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        small = {
            "nested-blocks": "{" * 2000 + "}" * 2000 + "\nconsole.log('ok');\n",
            "array-literal": "var a = [" + ",".join(str(i * 7919 % 1000) for i in range(100_000))
            + "];\nconsole.log(a.length);\n",
            "functions": "".join(f"function f{i}(a, b) {{ return a + b + {i}; }}\n"
                                 for i in range(100_000)) + "console.log(f99999(1, 2));\n",
            "promise-recursion": costs.promise_recursion().replace("1e6", "1e5"),
            "then-recursion": costs.then_recursion().replace("1e6", "1e5"),
            "array-join": costs.array_join(),
        }
        for name, src in small.items():
            p = Path(tmp) / f"{name}.js"
            p.write_text(src)
            run([jsgen, p], cwd=tmp)
    if not opts.no_test262 and os.path.isdir(opts.test262):
        print("== test262", flush=True)
        subprocess.run([target / "dist" / "jsgen-test262", "--test262", opts.test262],
                       cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    print("== merge", flush=True)
    out = ROOT / "pgo" / "jsgen.profdata"
    out.parent.mkdir(exist_ok=True)
    subprocess.run([profdata_tool, "merge", "--sparse", "-o", out, raw], check=True)
    shutil.rmtree(raw)
    print(f"wrote {out} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
