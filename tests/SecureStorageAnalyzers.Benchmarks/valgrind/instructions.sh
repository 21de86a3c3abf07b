#!/bin/sh
# The pack's share of the compiler's work in instructions (docs/performance.md, "Instruction counts"): runs
# `SecureStorageAnalyzers.Benchmarks instructions …` under callgrind, which counts every instruction the process
# executes; markers.c brackets each arm of each round. Load on the machine does not change the counts.
#
#   tests/SecureStorageAnalyzers.Benchmarks/valgrind/instructions.sh 100 3            # 100 feature folders, 3 rounds
#   tests/SecureStorageAnalyzers.Benchmarks/valgrind/instructions.sh 100 3 cloud      # with the cloud SDKs referenced
#   tests/SecureStorageAnalyzers.Benchmarks/valgrind/instructions.sh 2 3 fixed        # one Program.cs: the fixed cost
#
# Arguments after the script's name go to the `instructions` mode (scale, rounds, cloud, fixed, warmup=N,
# arms=compiler,pack,no-op,no-cloud, nogc=MiB, gc); LOWMEM=0 in the environment counts without lowmem.c (below).
# Needs valgrind (with its headers) and gcc; build the benchmark first
# (dotnet build -c Release tests/SecureStorageAnalyzers.Benchmarks). Never run in CI: minutes to hours.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# SSA_BENCHMARK_DLL: another build of the harness (an A/B of two builds: dotnet build -o DIR for the other one).
bench="${SSA_BENCHMARK_DLL:-$here/../bin/Release/net10.0/SecureStorageAnalyzers.Benchmarks.dll}"
[ -f "$bench" ] || { echo "build first: dotnet build -c Release tests/SecureStorageAnalyzers.Benchmarks" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/ssa-instructions.XXXXXX")
gcc -O2 -shared -fPIC -o "$work/libssamarkers.so" "$here/markers.c"
# LOWMEM=1 (the default): lowmem.c, preloaded, reserves the address space below 2 GiB before the runtime loads, so that
# the JIT compiles fully optimized code as it does natively; under valgrind without it, most methods fell back to MinOpts
# (dotnet/runtime#100600; docs/performance.md, "Fully optimized code under callgrind"). LOWMEM=0: the counts before
# 2026-12-07 (h-perf17), of mostly MinOpts code.
preload=
if [ "${LOWMEM:-1}" = 1 ]; then
  gcc -O2 -shared -fPIC -o "$work/libssalowmem.so" "$here/lowmem.c"
  preload="$work/libssalowmem.so"
fi

# The runtime under valgrind, and counts that repeat:
# - GCHeapHardLimit: without a limit the GC reserves 256 GiB of address space for its regions, which valgrind refuses.
# - Workstation, non-concurrent GC: no background GC thread and no server-GC threads spinning on a core valgrind has
#   serialized; each arm starts after a full collection (Measurements.Settle) and, by default, runs inside a no-GC
#   region (InstructionRun: nogc=MiB, default 3072; `gc` counts the collections as they fall): when a collection
#   lands depends on the allocation budget the GC tunes round to round, and it moved the totals by ±5 M.
# - TieredCompilation=0 and ReadyToRun=0: every method compiled once, fully optimized, on first call, the compiler's and
#   the pack's alike; no background re-JIT lands in a counted arm after the warm-up rounds.
# - W^X off: valgrind and the double-mapped executable memory of W^X do not mix well, and W^X costs a mapping switch per JIT.
# - No spinning in the thread pool and in locks: a spin loop's length depends on the scheduling, not on the work.
export DOTNET_GCHeapHardLimit=0x200000000 DOTNET_gcServer=0 DOTNET_gcConcurrent=0 \
  DOTNET_TieredCompilation=0 DOTNET_EnableWriteXorExecute=0 \
  DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 DOTNET_SpinLimitProcCap=0 DOTNET_Monitor_SpinCount=0 \
  DOTNET_TieredPGO=0 DOTNET_CLI_TELEMETRY_OPTOUT=1
# PERFMAP=1: the runtime writes perf-PID.map next to the dumps (every JIT-compiled and ReadyToRun method with its
# address), for annotate.py, which names the methods of a dump. It costs a line of text per method compiled.
if [ "${PERFMAP:-0}" = 1 ]; then
  export DOTNET_PerfMapEnabled=3 DOTNET_PerfMapShowOptimizationTiers=1 DOTNET_PerfMapJitDumpPath="$work"
fi
export SSA_MARKERS="$work/libssamarkers.so" SSA_CALLGRIND_OUT="$work/callgrind.out"
# --instr-atstart=no: start-up and the warm-up rounds run uninstrumented; each counted arm turns instrumentation on and
# zeroes the counters when it starts, dumps them and turns instrumentation off when it ends.
env ${preload:+LD_PRELOAD="$preload"} valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" --instr-atstart=no \
  --dump-line=no --dump-instr=no --compress-pos=yes --error-limit=no --smc-check=all-non-file \
  -q dotnet "$bench" instructions "$@"
status=$?
echo "callgrind dumps: $work (delete when done)" >&2
exit $status
