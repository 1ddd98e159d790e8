#!/usr/bin/env python3
"""Runs a command with its output into a log and prints the CPU seconds its process spent (user + system, from
/proc/<pid>/stat, every thread) and the wall seconds between the first output line matching --start and the first
matching --end after it: the load window of a benchmark, without the JVM's or interpreter's start and its reports.

scripts/cpu-window.py --start REGEX --end REGEX --log FILE [--pid-of REGEX] -- command args...
--pid-of: measure the descendant whose command line matches (a JVM a launcher forks), not the command itself.
Prints one line: "cpu_s=<float> wall_s=<float>"; exits with the command's status (1 if a marker never came).
"""
import argparse
import os
import re
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def cpu(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime (fields 14 and 15 of stat)


def descendants(pid):
    out = []
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
        if ppid == pid:
            out.append(int(p))
            out.extend(descendants(int(p)))
    return out


def find(root, pattern):
    for p in [root] + descendants(root):
        try:
            with open(f"/proc/{p}/cmdline", "rb") as f:
                if re.search(pattern, f.read().replace(b"\0", b" ").decode(errors="replace")):
                    return p
        except OSError:
            pass
    return None


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--start", required=True)
    a.add_argument("--end", required=True)
    a.add_argument("--log", required=True)
    a.add_argument("--pid-of")
    a.add_argument("command", nargs=argparse.REMAINDER)
    args = a.parse_args()
    cmd = args.command[1:] if args.command[:1] == ["--"] else args.command
    start = end = None
    with open(args.log, "w") as log:
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
        for line in p.stdout:
            log.write(line)
            if start is None and re.search(args.start, line):
                pid = find(p.pid, args.pid_of) if args.pid_of else p.pid
                start = (cpu(pid), time.monotonic()) if pid else None
            elif start is not None and end is None and re.search(args.end, line):
                end = (cpu(pid), time.monotonic())
        status = p.wait()
    if start is None or end is None:
        print(f"cpu-window: no {'start' if start is None else 'end'} marker in {args.log}", file=sys.stderr)
        return status or 1
    print(f"cpu_s={end[0] - start[0]:.2f} wall_s={end[1] - start[1]:.2f}")
    return status


if __name__ == "__main__":
    sys.exit(main())
