// Creates a directory tree in the cwd, lists it with opendir/readdir (getdents64 underneath),
// sorts names, and prints type and size of each entry; enough entries to need several
// getdents calls. Then removes everything and checks the directory is gone.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void) {
    const char *dir = "ferry_dir.tmp";
    CHECK(mkdir(dir, 0755) == 0);
    CHECK(mkdir(dir, 0755) == -1 && errno == EEXIST);
    char path[256];
    for (int i = 0; i < 300; i++) {
        snprintf(path, sizeof path, "%s/file_%03d_%s", dir, (i * 37) % 300, i % 3 ? "long_name_padding_padding" : "s");
        int fd = open(path, O_CREAT | O_WRONLY, 0644);
        CHECK(fd >= 0);
        CHECK(write(fd, path, (size_t)(i % 17)) == i % 17);
        close(fd);
    }
    snprintf(path, sizeof path, "%s/subdir", dir);
    CHECK(mkdir(path, 0700) == 0);
    snprintf(path, sizeof path, "%s/link", dir);
    CHECK(symlink("subdir", path) == 0);

    DIR *d = opendir(dir);
    CHECK(d != NULL);
    char *names[400];
    int n = 0, dots = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 400) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) { dots++; continue; }
        char type = e->d_type == DT_REG ? 'f' : e->d_type == DT_DIR ? 'd' : e->d_type == DT_LNK ? 'l' : '?';
        names[n] = malloc(strlen(e->d_name) + 3);
        sprintf(names[n++], "%c %s", type, e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmp);
    printf("entries %d (plus %d dot entries)\n", n, dots);
    CHECK(n == 302 && dots == 2);
    long total = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, names[i] + 2);
        CHECK(lstat(path, &st) == 0);
        if (names[i][0] == 'f') total += st.st_size;
        if (i < 5 || i >= n - 5) printf("%s size %lld\n", names[i], names[i][0] == 'f' ? (long long)st.st_size : 0LL);
    }
    printf("total regular bytes %ld\n", total);
    // rewinddir sees the same count; then clean up.
    d = opendir(dir);
    int again = 0;
    while (readdir(d)) again++;
    rewinddir(d);
    int third = 0;
    while (readdir(d)) third++;
    closedir(d);
    CHECK(again == 304 && third == 304);
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i] + 2);
        CHECK((names[i][0] == 'd' ? rmdir(path) : unlink(path)) == 0);
        free(names[i]);
    }
    CHECK(rmdir(dir) == 0);
    CHECK(opendir(dir) == NULL && errno == ENOENT);
    printf("cleaned up\n");
    return CHECK_STATUS();
}
