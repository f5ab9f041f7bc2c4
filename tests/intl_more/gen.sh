#!/bin/sh
# Regenerates the expected outputs with the reference Node. Never edit them by hand.
cd "$(dirname "$0")" || exit 1
for f in *.js; do
  TZ=UTC HOME=${HOME:-/root} "${NODE:-/work/shared/reference-node/node}" "$f" > "${f%.js}.out"
done
