/* Test framework of the bare-metal guest SDK: PASS/FAIL lines, the summary, and the
 * panic path that turns an unexpected event into a failed run. */
#include "test.h"

static int passed, failed;
static int panicking;

int test_check(int ok, const char *name)
{
    if (ok)
        passed++;
    else
        failed++;
    printf("%s %s\n", ok ? "PASS" : "FAIL", name);
    return ok;
}

int test_check_eq(uint64_t got, uint64_t want, const char *name)
{
    if (got == want)
        return test_check(1, name);
    failed++;
    printf("FAIL %s: got 0x%lx, want 0x%lx\n", name, got, want);
    return 0;
}

void test_skip(const char *name, const char *why)
{
    printf("SKIP %s: %s\n", name, why);
}

int test_summary(void)
{
    printf("SUMMARY: %d passed, %d failed\n", passed, failed);
    return failed;
}

int test_failures(void)
{
    return failed;
}

int test_check_pgm(struct pgm_info *pi, uint16_t code, uint16_t ilc, const char *name)
{
    struct pgm_info local;
    if (!pi)
        pi = &local;
    uint16_t got = pgm_result(pi);
    if (got != code) {
        failed++;
        printf("FAIL %s: program interruption 0x%x, want 0x%x\n", name, got, code);
        return 0;
    }
    if (ilc && pi->ilc != ilc) {
        failed++;
        printf("FAIL %s: ilc %u, want %u\n", name, pi->ilc, ilc);
        return 0;
    }
    return test_check(1, name);
}

/* A second panic (the console itself failing) goes straight to the disabled wait. */
noreturn void guest_panic(const char *fmt, ...)
{
    if (panicking)
        guest_wait_exit(0xffff);
    panicking = 1;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    failed++;
    printf("FAIL panic: %s\n", msg);
    test_summary();
    guest_exit(failed);
}
