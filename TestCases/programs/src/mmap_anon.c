// mmap/munmap/mprotect/mremap/madvise on anonymous and file-backed memory; a write to a
// read-only page raises SIGSEGV that is caught; MAP_SHARED file mappings reach the file.
#define _GNU_SOURCE   // mremap
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

static sigjmp_buf jb;
static void on_segv(int sig) { (void)sig; siglongjmp(jb, 1); }

int main(void) {
    long page = sysconf(_SC_PAGESIZE);
    printf("page size is 4096: %d\n", page == 4096);
    size_t len = 64 * 4096;
    unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    int zero = 1;
    for (size_t i = 0; i < len; i++) zero &= p[i] == 0;
    printf("fresh anonymous memory is zero: %d\n", zero);
    for (size_t i = 0; i < len; i++) p[i] = (unsigned char)(i * 13);
    // Unmap a hole in the middle; the rest stays.
    CHECK(munmap(p + 8 * 4096, 4096) == 0);
    CHECK(p[8 * 4096 - 1] == (unsigned char)((8 * 4096 - 1) * 13) && p[9 * 4096] == (unsigned char)(9 * 4096 * 13));

    signal(SIGSEGV, on_segv);
    CHECK(mprotect(p, 4096, PROT_READ) == 0);
    volatile int faulted = 0;
    if (sigsetjmp(jb, 1) == 0) { p[10] = 1; } else faulted = 1;
    printf("write to read-only page faulted: %d, value kept: %d\n", faulted, p[10] == (unsigned char)(10 * 13));
    faulted = 0;
    if (sigsetjmp(jb, 1) == 0) { volatile unsigned char x = p[8 * 4096 + 5]; (void)x; } else faulted = 1;
    printf("read of unmapped hole faulted: %d\n", faulted);
    CHECK(mprotect(p, 4096, PROT_READ | PROT_WRITE) == 0);
    p[10] = 99;

    // mremap grows the tail part, moving it if needed; contents survive.
    unsigned char *tail = p + 9 * 4096;
    size_t tail_len = len - 9 * 4096;
    unsigned char *q = mremap(tail, tail_len, tail_len * 4, MREMAP_MAYMOVE);
    CHECK(q != MAP_FAILED);
    int kept = 1;
    for (size_t i = 0; i < tail_len; i++) kept &= q[i] == (unsigned char)((9 * 4096 + i) * 13);
    int grown_zero = 1;
    for (size_t i = tail_len; i < tail_len * 4; i++) grown_zero &= q[i] == 0;
    printf("mremap kept %d, new part zero %d\n", kept, grown_zero);
    CHECK(madvise(q, tail_len, MADV_DONTNEED) == 0);
    printf("after MADV_DONTNEED private anon reads zero: %d\n", q[100] == 0);

    // Shared file mapping writes go to the file.
    int fd = open("ferry_mmap.tmp", O_CREAT | O_RDWR | O_TRUNC, 0600);
    CHECK(fd >= 0 && ftruncate(fd, 8192) == 0);
    char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(m != MAP_FAILED);
    strcpy(m + 4096, "written through a shared mapping");
    CHECK(msync(m, 8192, MS_SYNC) == 0);
    char back[64] = {0};
    CHECK(pread(fd, back, 32, 4096) == 32);
    printf("file sees: %s\n", back);
    // A private mapping of the same file does not change it.
    char *pm = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 4096);
    pm[0] = 'W';
    CHECK(pread(fd, back, 1, 4096) == 1 && back[0] == 'w');
    munmap(pm, 4096); munmap(m, 8192); close(fd); unlink("ferry_mmap.tmp");
    munmap(q, tail_len * 4); munmap(p, 8 * 4096);
    CHECK(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, -1, 0) == MAP_FAILED);
    return CHECK_STATUS();
}
