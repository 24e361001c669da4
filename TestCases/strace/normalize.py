#!/usr/bin/env python3
"""Normalises strace(1) and ferry -strace logs and compares them syscall by syscall.
Usage: normalize.py BUILD_DIR KNOWN_DIFFERENCES_FILE (see compare.sh)."""
import glob, os, re, sys
from collections import OrderedDict

PREFIX = re.compile(r'^(\[pid +(\d+)\] |(\d+) +)')

def read_log(path):
    """Lines between the BEGIN and END markers, pid prefixes off, unfinished/resumed joined."""
    lines, pids, pending, inside = [], set(), {}, False
    for raw in open(path, errors='replace'):
        raw = raw.rstrip('\n')
        m = PREFIX.match(raw)
        pid = None
        if m:
            pid = m.group(2) or m.group(3)
            pids.add(pid)
            raw = raw[m.end():]
        if raw.endswith('<unfinished ...>'):
            pending[pid] = raw[:-len('<unfinished ...>')].rstrip()
            # "wait4(5243,  <unfinished ...>" then "<... wait4 resumed>[{...": one space between.
            if pending[pid].endswith(','):
                pending[pid] += ' '
            continue
        r = re.match(r'^<\.\.\. (\w+) resumed>(.*)$', raw)
        if r:
            raw = pending.pop(pid, r.group(1) + '(') + r.group(2)
        if 'FERRY-STRACE-BEGIN' in raw:
            inside = True
            continue
        if 'FERRY-STRACE-END' in raw:
            inside = False
            continue
        # ferry prefixes [pid N] only while strace would show it (several tasks); the pids of
        # unprefixed lines come from the calls that return them.
        r = re.match(r'^(getpid|gettid|clone|clone3|fork|vfork)\(.*\)\s+= (\d+)$', raw)
        if r:
            pids.add(r.group(2))
        if inside and not raw.startswith('+++'):
            lines.append(raw)
    return lines, pids

IPC_GET = re.compile(r'^(msgget|semget|shmget)\(.*\) = (\d+)$')

def ipc_ids(lines):
    """System V ids the kernel hands out differ from run to run, like pids."""
    ids = set()
    for l in lines:
        m = IPC_GET.match(re.sub(r'\s+= ', ' = ', l, count=1))
        if m:
            ids.add(m.group(2))
    return ids

def normalise(line, pids, ids=()):
    line = re.sub(r'\s+= ', ' = ', line, count=1)
    for i in ids:
        line = re.sub(r'\b%s\b' % i, 'IPCID', line)
    # F_GETFL's hex word is the architecture's O_* encoding (aarch64 O_LARGEFILE is 0x20000,
    # x86-64 0x8000); the decoded names after it are compared.
    line = re.sub(r'= 0x[0-9a-f]+ \(flags ', '= 0xFLAGS (flags ', line)
    # Free blocks and inodes change between the two runs when anything else writes to the disk.
    line = re.sub(r'(f_bfree|f_bavail|f_ffree)=\d+', r'\1=N', line)
    line = re.sub(r'0x[0-9a-f]{5,}', '0xADDR', line)
    line = re.sub(r'(tv_sec|tv_nsec|tv_usec|si_utime|si_stime)=\d+', r'\1=N', line)
    for pid in pids:
        line = re.sub(r'\b%s\b' % pid, 'PID', line)
    return line

def by_syscall(lines, pids):
    out = OrderedDict()
    ids = ipc_ids(lines)
    for l in lines:
        n = normalise(l, pids, ids)
        m = re.match(r'^(\w+)\(', n)
        key = m.group(1) if m else ('signal ' + n.split()[1] if n.startswith('---') else n)
        out.setdefault(key, []).append(n)
    return out

IOCTL_REQUEST = re.compile(r'^ioctl\(-?\d+, ([^,)]+)')

def ioctl_summary(build):
    """ioctl lines per request over every program: a request agrees when its lines are the same
    on both sides (the per-syscall comparison sees them only all together)."""
    native, emu = OrderedDict(), OrderedDict()
    for native_path in sorted(glob.glob(os.path.join(build, '*.native.txt'))):
        emu_path = native_path[:-len('.native.txt')] + '.emu.txt'
        for path, out in ((native_path, native), (emu_path, emu)):
            if not os.path.exists(path):
                continue
            lines, pids = read_log(path)
            for l in by_syscall(lines, pids).get('ioctl', []):
                m = IOCTL_REQUEST.match(l)
                out.setdefault(m.group(1) if m else '?', []).append(l)
    names = list(native) + [n for n in emu if n not in native]
    same = [n for n in names if native.get(n) == emu.get(n)]
    lines = sum(len(v) for v in native.values())
    agreeing_lines = sum(len(native[n]) for n in same if n in native)
    print('ioctl requests agreeing with strace(1): %d of %d (%d of %d lines)' % (len(same), len(names), agreeing_lines, lines))
    for n in names:
        if n not in same:
            print('  ioctl %s differs' % n)

def main():
    build, known_path = sys.argv[1], sys.argv[2]
    known = {}
    if os.path.exists(known_path):
        for l in open(known_path):
            l = l.strip()
            if l and not l.startswith('#') and ':' in l:
                k, why = l.split(':', 1)
                known[k.strip()] = why.strip()
    agree, differ, unexpected = set(), set(), []
    for native_path in sorted(glob.glob(os.path.join(build, '*.native.txt'))):
        prog = os.path.basename(native_path)[:-len('.native.txt')]
        emu_path = os.path.join(build, prog + '.emu.txt')
        nl, npids = read_log(native_path)
        el, epids = read_log(emu_path) if os.path.exists(emu_path) else ([], set())
        n, e = by_syscall(nl, npids), by_syscall(el, epids)
        for name in n:
            if name not in e:
                continue
            if n[name] == e[name]:
                agree.add(name)
                continue
            differ.add(name)
            if name not in known:
                unexpected.append((prog, name, n[name], e[name]))
        # A call or signal only one side shows is a difference too (a lost trace line, a
        # signal ferry did not see), unless the known differences explain it.
        for side, only in (('native', [k for k in n if k not in e]), ('ferry', [k for k in e if k not in n])):
            if only:
                print('%s: only %s: %s' % (prog, side, ' '.join(only)))
            for name in only:
                differ.add(name)
                if name not in known:
                    unexpected.append((prog, name, n.get(name, []), e.get(name, [])))
    agree -= differ
    ioctl_summary(build)
    print('syscalls agreeing with strace(1): %d' % len(agree))
    print('  ' + ' '.join(sorted(agree)))
    for name in sorted(differ):
        print('differs: %s%s' % (name, ' (known: %s)' % known[name] if name in known else ''))
    for prog, name, a, b in unexpected:
        print('--- %s: %s' % (prog, name))
        for x in a: print('  strace: ' + x)
        for x in b: print('  ferry:  ' + x)
    print('agree %d, differ %d (%d unexplained)' % (len(agree), len(differ), len({u[1] for u in unexpected})))
    return 1 if unexpected else 0

if __name__ == '__main__':
    sys.exit(main())
