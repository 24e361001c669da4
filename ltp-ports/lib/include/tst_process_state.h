/* Waiting for another process to reach a scheduler state, read from
 * /proc/<pid>/stat ('S' sleeping, 'T' stopped, 'Z' zombie, ...). */
#ifndef TST_PROCESS_STATE_H
#define TST_PROCESS_STATE_H

#include <sys/types.h>

int tst_process_state_wait(const char *file, const int lineno, pid_t pid,
			   const char state, unsigned int msec_timeout);

#define TST_PROCESS_STATE_WAIT(pid, state, msec_timeout) \
	tst_process_state_wait(__FILE__, __LINE__, (pid), (state), (msec_timeout))

#endif
