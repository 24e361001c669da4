/* Small helpers that LTP tests take for granted. */
#ifndef TST_COMMON_H
#define TST_COMMON_H

#define LTP_ATTRIBUTE_NORETURN __attribute__((noreturn))
#define LTP_ATTRIBUTE_UNUSED   __attribute__((unused))
#define LTP_ATTRIBUTE_UNUSED_RESULT __attribute__((warn_unused_result))

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#ifndef MIN
# define MIN(a, b) ((a) < (b) ? (a) : (b))
#endif
#ifndef MAX
# define MAX(a, b) ((a) > (b) ? (a) : (b))
#endif

#define TST_BUILD_BUG_ON(cond) ((void)sizeof(char[1 - 2 * !!(cond)]))

/* Retry FUNC until ERET(result) is true, doubling the sleep up to ~1 s. */
#define TST_RETRY_FUNC(FUNC, ECHECK) ({                                  \
	__typeof__(FUNC) tst_rv__;                                      \
	unsigned int tst_delay__ = 1;                                   \
	for (;;) {                                                      \
		tst_rv__ = FUNC;                                        \
		if (ECHECK(tst_rv__) || tst_delay__ > 1000000)          \
			break;                                          \
		usleep(tst_delay__);                                    \
		tst_delay__ *= 2;                                       \
	}                                                               \
	tst_rv__;                                                       \
})

#endif
