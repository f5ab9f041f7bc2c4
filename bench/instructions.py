#!/usr/bin/env python3
"""Instruction counts of jsgen against QuickJS-ng's `qjs` under callgrind (issue #17).

CPU time on a shared VM moves by 10-50 % between runs; callgrind's instruction counts are
the same for the same binary and input whatever else the machine does, so the changes of
DESIGN.md's "Speed: measured changes" were decided on them. This runs the scripts in
`bench/reduced/` (the benchmarks' loops, scaled down so one run under callgrind takes
seconds: `fib(25)`, 200 000 generator steps, ...), plus `bench/scripts/substring-lexer.js`
whole, under both engines, checks that each prints what the reference Node prints, and
reports millions of instructions and the ratio. `-e ''` is the start-up floor.

`--idioms` runs `bench/idioms/` instead: one-line loops of what tutorials write most
(`for (const ch of str)`, `const {x, y} = o`, `a[i]` up to `a.length`, getters, `Math`
calls, template literals, ...), each 10^4-10^5 iterations (session 27: the outliers against
qjs are where to look next).

Usage: python3 bench/instructions.py [--idioms] [--jsgen BIN] [--qjs BIN] [--node BIN] [name ...]
"""

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, find_jsgen, find_node, find_qjs  # noqa: E402

SCRIPTS = sorted((ROOT / "bench" / "reduced").glob("*.js")) + [
    ROOT / "bench" / "scripts" / "substring-lexer.js"
]
IDIOMS = sorted((ROOT / "bench" / "idioms").glob("*.js"))


def instructions(argv):
    """(stdout, instructions) of one run of argv under callgrind."""
    with tempfile.NamedTemporaryFile(suffix=".cg") as out:
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out.name}", *argv],
            capture_output=True,
            text=True,
            timeout=1800,
        )
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[0]} exited with {proc.returncode}: {proc.stderr[-500:]}")
    m = re.search(r"Collected : (\d+)", proc.stderr)
    if not m:
        raise RuntimeError(f"no instruction count from callgrind: {proc.stderr[-500:]}")
    return proc.stdout, int(m.group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jsgen")
    ap.add_argument("--qjs")
    ap.add_argument("--node")
    ap.add_argument("--idioms", action="store_true", help="run bench/idioms/ instead")
    ap.add_argument("names", nargs="*", help="scripts to run (file names without .js)")
    a = ap.parse_args()
    jsgen, qjs, node = find_jsgen(a.jsgen), find_qjs(a.qjs), find_node(a.node)
    pool = IDIOMS if a.idioms else SCRIPTS
    scripts = [s for s in pool if not a.names or s.stem in a.names]
    print(f"# jsgen={jsgen} qjs={qjs} (millions of instructions, callgrind)")
    print(f"{'script':<24} {'jsgen':>10} {'qjs':>10} {'ratio':>7}")
    floor = [] if a.idioms else [("-e ''", ["-e", ""], None)]
    rows = floor + [(s.stem, [str(s)], s) for s in scripts]
    for name, args, path in rows:
        expected = None
        if path is not None and node:
            expected = subprocess.run(
                [node, str(path)], capture_output=True, text=True, timeout=600
            ).stdout
        counts = []
        for engine in (jsgen, qjs):
            if engine is None:
                counts.append(None)
                continue
            out, n = instructions([str(engine), *args])
            if expected is not None and out != expected:
                sys.exit(f"{engine} printed {out!r} for {name}, Node {expected!r}")
            counts.append(n / 1e6)
        j, q = counts
        digits = 3 if j < 10 else 1
        ratio = f"{j / q:7.2f}" if q else "      -"
        qs = f"{q:10.{digits}f}" if q else "         -"
        print(f"{name:<24} {j:10.{digits}f} {qs} {ratio}")


if __name__ == "__main__":
    main()
