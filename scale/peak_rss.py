#!/usr/bin/env python3
"""Run a command and report its wall time and the peak memory of its whole
process tree (the sum of the resident sets of every process under it,
sampled every 0.2 s), which is what a machine must hold for it. For a JVM
with Python workers and isnad processes under it, /usr/bin/time -v would
give only the largest single process.

    peak_rss.py LABEL -- COMMAND ARG...   (a shell pipeline: sh -c '...')

Prints one line on standard error:
    peak_rss: LABEL wall 12.3 s, tree peak 456 MB, largest process 300 MB
"""

import os
import subprocess
import sys
import time


def children():
    """Parent of every process, from /proc."""
    parent = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                stat = f.read()
            # The command name may hold spaces: fields after its ')'.
            ppid = int(stat.rsplit(b")", 1)[1].split()[1])
            parent[int(pid)] = ppid
        except (OSError, ValueError, IndexError):
            continue
    return parent


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree(root, parent):
    found = {root}
    grew = True
    while grew:
        grew = False
        for pid, pp in parent.items():
            if pp in found and pid not in found:
                found.add(pid)
                grew = True
    return found


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__)
    label, cmd = sys.argv[1], sys.argv[3:]
    start = time.monotonic()
    proc = subprocess.Popen(cmd)
    peak = largest = 0
    while proc.poll() is None:
        sizes = [rss_kb(p) for p in tree(proc.pid, children())]
        peak = max(peak, sum(sizes))
        largest = max([largest] + sizes)
        time.sleep(0.2)
    wall = time.monotonic() - start
    sys.stderr.write(
        f"peak_rss: {label} wall {wall:.1f} s, tree peak {peak / 1024:.0f} MB, "
        f"largest process {largest / 1024:.0f} MB, exit {proc.returncode}\n"
    )
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
