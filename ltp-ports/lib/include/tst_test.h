/* Ferry's own implementation of the subset of LTP's "new" test API that
 * syscall tests use. A test includes only this header, defines
 *   static struct tst_test test = { .test_all = run, ... };
 * and gets main() from here, as with upstream LTP. */
#ifndef TST_TEST_H
#define TST_TEST_H

#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "tst_common.h"
#include "tst_res_flags.h"
#include "tst_test_macros.h"
#include "tst_checkpoint.h"
#include "tst_safe_macros.h"
#include "tst_process_state.h"

void tst_res_(const char *file, const int lineno, int ttype,
	      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Returns only while the test's cleanup() runs (where TBROK becomes TWARN). */
void tst_brk_(const char *file, const int lineno, int ttype,
	      const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#define tst_res(ttype, fmt, ...) \
	tst_res_(__FILE__, __LINE__, (ttype), (fmt), ##__VA_ARGS__)
#define tst_brk(ttype, fmt, ...) \
	tst_brk_(__FILE__, __LINE__, (ttype), (fmt), ##__VA_ARGS__)

/* Prints straight to stderr, without a result prefix. */
void tst_printf(const char *const fmt, ...) __attribute__((format(printf, 1, 2)));

struct tst_tag {
	const char *name;
	const char *value;
};

struct tst_option {
	char *optstr;
	char **arg;
	char *help;
};

#define TST_UNLIMITED_TIMEOUT (-1)

struct tst_test {
	/* Either test(i) run for i in [0, tcnt) or test_all() once. */
	unsigned int tcnt;
	void (*test)(unsigned int n);
	void (*test_all)(void);
	void (*setup)(void);
	void (*cleanup)(void);

	struct tst_option *options;
	const char *min_kver;
	const char *const *supported_archs;
	const char *tconf_msg;
	const struct tst_tag *tags;
	const char *const *needs_cmds;

	/* Seconds added to the 30 s default, scaled by LTP_TIMEOUT_MUL;
	 * TST_UNLIMITED_TIMEOUT disables the alarm. */
	int timeout;
	/* Seconds a time-bound test may run (tst_remaining_runtime()). */
	int runtime;
	unsigned int test_variants;

	unsigned int needs_root:1;
	unsigned int needs_tmpdir:1;
	unsigned int forks_child:1;
	unsigned int needs_checkpoints:1;
	unsigned int child_needs_reinit:1;
};

void tst_run_tcases(int argc, char *argv[], struct tst_test *self)
	__attribute__((noreturn));

/* Waits for and checks every child of the calling process: a child killed
 * by a signal or exiting non-zero is TBROK. */
void tst_reap_children(void);

/* Index of the running test variant (0 unless test_variants is set). */
extern unsigned int tst_variant;

/* Name of an errno value ("ENOENT") or signal ("SIGSEGV"). */
const char *tst_strerrno(int err);
const char *tst_strsig(int sig);

/* Kernel version helpers: <0, 0, >0 like strcmp against r1.r2.r3. */
int tst_kvercmp(int r1, int r2, int r3);
int tst_parse_kver(const char *str, int *v1, int *v2, int *v3);

/* The per-test temporary directory (malloc'ed copy) and the start dir. */
char *tst_get_tmpdir(void);
const char *tst_get_startwd(void);
int tst_tmpdir_created(void);

unsigned int tst_multiply_timeout(unsigned int timeout);
void tst_set_timeout(int timeout);
unsigned int tst_remaining_runtime(void);
void tst_flush(void);

int tst_parse_int(const char *str, int *val, int min, int max);
int tst_parse_long(const char *str, long *val, long min, long max);

/* Fills a file with size bytes of pattern data. */
int tst_fill_file(const char *path, char pattern, size_t bs, size_t bcount);

/* The name of the architecture the test was built for ("x86_64", ...). */
extern const char *const tst_arch_name;

#ifndef TST_NO_DEFAULT_MAIN
static struct tst_test test;

int main(int argc, char *argv[])
{
	tst_run_tcases(argc, argv, &test);
}
#endif

#endif
