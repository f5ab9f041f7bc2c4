#!/bin/sh
# Regenerates out/*.out: dates.js under each zone of zones.txt, run by the reference Node.
# Never edit the outputs by hand.
cd "$(dirname "$0")" || exit 1
NODE=${NODE:-/work/shared/reference-node/node}
mkdir -p out
while read -r zone; do
  file=out/$(printf '%s' "$zone" | tr '/+' '__').out
  TZ=$zone HOME=${HOME:-/root} "$NODE" dates.js > "$file"
done < zones.txt
