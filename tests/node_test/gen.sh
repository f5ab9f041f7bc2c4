#!/bin/sh
# Regenerates the expected outputs of tests/node_test.rs with the reference Node 24: stdout
# and exit code of each script, as Node runs it from this directory. The test normalises
# durations and Node's internal stack frames on both sides. The absolute path of this
# directory is stored as `<DIR>` so the outputs do not depend on where the clone lives.
set -e
cd "$(dirname "$0")"
NODE=${NODE:-$(cd ../../../shared/reference-node && pwd)/node}
HERE=$(pwd)
for f in *.js; do
  "$NODE" "$f" > "${f%.js}.raw" 2>/dev/null && echo 0 > "${f%.js}.exit" || echo $? > "${f%.js}.exit"
  sed "s|$HERE|<DIR>|g" "${f%.js}.raw" > "${f%.js}.out" && rm "${f%.js}.raw"
done
