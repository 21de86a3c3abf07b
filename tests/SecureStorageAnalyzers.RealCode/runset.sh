#!/usr/bin/env bash
# usage: runset.sh WORKTREE OUTPREFIX SET [SET...]
#   Sources: SRC_ROOT (default /work/src)/SET, extracted by extract-snapshots.py, with SRC_ROOT/SET.ready touched after.
#   SET is realcode | heldout | heldout2..heldout13 | chain-dev. Sources are read from ${SRC_ROOT:-/work/src}/SET.
#   Labels/lists are read from WORKTREE's tests/SecureStorageAnalyzers.RealCode (override with LABELS_FROM=<other worktree>).
#   Builds the harness once (under ${LOCK:-/tmp/ssa-heavy.lock}), then runs each set (each run under the lock too).
#   Prints the "| **All** |" row per set; report in OUTPREFIX-SET.md.
#   Runs of a clean worktree's commit are cached in ${CACHE:-/tmp/ssa-runset-cache} (same commit + same set = same report).
set -uo pipefail
wt=$(realpath "$1"); out=$2; shift 2
lf=${LABELS_FROM:-$wt}
h=$wt/tests/SecureStorageAnalyzers.RealCode
key=""
if [[ -z ${LABELS_FROM:-} && -z $(git -C "$wt" status --porcelain 2>/dev/null) ]]; then key=$(git -C "$wt" rev-parse HEAD); fi
mkdir -p ${CACHE:-/tmp/ssa-runset-cache}
built=0
for s in "$@"; do
  if [[ $s == realcode ]]; then d=$lf/tests/SecureStorageAnalyzers.RealCode; else d=$lf/tests/SecureStorageAnalyzers.RealCode/$s; fi
  [[ -f ${SRC_ROOT:-/work/src}/$s.ready ]] || { echo "$s: sources not ready (${SRC_ROOT:-/work/src}/$s.ready missing)"; continue; }
  c=${CACHE:-/tmp/ssa-runset-cache}/$key-$s.md
  if [[ -n $key && -s $c ]]; then cp "$c" "$out-$s.md"; echo "$s (cached): $(grep -m1 '| \*\*All\*\* |' "$out-$s.md")"; continue; fi
  if [[ $built == 0 ]]; then
    flock ${LOCK:-/tmp/ssa-heavy.lock} dotnet build -c Release "$h" -v q -nologo 2>&1 | grep -E " error " | head -5; built=1
  fi
  flock ${LOCK:-/tmp/ssa-heavy.lock} dotnet run -c Release --no-build --project "$h" -- --src ${SRC_ROOT:-/work/src}/$s \
     --repositories "$d/repositories.tsv" --labels "$d/labels.tsv" --out "$out-$s.md" >/dev/null 2>"$out-$s.err"
  [[ -n $key && -s $out-$s.md ]] && cp "$out-$s.md" "$c"
  echo "$s: $(grep -m1 '| \*\*All\*\* |' "$out-$s.md")"
done
