"""Start a command from a small process and report its start time and peak memory.

``ru_maxrss`` of a child counts the memory of the process it was forked from (Linux keeps the larger
of the old and the new address space's peak across ``exec``), so the benchmark, holding 100k hazards,
cannot spawn the measured programs itself. This launcher is a bare interpreter: it prints

    spawned <time.monotonic() just before the command starts>
    maxrss-kib <the command's peak resident memory>
    cpu-s <the command's user + system CPU seconds, start to exit>

around the command's own output (which goes to the same stdout), and exits with its code.

Usage: python -S benchmarks/spawn.py COMMAND [ARG ...]
"""

import os
import sys
import time


def main() -> int:
    command = sys.argv[1:]
    sys.stdout.flush()
    start = time.monotonic()
    pid = os.posix_spawn(command[0], command, os.environ)
    _pid, status, usage = os.wait4(pid, 0)
    print(f"spawned {start:.6f}")
    print(f"maxrss-kib {usage.ru_maxrss}")
    print(f"cpu-s {usage.ru_utime + usage.ru_stime:.6f}")
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
