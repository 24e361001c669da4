/* Checkpoints: numbered futexes in a page shared by the test and all its
 * forked children. WAIT sleeps until some process WAKEs the same id. */
#ifndef TST_CHECKPOINT_H
#define TST_CHECKPOINT_H

int tst_checkpoint_wait(unsigned int id, unsigned int msec_timeout);
int tst_checkpoint_wake(unsigned int id, unsigned int nr_wake,
			unsigned int msec_timeout);
void tst_safe_checkpoint_wait(const char *file, const int lineno,
			      unsigned int id, unsigned int msec_timeout);
void tst_safe_checkpoint_wake(const char *file, const int lineno,
			      unsigned int id, unsigned int nr_wake);

#define TST_CHECKPOINT_WAIT(id) \
	tst_safe_checkpoint_wait(__FILE__, __LINE__, id, 0)
#define TST_CHECKPOINT_WAIT2(id, msec_timeout) \
	tst_safe_checkpoint_wait(__FILE__, __LINE__, id, msec_timeout)
#define TST_CHECKPOINT_WAKE(id) \
	tst_safe_checkpoint_wake(__FILE__, __LINE__, id, 1)
#define TST_CHECKPOINT_WAKE2(id, nr_wake) \
	tst_safe_checkpoint_wake(__FILE__, __LINE__, id, nr_wake)
#define TST_CHECKPOINT_WAKE_AND_WAIT(id) do { \
	tst_safe_checkpoint_wake(__FILE__, __LINE__, id, 1); \
	tst_safe_checkpoint_wait(__FILE__, __LINE__, id, 0); \
} while (0)

#endif
