#!/usr/bin/env python3
"""Writes `startup-order.txt`: the functions of the `jsgen` executable that start-up and small
scripts run, for the linker to place together at the front of `.text`
(`--symbol-ordering-file`, passed by `build.rs`).

Why: the kernel maps a file-backed page together with its neighbours already in the page
cache (fault-around, 64 KB), so code run at start-up that is scattered over the 7 MB of
`.text` made ~4.5 MB of it resident for `jsgen -e ''` although only ~0.4 MB of it runs.
Placed together, the same functions cost a tenth of that. See DESIGN.md, "Session 9:
start-up".

Usage: `python3 bench/startup-order.py [JSGEN] [--tutorials DIR]` after `bench/dist.sh` (the
binary users install; else the release build is used); it
runs each workload (`-e` snippets, the tutorials, `bench/scripts/`) under callgrind
(instruction-level, so every function executed is seen) and lists the functions by how many
workloads run them, most first, after `jsgen -e ''`'s own (start-up), then in first-seen
order. It takes ~4 minutes. Symbols missing from a later build (code changed) are ignored
by the linker, so a stale file only costs resident memory, never correctness.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Small workloads beside `-e ''`: printing, generators, promises, timers, errors, classes.
SNIPPETS = [
    "",
    "console.log('hi', 1, {a: [1, 2]}, new Map([[1, 2]]))",
    "function* g() { yield 1; yield 2 } for (const x of g()) console.log(x)",
    "Promise.resolve(1).then(v => console.log(v)); setTimeout(() => console.log(2), 1)",
    "(async () => { for await (const x of (async function* () { yield 1 })()) console.log(x) })()",
    "class A { #x = 1; get x() { return this.#x } } console.log(new A().x, [3, 1, 2].sort())",
    "try { null.x } catch (e) { console.log(e.message) } throw new Error('boom')",
    "console.log(JSON.stringify({a: 1}), 'abc'.toUpperCase(), `t${1}`, /a/.test('a'))",
]


# The C start-up files' functions (crt1.o, crtbegin.o) run first of all, but their symbols
# have no size, so callgrind shows them as bare addresses; LLD orders local symbols too.
# Left where the linker puts them (after the Rust code), they cost a fault-around window.
CRT_START_UP = ["_start", "deregister_tm_clones", "register_tm_clones",
                "__do_global_dtors_aux", "frame_dummy"]


def functions(jsgen, args, cwd):
    """The executable's functions a run executes, in first-seen order."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        subprocess.run(
            ["valgrind", "--tool=callgrind", "--demangle=no", "--compress-strings=no",
             "--compress-pos=no", f"--callgrind-out-file={out}", jsgen, *args],
            cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600,
            env={**os.environ, "HOME": os.environ.get("HOME", "/root")},
        )
        exe = os.path.realpath(jsgen)
        names, ob = [], None
        with open(out, errors="replace") as f:
            for line in f:
                if line.startswith("ob="):
                    ob = line[3:].strip()
                elif line.startswith("fn=") and ob and os.path.realpath(ob) == exe:
                    # callgrind marks recursion levels `name'2`.
                    name = line.split("=", 1)[1].strip().split("'")[0]
                    # Every named function of the executable, not only Rust's: `main`,
                    # stacker's `rust_psm_stack_pointer`, compiler-builtins' `__floattidf`
                    # and `trunc` left out cost a 128 KB fault-around window each.
                    if name and not name.startswith("0x") and " " not in name:
                        names.append(name)
        return names


def main():
    ap = argparse.ArgumentParser()
    dist = ROOT / "target" / "dist" / "jsgen"
    default = dist if dist.exists() else ROOT / "target" / "release" / "jsgen"
    ap.add_argument("jsgen", nargs="?", default=str(default))
    ap.add_argument("--tutorials", default="/work/shared/tutorials")
    ap.add_argument("--out", default=str(ROOT / "startup-order.txt"))
    opts = ap.parse_args()
    runs = [["-e", s] for s in SNIPPETS]
    if os.path.isdir(opts.tutorials):
        runs += [[os.path.join(opts.tutorials, f)]
                 for f in sorted(os.listdir(opts.tutorials)) if f.endswith(".js")]
    # The benchmarks' first seconds under callgrind (`--timeout` stops them): their loops
    # repeat, so what runs later is mostly code already seen.
    # Relative paths, as users type them (the tutorials above are absolute): resolving one
    # runs `std::path` code the others do not.
    runs += [["--timeout=8000", os.path.relpath(p, ROOT)]
             for p in sorted((ROOT / "bench" / "scripts").glob("*.js"))]
    # `jsgen -e ''`'s functions first (start-up), then the others by how many workloads run
    # them (the evaluator's core, printing, then the rarer), each group in first-seen
    # order: the pages a typical script touches stay few.
    count, first = {}, {}
    for i, args in enumerate(runs):
        for name in dict.fromkeys(functions(opts.jsgen, args, ROOT)):
            count[name] = count.get(name, 0) + 1
            first.setdefault(name, (i, len(first)))
        print(f"{i + 1}/{len(runs)}: {len(count)} functions", file=sys.stderr)
    # The generated parser's reduce actions and grammar actions (out of line: see
    # `crates/syntax/build.rs`) come next as one group: every script is parsed, but which of
    # the ~700 actions it needs depends on its syntax, so ordered by count alone they were
    # spread over 1.4 MB between the evaluator's functions, one fault-around window each.
    def group(n):
        if first[n][0] == 0:
            return 0
        return 1 if "6parser7grammar" in n else 2

    order = sorted(count, key=lambda n: (group(n), -count[n], first[n]))
    with open(opts.out, "w") as f:
        f.write("\n".join(CRT_START_UP + order) + "\n")


if __name__ == "__main__":
    main()
