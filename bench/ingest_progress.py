#!/usr/bin/env python3
"""Reads the output of `tributary ingest` on stdin as it is printed and writes, to OUT, one line
"K SECONDS" each time the progress reaches a multiple of STEP files (and at the last file):
SECONDS since this script started, which the caller starts beside the ingest command. The CLI
prints a batch's progress lines once the batch has committed, so K files are stored by then.
The summary line ("ingested …") and every failed file's line go to stdout; the rest is dropped
(a million progress lines are not worth keeping).

usage: ingest_progress.py STEP OUT
"""
import re
import sys
import time

step, out = int(sys.argv[1]), sys.argv[2]
t0 = time.monotonic()
progress = re.compile(r"^\[(\d+)/(\d+)\] ")
with open(out, "w") as marks:
    marks.write("0 0.000\n")
    for line in sys.stdin:
        m = progress.match(line)
        if m:
            k, n = int(m.group(1)), int(m.group(2))
            if k % step == 0 or k == n:
                marks.write("%d %.3f\n" % (k, time.monotonic() - t0))
                marks.flush()
            if ": failed: " in line:
                sys.stdout.write(line)
        else:
            sys.stdout.write(line)
        sys.stdout.flush()
