#!/bin/sh
# Seeds the fuzz corpora (fuzz/corpus/<target>/, not committed) from the project's samples,
# the tutorials and a slice of test262, as the fuzzing section of fuzz/README.md says.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shared="$here/../../shared"
for t in parse eval format; do mkdir -p "$here/corpus/$t"; done
for f in "$here"/../samples/*.js "$shared"/tutorials/*.js; do
  [ -f "$f" ] || continue
  cp "$f" "$here/corpus/parse/"
  cp "$f" "$here/corpus/eval/"
done
# Every 20th test262 test: language and built-ins, small enough to run fast.
if [ -d "$shared/test262/test" ]; then
  find "$shared/test262/test/language" "$shared/test262/test/built-ins" -name '*.js' -size -4k \
    | awk 'NR % 20 == 0' | while read -r f; do
      n=$(echo "$f" | tr '/' '_')
      cp "$f" "$here/corpus/parse/$n"
      cp "$f" "$here/corpus/eval/$n"
    done
fi
# The format target reads bytes as a tiny grammar: random seeds are as good as any.
for i in 1 2 3 4 5 6 7 8; do head -c 256 /dev/urandom > "$here/corpus/format/seed$i"; done
echo "seeded: $(ls "$here/corpus/parse" | wc -l) parse, $(ls "$here/corpus/eval" | wc -l) eval"
