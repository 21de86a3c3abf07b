/* Callgrind client requests for `-- instructions` (InstructionRun.cs): zero the counters before an arm, dump them
 * after it, so that one process under callgrind gives the instructions of each arm of each round. Outside valgrind each
 * request is a few no-op instructions and ssa_on_valgrind returns 0. Built by instructions.sh with the system's
 * valgrind headers (Debian: package valgrind). */
#include <valgrind/valgrind.h>
#include <valgrind/callgrind.h>

int ssa_on_valgrind(void) { return (int)RUNNING_ON_VALGRIND; }

void ssa_zero(void) { CALLGRIND_ZERO_STATS; }

void ssa_dump(const char *reason) { CALLGRIND_DUMP_STATS_AT(reason); }
