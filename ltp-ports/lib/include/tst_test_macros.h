/* TEST() and the TST_EXP_* family. Messages have LTP's shape: the call as
 * written (or the caller's own format) followed by what happened, e.g.
 * "close(fd) passed", "open(...) failed: ENOENT (2)", "dup(-1) : EBADF (9)". */
#ifndef TST_TEST_MACROS_H
#define TST_TEST_MACROS_H

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>

extern long TST_RET;
extern int TST_ERR;
extern int TST_PASS;
extern void *TST_RET_PTR;

#define TEST(SCALL) do {        \
	errno = 0;              \
	TST_RET = (SCALL);      \
	TST_ERR = errno;        \
} while (0)

#define TEST_VOID(SCALL) do {   \
	errno = 0;              \
	SCALL;                  \
	TST_ERR = errno;        \
} while (0)

#define TESTPTR(SCALL) do {                     \
	errno = 0;                              \
	TST_RET_PTR = (void *)(SCALL);          \
	TST_ERR = errno;                        \
} while (0)

/* Prints "<fmt or scall><suffix>"; fmt == "" means "use the call's text". */
void tst_exp_res_(const char *file, int lineno, int ttype, const char *scall,
		  const char *suffix, const char *fmt, ...);

bool tst_errno_in_set(int err, const int *exp_errs, int exp_errs_cnt);
const char *tst_errno_names(char *buf, const int *exp_errs, int exp_errs_cnt);

/* The optional trailing arguments are a printf format and its arguments. */
#define TST_EXP_RES_(TTYPE, SSCALL, SUFFIX, ...) \
	tst_exp_res_(__FILE__, __LINE__, TTYPE, SSCALL, SUFFIX, "" __VA_ARGS__)

/* Sets TST_PASS when SCALL returned a value >= 0. */
#define TST_EXP_POSITIVE__(SCALL, SSCALL, ...) do {                         \
	char tst_sfx__[64];                                                 \
	TEST(SCALL);                                                        \
	TST_PASS = 0;                                                       \
	if (TST_RET == -1) {                                                \
		TST_EXP_RES_(TFAIL | TTERRNO, SSCALL, " failed", ##__VA_ARGS__); \
		break;                                                      \
	}                                                                   \
	if (TST_RET < 0) {                                                  \
		snprintf(tst_sfx__, sizeof(tst_sfx__), " invalid retval %ld", TST_RET); \
		TST_EXP_RES_(TFAIL | TTERRNO, SSCALL, tst_sfx__, ##__VA_ARGS__); \
		break;                                                      \
	}                                                                   \
	TST_PASS = 1;                                                       \
} while (0)

#define TST_EXP_POSITIVE_REPORT__(SCALL, WHAT, ...) ({                      \
	TST_EXP_POSITIVE__(SCALL, #SCALL, ##__VA_ARGS__);                   \
	if (TST_PASS) {                                                     \
		char tst_sfx2__[64];                                        \
		snprintf(tst_sfx2__, sizeof(tst_sfx2__), " returned%s %ld", WHAT, TST_RET); \
		TST_EXP_RES_(TPASS, #SCALL, tst_sfx2__, ##__VA_ARGS__);     \
	}                                                                   \
	TST_RET;                                                            \
})

#define TST_EXP_POSITIVE(SCALL, ...) TST_EXP_POSITIVE_REPORT__(SCALL, "", ##__VA_ARGS__)
#define TST_EXP_FD(SCALL, ...)       TST_EXP_POSITIVE_REPORT__(SCALL, " fd", ##__VA_ARGS__)
#define TST_EXP_PID(SCALL, ...)      TST_EXP_POSITIVE_REPORT__(SCALL, " pid", ##__VA_ARGS__)

#define TST_EXP_FD_SILENT(SCALL, ...) \
	({ TST_EXP_POSITIVE__(SCALL, #SCALL, ##__VA_ARGS__); TST_RET; })
#define TST_EXP_PID_SILENT(SCALL, ...) \
	({ TST_EXP_POSITIVE__(SCALL, #SCALL, ##__VA_ARGS__); TST_RET; })

#define TST_EXP_VAL_SILENT_(SCALL, VAL, SSCALL, ...) do {                   \
	TEST(SCALL);                                                        \
	TST_PASS = 0;                                                       \
	if (TST_RET != (long)(VAL)) {                                       \
		char tst_sfx__[80];                                         \
		snprintf(tst_sfx__, sizeof(tst_sfx__), " retval %ld != %ld", \
			 TST_RET, (long)(VAL));                             \
		TST_EXP_RES_(TFAIL | TTERRNO, SSCALL, tst_sfx__, ##__VA_ARGS__); \
		break;                                                      \
	}                                                                   \
	TST_PASS = 1;                                                       \
} while (0)

#define TST_EXP_VAL_SILENT(SCALL, VAL, ...) \
	TST_EXP_VAL_SILENT_(SCALL, VAL, #SCALL, ##__VA_ARGS__)

#define TST_EXP_VAL(SCALL, VAL, ...) do {                                   \
	TST_EXP_VAL_SILENT_(SCALL, VAL, #SCALL, ##__VA_ARGS__);             \
	if (TST_PASS)                                                       \
		TST_EXP_RES_(TPASS, #SCALL, " passed", ##__VA_ARGS__);      \
} while (0)

/* Sets TST_PASS when SCALL returned exactly 0. */
#define TST_EXP_PASS_SILENT_(SCALL, SSCALL, ...) do {                       \
	TEST(SCALL);                                                        \
	TST_PASS = 0;                                                       \
	if (TST_RET == -1) {                                                \
		TST_EXP_RES_(TFAIL | TTERRNO, SSCALL, " failed", ##__VA_ARGS__); \
		break;                                                      \
	}                                                                   \
	if (TST_RET != 0) {                                                 \
		char tst_sfx__[64];                                         \
		snprintf(tst_sfx__, sizeof(tst_sfx__), " invalid retval %ld", TST_RET); \
		TST_EXP_RES_(TFAIL | TTERRNO, SSCALL, tst_sfx__, ##__VA_ARGS__); \
		break;                                                      \
	}                                                                   \
	TST_PASS = 1;                                                       \
} while (0)

#define TST_EXP_PASS_SILENT(SCALL, ...) \
	TST_EXP_PASS_SILENT_(SCALL, #SCALL, ##__VA_ARGS__)

#define TST_EXP_PASS(SCALL, ...) do {                                       \
	TST_EXP_PASS_SILENT_(SCALL, #SCALL, ##__VA_ARGS__);                 \
	if (TST_PASS)                                                       \
		TST_EXP_RES_(TPASS, #SCALL, " passed", ##__VA_ARGS__);      \
} while (0)

/* Expects a failure (-1) with errno in ERRNOS. SUCCEEDED says what counts
 * as an unexpected success: TST_RET == 0 (FAIL) or TST_RET >= 0 (FAIL2). */
#define TST_EXP_FAIL_SILENT_(SUCCEEDED, SCALL, SSCALL, ERRNOS, ERRNOS_CNT, ...) do { \
	TEST(SCALL);                                                        \
	TST_PASS = 0;                                                       \
	if (SUCCEEDED) {                                                    \
		TST_EXP_RES_(TFAIL, SSCALL, " succeeded", ##__VA_ARGS__);   \
		break;                                                      \
	}                                                                   \
	if (TST_RET != -1) {                                                \
		char tst_sfx__[64];                                         \
		snprintf(tst_sfx__, sizeof(tst_sfx__), " invalid retval %ld", TST_RET); \
		TST_EXP_RES_(TFAIL | TTERRNO, SSCALL, tst_sfx__, ##__VA_ARGS__); \
		break;                                                      \
	}                                                                   \
	if (tst_errno_in_set(TST_ERR, ERRNOS, ERRNOS_CNT)) {                \
		TST_PASS = 1;                                               \
	} else {                                                            \
		char tst_names__[(ERRNOS_CNT) * 20 + 16];                   \
		char tst_sfx__[(ERRNOS_CNT) * 20 + 32];                     \
		snprintf(tst_sfx__, sizeof(tst_sfx__), " expected %s",      \
			 tst_errno_names(tst_names__, ERRNOS, ERRNOS_CNT)); \
		TST_EXP_RES_(TFAIL | TTERRNO, SSCALL, tst_sfx__, ##__VA_ARGS__); \
	}                                                                   \
} while (0)

#define TST_EXP_FAIL_REPORT_(SUCCEEDED, SCALL, SSCALL, ERRNOS, CNT, ...) do { \
	TST_EXP_FAIL_SILENT_(SUCCEEDED, SCALL, SSCALL, ERRNOS, CNT, ##__VA_ARGS__); \
	if (TST_PASS)                                                       \
		TST_EXP_RES_(TPASS | TTERRNO, SSCALL, " ", ##__VA_ARGS__);  \
} while (0)

#define TST_EXP_FAIL(SCALL, EXP_ERR, ...) do {                              \
	int tst_exp_err__ = (EXP_ERR);                                      \
	TST_EXP_FAIL_REPORT_(TST_RET == 0, SCALL, #SCALL, &tst_exp_err__, 1, ##__VA_ARGS__); \
} while (0)

#define TST_EXP_FAIL2(SCALL, EXP_ERR, ...) do {                             \
	int tst_exp_err__ = (EXP_ERR);                                      \
	TST_EXP_FAIL_REPORT_(TST_RET >= 0, SCALL, #SCALL, &tst_exp_err__, 1, ##__VA_ARGS__); \
} while (0)

#define TST_EXP_FAIL_ARR(SCALL, EXP_ERRS, ...) \
	TST_EXP_FAIL_REPORT_(TST_RET == 0, SCALL, #SCALL, EXP_ERRS, \
			     (int)ARRAY_SIZE(EXP_ERRS), ##__VA_ARGS__)

#define TST_EXP_FAIL2_ARR(SCALL, EXP_ERRS, ...) \
	TST_EXP_FAIL_REPORT_(TST_RET >= 0, SCALL, #SCALL, EXP_ERRS, \
			     (int)ARRAY_SIZE(EXP_ERRS), ##__VA_ARGS__)

#define TST_EXP_FAIL_SILENT(SCALL, EXP_ERR, ...) do {                       \
	int tst_exp_err__ = (EXP_ERR);                                      \
	TST_EXP_FAIL_SILENT_(TST_RET == 0, SCALL, #SCALL, &tst_exp_err__, 1, ##__VA_ARGS__); \
} while (0)

#define TST_EXP_FAIL2_SILENT(SCALL, EXP_ERR, ...) do {                      \
	int tst_exp_err__ = (EXP_ERR);                                      \
	TST_EXP_FAIL_SILENT_(TST_RET >= 0, SCALL, #SCALL, &tst_exp_err__, 1, ##__VA_ARGS__); \
} while (0)

/* Expects a pointer-returning call to fail with NULL (or MAP_FAILED-like
 * value given as FAILVAL) and errno EXP_ERR. */
#define TST_EXP_FAIL_PTR_(SCALL, SSCALL, FAILVAL, EXP_ERR, ...) do {        \
	int tst_exp_err__ = (EXP_ERR);                                      \
	TESTPTR(SCALL);                                                     \
	TST_PASS = 0;                                                       \
	if (TST_RET_PTR != (void *)(FAILVAL)) {                             \
		TST_EXP_RES_(TFAIL, SSCALL, " succeeded", ##__VA_ARGS__);   \
		break;                                                      \
	}                                                                   \
	if (TST_ERR == tst_exp_err__) {                                     \
		TST_PASS = 1;                                               \
		TST_EXP_RES_(TPASS | TTERRNO, SSCALL, " ", ##__VA_ARGS__);  \
	} else {                                                            \
		char tst_names__[40], tst_sfx__[64];                        \
		snprintf(tst_sfx__, sizeof(tst_sfx__), " expected %s",      \
			 tst_errno_names(tst_names__, &tst_exp_err__, 1));  \
		TST_EXP_RES_(TFAIL | TTERRNO, SSCALL, tst_sfx__, ##__VA_ARGS__); \
	}                                                                   \
} while (0)

#define TST_EXP_FAIL_PTR_NULL(SCALL, EXP_ERR, ...) \
	TST_EXP_FAIL_PTR_(SCALL, #SCALL, NULL, EXP_ERR, ##__VA_ARGS__)
#define TST_EXP_FAIL_PTR_VOID(SCALL, EXP_ERR, ...) \
	TST_EXP_FAIL_PTR_(SCALL, #SCALL, (void *)-1, EXP_ERR, ##__VA_ARGS__)

/* TST_EXP_EXPR(expr[, fmt, ...]): TPASS when expr holds, else TFAIL. */
#define TST_EXP_EXPR(EXPR, ...) \
	tst_exp_res_(__FILE__, __LINE__, (EXPR) ? TPASS : TFAIL, #EXPR, "", \
		     "" __VA_ARGS__)

void tst_exp_eq_ll_(const char *file, int lineno, long long a, const char *sa,
		    long long b, const char *sb);
void tst_exp_eq_llu_(const char *file, int lineno, unsigned long long a,
		     const char *sa, unsigned long long b, const char *sb);
void tst_exp_eq_str_(const char *file, int lineno, const char *a,
		     const char *sa, const char *b, const char *sb);

/* "A == B (value)" on success, "A (x) != B (y)" on failure. */
#define TST_EXP_EQ_LI(A, B)  tst_exp_eq_ll_(__FILE__, __LINE__, (long long)(A), #A, (long long)(B), #B)
#define TST_EXP_EQ_SSZ(A, B) tst_exp_eq_ll_(__FILE__, __LINE__, (long long)(A), #A, (long long)(B), #B)
#define TST_EXP_EQ_LU(A, B)  tst_exp_eq_llu_(__FILE__, __LINE__, (unsigned long long)(A), #A, (unsigned long long)(B), #B)
#define TST_EXP_EQ_SZ(A, B)  tst_exp_eq_llu_(__FILE__, __LINE__, (unsigned long long)(A), #A, (unsigned long long)(B), #B)
#define TST_EXP_EQ_STR(A, B) tst_exp_eq_str_(__FILE__, __LINE__, (A), #A, (B), #B)

#endif
