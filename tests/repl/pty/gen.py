#!/usr/bin/env python3
"""Runs the reference Node 24's REPL on a pseudo-terminal (script(1), 100x30) for each case
of cases.json, typing each chunk of keys 400 ms apart, and stores what the terminal got (until the
session is ended) in NAME.node. tests/repl_pty.rs types the same keys into jsgen and compares the rendered screens.

    python3 tests/repl/pty/gen.py   (from the repository root; needs ../shared/reference-node)
"""
import json, os, subprocess, sys, threading, time

here = os.path.dirname(os.path.abspath(__file__))
node = os.path.abspath(os.path.join(here, '../../../../shared/reference-node/node'))
cases = json.load(open(os.path.join(here, 'cases.json')))
for case in cases:
    # HOME stays (the reference Node's launcher lives there); history is off.
    env = dict(os.environ, TERM='xterm', NODE_REPL_HISTORY='')
    env.pop('CI', None)
    p = subprocess.Popen(['script', '-qec', f'stty cols 100 rows 30; exec {node}', '/dev/null'],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    buf = bytearray()
    reader = threading.Thread(target=lambda: [buf.extend(c) for c in iter(lambda: p.stdout.read1(65536), b'')])
    reader.start()
    time.sleep(1.5)
    for k in case['keys']:
        p.stdin.write(k.encode()); p.stdin.flush()
        time.sleep(0.4)
    time.sleep(0.5)
    # The screen as the keys left it; then end the session.
    shown = bytes(buf)
    # Ctrl+D twice ends the session (an empty line after Ctrl+U-cleared input).
    p.stdin.write(b'\x15\x04'); p.stdin.flush()
    time.sleep(0.5)
    p.stdin.close()
    p.wait()
    reader.join()
    open(os.path.join(here, case['name'] + '.node'), 'wb').write(shown)
    print(case['name'], len(shown), file=sys.stderr)
