/* Callgrind client requests for `-- instructions` (InstructionRun.cs): instrument and zero the counters before a counted
 * arm, dump them and stop instrumenting after it, so that one process under callgrind gives the instructions of each arm
 * of each round, and the start-up and warm-up rounds run uninstrumented (several times faster). Outside valgrind each
 * request is a few no-op instructions and ssa_on_valgrind returns 0. Built by instructions.sh with the system's
 * valgrind headers (Debian: package valgrind). */
#include <valgrind/valgrind.h>
#include <valgrind/callgrind.h>

int ssa_on_valgrind(void) { return (int)RUNNING_ON_VALGRIND; }

void ssa_zero(void)
{
    CALLGRIND_START_INSTRUMENTATION;
    CALLGRIND_ZERO_STATS;
}

void ssa_dump(const char *reason)
{
    CALLGRIND_DUMP_STATS_AT(reason);
    CALLGRIND_STOP_INSTRUMENTATION;
}
