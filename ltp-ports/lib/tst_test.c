/*
 * The test driver: result reporting, the supervising library process, the
 * forked test process, timeouts and the final Summary.
 *
 * Process layout (as in LTP): the library process parses options, checks
 * requirements, makes the temporary directory and then forks the main test
 * process, which runs setup(), the test function(s) and cleanup(). The
 * library waits, kills the test on timeout, prints the Summary and exits
 * with the OR of the result bits. Counters live in a MAP_SHARED page so
 * results from any forked child are counted.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>

#define TST_NO_DEFAULT_MAIN
#include "tst_test.h"
#include "tst_private.h"

#define DEFAULT_TIMEOUT 30
#define FERRY_LTP_VERSION "ferry-ltp-ports-1"

struct tst_test *tst_test;
unsigned int tst_variant;

long TST_RET;
int TST_ERR;
int TST_PASS;
void *TST_RET_PTR;

struct tst_shared *tst_shared;

static const char *tcid;
static int iterations = 1;
static pid_t test_pid;
static volatile sig_atomic_t kill_retries;
/* While cleanup() runs, tst_brk(TBROK) is reported as TWARN and returns. */
static int in_cleanup;

static pid_t raw_getpid(void)
{
	/* glibc may cache the pid; ask the kernel so clones are told apart. */
	return (pid_t)syscall(SYS_getpid);
}

static void count_result(int ttype)
{
	if (!tst_shared)
		return;

	switch (TTYPE_RESULT(ttype)) {
	case TPASS: __atomic_add_fetch(&tst_shared->passed, 1, __ATOMIC_SEQ_CST); break;
	case TFAIL: __atomic_add_fetch(&tst_shared->failed, 1, __ATOMIC_SEQ_CST); break;
	case TBROK: __atomic_add_fetch(&tst_shared->broken, 1, __ATOMIC_SEQ_CST); break;
	case TCONF: __atomic_add_fetch(&tst_shared->skipped, 1, __ATOMIC_SEQ_CST); break;
	case TWARN: __atomic_add_fetch(&tst_shared->warnings, 1, __ATOMIC_SEQ_CST); break;
	}
}

static const char *ttype_name(int ttype)
{
	switch (TTYPE_RESULT(ttype)) {
	case TPASS: return "TPASS";
	case TFAIL: return "TFAIL";
	case TBROK: return "TBROK";
	case TWARN: return "TWARN";
	case TINFO: return "TINFO";
	case TCONF: return "TCONF";
	case TDEBUG: return "TDEBUG";
	}
	return NULL;
}

/* One line, one write(2): safe from signal handlers and between processes. */
static void print_line(const char *file, int lineno, int ttype,
		       const char *fmt, va_list va)
{
	char line[1024];
	size_t len, room = sizeof(line) - 1;
	int err_val = 0, has_err = 0, n;
	const char *name = ttype_name(ttype);

	if (!name)
		name = "TBROK";

	if (ttype & TERRNO) {
		err_val = errno;
		has_err = 1;
	}
	if (ttype & TTERRNO) {
		err_val = TST_ERR;
		has_err = 1;
	}
	if (ttype & TRERRNO) {
		err_val = TST_RET < 0 ? -(int)TST_RET : (int)TST_RET;
		has_err = 1;
	}

	n = snprintf(line, room, "%s:%i: %s: ", file, lineno, name);
	len = n < 0 ? 0 : MIN((size_t)n, room);
	n = vsnprintf(line + len, room - len, fmt, va);
	len += n < 0 ? 0 : MIN((size_t)n, room - len);
	if (has_err && len < room) {
		n = snprintf(line + len, room - len, ": %s (%d)",
			     tst_strerrno(err_val), err_val);
		len += n < 0 ? 0 : MIN((size_t)n, room - len);
	}
	line[len++] = '\n';

	for (size_t off = 0; off < len;) {
		ssize_t w = write(STDERR_FILENO, line + off, len - off);
		if (w <= 0)
			break;
		off += (size_t)w;
	}
}

void tst_vres_(const char *file, int lineno, int ttype, const char *fmt, va_list va)
{
	print_line(file, lineno, ttype, fmt, va);
	count_result(ttype);
}

void tst_res_(const char *file, const int lineno, int ttype, const char *fmt, ...)
{
	va_list va;

	va_start(va, fmt);
	tst_vres_(file, lineno, ttype, fmt, va);
	va_end(va);
}

void tst_printf(const char *const fmt, ...)
{
	va_list va;

	va_start(va, fmt);
	vdprintf(STDERR_FILENO, fmt, va);
	va_end(va);
}

void tst_exp_res_(const char *file, int lineno, int ttype, const char *scall,
		  const char *suffix, const char *fmt, ...)
{
	char msg[768];
	va_list va;

	if (fmt && fmt[0]) {
		va_start(va, fmt);
		vsnprintf(msg, sizeof(msg), fmt, va);
		va_end(va);
	} else {
		snprintf(msg, sizeof(msg), "%s", scall);
	}
	tst_res_(file, lineno, ttype, "%s%s", msg, suffix);
}

void tst_exp_eq_ll_(const char *file, int lineno, long long a, const char *sa,
		    long long b, const char *sb)
{
	if (a == b)
		tst_res_(file, lineno, TPASS, "%s == %s (%lli)", sa, sb, a);
	else
		tst_res_(file, lineno, TFAIL, "%s (%lli) != %s (%lli)", sa, a, sb, b);
}

void tst_exp_eq_llu_(const char *file, int lineno, unsigned long long a,
		     const char *sa, unsigned long long b, const char *sb)
{
	if (a == b)
		tst_res_(file, lineno, TPASS, "%s == %s (%llu)", sa, sb, a);
	else
		tst_res_(file, lineno, TFAIL, "%s (%llu) != %s (%llu)", sa, a, sb, b);
}

void tst_exp_eq_str_(const char *file, int lineno, const char *a,
		     const char *sa, const char *b, const char *sb)
{
	if (!strcmp(a, b))
		tst_res_(file, lineno, TPASS, "%s == %s (%s)", sa, sb, a);
	else
		tst_res_(file, lineno, TFAIL, "%s (%s) != %s (%s)", sa, a, sb, b);
}

static void finish(int ret) __attribute__((noreturn));

static void run_cleanup(void)
{
	in_cleanup = 1;
	if (tst_test->cleanup)
		tst_test->cleanup();
	in_cleanup = 0;
}

void tst_vbrk_(const char *file, int lineno, int ttype, const char *fmt, va_list va)
{
	if (in_cleanup) {
		/* Inside cleanup() tst_brk() returns, and a failing cleanup
		 * must not hide the test's verdict: TBROK becomes TWARN. */
		if (TTYPE_RESULT(ttype) == TBROK)
			ttype = (ttype & ~TTYPE_MASK) | TWARN;
		tst_vres_(file, lineno, ttype, fmt, va);
		return;
	}

	print_line(file, lineno, ttype, fmt, va);

	/* Before the shared page exists there is nothing to summarise. */
	if (!tst_shared || !tst_shared->lib_pid)
		exit(TTYPE_RESULT(ttype));

	count_result(ttype);

	if (raw_getpid() == tst_shared->main_pid)
		run_cleanup();

	if (raw_getpid() == tst_shared->lib_pid)
		finish(TTYPE_RESULT(ttype));

	if (TTYPE_RESULT(ttype) == TBROK) {
		__atomic_add_fetch(&tst_shared->abort_flag, 1, __ATOMIC_SEQ_CST);
		/* A child's TBROK ends the whole test: stop the main process;
		 * the library then kills what is left of the process group. */
		if (tst_shared->main_pid && raw_getpid() != tst_shared->main_pid) {
			tst_res(TINFO, "Child process reported TBROK killing the test");
			kill(tst_shared->main_pid, SIGKILL);
		}
	}
	exit(0);
}

void tst_brk_(const char *file, const int lineno, int ttype, const char *fmt, ...)
{
	va_list va;

	va_start(va, fmt);
	tst_vbrk_(file, lineno, ttype, fmt, va);
	va_end(va);
}

static void check_child_status(pid_t pid, int status)
{
	if (WIFSIGNALED(status))
		tst_brk(TBROK, "Child (%i) killed by signal %s", pid,
			tst_strsig(WTERMSIG(status)));
	if (!WIFEXITED(status))
		tst_brk(TBROK, "Child (%i) exited abnormally", pid);
	if (WEXITSTATUS(status))
		tst_brk(TBROK, "Invalid child (%i) exit value %i", pid,
			WEXITSTATUS(status));
}

void tst_reap_children(void)
{
	for (;;) {
		int status;
		pid_t pid = wait(&status);

		if (pid > 0) {
			check_child_status(pid, status);
			continue;
		}
		if (errno == ECHILD)
			return;
		if (errno != EINTR)
			tst_brk(TBROK | TERRNO, "wait() failed");
	}
}

pid_t safe_fork(const char *file, const int lineno)
{
	pid_t pid;

	if (!tst_test->forks_child)
		tst_brk(TBROK, "test.forks_child must be set!");

	tst_flush();
	pid = fork();
	if (pid < 0)
		tst_brk_(file, lineno, TBROK | TERRNO, "fork() failed");
	return pid;
}

void tst_flush(void)
{
	if (fflush(stderr))
		tst_brk(TBROK | TERRNO, "fflush(stderr) failed");
	if (fflush(stdout))
		tst_brk(TBROK | TERRNO, "fflush(stdout) failed");
}

/* ---- timeouts ---------------------------------------------------------- */

static float timeout_mul(void)
{
	static float mul = -1;
	const char *env;
	char *end;

	if (mul > 0)
		return mul;
	env = getenv("LTP_TIMEOUT_MUL");
	if (!env) {
		mul = 1;
		return mul;
	}
	errno = 0;
	mul = strtof(env, &end);
	if (end == env || *end || errno || mul < 0.099f || mul > 10000)
		tst_brk(TBROK, "Failed to parse LTP_TIMEOUT_MUL: '%s' (want a number in [0.1, 10000])", env);
	return mul;
}

unsigned int tst_multiply_timeout(unsigned int timeout)
{
	if (timeout < 1)
		tst_brk(TBROK, "timeout must to be >= 1! (%d)", timeout);
	return (unsigned int)(timeout * timeout_mul());
}

static void print_timeout(void)
{
	unsigned int t = tst_shared->overall_time;

	tst_res(TINFO, "Overall timeout per run is %uh %02um %02us",
		t / 3600, (t % 3600) / 60, t % 60);
}

static void set_overall_timeout(void)
{
	if (tst_test->timeout == TST_UNLIMITED_TIMEOUT) {
		tst_shared->overall_time = 0;
		tst_res(TINFO, "Test timeout is not limited");
		return;
	}
	tst_shared->overall_time =
		tst_multiply_timeout(DEFAULT_TIMEOUT + tst_test->timeout) +
		tst_shared->runtime;
	print_timeout();
}

/* Re-arms the library's alarm: called before each test function. */
static void heartbeat(void)
{
	clock_gettime(CLOCK_MONOTONIC, &tst_shared->start_time);
	if (getppid() == 1) {
		tst_res(TFAIL, "Main test process might have exit!");
		kill(0, SIGKILL);
		exit(TBROK);
	}
	kill(getppid(), SIGUSR1);
}

void tst_set_timeout(int timeout)
{
	tst_shared->overall_time =
		tst_multiply_timeout(DEFAULT_TIMEOUT + timeout) + tst_shared->runtime;
	print_timeout();
	heartbeat();
}

unsigned int tst_remaining_runtime(void)
{
	struct timespec now;
	long elapsed;

	if (!tst_shared->runtime)
		tst_brk(TBROK, "Runtime not set!");
	clock_gettime(CLOCK_MONOTONIC, &now);
	elapsed = now.tv_sec - tst_shared->start_time.tv_sec;
	return elapsed < tst_shared->runtime ? (unsigned int)(tst_shared->runtime - elapsed) : 0;
}

static void write_msg(const char *msg)
{
	if (write(STDERR_FILENO, msg, strlen(msg)) < 0) {
		/* nothing better to do from a signal handler */
	}
}

static void alarm_handler(int sig)
{
	(void)sig;
	write_msg("Test timeouted, sending SIGKILL!\n");
	kill(-test_pid, SIGKILL);
	alarm(5);
	if (++kill_retries > 10) {
		write_msg("Cannot kill test processes!\n");
		write_msg("Exiting uncleanly...\n");
		_exit(TFAIL);
	}
}

static void heartbeat_handler(int sig)
{
	(void)sig;
	alarm(tst_shared->overall_time);
	kill_retries = 0;
}

static void stop_handler(int sig)
{
	(void)sig;
	if (test_pid > 0) {
		write_msg("Sending SIGKILL to test process...\n");
		kill(-test_pid, SIGKILL);
	}
}

static void set_handler(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL))
		tst_brk(TBROK | TERRNO, "sigaction(%s)", tst_strsig(sig));
}

/* ---- setup, run, exit ---------------------------------------------------- */

static void setup_shared(void)
{
	size_t size = (size_t)getpagesize();

	tst_shared = mmap(NULL, size, PROT_READ | PROT_WRITE,
			  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (tst_shared == MAP_FAILED) {
		tst_shared = NULL;
		tst_brk(TBROK | TERRNO, "mmap() of the shared results page failed");
	}
	memset(tst_shared, 0, size);
	tst_shared->max_futexes =
		(size - offsetof(struct tst_shared, futexes)) / sizeof(uint32_t);
	tst_shared->lib_pid = getpid();
}

static void print_help(void)
{
	fprintf(stderr, "Environment Variables\n");
	fprintf(stderr, "---------------------\n");
	fprintf(stderr, "LTP_TIMEOUT_MUL          Timeout multiplier (a number >= 0.1)\n");
	fprintf(stderr, "TMPDIR                   Base directory for the test's temporary directory (default: /tmp)\n");
	fprintf(stderr, "\nOptions\n-------\n");
	fprintf(stderr, "-h       Prints this help\n");
	fprintf(stderr, "-i n     Execute test n times\n");
	fprintf(stderr, "-V       Prints the library version\n");
	if (tst_test->options) {
		for (unsigned int i = 0; tst_test->options[i].optstr; i++)
			fprintf(stderr, "-%c\t %s\n", tst_test->options[i].optstr[0],
				tst_test->options[i].help ? tst_test->options[i].help : "");
	}
	if (tst_test->tags) {
		fprintf(stderr, "\nTags\n----\n");
		for (unsigned int i = 0; tst_test->tags[i].name; i++)
			fprintf(stderr, "%s: %s\n", tst_test->tags[i].name,
				tst_test->tags[i].value);
	}
}

static void parse_opts(int argc, char *argv[])
{
	char optstr[128] = "hi:V";
	int opt;

	if (tst_test->options) {
		for (unsigned int i = 0; tst_test->options[i].optstr; i++) {
			if (strchr("hiV", tst_test->options[i].optstr[0]))
				tst_brk(TBROK, "Option collision '-%c'",
					tst_test->options[i].optstr[0]);
			if (strlen(optstr) + strlen(tst_test->options[i].optstr) >= sizeof(optstr))
				tst_brk(TBROK, "Too many test options");
			strcat(optstr, tst_test->options[i].optstr);
		}
	}

	while ((opt = getopt(argc, argv, optstr)) > 0) {
		switch (opt) {
		case '?':
			print_help();
			tst_brk(TBROK, "Invalid option");
			break;
		case 'h':
			print_help();
			exit(0);
		case 'V':
			fprintf(stderr, "LTP version: " FERRY_LTP_VERSION "\n");
			exit(0);
		case 'i':
			if (tst_parse_int(optarg, &iterations, 0, INT_MAX))
				tst_brk(TBROK, "Invalid -i value '%s'", optarg);
			break;
		default:
			for (unsigned int i = 0; tst_test->options && tst_test->options[i].optstr; i++) {
				if (tst_test->options[i].optstr[0] == opt) {
					*tst_test->options[i].arg = optarg ? optarg : "";
					break;
				}
			}
		}
	}
	if (optind < argc)
		tst_brk(TBROK, "Unexpected argument(s) '%s'...", argv[optind]);
}

static int arch_supported(void)
{
	for (const char *const *a = tst_test->supported_archs; *a; a++) {
		if (!strcmp(*a, tst_arch_name))
			return 1;
	}
	return 0;
}

static void check_requirements(void)
{
	int v1, v2, v3;

	if (tst_test->tconf_msg)
		tst_brk(TCONF, "%s", tst_test->tconf_msg);
	if (tst_test->supported_archs && !arch_supported())
		tst_brk(TCONF, "This arch '%s' is not supported for test!", tst_arch_name);
	if (tst_test->needs_root && geteuid() != 0)
		tst_brk(TCONF, "Test needs to be run as root");
	if (tst_test->min_kver) {
		if (tst_parse_kver(tst_test->min_kver, &v1, &v2, &v3))
			tst_brk(TBROK, "Invalid min_kver '%s', expected %%d.%%d.%%d",
				tst_test->min_kver);
		if (tst_kvercmp(v1, v2, v3) < 0)
			tst_brk(TCONF, "The test requires kernel %s or newer",
				tst_test->min_kver);
	}
	if (tst_test->needs_cmds) {
		for (const char *const *c = tst_test->needs_cmds; *c; c++) {
			char cmd[512];

			snprintf(cmd, sizeof(cmd), "command -v '%s' >/dev/null 2>&1", *c);
			if (system(cmd))
				tst_brk(TCONF, "Couldn't find '%s' in $PATH", *c);
		}
	}
}

static void validate_test(void)
{
	int n = !!tst_test->test + !!tst_test->test_all;

	if (!n)
		tst_brk(TBROK, "No test function specified");
	if (n != 1)
		tst_brk(TBROK, "You can define only one test function");
	if (tst_test->test && !tst_test->tcnt)
		tst_brk(TBROK, "Number of tests (tcnt) must be > 0");
	if (!tst_test->test && tst_test->tcnt)
		tst_brk(TBROK, "You can define tcnt only for test()");
	if (tst_test->timeout < -1)
		tst_brk(TBROK, "Invalid timeout value %i", tst_test->timeout);
	if (tst_test->runtime < 0)
		tst_brk(TBROK, "Invalid runtime value %i", tst_test->runtime);
}

static void finish(int ret)
{
	struct tst_shared *s = tst_shared;

	if (s) {
		if (s->passed && ret == TCONF)
			ret = 0;
		if (s->failed)
			ret |= TFAIL;
		if (s->skipped && !s->passed)
			ret |= TCONF;
		if (s->warnings)
			ret |= TWARN;
		if (s->broken)
			ret |= TBROK;

		fprintf(stderr, "\nSummary:\n");
		fprintf(stderr, "passed   %d\n", s->passed);
		fprintf(stderr, "failed   %d\n", s->failed);
		fprintf(stderr, "broken   %d\n", s->broken);
		fprintf(stderr, "skipped  %d\n", s->skipped);
		fprintf(stderr, "warnings %d\n", s->warnings);
	}

	tst_tmpdir_remove();
	exit(ret);
}

static int same_counts(const struct tst_shared *a, int p, int f, int s, int b)
{
	return a->passed == p && a->failed == f && a->skipped == s && a->broken == b;
}

static void run_one(int n)
{
	struct tst_shared *s = tst_shared;
	int p = s->passed, f = s->failed, sk = s->skipped, b = s->broken;

	heartbeat();
	if (n < 0)
		tst_test->test_all();
	else
		tst_test->test((unsigned int)n);

	/* A forked child that returned from the test function just exits. */
	if (raw_getpid() != s->main_pid)
		exit(0);

	tst_reap_children();

	if (same_counts(s, p, f, sk, b)) {
		if (n < 0)
			tst_brk(TBROK, "Test haven't reported results!");
		else
			tst_brk(TBROK, "Test %i haven't reported results!", n);
	}
}

static void testrun(void)
{
	tst_shared->main_pid = raw_getpid();
	heartbeat();

	if (tst_test->setup)
		tst_test->setup();
	if (raw_getpid() != tst_shared->main_pid)
		tst_brk(TBROK, "Runaway child in setup()!");

	for (int i = 0; i < iterations; i++) {
		if (tst_test->test) {
			for (unsigned int n = 0; n < tst_test->tcnt; n++)
				run_one((int)n);
		} else {
			run_one(-1);
		}
		heartbeat();
	}

	run_cleanup();
	exit(0);
}

static void fork_testrun(void)
{
	int status;

	set_handler(SIGINT, stop_handler);
	set_handler(SIGTERM, stop_handler);
	alarm(tst_shared->overall_time);

	test_pid = fork();
	if (test_pid < 0)
		tst_brk(TBROK | TERRNO, "fork()");

	if (!test_pid) {
		signal(SIGALRM, SIG_DFL);
		signal(SIGUSR1, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		/* Own process group, so a timeout kills every descendant. */
		if (setpgid(0, 0))
			tst_brk(TBROK | TERRNO, "setpgid(0, 0)");
		testrun();
	}

	while (waitpid(test_pid, &status, 0) < 0) {
		if (errno != EINTR)
			tst_brk(TBROK | TERRNO, "waitpid(%i)", test_pid);
	}
	alarm(0);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);

	if (tst_test->forks_child && kill(-test_pid, SIGKILL) == 0)
		tst_res(TINFO, "Killed the leftover descendant processes");

	if (WIFEXITED(status) && WEXITSTATUS(status))
		tst_brk(TBROK, "Child returned with %i", WEXITSTATUS(status));

	if (tst_shared->abort_flag)
		return;

	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
		tst_res(TINFO, "If you are running on slow machine, "
			"try exporting LTP_TIMEOUT_MUL > 1");
		tst_brk(TBROK, "Test killed! (timeout?)");
	}
	if (WIFSIGNALED(status))
		tst_brk(TBROK, "Test killed by %s!", tst_strsig(WTERMSIG(status)));
}

static const char *name_from_argv(char *argv[])
{
	const char *slash;

	if (!argv[0] || !argv[0][0])
		return "ltp_empty_argv";
	slash = strrchr(argv[0], '/');
	return slash ? slash + 1 : argv[0];
}

const char *tst_tcid(void)
{
	return tcid ? tcid : "ltp";
}

void tst_run_tcases(int argc, char *argv[], struct tst_test *self)
{
	struct utsname u;
	unsigned int variants;

	tst_test = self;
	if (!tst_test)
		tst_brk(TBROK, "No tests to run");
	validate_test();
	tcid = name_from_argv(argv);
	tst_remember_startwd();

	setup_shared();
	parse_opts(argc, argv);
	check_requirements();

	if (tst_test->needs_tmpdir || tst_test->needs_checkpoints)
		tst_tmpdir_create();

	set_handler(SIGALRM, alarm_handler);
	set_handler(SIGUSR1, heartbeat_handler);

	tst_res(TINFO, "LTP version: " FERRY_LTP_VERSION);
	if (uname(&u) == 0)
		tst_res(TINFO, "Tested kernel: %s %s %s", u.release, u.version, u.machine);

	tst_shared->runtime = tst_test->runtime > 0 ? tst_test->runtime : 0;
	set_overall_timeout();

	variants = tst_test->test_variants ? tst_test->test_variants : 1;
	for (tst_variant = 0; tst_variant < variants; tst_variant++) {
		fork_testrun();
		if (tst_shared->abort_flag)
			finish(0);
	}
	finish(0);
}
