"""The static AArch64 guest program: one binary runs many sequences, one process launch.

For each sequence index from argv[1] (default 0) to the end, the guest
  1. copies the sequence's initial scratch memory into the live scratch area,
  2. points SP at its dump record and loads V0-V31, NZCV, FPCR, FPSR and X0-X30 from the
     input record (X28 is the load pointer, then the branch register),
  3. jumps to the sequence, whose first instruction sets X28 = scratch base,
  4. after the sequence stores every register into the dump record (SP-relative: sequences
     never touch SP) and write(2)s the record, scratch included, to stdout.
A crash therefore loses only the sequence that crashed; the runner restarts after it.
Nothing but write and exit_group is asked of the kernel, so a young emulator can run it.
"""
import os
import subprocess

from .state import (OFF_X, OFF_NZCV, OFF_FPCR, OFF_FPSR, OFF_SPARE, OFF_V, OFF_MEM,
                    RECORD_SIZE, SCRATCH_SIZE, SCRATCH_REG)

ASM_FLAGS = ["-march=armv8.5-a+fp16+crc+lse+rcpc+fp16fml"]

AS = "aarch64-linux-gnu-as"
LD = "aarch64-linux-gnu-ld"


class BuildError(Exception):
    pass


def _runtime(count):
    L = []
    a = L.append
    a("    .text")
    a("    .global _start")
    a("_start:")
    # Start index from argv[1] (decimal), so the runner can resume after a crashing sequence.
    a("    ldr x0, [sp]")
    a("    mov x5, #0")
    a("    cmp x0, #2")
    a("    b.lt 2f")
    a("    ldr x1, [sp, #16]")
    a("    mov x3, #10")
    a("1:  ldrb w2, [x1], #1")
    a("    cbz w2, 2f")
    a("    sub w2, w2, #48")
    a("    madd x5, x5, x3, x2")
    a("    b 1b")
    a("2:  adrp x1, ctl_index")
    a("    str x5, [x1, :lo12:ctl_index]")
    a("next_seq:")
    a("    adrp x1, ctl_index")
    a("    ldr x5, [x1, :lo12:ctl_index]")
    a("    movz x6, #%d" % (count & 0xFFFF))
    a("    movk x6, #%d, lsl #16" % (count >> 16))
    a("    cmp x5, x6")
    a("    b.hs all_done")
    a("    add x6, x5, #1")
    a("    str x6, [x1, :lo12:ctl_index]")
    a("    adrp x7, in_records")
    a("    add x7, x7, :lo12:in_records")
    a("    mov x8, #%d" % RECORD_SIZE)
    a("    madd x7, x5, x8, x7")
    a("    adrp x9, out_record")
    a("    add x9, x9, :lo12:out_record")
    a("    str x5, [x9]")
    a("    add x10, x7, #%d" % OFF_MEM)
    a("    add x11, x9, #%d" % OFF_MEM)
    a("    mov x12, #%d" % (SCRATCH_SIZE // 16))
    a("3:  ldp x13, x14, [x10], #16")
    a("    stp x13, x14, [x11], #16")
    a("    subs x12, x12, #1")
    a("    b.ne 3b")
    a("    adrp x10, seq_table")
    a("    add x10, x10, :lo12:seq_table")
    a("    ldr x10, [x10, x5, lsl #3]")
    a("    mov sp, x9")
    a("    str x10, [sp, #%d]" % OFF_SPARE)
    a("    mov x28, x7")
    for i in range(32):
        a("    ldr q%d, [x28, #%d]" % (i, OFF_V + 16 * i))
    a("    ldr x0, [x28, #%d]" % OFF_NZCV)
    a("    msr nzcv, x0")
    a("    ldr x0, [x28, #%d]" % OFF_FPCR)
    a("    msr fpcr, x0")
    a("    ldr x0, [x28, #%d]" % OFF_FPSR)
    a("    msr fpsr, x0")
    a("    clrex")
    for i in range(31):
        if i != SCRATCH_REG:
            a("    ldr x%d, [x28, #%d]" % (i, OFF_X + 8 * i))
    a("    ldr x28, [sp, #%d]" % OFF_SPARE)
    a("    br x28")
    a("dump:")
    for i in range(31):
        a("    str x%d, [sp, #%d]" % (i, OFF_X + 8 * i))
    a("    mrs x0, nzcv")
    a("    str x0, [sp, #%d]" % OFF_NZCV)
    a("    mrs x0, fpcr")
    a("    str x0, [sp, #%d]" % OFF_FPCR)
    a("    mrs x0, fpsr")
    a("    str x0, [sp, #%d]" % OFF_FPSR)
    a("    str xzr, [sp, #%d]" % OFF_SPARE)
    for i in range(32):
        a("    str q%d, [sp, #%d]" % (i, OFF_V + 16 * i))
    a("    mov x0, #1")
    a("    mov x1, sp")
    a("    mov x2, #%d" % RECORD_SIZE)
    a("    mov x8, #64")          # write
    a("    svc #0")
    a("    cmp x0, #%d" % RECORD_SIZE)
    a("    b.eq next_seq")
    a("    mov x0, #3")           # short write: the runner reports it
    a("    b exit")
    a("all_done:")
    a("    mov x0, #0")
    a("exit:")
    a("    mov x8, #94")          # exit_group
    a("    svc #0")
    a("    brk #0")
    return L


def render(seqs, states_path):
    """Assembly text for a list of Sequence, plus a map line-number -> sequence position."""
    L = _runtime(len(seqs))
    owner = {}
    for k, s in enumerate(seqs):
        L.append("seq_%d:" % k)
        L.append("    add x28, sp, #%d" % OFF_MEM)
        for line in s.lines:
            L.append("    " + line)
            owner[len(L)] = k
        L.append("    b dump")
    L.append("    .data")
    L.append("    .balign 16")
    L.append("ctl_index: .quad 0")
    L.append("    .balign 16")
    L.append("seq_table:")
    for k in range(len(seqs)):
        L.append("    .quad seq_%d" % k)
    L.append("    .balign 16")
    L.append("in_records:")
    L.append('    .incbin "%s"' % states_path)
    L.append("    .bss")
    L.append("    .balign 4096")
    L.append("out_record: .skip %d" % (RECORD_SIZE + 4096))
    return "\n".join(L) + "\n", owner


def build(seqs, outdir):
    """Write states.bin, prog.S and the linked static binary `prog` into outdir."""
    os.makedirs(outdir, exist_ok=True)
    states = os.path.join(outdir, "states.bin")
    with open(states, "wb") as f:
        for s in seqs:
            f.write(s.state.pack())
    text, owner = render(seqs, "states.bin")
    src = os.path.join(outdir, "prog.S")
    with open(src, "w") as f:
        f.write(text)
    obj = os.path.join(outdir, "prog.o")
    prog = os.path.join(outdir, "prog")
    r = subprocess.run([AS] + ASM_FLAGS + ["-I", outdir, "-o", obj, src],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise BuildError(_explain_as_errors(r.stderr, owner, seqs))
    r = subprocess.run([LD, "-static", "-o", prog, obj], capture_output=True, text=True)
    if r.returncode != 0:
        raise BuildError("link failed: " + r.stderr.strip())
    os.unlink(obj)
    return prog


def _explain_as_errors(stderr, owner, seqs):
    """Name the generated sequence behind each assembler complaint (a generator bug)."""
    out = []
    for line in stderr.splitlines():
        parts = line.split(":")
        if len(parts) >= 3 and parts[1].strip().isdigit():
            k = owner.get(int(parts[1]))
            if k is not None:
                line += "   <- generated by %s" % seqs[k].ident
        out.append(line)
    return "assembler rejected generated code:\n" + "\n".join(out[:40])
