#!/bin/sh
# Runs the reference Node with jsgen's test262 command line, so `jsgen-test262 --jsgen
# crates/test262/node-reference/jsgen-compat.sh ...` measures Node's own score (see run.js).
# NODE overrides the Node binary (default: the reference Node 24).
NODE=${NODE:-/work/shared/reference-node/node}
HOME=${HOME:-/root} exec "$NODE" --unhandled-rejections=none "$(dirname "$0")/run.js" "$@"
