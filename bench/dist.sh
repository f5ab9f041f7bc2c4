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
# `DIST_PROFILE_USE=0` leaves it out (bench/pgo.py's instrumented build).
#
# On x86_64 Linux with glibc's static libraries (`libc.a`, in Debian's libc6-dev), the
# executable is linked statically (`crt-static`, position-dependent): no dynamic loader
# resolving ~170 symbols in three shared libraries and mapping their pages at every start
# (DESIGN.md, "The optimised build is linked statically"). `crt-static` must not reach the
# build scripts and proc-macros cargo builds for the host, so the build names its target
# (`--target`), which puts it in `target/<triple>/dist/`; `build` copies the executables
# from there to `target/dist/`, where the benchmarks and scripts look. `DIST_STATIC=0`
# links it dynamically.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
profile="$root/pgo/jsgen.profdata"
flags=${RUSTFLAGS:-}
if [ "${DIST_PROFILE_USE:-1}" = 0 ]; then
  :
elif [ -f "$profile" ]; then
  flags="$flags -Cprofile-use=$profile"
else
  echo "dist.sh: no $profile, building without profile-guided optimisation" >&2
fi
cd "$root"
[ $# -gt 0 ] || set -- build -p jsgen
sub=$1
shift

# The build names its target on x86_64 Linux with glibc (statically linked or not), so its
# function names, which carry that, are the same in bench/pgo.py's instrumented build
# (`DIST_STATIC=0`: an instrumented executable references every function, and libc's
# versioned `cfsetospeed@GLIBC_2.2.5`-style names of unused ones cannot link statically).
triple=
host=$(rustc -vV | sed -n 's/^host: //p')
if [ "$host" = x86_64-unknown-linux-gnu ]; then
  triple=$host
  libc_a=$(${CC:-cc} -print-file-name=libc.a 2>/dev/null || true)
  if [ "${DIST_STATIC:-1}" = 0 ]; then
    :
  elif [ -f "$libc_a" ]; then
    flags="$flags -Ctarget-feature=+crt-static -Crelocation-model=static"
  else
    echo "dist.sh: no static glibc (libc.a), building a dynamically linked executable" >&2
  fi
fi

if [ -z "$triple" ]; then
  RUSTFLAGS="$flags" exec cargo "$sub" --locked --profile dist "$@"
fi
RUSTFLAGS="$flags" cargo "$sub" --locked --profile dist --target "$triple" "$@"
if [ "$sub" = build ]; then
  out=${CARGO_TARGET_DIR:-$root/target}
  mkdir -p "$out/dist"
  for exe in jsgen jsgen-test262; do
    if [ -f "$out/$triple/dist/$exe" ]; then
      cp -f "$out/$triple/dist/$exe" "$out/dist/$exe"
    fi
  done
fi
