/* Reads whatever events are queued on a non-blocking inotify fd. */
#ifndef INOTIFY_COMMON_H
#define INOTIFY_COMMON_H
#include <sys/inotify.h>

#define EV_MAX 16

struct ev {
	int wd;
	uint32_t mask, cookie;
	char name[64];
};

static inline int read_events(int fd, struct ev *out)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t len = read(fd, buf, sizeof(buf));
	int n = 0;

	if (len < 0) {
		if (errno == EAGAIN)
			return 0;
		tst_brk(TBROK | TERRNO, "read(inotify)");
	}
	for (char *p = buf; p < buf + len && n < EV_MAX; n++) {
		struct inotify_event *e = (struct inotify_event *)p;

		out[n].wd = e->wd;
		out[n].mask = e->mask;
		out[n].cookie = e->cookie;
		snprintf(out[n].name, sizeof(out[n].name), "%s", e->len ? e->name : "");
		p += sizeof(*e) + e->len;
	}
	return n;
}
#endif
