/* Shared by the xattr tests: TCONF when the tmpdir's filesystem has no
 * user.* extended attributes. */
#ifndef XATTR_COMMON_H
#define XATTR_COMMON_H
#include <sys/xattr.h>

static inline void xattr_require_user(const char *path)
{
	if (setxattr(path, "user.probe", "1", 1, 0)) {
		if (errno == EOPNOTSUPP || errno == ENOTSUP)
			tst_brk(TCONF, "user.* xattrs are not supported on this filesystem");
		tst_brk(TBROK | TERRNO, "setxattr(%s, user.probe)", path);
	}
	if (removexattr(path, "user.probe"))
		tst_brk(TBROK | TERRNO, "removexattr(%s, user.probe)", path);
}
#endif
