"""Runs a guest binary under one emulator and collects one outcome per sequence.

The guest writes one fixed-size record per finished sequence. If it dies early, the sequence
after the last record is the one that crashed; the runner notes that and relaunches from the
next index, so one bad instruction costs one sequence, not the whole binary."""
import shlex
import signal
import subprocess

from .state import State, RECORD_SIZE



class Crash:
    """A sequence that did not produce a dump under an emulator."""
    __slots__ = ("reason",)

    def __init__(self, reason):
        self.reason = reason

    def __repr__(self):
        return "Crash(%r)" % self.reason


def describe_exit(rc):
    if rc is None:
        return "timed out"
    if rc < 0:
        try:
            return "killed by %s" % signal.Signals(-rc).name
        except ValueError:
            return "killed by signal %d" % -rc
    return "exit status %d" % rc


def run_binary(cmd, prog, count, timeout):
    """Outcomes for sequences 0..count-1 of prog under cmd (a shell-style command string):
    a list whose items are State (a dump) or Crash."""
    argv0 = shlex.split(cmd)
    outcomes = [None] * count
    start = 0
    probed = False
    while start < count:
        try:
            p = subprocess.run(argv0 + [prog, str(start)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=timeout)
            rc, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            rc, out, err = None, e.stdout or b"", e.stderr or b""
        except OSError as e:
            raise RuntimeError("cannot run %r: %s" % (cmd, e))
        n = len(out) // RECORD_SIZE
        got = 0
        for k in range(n):
            s = State.unpack(out[k * RECORD_SIZE:(k + 1) * RECORD_SIZE])
            if s.tag != start + k:
                # Output out of step with the sequence index: treat the rest as lost.
                outcomes[start + k] = Crash("dump tagged %d, expected %d" % (s.tag, start + k))
                break
            outcomes[start + k] = s
            got = k + 1
        nxt = start + got
        if nxt >= count and rc == 0:
            break
        if nxt >= count:
            # All dumps arrived but the exit was not clean: blame the last sequence.
            last = count - 1
            if isinstance(outcomes[last], State):
                outcomes[last] = Crash("all dumps written, then %s%s" % (describe_exit(rc), _tail(err)))
            break
        if rc == 0:
            why = "exited 0 without a dump (%d stray bytes)" % (len(out) % RECORD_SIZE)
        else:
            why = describe_exit(rc) + _tail(err)
        if outcomes[nxt] is None:
            outcomes[nxt] = Crash(why)
        start = nxt + 1
        if got == 0 and not probed and start < count:
            # Nothing ran: a sequence crashed, or the emulator cannot run the guest at all.
            # Starting at index `count` runs no sequence and must just exit 0.
            probed = True
            why_not = _probe(argv0, prog, count, timeout)
            if why_not:
                for k in range(start, count):
                    outcomes[k] = Crash("not run: the emulator cannot run the guest at all "
                                        "(a launch running no sequence: %s)" % why_not)
                break
    return outcomes


def _probe(argv0, prog, count, timeout):
    """None if the emulator can start the guest and exit cleanly, else why not."""
    try:
        p = subprocess.run(argv0 + [prog, str(count)], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timed out"
    if p.returncode != 0:
        return describe_exit(p.returncode) + _tail(p.stderr)
    if p.stdout:
        return "exit status 0 but wrote %d bytes to stdout: %r" % (len(p.stdout), p.stdout[:60])
    return None


def _tail(err):
    text = err.decode("utf-8", "replace").strip()
    if not text:
        return ""
    last = text.splitlines()[-1]
    return ": " + last[:200]
