#!/bin/sh
# Regenerates expected.out with the reference Node. Never edit the output by hand.
cd "$(dirname "$0")" || exit 1
TZ=UTC HOME=${HOME:-/root} "${NODE:-/work/shared/reference-node/node}" matrix.js > expected.out
TZ=UTC HOME=${HOME:-/root} "${NODE:-/work/shared/reference-node/node}" more.js > more.out
TZ=UTC HOME=${HOME:-/root} "${NODE:-/work/shared/reference-node/node}" styles.js > styles.out
