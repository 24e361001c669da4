/* The per-test temporary directory: made by the library process before the
 * test forks (so the test starts inside it) and removed after the Summary. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif
#include <dirent.h>
#include <limits.h>
#include <sys/vfs.h>

#define TST_NO_DEFAULT_MAIN
#include "tst_test.h"
#include "tst_private.h"

static char tmpdir[PATH_MAX];
static char startwd[PATH_MAX];

static const char *fs_name(long magic)
{
	switch ((unsigned long)magic) {
	case 0xEF53: return "ext2/ext3/ext4";
	case 0x01021994: return "tmpfs";
	case 0x9123683E: return "btrfs";
	case 0x58465342: return "xfs";
	case 0x794c7630: return "overlayfs";
	case 0x6969: return "nfs";
	case 0x2FC12FC1: return "zfs";
	case 0x65735546: return "fuse";
	case 0x4d44: return "vfat";
	case 0xF2F52010: return "f2fs";
	}
	return "unknown";
}

void tst_remember_startwd(void)
{
	if (!getcwd(startwd, sizeof(startwd)))
		startwd[0] = '\0';
}

const char *tst_get_startwd(void)
{
	return startwd;
}

int tst_tmpdir_created(void)
{
	return tmpdir[0] != '\0';
}

char *tst_get_tmpdir(void)
{
	if (!tmpdir[0])
		tst_brk(TBROK, "you must call tst_tmpdir() first");
	return SAFE_STRDUP(tmpdir);
}

void tst_tmpdir_create(void)
{
	const char *base = getenv("TMPDIR");
	struct statfs sfs;

	if (!base || base[0] != '/')
		base = "/tmp";
	snprintf(tmpdir, sizeof(tmpdir), "%s/LTP_%.3sXXXXXX", base, tst_tcid());
	if (!mkdtemp(tmpdir)) {
		tst_brk(TBROK | TERRNO, "mkdtemp(%s) failed", tmpdir);
		return;
	}
	/* Tests that drop privileges must still be able to work in it. */
	SAFE_CHMOD(tmpdir, 0777);
	SAFE_CHDIR(tmpdir);
	tst_res(TINFO, "Using %s as tmpdir (%s filesystem)", tmpdir,
		statfs(tmpdir, &sfs) == 0 ? fs_name((long)sfs.f_type) : "unknown");
}

/* Removes dirfd/name recursively; tests may leave read-only directories. */
static int remove_tree(int dirfd, const char *name)
{
	struct stat st;
	int fd, ret = 0;
	DIR *dir;
	struct dirent *ent;

	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW))
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlinkat(dirfd, name, 0);

	fchmodat(dirfd, name, 0700, 0);
	fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	dir = fdopendir(fd);
	if (!dir) {
		close(fd);
		return -1;
	}
	while ((ent = readdir(dir))) {
		if (!strcmp(ent->d_name, ".") || !strcmp(ent->d_name, ".."))
			continue;
		if (remove_tree(fd, ent->d_name))
			ret = -1;
	}
	closedir(dir);
	if (unlinkat(dirfd, name, AT_REMOVEDIR))
		ret = -1;
	return ret;
}

void tst_tmpdir_remove(void)
{
	if (!tmpdir[0])
		return;
	if (chdir(startwd[0] ? startwd : "/"))
		chdir("/");
	if (remove_tree(AT_FDCWD, tmpdir))
		tst_res(TWARN | TERRNO, "Failed to remove the temporary directory %s", tmpdir);
	tmpdir[0] = '\0';
}
