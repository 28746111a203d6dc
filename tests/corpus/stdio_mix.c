/* Writes to both stdout and stderr (only stdout is compared): printf, fputs, putchar,
 * fwrite, puts, direct write(2) after fflush to keep the order, setvbuf modes, and a
 * final check of what stdout reported. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int fails;

int main(void)
{
    static char linebuf[256];
    fprintf(stderr, "stderr: starting\n");
    printf("stdout: line 1\n");
    fputs("stdout: line 2 via fputs\n", stdout);
    fprintf(stderr, "stderr: between lines\n");
    for (const char *p = "stdout: putchar\n"; *p; p++) putchar(*p);
    size_t n = fwrite("stdout: fwrite 0123456789\n", 1, 26, stdout);
    if (n != 26) fails++;
    puts("stdout: puts");
    fflush(stdout);   /* write(2) below bypasses the buffer: flush first to keep order */
    const char raw[] = "stdout: raw write(2)\n";
    if (write(1, raw, strlen(raw)) != (ssize_t)strlen(raw)) fails++;
    const char rawerr[] = "stderr: raw write(2)\n";
    if (write(2, rawerr, strlen(rawerr)) != (ssize_t)strlen(rawerr)) fails++;

    setvbuf(stdout, linebuf, _IOLBF, sizeof linebuf);   /* line buffered from here */
    for (int i = 0; i < 5; i++) {
        printf("stdout: line-buffered %d\n", i);
        fprintf(stderr, "stderr: %d\n", i);
    }
    fflush(stdout);
    setvbuf(stdout, NULL, _IONBF, 0);   /* unbuffered */
    printf("stdout: unbuffered %s\n", "text");
    fputc('!', stdout);
    fputc('\n', stdout);
    long total = 0;
    for (int i = 0; i < 200; i++) total += printf("%03d%c", i, i % 20 == 19 ? '\n' : ' ');
    printf("stdout: %ld characters in the number block\n", total);
    if (total != 800) fails++;
    fprintf(stderr, "stderr: done, %d failures\n", fails);
    printf("stdio_mix: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
