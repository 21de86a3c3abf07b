#!/usr/bin/env python3
"""Where the instructions of one callgrind dump of `instructions.sh` go, by .NET method.

    valgrind/annotate.py DUMP PERFMAP [--top N] [--minus DUMP2]

DUMP is one callgrind.out.N of instructions.sh (an arm of a round, "desc: Trigger" says which); PERFMAP is the
/tmp/perf-PID.map the runtime wrote in that run (instructions.sh sets DOTNET_PerfMapEnabled=3 when PERFMAP=1 is in
the environment; PerfMapShowOptimizationTiers marks the ReadyToRun code of Roslyn and the framework "[PreJIT]").
Callgrind names JIT and ReadyToRun code by address; this maps each address to the method that contains it and prints
the self and inclusive instructions per method, and the self instructions per owner (our pack, Roslyn, the framework,
the runtime). With --minus, the same of DUMP minus DUMP2 (pack arm minus no-op arm: what the pack adds).
Inclusive figures count a recursive method's callees once per level, so read them as an upper bound.
"""
import bisect
import collections
import re
import sys


def read_perfmap(path):
    starts, ends, names = [], [], []
    for line in open(path, errors="replace"):
        parts = line.rstrip("\n").split(" ", 2)
        if len(parts) < 3:
            continue
        try:
            start, size = int(parts[0], 16), int(parts[1], 16)
        except ValueError:
            continue
        starts.append(start)
        ends.append(start + size)
        names.append(parts[2])
    order = sorted(range(len(starts)), key=lambda i: starts[i])
    return [starts[i] for i in order], [ends[i] for i in order], [names[i] for i in order]


def resolver(perfmap):
    starts, ends, names = perfmap
    cache = {}

    def name(fn, ob):
        if fn in cache:
            return cache[fn]
        result = fn
        match = re.match(r"0x([0-9a-fA-F]+)", fn)
        if match:
            address = int(match.group(1), 16)
            i = bisect.bisect_right(starts, address) - 1
            if i >= 0 and address < ends[i]:
                result = names[i]
            else:
                result = f"{fn} [{ob}]"
        elif ob and ("libcoreclr" in ob or "libclrjit" in ob or "libSystem" in ob):
            result = f"{fn} [{ob.rsplit('/', 1)[-1]}]"
        cache[fn] = result
        return result

    return name


def parse(path, name):
    """Self and inclusive instructions per resolved name."""
    self_cost = collections.Counter()
    inclusive = collections.Counter()
    names = {"fn": {}, "cfn": {}, "ob": {}, "cob": {}}
    current_fn = current_ob = None
    call_target = None
    call_ob = None
    pending_call = False
    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        if not line:
            continue
        head = line[0]
        if head.isdigit() or head in "+-*":
            parts = line.split()
            if len(parts) < 2 or current_fn is None:
                continue
            cost = int(parts[1])
            if pending_call:
                pending_call = False
                target = name(call_target, call_ob or current_ob)
                if target != current_fn:
                    inclusive[current_fn] += cost
            else:
                self_cost[current_fn] += cost
                inclusive[current_fn] += cost
            continue
        key, _, value = line.partition("=")
        if key in ("ob", "cob", "fn", "cfn"):
            table = names["ob" if key in ("ob", "cob") else "fn"]
            match = re.match(r"\((\d+)\)(?: (.*))?", value)
            if match:
                ident, text = match.group(1), match.group(2)
                if text is not None:
                    table[ident] = text
                value = table.get(ident, value)
            if key == "ob":
                current_ob = value
            elif key == "cob":
                call_ob = value
            elif key == "fn":
                current_fn = name(value, current_ob)
                call_ob = None
            else:
                call_target = value
        elif key == "calls":
            pending_call = True
    return self_cost, inclusive


def owner(method):
    # perf-map names: "instance void [Microsoft.CodeAnalysis.CSharp] Microsoft.CodeAnalysis.CSharp.Binder::M(...)[Optimized]";
    # the declaring type's assembly is the bracket just before "Type::Method".
    match = re.search(r"\[([^\]\s]+)\] [^\s(\[]+?::", method)
    if match:
        assembly = match.group(1)
        if assembly == "SecureStorageAnalyzers.Analyzers":
            return "our pack"
        if assembly.startswith("SecureStorageAnalyzers"):
            return "the harness"
        if assembly == "Microsoft.CodeAnalysis.CSharp":
            return "Roslyn (C#)"
        if assembly == "Microsoft.CodeAnalysis":
            return "Roslyn (common)"
        return "framework (JIT-compiled)"
    if method.startswith("stub "):
        return "runtime stubs"
    if "libclrjit" in method:
        return "JIT"
    if "libcoreclr" in method or "libSystem" in method:
        return "runtime (GC, type system)"
    if method.startswith("0x"):
        return "not in the perf map (ReadyToRun framework code, stubs)"
    return "native (libc, runtime)"


def main(argv):
    top = 30
    minus = None
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == "--top":
            top = int(argv[i + 1])
            i += 2
        elif argv[i] == "--minus":
            minus = argv[i + 1]
            i += 2
        else:
            args.append(argv[i])
            i += 1
    dump, perfmap = args
    name = resolver(read_perfmap(perfmap))
    self_cost, inclusive = parse(dump, name)
    if minus:
        other_self, other_inclusive = parse(minus, name)
        self_cost.subtract(other_self)
        inclusive.subtract(other_inclusive)
    total = sum(self_cost.values())
    print(f"{dump}{' minus ' + minus if minus else ''}: {total:,} instructions")
    by_owner = collections.Counter()
    for method, cost in self_cost.items():
        by_owner[owner(method)] += cost
    print("\nself instructions by owner")
    for label, cost in by_owner.most_common():
        print(f"  {cost:>14,}  {cost / total:7.2%}  {label}")
    print(f"\ntop {top} methods, self")
    for method, cost in self_cost.most_common(top):
        print(f"  {cost:>14,}  {cost / total:7.2%}  {method[:160]}")
    print(f"\ntop {top} methods of our pack, inclusive")
    ours = [(m, c) for m, c in inclusive.items() if owner(m) == "our pack"]
    for method, cost in sorted(ours, key=lambda p: -p[1])[:top]:
        print(f"  {cost:>14,}  {cost / total:7.2%}  {method[:160]}")


if __name__ == "__main__":
    main(sys.argv[1:])
