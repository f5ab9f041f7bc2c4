#!/bin/sh
# Builds QuickJS-ng's `qjs` command line into DIR (default: bench/.qjs) for bench/run.py.
#
#   bench/build-qjs.sh [DIR]
#
# When ../shared/peers/build-qjs.sh exists next to the repository (the shared machine's
# copy, with the source tarball beside it) it is used. Otherwise the QuickJS-ng source tree
# is taken from $QJS_SRC (a checkout or unpacked release of
# https://github.com/quickjs-ng/quickjs, e.g. `git clone --depth 1 -b v0.16.2 ...`) and
# compiled here with gcc -O2 (no CMake needed, ~1 minute on one core). Nothing of QuickJS
# is committed to this repository.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-$ROOT/bench/.qjs}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)

PEER="$ROOT/../shared/peers/build-qjs.sh"
if [ -x "$PEER" ]; then
    exec "$PEER" "$DIR"
fi

SRC=${QJS_SRC:-}
if [ -z "$SRC" ] || [ ! -f "$SRC/quickjs.c" ]; then
    cat >&2 <<MSG
build-qjs.sh: no QuickJS-ng source.
  $PEER does not exist, and QJS_SRC does not name a QuickJS-ng source tree.
  Get one, then rerun:
    git clone --depth 1 -b v0.16.2 https://github.com/quickjs-ng/quickjs /tmp/qjs-src
    QJS_SRC=/tmp/qjs-src bench/build-qjs.sh $DIR
MSG
    exit 1
fi

CC=${CC:-gcc}
OBJ="$DIR/obj"
mkdir -p "$OBJ"
for f in dtoa libregexp libunicode quickjs quickjs-libc gen/repl gen/standalone qjs; do
    o="$OBJ/$(basename "$f").o"
    echo "cc $f.c" >&2
    "$CC" -O2 -D_GNU_SOURCE -DQJS_BUILD_LIBC -I"$SRC" -c "$SRC/$f.c" -o "$o"
done
"$CC" -rdynamic -o "$DIR/qjs" "$OBJ"/*.o -lm -ldl -lpthread
"$DIR/qjs" -e 'print("built qjs " + (globalThis.navigator?.userAgent ?? ""))' >&2 || true
echo "$DIR/qjs"
