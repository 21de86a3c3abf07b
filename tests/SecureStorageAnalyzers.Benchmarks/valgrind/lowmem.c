/* Preloaded into the measured process by instructions.sh (LOWMEM=1, the default): before the runtime is loaded, every
 * free range of the address space below 2 GiB is reserved (no access, no memory), so that the runtime, its code heaps
 * and its stubs are mapped above 2 GiB, as they are natively.
 *
 * Why: valgrind maps a client's libraries and memory from the bottom of the address space, so under it the runtime's
 * call cells lie below 2 GiB. The JIT then encodes a call through such a cell as an absolute 32-bit address, and its
 * emitter's check that such an address is not also reachable pc-relative (dotnet/runtime#100600) fails: a release JIT
 * drops the fully optimized compilation and compiles the method again with MinOpts. Under callgrind without this, most
 * methods of Roslyn, of the framework and of the pack ran MinOpts code (docs/performance.md). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#define LIMIT 0x80000000UL
#define FLOOR 0x10000UL
#define MAX_GAPS 4096

__attribute__((constructor)) static void ssa_reserve_low_memory(void)
{
    static unsigned long gaps[MAX_GAPS][2];
    int count = 0;
    FILE *maps = fopen("/proc/self/maps", "r");
    if (maps == NULL)
        return;
    unsigned long next = FLOOR, start, end;
    char line[512];
    while (fgets(line, sizeof line, maps) != NULL && count < MAX_GAPS)
    {
        if (sscanf(line, "%lx-%lx", &start, &end) != 2)
            continue;
        if (start > next && next < LIMIT)
        {
            gaps[count][0] = next;
            gaps[count][1] = start < LIMIT ? start : LIMIT;
            count++;
        }
        if (end > next)
            next = end;
    }
    fclose(maps);
    if (next < LIMIT && count < MAX_GAPS)
    {
        gaps[count][0] = next;
        gaps[count][1] = LIMIT;
        count++;
    }

    /* Only ranges the maps list as free: a range valgrind keeps for itself is refused, and is left as it is. */
    int reserved = 0;
    for (int i = 0; i < count; i++)
    {
        void *at = mmap((void *)gaps[i][0], gaps[i][1] - gaps[i][0], PROT_NONE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
        if (at != MAP_FAILED)
            reserved++;
    }
    if (getenv("SSA_LOWMEM_VERBOSE") != NULL)
        fprintf(stderr, "lowmem: %d of %d free ranges below 2 GiB reserved\n", reserved, count);
}
