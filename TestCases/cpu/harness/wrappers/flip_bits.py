#!/usr/bin/env python3
"""A deliberately broken CPU for the self-test: runs the real command, then flips bit 0 of
X3 in the dump of every sequence whose index is a multiple of --every.
Usage: flip_bits.py --every N REAL-CMD... PROG START"""
import os
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from harness.state import RECORD_SIZE, OFF_X  # noqa: E402


def main():
    if len(sys.argv) < 5 or sys.argv[1] != "--every":
        print("usage: flip_bits.py --every N REAL-CMD... PROG START", file=sys.stderr)
        return 2
    every = int(sys.argv[2])
    p = subprocess.run(sys.argv[3:], stdout=subprocess.PIPE)
    out = bytearray(p.stdout)
    for k in range(len(out) // RECORD_SIZE):
        base = k * RECORD_SIZE
        tag = int.from_bytes(out[base:base + 8], "little")
        if tag % every == 0:
            out[base + OFF_X + 3 * 8] ^= 1
    sys.stdout.buffer.write(out)
    sys.stdout.flush()
    if p.returncode < 0:
        os.kill(os.getpid(), -p.returncode)
    return p.returncode


if __name__ == "__main__":
    sys.exit(main())
