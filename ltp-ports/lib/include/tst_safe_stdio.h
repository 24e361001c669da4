/* stdio wrappers that TBROK on failure. */
#ifndef TST_SAFE_STDIO_H
#define TST_SAFE_STDIO_H

#include <stdio.h>

FILE *safe_fopen(const char *file, const int lineno, const char *path,
		 const char *mode);
int safe_fclose(const char *file, const int lineno, FILE *f);
int safe_asprintf(const char *file, const int lineno, char **strp,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#define SAFE_FOPEN(path, mode) safe_fopen(__FILE__, __LINE__, (path), (mode))
#define SAFE_FCLOSE(f) safe_fclose(__FILE__, __LINE__, (f))
#define SAFE_ASPRINTF(strp, fmt, ...) \
	safe_asprintf(__FILE__, __LINE__, (strp), (fmt), ##__VA_ARGS__)

#endif
