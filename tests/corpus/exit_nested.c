/* exit() called from deep inside nested calls: atexit handlers run in reverse order of
 * registration and can still print, buffered stdout is flushed, and the status seen by
 * the parent is the value passed to exit (here 37). */
#include <stdio.h>
#include <stdlib.h>

/* descend() only ever leaves by exit() */
#pragma GCC diagnostic ignored "-Winfinite-recursion"

static int depth_at_exit;
static unsigned long work;

static void first(void) { printf("atexit: first registered, runs last (work %lu)\n", work); }
static void second(void) { printf("atexit: second registered, runs second\n"); }
static void third(void) { printf("atexit: third registered, runs first, depth was %d\n", depth_at_exit); }

static int descend(int depth, int limit)
{
    work = work * 31 + (unsigned long)depth;
    if (depth == limit) {
        depth_at_exit = depth;
        printf("leaving from depth %d without returning\n", depth);
        exit(37);
    }
    int r = descend(depth + 1, limit);
    printf("never printed %d\n", r);   /* unreachable: exit does not return */
    return r + 1;
}

int main(void)
{
    atexit(first);
    atexit(second);
    atexit(third);
    /* stays in the stdio buffer (stdout is a file or pipe) until exit flushes it */
    printf("buffered line before exit\n");
    descend(0, 25);
    printf("not reached\n");
    return 0;
}
