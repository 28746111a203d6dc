/* setjmp/longjmp: non-local exits through several frames, value 0 delivered as 1,
 * volatile locals surviving, nested handlers used like exceptions, sigsetjmp with the
 * signal mask saved and restored, and a coroutine-like ping-pong between two buffers. */
#include <stdio.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>

/* dive() only ever leaves by longjmp */
#pragma GCC diagnostic ignored "-Winfinite-recursion"

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static jmp_buf top;
static int depth_reached;

static void dive(int depth, int limit)
{
    char pad[64];
    memset(pad, depth, sizeof pad);
    depth_reached = depth + pad[7] - depth;
    if (depth == limit) longjmp(top, limit);
    dive(depth + 1, limit);
}

/* an exception stack: each try level saves a jmp_buf */
static jmp_buf *handlers[8];
static int nhandlers;
static void throw(int code) { longjmp(*handlers[nhandlers - 1], code); }

static int parse_digit(char c)
{
    if (c < '0' || c > '9') throw(c);
    return c - '0';
}

static int sum_digits(const char *s)
{
    jmp_buf jb;
    volatile int sum = 0;
    handlers[nhandlers++] = &jb;
    int code = setjmp(jb);
    if (code) {
        nhandlers--;
        if (code == '-') throw(code);   /* rethrow to the outer handler */
        printf("  bad char '%c' after sum %d\n", code, sum);
        return -sum;
    }
    for (const char *q = s; *q; q++) sum += parse_digit(*q);
    nhandlers--;
    return sum;
}

static int guarded(const char *s)
{
    jmp_buf jb;
    handlers[nhandlers++] = &jb;
    if (setjmp(jb)) {
        nhandlers--;
        printf("  outer handler caught '-' in \"%s\"\n", s);
        return -1000;
    }
    int r = sum_digits(s);
    nhandlers--;
    return r;
}

static void masks(void)
{
    sigjmp_buf sj;
    sigset_t set, now;
    sigemptyset(&set);
    sigprocmask(SIG_SETMASK, &set, NULL);
    volatile int pass = 0;
    if (sigsetjmp(sj, 1) == 0) {
        sigaddset(&set, SIGUSR1);
        sigprocmask(SIG_BLOCK, &set, NULL);
        pass = 1;
        siglongjmp(sj, 5);
    }
    sigprocmask(SIG_SETMASK, NULL, &now);
    CHECK(pass == 1 && !sigismember(&now, SIGUSR1));   /* mask restored by siglongjmp */
    if (sigsetjmp(sj, 0) == 0) {
        sigprocmask(SIG_BLOCK, &set, NULL);
        siglongjmp(sj, 6);
    }
    sigprocmask(SIG_SETMASK, NULL, &now);
    CHECK(sigismember(&now, SIGUSR1));                   /* not saved: stays blocked */
    printf("sigsetjmp masks: restored=%d kept=%d\n", 1, sigismember(&now, SIGUSR1));
}

int main(void)
{
    for (volatile int limit = 1; limit <= 200; limit *= 3) {
        int r = setjmp(top);
        if (r == 0) dive(0, limit);
        printf("dive to %d returned %d (depth %d)\n", limit, r, depth_reached);
        CHECK(r == limit);
    }
    volatile int count = 0;
    jmp_buf jb;
    int v = setjmp(jb);
    count++;
    if (count < 5) longjmp(jb, 0);   /* longjmp(…, 0) makes setjmp return 1 */
    printf("loop by longjmp: count %d last value %d\n", count, v);
    CHECK(count == 5 && v == 1);

    const char *inputs[] = { "12345", "99x1", "7-7", "", "0000009" };
    int total = 0;
    for (int i = 0; i < 5; i++) {
        int r = guarded(inputs[i]);
        printf("guarded(\"%s\") = %d\n", inputs[i], r);
        total += r;
    }
    CHECK(total == 15 - 18 - 1000 + 0 + 9 && nhandlers == 0);
    masks();
    printf("setjmp_longjmp: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
