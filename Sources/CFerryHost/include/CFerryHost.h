#ifndef CFERRYHOST_H
#define CFERRYHOST_H
#include <stdint.h>
#include <stddef.h>

/* Raw host system call: returns the kernel's value, -errno on failure (never touches errno). */
long ferry_host_syscall(long number, long a0, long a1, long a2, long a3, long a4, long a5);

/* Installs handlers that turn a host fault inside guest code into the guest dying of that signal. */
void ferry_install_fault_handlers(void);

#endif
