#!/usr/bin/env python3
"""Benchmarks: jsgen against QuickJS-ng's `qjs`, `node --jitless` and (when on PATH) Boa.

Speed and memory targets are checked here, never by timed unit tests. Each script in
bench/scripts/ runs under every engine available, N times; the median CPU time (user+sys of
that child process, so a loaded machine's waiting is not counted) and the peak RSS are kept.
Every engine's stdout must match Node's, so a benchmark that got faster by being wrong shows
up as a failure, not a win.

Engines:
- jsgen: the optimised build, target/dist/jsgen (`bench/dist.sh`: fat LTO and the PGO
  profile), else target/release/jsgen (both also under $CARGO_TARGET_DIR), or the binary
  named by --jsgen.
- node: the reference Node with `--jitless` (V8's interpreter, Ignition, with no JIT). Taken
  from --node, $JSGEN_REFERENCE_NODE, ../shared/reference-node/node, or `node` on PATH.
- qjs: QuickJS-ng's command line (build it with `bench/build-qjs.sh`; found through --qjs,
  bench/.qjs/qjs or PATH). Scripts run as classic scripts (`-C`) with `--std` and a prelude
  (`-I`) that maps setTimeout/setInterval/clearTimeout/setImmediate onto its `os` timers, so
  timer and async benchmarks compare too.
- boa: `boa` when it is on PATH (it has no timers: scripts using them are skipped there).

Usage: python3 bench/run.py [-n RUNS] [--markdown] [name ...]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "bench" / "scripts"
NEEDS_TIMERS = {"timers"}

QJS_PRELUDE = r"""
(() => {
  const os = globalThis.os;
  globalThis.setTimeout = (f, ms, ...a) => os.setTimeout(() => f(...a), ms ?? 0);
  globalThis.setInterval = (f, ms, ...a) => os.setInterval(() => f(...a), ms ?? 0);
  globalThis.clearTimeout = (t) => os.clearTimeout(t);
  globalThis.clearInterval = (t) => os.clearInterval(t);
  globalThis.setImmediate = (f, ...a) => os.setTimeout(() => f(...a), 0);
})();
"""


def run_timed(argv, env=None):
    """Runs argv under GNU time: returns (stdout, user+sys CPU seconds, peak RSS MiB).

    The CPU time is `wait4`'s (microseconds) for `time` and the child it waited for, not
    `time`'s own `%U`/`%S`, which print hundredths: at 10 ms a tick, a 0.13 s benchmark's
    ratio moved by up to 15 % from rounding alone. `time`'s own start-up (~1.4 ms here) is
    counted for every engine alike. The peak RSS is `time`'s `%M`: a child forked from this
    Python process would inherit its high-water mark in `wait4`'s."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf, \
            tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(["/usr/bin/time", "-o", tf.name, "-f", "%M", *argv],
                                stdout=out, stderr=err, env=env, text=True)
        watchdog = threading.Timer(900, proc.kill)
        watchdog.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            raise
        finally:
            watchdog.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
        if proc.returncode != 0:
            raise RuntimeError(f"{argv[0]} exited with {proc.returncode}: {stderr[-500:]}")
        rss_kib = int(tf.read().strip().splitlines()[-1])
    return stdout, usage.ru_utime + usage.ru_stime, rss_kib / 1024


def find_jsgen(arg):
    """The optimised build (`bench/dist.sh`: fat LTO + PGO, `target/dist/jsgen`), else the
    release build, with a warning: the README's numbers are the dist build's."""
    if arg:
        return Path(arg)
    tdir = os.environ.get("CARGO_TARGET_DIR")
    roots = ([Path(tdir)] if tdir else []) + [ROOT / "target"]
    for r in roots:
        dist, release = r / "dist" / "jsgen", r / "release" / "jsgen"
        if dist.exists():
            if release.exists() and release.stat().st_mtime > dist.stat().st_mtime:
                print(f"note: {release} is newer than {dist}; run bench/dist.sh",
                      file=sys.stderr)
            return dist
    for r in roots:
        if (r / "release" / "jsgen").exists():
            print("note: measuring the release build; bench/dist.sh builds the optimised one",
                  file=sys.stderr)
            return r / "release" / "jsgen"
    sys.exit("build first: bench/dist.sh")


def find_node(arg):
    for cand in [arg, os.environ.get("JSGEN_REFERENCE_NODE"),
                 str(ROOT.parent / "shared" / "reference-node" / "node")]:
        if cand and Path(cand).exists():
            return cand
    return shutil.which("node")


def find_qjs(arg):
    for cand in [arg, str(ROOT / "bench" / ".qjs" / "qjs")]:
        if cand and Path(cand).exists():
            return cand
    return shutil.which("qjs")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=5, help="runs per engine (the median is kept)")
    ap.add_argument("--jsgen")
    ap.add_argument("--node")
    ap.add_argument("--qjs")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    jsgen = find_jsgen(args.jsgen)
    node = find_node(args.node)
    qjs = find_qjs(args.qjs)
    boa = shutil.which("boa")
    env = dict(os.environ)
    env.setdefault("HOME", "/root")

    prelude = None
    if qjs:
        prelude = tempfile.NamedTemporaryFile("w", suffix=".js", delete=False)
        prelude.write(QJS_PRELUDE)
        prelude.close()

    engines = [("jsgen", lambda s: [str(jsgen), str(s)])]
    engines.append(("node", lambda s: [node, "--jitless", str(s)]))
    if qjs:
        engines.append(("qjs", lambda s: [qjs, "--std", "-I", prelude.name, "-C", str(s)]))
    if boa:
        engines.append(("boa", lambda s: [boa, str(s)]))

    scripts = sorted(SCRIPTS.glob("*.js"))
    if args.names:
        scripts = [s for s in scripts if s.stem in args.names]
    names = [e for e, _ in engines]
    print(f"# jsgen={jsgen} node={node} qjs={qjs} boa={boa} runs={args.n} (median CPU s)",
          file=sys.stderr)
    rows = []
    failed = False
    for script in scripts:
        name = script.stem
        active = [(e, a) for e, a in engines if not (e == "boa" and name in NEEDS_TIMERS)]
        times = {e: [] for e, _ in active}
        peaks = {e: [] for e, _ in active}
        outs = {}
        # Interleaved (jsgen, node, qjs, jsgen, ...): a slow spell of a shared machine
        # falls on every engine alike instead of on one engine's runs.
        for _ in range(args.n):
            for engine, argv_of in active:
                if engine in outs and outs[engine] is None:
                    continue
                try:
                    out, t, m = run_timed(argv_of(script), env)
                except RuntimeError as e:
                    print(f"{name}: {engine} failed: {e}", file=sys.stderr)
                    failed = engine in ("jsgen", "node") or failed
                    outs[engine] = None
                    continue
                outs.setdefault(engine, out)
                times[engine].append(t)
                peaks[engine].append(m)
        cpu = {e: statistics.median(t) for e, t in times.items() if t}
        rss = {e: max(p) for e, p in peaks.items() if p}
        # Node's output is the reference: every other engine's is checked against it.
        expected = outs.get("node")
        for engine, out in outs.items():
            if engine == "node" or expected is None or out is None or out == expected:
                continue
            print(f"{name}: {engine} output differs from node:\n{out[:500]}\nvs\n"
                  f"{expected[:500]}", file=sys.stderr)
            failed = failed or engine == "jsgen"
        rows.append((name, cpu, rss))
        if not args.markdown:
            print_row(name, cpu, rss, names)
    if args.markdown:
        print_markdown(rows, names)
    sys.exit(1 if failed else 0)


def ratio(cpu, a, b):
    if a in cpu and b in cpu and cpu[b] > 0:
        return f"{cpu[a] / cpu[b]:.2f}"
    return "-"


def print_row(name, cpu, rss, names):
    secs = " ".join(f"{e}={cpu[e]:.3f}s/{rss[e]:.0f}MiB" for e in names if e in cpu)
    others = [e for e in names if e != "jsgen"]
    rs = " ".join(f"÷{e}={ratio(cpu, 'jsgen', e)}" for e in others)
    print(f"{name:<22} {secs}  {rs}", flush=True)


def print_markdown(rows, names):
    others = [e for e in names if e != "jsgen"]
    head = ["benchmark"] + [f"{e} s" for e in names] + [f"jsgen ÷ {e}" for e in others]
    head += [f"{e} MiB" for e in names]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name, cpu, rss in rows:
        cells = [name] + [f"{cpu[e]:.3f}" if e in cpu else "-" for e in names]
        cells += [ratio(cpu, "jsgen", e) for e in others]
        cells += [f"{rss[e]:.0f}" if e in rss else "-" for e in names]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
