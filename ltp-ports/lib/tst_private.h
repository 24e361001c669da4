/* Library-internal state shared between the library's source files. */
#ifndef TST_PRIVATE_H
#define TST_PRIVATE_H

#include <stdarg.h>
#include <stdint.h>
#include <time.h>

/* One page mapped MAP_SHARED before the first fork: every process of the
 * test sees the same counters and checkpoint futexes. */
struct tst_shared {
	pid_t lib_pid;
	pid_t main_pid;
	int abort_flag;
	unsigned int overall_time;
	int runtime;
	struct timespec start_time;
	int passed;
	int failed;
	int broken;
	int skipped;
	int warnings;
	unsigned int max_futexes;
	uint32_t futexes[];
};

extern struct tst_shared *tst_shared;
extern struct tst_test *tst_test;

void tst_vres_(const char *file, int lineno, int ttype, const char *fmt, va_list va);
void tst_vbrk_(const char *file, int lineno, int ttype, const char *fmt, va_list va);
const char *tst_tcid(void);

void tst_remember_startwd(void);
void tst_tmpdir_create(void);
void tst_tmpdir_remove(void);

#endif
