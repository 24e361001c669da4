/* Whole-file helpers: write formatted text to a file, read values back. */
#ifndef TST_SAFE_FILE_OPS_H
#define TST_SAFE_FILE_OPS_H

void safe_file_printf(const char *file, const int lineno, const char *path,
		      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void safe_file_scanf(const char *file, const int lineno, const char *path,
		     const char *fmt, ...) __attribute__((format(scanf, 4, 5)));
int file_scanf(const char *file, const int lineno, const char *path,
	       const char *fmt, ...) __attribute__((format(scanf, 4, 5)));

#define SAFE_FILE_PRINTF(path, fmt, ...) \
	safe_file_printf(__FILE__, __LINE__, (path), (fmt), ##__VA_ARGS__)
#define SAFE_FILE_SCANF(path, fmt, ...) \
	safe_file_scanf(__FILE__, __LINE__, (path), (fmt), ##__VA_ARGS__)
#define FILE_SCANF(path, fmt, ...) \
	file_scanf(__FILE__, __LINE__, (path), (fmt), ##__VA_ARGS__)

#endif
