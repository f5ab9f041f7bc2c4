#!/usr/bin/env sh
# Runs a cargo command on the optimised build, `target/dist/`: `[profile.dist]` (fat LTO, one
# codegen unit) with the execution profile in `pgo/jsgen.profdata` (written by
# `bench/pgo.py`). `target/dist/jsgen` is the binary the benchmarks measure and the README's
# install command produces.
#
#   bench/dist.sh                         # cargo build --profile dist -p jsgen
#   bench/dist.sh build --workspace --bins
#   bench/dist.sh test -p jsgen --test golden
#   bench/dist.sh install --path .        # into ~/.cargo/bin
#
# The profile goes in RUSTFLAGS with an absolute path: rustc resolves it from each crate's
# own directory, so it cannot be a relative path in `.cargo/config.toml`.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
profile="$root/pgo/jsgen.profdata"
flags=${RUSTFLAGS:-}
if [ -f "$profile" ]; then
  flags="$flags -Cprofile-use=$profile"
else
  echo "dist.sh: no $profile, building without profile-guided optimisation" >&2
fi
cd "$root"
[ $# -gt 0 ] || set -- build -p jsgen
sub=$1
shift
RUSTFLAGS="$flags" exec cargo "$sub" --locked --profile dist "$@"
