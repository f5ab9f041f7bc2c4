#!/bin/sh
# Regenerates the expected outputs of tests/modules.rs with the reference Node 24
# (../shared/reference-node/node): stdout and exit code of each case, as Node runs it.
set -e
cd "$(dirname "$0")"
NODE=${NODE:-$(cd ../../../shared/reference-node && pwd)/node}
run() { # dir file flags...
  dir=$1; file=$2; shift 2
  (cd "$dir" && "$NODE" "$@" "$file" > expected.out 2>/dev/null; echo $? > expected.exit) || true
}
run sandbox main.js --permission
run sandbox-esm main.mjs --permission
run allow main.js --permission --allow-fs-read="$PWD/allow/lib"
run errors-cjs main.js
run errors-esm main.mjs
run child-process main.js --permission
