#!/usr/bin/env python3
"""Pathological inputs (issue #12): jsgen's cost against the reference Node's, same input.

Each case is a generated script (written to a temporary directory); both engines run it N
times and the median CPU time (user+sys) and the peak RSS are reported with the ratio. The
target is "within 3x of Node" on time; memory is reported for the same inputs. Node runs
normally here (with its JIT: these inputs measure parsing, allocation and native loops, and
that is what a learner's Node does). Outputs must match Node's.

Usage: python3 bench/costs.py [-n RUNS] [--markdown] [name ...]
"""

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import find_jsgen, find_node, run_timed  # noqa: E402


def nested_blocks():
    n = 50_000
    return "{" * n + "}" * n + "\nconsole.log('ok');\n"


def array_literal():
    # 8.5 MB of source: 1.2 million numbers in one literal.
    nums = ",".join(str((i * 7919) % 1_000_000) for i in range(1_200_000))
    return f"var a = [{nums}];\nconsole.log(a.length, a[a.length - 1]);\n"


def functions():
    body = "".join(f"function f{i}(a, b) {{ return a + b + {i}; }}\n" for i in range(1_000_000))
    return body + "console.log(f999999(1, 2));\n"


def promise_recursion():
    return """\
async function f(n) {
  if (n === 0) return 0;
  await null;
  return f(n - 1);
}
f(1e6).then((v) => console.log('done', v));
"""


def then_recursion():
    return """\
function f(n) {
  return n === 0 ? Promise.resolve(0) : Promise.resolve(n).then(() => f(n - 1));
}
f(1e6).then((v) => console.log('done', v));
"""


def array_join():
    return """\
try {
  new Array(2 ** 32 - 1).join('x');
} catch (e) {
  console.log(e.name, e.message);
}
"""


def split_chars():
    return """\
const parts = 'x'.repeat(2 ** 25).split('');
console.log(parts.length, parts[parts.length - 1]);
"""


# Cases Node parses only with a larger native stack.
DEEP = {"nested-blocks"}

CASES = {
    "nested-blocks": nested_blocks,
    "array-literal": array_literal,
    "functions": functions,
    "promise-recursion": promise_recursion,
    "then-recursion": then_recursion,
    "array-join": array_join,
    "split-chars": split_chars,
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=3, help="runs per engine (the median is kept)")
    ap.add_argument("--jsgen")
    ap.add_argument("--node")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    jsgen = find_jsgen(args.jsgen)
    node = find_node(args.node)
    env = dict(os.environ)
    env.setdefault("HOME", "/root")
    names = args.names or list(CASES)
    failed = False
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            script = Path(tmp) / f"{name}.js"
            script.write_text(CASES[name]())
            res = {}
            outs = {}
            for engine, argv in (("jsgen", [str(jsgen), str(script)]),
                                 ("node", node_argv(node, name, script))):
                times, peaks = [], []
                for _ in range(args.n):
                    try:
                        out, t, m = run_timed(argv, env)
                    except RuntimeError as e:
                        print(f"{name}: {engine} failed: {e}", file=sys.stderr)
                        failed = True
                        break
                    outs[engine] = out
                    times.append(t)
                    peaks.append(m)
                if times:
                    res[engine] = (statistics.median(times), max(peaks))
            if outs.get("jsgen") is not None and outs.get("jsgen") != outs.get("node"):
                print(f"{name}: output differs: {outs.get('jsgen')!r} vs {outs.get('node')!r}",
                      file=sys.stderr)
                failed = True
            rows.append((name, res))
            if not args.markdown:
                print(fmt_row(name, res), flush=True)
    if args.markdown:
        print("| input | jsgen s | node s | ratio | jsgen MiB | node MiB |")
        print("|---|---|---|---|---|---|")
        for name, res in rows:
            j, n = res.get("jsgen"), res.get("node")
            r = f"{j[0] / n[0]:.1f}" if j and n and n[0] > 0 else "-"
            print(f"| {name} | {j[0]:.2f} | {n[0]:.2f} | {r} | {j[1]:.0f} | {n[1]:.0f} |"
                  if j and n else f"| {name} | - | - | - | - | - |")
    sys.exit(1 if failed else 0)


def node_argv(node, name, script):
    if name not in DEEP:
        return [node, str(script)]
    # V8's parser recurses on the native stack: 50 000 nested blocks need a big one.
    return ["sh", "-c", 'ulimit -s unlimited && exec "$0" --stack-size=60000 "$1"', node,
            str(script)]


def fmt_row(name, res):
    cells = " ".join(f"{e}={t:.2f}s/{m:.0f}MiB" for e, (t, m) in res.items())
    ratio = ""
    if "jsgen" in res and "node" in res and res["node"][0] > 0:
        ratio = f" ratio={res['jsgen'][0] / res['node'][0]:.1f}"
    return f"{name:<18} {cells}{ratio}"


if __name__ == "__main__":
    main()
