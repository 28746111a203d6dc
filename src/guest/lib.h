/* Freestanding library of the bare-metal guest SDK: memory and string functions, and a
 * printf family whose output goes to the SCLP console. Format: flags - 0 + space #,
 * width and precision (or *), length h hh l ll z j t, conversions d i u x X o p s c %. */
#ifndef GUEST_LIB_H
#define GUEST_LIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void *memset(void *d, int c, size_t n);
void *memcpy(void *restrict d, const void *restrict s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strstr(const char *hay, const char *needle);
char *strcpy(char *restrict d, const char *restrict s);
unsigned long strtoul(const char *s, char **end, int base);

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int vprintf(const char *fmt, va_list ap);
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int puts(const char *s);               /* the string and a newline */
int putchar(int c);

/* Where printf output goes (sclp.c); returns 0, or -1 if there is no console. */
int console_write(const char *s, size_t n);

#endif
