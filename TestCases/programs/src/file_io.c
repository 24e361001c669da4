// File I/O in the current directory: open/write/read/lseek/pread/pwrite/fstat/stat/ftruncate/
// rename/unlink/link/symlink/readlink, O_APPEND and O_EXCL, plus stdio on the same file.
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void) {
    const char *name = "ferry_file_io.tmp";
    unlink(name);
    int fd = open(name, O_CREAT | O_RDWR | O_EXCL, 0640);
    CHECK(fd >= 0);
    CHECK(open(name, O_CREAT | O_EXCL | O_RDWR, 0600) == -1 && errno == EEXIST);
    static char block[100000];
    for (size_t i = 0; i < sizeof block; i++) block[i] = (char)('A' + i % 26);
    CHECK(write(fd, block, sizeof block) == (ssize_t)sizeof block);
    struct stat st;
    CHECK(fstat(fd, &st) == 0);
    printf("size after write %lld, mode %o, regular %d, nlink %lu\n", (long long)st.st_size, st.st_mode & 0777,
           S_ISREG(st.st_mode), (unsigned long)st.st_nlink);
    CHECK(lseek(fd, 0, SEEK_CUR) == (off_t)sizeof block);
    CHECK(lseek(fd, -10, SEEK_END) == (off_t)sizeof block - 10);
    char tail[16] = {0};
    CHECK(read(fd, tail, sizeof tail) == 10);
    printf("tail %s\n", tail);
    CHECK(read(fd, tail, sizeof tail) == 0);
    CHECK(pwrite(fd, "0123456789", 10, 50) == 10);
    char mid[21] = {0};
    CHECK(pread(fd, mid, 20, 45) == 20);
    printf("pread %s, offset unchanged %d\n", mid, lseek(fd, 0, SEEK_CUR) == (off_t)sizeof block);
    // A hole: seek past the end and write makes the file longer with zeros.
    CHECK(lseek(fd, 200000, SEEK_SET) == 200000);
    CHECK(write(fd, "end", 3) == 3);
    char z[4] = {1, 1, 1, 1};
    CHECK(pread(fd, z, 4, 150000) == 4 && !z[0] && !z[3]);
    CHECK(ftruncate(fd, 1234) == 0);
    CHECK(fstat(fd, &st) == 0 && st.st_size == 1234);
    CHECK(fchmod(fd, 0600) == 0);
    close(fd);
    CHECK(stat(name, &st) == 0);
    printf("after truncate size %lld mode %o\n", (long long)st.st_size, st.st_mode & 0777);

    fd = open(name, O_WRONLY | O_APPEND);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    CHECK(write(fd, "APPENDED", 8) == 8);
    close(fd);
    CHECK(stat(name, &st) == 0 && st.st_size == 1242);

    CHECK(rename(name, "ferry_renamed.tmp") == 0);
    CHECK(stat(name, &st) == -1 && errno == ENOENT);
    CHECK(link("ferry_renamed.tmp", "ferry_hardlink.tmp") == 0);
    CHECK(stat("ferry_renamed.tmp", &st) == 0 && st.st_nlink == 2);
    CHECK(symlink("ferry_renamed.tmp", "ferry_symlink.tmp") == 0);
    char target[64] = {0};
    ssize_t tl = readlink("ferry_symlink.tmp", target, sizeof target - 1);
    printf("readlink %zd %s\n", tl, target);
    CHECK(lstat("ferry_symlink.tmp", &st) == 0 && S_ISLNK(st.st_mode));

    FILE *f = fopen("ferry_symlink.tmp", "r+");
    CHECK(f != NULL);
    fseek(f, -8, SEEK_END);
    char last[9] = {0};
    CHECK(fread(last, 1, 8, f) == 8);
    printf("stdio read through symlink: %s, ftell %ld\n", last, ftell(f));
    fprintf(f, "|%d|%s", 42, "stdio");
    fclose(f);
    CHECK(stat("ferry_hardlink.tmp", &st) == 0);
    printf("final size via hard link %lld\n", (long long)st.st_size);
    CHECK(access("ferry_hardlink.tmp", R_OK | W_OK) == 0);
    CHECK(unlink("ferry_symlink.tmp") == 0 && unlink("ferry_hardlink.tmp") == 0 && unlink("ferry_renamed.tmp") == 0);
    CHECK(access("ferry_renamed.tmp", F_OK) == -1 && errno == ENOENT);
    errno = 0;
    CHECK(open("no/such/dir/file", O_RDONLY) == -1);
    printf("open missing: %s\n", strerror(errno));
    return CHECK_STATUS();
}
