#!/usr/bin/env python3
"""A deliberately crashing CPU for the self-test: runs the real command, passes the dumps on,
but "crashes" (dies by SIGSEGV) at the first sequence whose index is R modulo M, as an
emulator dying on one instruction would. Usage: crash_some.py M R REAL-CMD... PROG START"""
import os
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from harness.state import RECORD_SIZE  # noqa: E402


def main():
    if len(sys.argv) < 5:
        print("usage: crash_some.py M R REAL-CMD... PROG START", file=sys.stderr)
        return 2
    mod, rem = int(sys.argv[1]), int(sys.argv[2])
    p = subprocess.run(sys.argv[3:], stdout=subprocess.PIPE)
    out = p.stdout
    for k in range(len(out) // RECORD_SIZE):
        rec = out[k * RECORD_SIZE:(k + 1) * RECORD_SIZE]
        if int.from_bytes(rec[:8], "little") % mod == rem:
            sys.stdout.flush()
            signal.signal(signal.SIGSEGV, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGSEGV)
        sys.stdout.buffer.write(rec)
        sys.stdout.flush()
    return p.returncode


if __name__ == "__main__":
    sys.exit(main())
