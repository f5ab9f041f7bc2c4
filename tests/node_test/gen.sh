#!/bin/sh
# Regenerates the expected outputs of tests/node_test.rs with the reference Node 24: stdout
# and exit code of each script, as Node runs it from this directory. The test normalises
# durations and Node's internal stack frames on both sides.
set -e
cd "$(dirname "$0")"
NODE=${NODE:-$(cd ../../../shared/reference-node && pwd)/node}
for f in *.js; do
  "$NODE" "$f" > "${f%.js}.out" 2>/dev/null && echo 0 > "${f%.js}.exit" || echo $? > "${f%.js}.exit"
done
