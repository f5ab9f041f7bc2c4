#!/usr/bin/env python3
"""Benchmarks: jsgen against `node --jitless` and QuickJS.

Speed and memory targets are checked here, never by timed unit tests. Each script in
bench/scripts/ runs under every engine available; the best of N runs is kept (user+sys CPU
seconds, and peak RSS for the processes we start). Output must match Node's stdout, so a
benchmark that got faster by being wrong shows up as a failure, not a win.

Engines:
- jsgen: target/release/jsgen (build with `cargo build --release` first).
- node: `node --jitless` (V8's interpreter, Ignition, with no JIT): the reference the
  project's speed targets are stated against.
- qjs: QuickJS through the `quickjs` Python package (`pip install quickjs`), when it is
  installed. Its time is measured inside the process around eval + the job queue, so Python's
  start-up is not counted. It has no timers, so scripts using them are skipped there.

Usage: python3 bench/run.py [-n RUNS] [name ...]
"""

import argparse
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "bench" / "scripts"
JSGEN = ROOT / "target" / "release" / "jsgen"
NEEDS_TIMERS = {"timers"}


def run_process(argv):
    """Runs argv, returns (stdout, user+sys CPU seconds) of that child alone."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[0]} exited with {proc.returncode}: {proc.stderr[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return proc.stdout, cpu


def peak_rss_mib(argv):
    """Peak RSS of one run, from GNU time (RUSAGE_CHILDREN only keeps the maximum so far)."""
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *argv], capture_output=True, text=True, timeout=600
    )
    last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "0"
    try:
        return int(last) / 1024
    except ValueError:
        return float("nan")


QJS_DRIVER = r"""
import sys, time, quickjs
src = open(sys.argv[1]).read()
out = []
ctx = quickjs.Context()
ctx.add_callable("__log", lambda *a: out.append(" ".join(str(x) for x in a)))
ctx.eval("globalThis.console = { log: (...a) => __log(...a.map(String)) };")
t = time.process_time()
ctx.eval(src)
while ctx.execute_pending_job():
    pass
t = time.process_time() - t
print("\n".join(out))
print(f"__cpu {t}", file=sys.stderr)
"""


def run_qjs(script):
    proc = subprocess.run(
        [sys.executable, "-c", QJS_DRIVER, str(script)], capture_output=True, text=True, timeout=600
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-500:])
    cpu = float(proc.stderr.strip().splitlines()[-1].split()[1])
    return proc.stdout, cpu


def have_qjs():
    try:
        import quickjs  # noqa: F401
    except ImportError:
        return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=3, help="runs per engine (best is kept)")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    if not JSGEN.exists():
        sys.exit("build first: cargo build --release")
    scripts = sorted(SCRIPTS.glob("*.js"))
    if args.names:
        scripts = [s for s in scripts if s.stem in args.names]
    qjs = have_qjs()
    print(f"{'benchmark':<22}{'jsgen s':>9}{'node-jl s':>10}{'qjs s':>8}"
          f"{'÷node':>7}{'÷qjs':>7}{'jsgen MiB':>10}{'node MiB':>9}")
    failed = False
    for script in scripts:
        name = script.stem
        expected, node_cpu = None, float("inf")
        for _ in range(args.n):
            out, cpu = run_process(["node", "--jitless", str(script)])
            expected, node_cpu = out, min(node_cpu, cpu)
        jsgen_cpu = float("inf")
        for _ in range(args.n):
            out, cpu = run_process([str(JSGEN), str(script)])
            if out != expected:
                print(f"{name}: jsgen output differs from node:\n{out}\nvs\n{expected}")
                failed = True
            jsgen_cpu = min(jsgen_cpu, cpu)
        qjs_cpu = None
        if qjs and name not in NEEDS_TIMERS:
            qjs_cpu = float("inf")
            for _ in range(args.n):
                out, cpu = run_qjs(script)
                if out != expected:
                    print(f"{name}: qjs output differs (shim?):\n{out}")
                qjs_cpu = min(qjs_cpu, cpu)
        jsgen_rss = peak_rss_mib([str(JSGEN), str(script)])
        node_rss = peak_rss_mib(["node", "--jitless", str(script)])
        q = f"{qjs_cpu:8.3f}" if qjs_cpu is not None else f"{'-':>8}"
        rq = f"{jsgen_cpu / qjs_cpu:7.2f}" if qjs_cpu else f"{'-':>7}"
        print(f"{name:<22}{jsgen_cpu:9.3f}{node_cpu:10.3f}{q}{jsgen_cpu / node_cpu:7.2f}{rq}"
              f"{jsgen_rss:10.1f}{node_rss:9.1f}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
