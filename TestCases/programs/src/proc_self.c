// /proc/self as a program sees it: cmdline is its argv (as it is now in memory), comm, stat and
// status name it, exe is itself, maps lists its image, [heap] and [stack] and follows
// mmap/mprotect/munmap exactly, smaps counts what it touched, auxv holds AT_PAGESZ and AT_HWCAP
// as getauxval says, cpuinfo has one block per online CPU and a feature line. No addresses or
// architecture-specific text is printed, so the native and emulated outputs compare.
// args: first "second arg" third
// env: FERRY_PROC_TEST=yes
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "check.h"

static char buf[1 << 20];
int initialized_global = 42;

static size_t slurp(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) { printf("cannot open %s\n", path); return 0; }
    size_t n = 0;
    ssize_t r;
    while ((r = read(fd, buf + n, sizeof buf - 1 - n)) > 0) n += (size_t)r;
    close(fd);
    buf[n] = 0;
    return n;
}

static const char *base(const char *p) { const char *s = strrchr(p, '/'); return s ? s + 1 : p; }

// The maps line whose range contains `a` (copied to `line`), or 0.
static int maps_line(unsigned long a, char *line, size_t size) {
    slurp("/proc/self/maps");
    for (char *l = buf; *l; ) {
        char *nl = strchr(l, '\n');
        unsigned long s, e;
        if (sscanf(l, "%lx-%lx", &s, &e) == 2 && a >= s && a < e) {
            size_t n = nl ? (size_t)(nl - l) : strlen(l);
            if (n >= size) n = size - 1;
            memcpy(line, l, n); line[n] = 0;
            return 1;
        }
        if (!nl) break;
        l = nl + 1;
    }
    return 0;
}

// True when maps has a line for exactly [s, e) with these permissions.
static int maps_exact(unsigned long s, unsigned long e, const char *perms) {
    char line[512], want[64];
    if (!maps_line(s, line, sizeof line)) return 0;
    snprintf(want, sizeof want, "%lx-%lx %s ", s, e, perms);
    return strncmp(line, want, strlen(want)) == 0;
}

static void cmdline(int argc) {
    size_t n = slurp("/proc/self/cmdline");
    int count = 0;
    for (size_t i = 0; i < n; i += strlen(buf + i) + 1) {
        if (count > 0) printf("cmdline arg %d: %s\n", count, buf + i);
        count++;
    }
    printf("cmdline count equals argc: %d\n", count == argc);
}

int main(int argc, char **argv) {
    long page = sysconf(_SC_PAGESIZE);
    cmdline(argc);
    printf("cmdline argv[0] is the program: %d\n", strcmp(buf, argv[0]) == 0);
    strcpy(argv[1], "FIRST");
    cmdline(argc);

    slurp("/proc/self/comm");
    printf("comm: %s", buf);
    slurp("/proc/self/stat");
    char *close_paren = strrchr(buf, ')');
    if (close_paren) close_paren[1] = 0;
    printf("stat name: %s\n", strchr(buf, '('));
    slurp("/proc/self/status");
    char *nl = strchr(buf, '\n');
    if (nl) *nl = 0;
    printf("status: %s\n", buf);
    slurp("/proc/self/environ");
    int has_env = 0;
    for (size_t i = 0; buf[i]; i += strlen(buf + i) + 1) has_env |= strcmp(buf + i, "FERRY_PROC_TEST=yes") == 0;
    printf("environ has FERRY_PROC_TEST: %d\n", has_env);

    char exe[4096];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    CHECK(len > 0);
    exe[len > 0 ? len : 0] = 0;
    printf("exe: %s\n", base(exe));
    struct stat via_proc, direct;
    CHECK(stat("/proc/self/exe", &via_proc) == 0 && stat(argv[0], &direct) == 0);
    printf("stat of exe is the program: %d\n", via_proc.st_ino == direct.st_ino && via_proc.st_dev == direct.st_dev);
    int fd = open("/proc/self/exe", O_RDONLY);
    char magic[4] = {0};
    CHECK(fd >= 0 && read(fd, magic, 4) == 4);
    close(fd);
    printf("exe opens as an ELF file: %d\n", memcmp(magic, "\177ELF", 4) == 0);

    // stat's layout fields: code, stack and argv addresses are the program's own.
    slurp("/proc/self/stat");
    unsigned long field[53] = {0};
    char *cursor = strrchr(buf, ')');
    for (int i = 3; cursor && i <= 52; i++) {
        cursor = strchr(cursor, ' ');
        if (cursor) field[i] = strtoul(++cursor, NULL, 10);
    }
    int local_probe = 0;
    printf("stat: main in start_code..end_code %d, start_stack above a local %d, arg_start is argv[0] %d, env_start is environ[0] %d\n",
           field[26] <= (unsigned long)&main && (unsigned long)&main < field[27], field[28] > (unsigned long)&local_probe,
           field[48] == (unsigned long)argv[0], field[50] == (unsigned long)environ[0]);

    // The image, the stack and the heap.
    char line[512];
    int image_lines = 0;
    slurp("/proc/self/maps");
    for (char *l = strstr(buf, exe); l; l = strstr(l + 1, exe)) image_lines++;
    printf("maps names the program on 2+ lines: %d\n", image_lines >= 2);
    printf("main is in an executable line of the program: %d\n",
           maps_line((unsigned long)&main, line, sizeof line) && strstr(line, exe) && line[strcspn(line, " ") + 3] == 'x');
    printf("an initialised global is in a writable line of the program: %d\n",
           maps_line((unsigned long)&initialized_global, line, sizeof line) && strstr(line, exe) && line[strcspn(line, " ") + 2] == 'w');
    int local = 0;
    printf("a local is in [stack]: %d\n", maps_line((unsigned long)&local, line, sizeof line) && strstr(line, "[stack]") != NULL);
    void *grown = sbrk(4 * page);
    CHECK(grown != (void *)-1);
    printf("sbrk memory is in [heap]: %d\n", maps_line((unsigned long)grown, line, sizeof line) && strstr(line, "[heap]") != NULL);

    // glibc finds the main thread's stack through /proc/self/maps.
    pthread_attr_t attr;
    void *stack_addr = NULL;
    size_t stack_size = 0;
    CHECK(pthread_getattr_np(pthread_self(), &attr) == 0 && pthread_attr_getstack(&attr, &stack_addr, &stack_size) == 0);
    printf("pthread_getattr_np: the main stack holds a local %d\n",
           (unsigned long)&local >= (unsigned long)stack_addr && (unsigned long)&local < (unsigned long)stack_addr + stack_size);

    // Anonymous memory between PROT_NONE guards, so nothing merges with neighbours.
    unsigned long p = (unsigned long)mmap(NULL, 5 * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != (unsigned long)MAP_FAILED);
    CHECK(mprotect((void *)(p + page), 3 * page, PROT_READ | PROT_WRITE) == 0);
    printf("three pages: one rw-p line: %d\n", maps_exact(p + page, p + 4 * page, "rw-p"));
    ((char *)p)[page] = 1;
    ((char *)p)[3 * page] = 1;
    CHECK(mprotect((void *)(p + 2 * page), page, PROT_READ) == 0);
    printf("mprotect of the middle splits in three: %d %d %d\n", maps_exact(p + page, p + 2 * page, "rw-p"),
           maps_exact(p + 2 * page, p + 3 * page, "r--p"), maps_exact(p + 3 * page, p + 4 * page, "rw-p"));
    CHECK(mprotect((void *)(p + 2 * page), page, PROT_READ | PROT_WRITE) == 0);
    printf("mprotect back merges them: %d\n", maps_exact(p + page, p + 4 * page, "rw-p"));

    // smaps of that area: its size, and the two pages touched.
    slurp("/proc/self/smaps");
    char header[64];
    snprintf(header, sizeof header, "%lx-%lx rw-p", p + page, p + 4 * page);
    char *area = strstr(buf, header);
    unsigned long size_kb = 0, rss_kb = 0;
    if (area) {
        char *s = strstr(area, "\nSize:"), *r = strstr(area, "\nRss:");
        if (s) sscanf(s, "\nSize: %lu", &size_kb);
        if (r) sscanf(r, "\nRss: %lu", &rss_kb);
    }
    printf("smaps Size %lu kB, Rss %lu kB\n", size_kb * 1024 / (unsigned long)page, rss_kb * 1024 / (unsigned long)page);

    CHECK(munmap((void *)(p + 2 * page), page) == 0);
    printf("munmap of the middle leaves two lines and a hole: %d %d %d\n", maps_exact(p + page, p + 2 * page, "rw-p"),
           !maps_line(p + 2 * page, line, sizeof line), maps_exact(p + 3 * page, p + 4 * page, "rw-p"));
    unsigned long moved = (unsigned long)mremap((void *)(p + 3 * page), page, 2 * page, MREMAP_MAYMOVE);
    CHECK(moved != (unsigned long)MAP_FAILED);
    printf("mremap grows it to two pages: %d\n", maps_line(moved, line, sizeof line) && maps_exact(moved, moved + 2 * page, "rw-p"));
    munmap((void *)p, 5 * page);
    munmap((void *)moved, 2 * page);

    // A file's pages: offset, device and inode as stat says, the path.
    fd = open("mapped.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
    CHECK(fd >= 0);
    for (int i = 0; i < 4; i++) CHECK(write(fd, buf, page) == page);
    struct stat st;
    CHECK(fstat(fd, &st) == 0);
    unsigned long f = (unsigned long)mmap(NULL, 2 * page, PROT_READ, MAP_PRIVATE, fd, page);
    CHECK(f != (unsigned long)MAP_FAILED);
    unsigned long off = 0, ino = 0;
    unsigned int dev_major = 0, dev_minor = 0;
    char perms[8] = "", path[4096] = "";
    if (maps_line(f, line, sizeof line)) sscanf(line, "%*x-%*x %7s %lx %x:%x %lu %4095s", perms, &off, &dev_major, &dev_minor, &ino, path);
    printf("file mapping: %s offset %lu pages, inode matches %d, device matches %d, named %s\n", perms,
           off / (unsigned long)page, ino == st.st_ino, dev_major == major(st.st_dev) && dev_minor == minor(st.st_dev), base(path));
    munmap((void *)f, 2 * page);
    close(fd);
    unlink("mapped.dat");   // the maps line was read while it was mapped; leave no file behind
    unsigned long sh = (unsigned long)mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    printf("shared anonymous memory: %d\n", maps_line(sh, line, sizeof line) && strstr(line, "rw-s") && strstr(line, "/dev/zero (deleted)"));

    // A SysV shared memory segment: shown as the kernel's deleted /SYSV<key> file, inode = shmid.
    int shmid = shmget(IPC_PRIVATE, 2 * page, IPC_CREAT | 0600);
    if (shmid >= 0) {
        unsigned long at = (unsigned long)shmat(shmid, NULL, SHM_RDONLY);
        unsigned long shm_ino = 0;
        char shm_name[64] = "";
        int shown = maps_line(at, line, sizeof line) && sscanf(line, "%*x-%*x %7s %*x %*x:%*x %lu %63s", perms, &shm_ino, shm_name) == 3;
        printf("shmat: %s, named %s, inode is the id %d, two pages %d\n", shown ? perms : "?", shm_name, shm_ino == (unsigned long)shmid,
               maps_exact(at, at + 2 * page, perms));
        CHECK(shmdt((void *)at) == 0);
        printf("shmdt removes it: %d\n", !maps_line(at, line, sizeof line));
        shmctl(shmid, IPC_RMID, NULL);
    } else {
        printf("shmget failed\n");
    }

    // auxv: the pairs getauxval reads.
    size_t n = slurp("/proc/self/auxv");
    unsigned long *av = (unsigned long *)buf;
    int pagesz = 0, hwcap = 0, entry = 0, random = 0, terminated = 0;
    for (size_t i = 0; i + 1 < n / sizeof *av; i += 2) {
        if (av[i] == AT_PAGESZ) pagesz = av[i + 1] == (unsigned long)page;
#if defined(__x86_64__)
        // glibc's getauxval(AT_HWCAP) on x86-64 is its own summary, not the kernel's word.
        if (av[i] == AT_HWCAP) hwcap = 1;
#else
        if (av[i] == AT_HWCAP) hwcap = av[i + 1] == getauxval(AT_HWCAP);
#endif
        if (av[i] == AT_ENTRY) entry = av[i + 1] == getauxval(AT_ENTRY);
        if (av[i] == AT_RANDOM) random = av[i + 1] == getauxval(AT_RANDOM);
        if (av[i] == AT_NULL) { terminated = i + 2 == n / sizeof *av; break; }
    }
    printf("auxv: whole pairs %d, AT_PAGESZ %d, AT_HWCAP %d, AT_ENTRY %d, AT_RANDOM %d, ends with AT_NULL %d\n",
           n % (2 * sizeof *av) == 0, pagesz, hwcap, entry, random, terminated);

    // cpuinfo: a block per online CPU, with the feature line of the architecture.
    slurp("/proc/cpuinfo");
    int processors = 0, feature_lines = 0, baseline = 0;
    for (char *l = buf; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
        if (strncmp(l, "processor", 9) == 0) processors++;
#if defined(__aarch64__)
        if (strncmp(l, "Features", 8) == 0) {
            feature_lines++;
            // Exactly what AT_HWCAP says, for the bits glibc looks at.
            char *end = strchr(l, '\n'), saved = end ? *end : 0;
            if (end) *end = 0;
            unsigned long hw = getauxval(AT_HWCAP);
            baseline = (strstr(l, " fp") != NULL) == !!(hw & HWCAP_FP) && (strstr(l, " asimd") != NULL) == !!(hw & HWCAP_ASIMD)
                       && (strstr(l, " atomics") != NULL) == !!(hw & HWCAP_ATOMICS) && (strstr(l, " sve") != NULL) == !!(hw & HWCAP_SVE);
            if (end) *end = saved;
        }
#elif defined(__riscv)
        if (strncmp(l, "isa", 3) == 0) {
            feature_lines++;
            // The ISA string carries the AT_HWCAP letters (bit 0 = 'a'): check the ones glibc needs.
            unsigned long hw = getauxval(AT_HWCAP);
            char *colon = strchr(l, ':');
            int ok = colon != NULL && strncmp(colon + 2, "rv64", 4) == 0;
            size_t letters = ok ? strcspn(colon + 6, "_\n") : 0;   // single letters end at the first '_'
            for (const char *c = "imafdc"; ok && *c; c++) {
                char *hit = memchr(colon + 6, *c, letters);
                ok = (hit != NULL) == !!(hw & (1UL << (*c - 'a')));
            }
            baseline = ok;
        }
#else
        if (strncmp(l, "flags", 5) == 0) {
            feature_lines++;
            baseline = strstr(l, " sse2") != NULL;
        }
#endif
    }
    printf("cpuinfo: one block per CPU %d, feature line per CPU %d, baseline features listed %d\n",
           processors == sysconf(_SC_NPROCESSORS_ONLN), feature_lines == processors, baseline);
    return CHECK_STATUS();
}
