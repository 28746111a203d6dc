/* abort(): output flushed explicitly beforehand appears, anything left in the stdio
 * buffer is lost (glibc's abort does not flush), atexit handlers do not run, and the
 * process ends by SIGABRT (a shell sees status 134). */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>

static void handler(void) { printf("atexit handler: must not run\n"); }

int main(void)
{
    atexit(handler);
    unsigned sum = 0;
    for (unsigned i = 1; i <= 100; i++) sum += i * i;
    printf("sum of squares 1..100 = %u\n", sum);
    printf("about to abort\n");
    fflush(stdout);
    printf("this line stays in the buffer and is lost\n");
    /* SIGABRT is not blocked or ignored here, so abort terminates the process */
    abort();
}
