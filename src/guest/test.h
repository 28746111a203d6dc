/* Test framework of the bare-metal guest SDK. Each check prints one line, "PASS name"
 * or "FAIL name[: detail]"; test_summary() prints "SUMMARY: N passed, M failed" and
 * returns M, so a test ends with `return test_summary();` and guest_exit() stops the
 * CPU. Output must not depend on timing or on the machine, so that zhyp and QEMU print
 * the same lines. */
#ifndef GUEST_TEST_H
#define GUEST_TEST_H

#include "guest.h"

#define CHECK(cond, name) test_check(!!(cond), (name))
/* Equality of two integers; a failure shows both values. */
#define CHECK_EQ(got, want, name) test_check_eq((uint64_t)(got), (uint64_t)(want), (name))

/* Returns ok. */
int test_check(int ok, const char *name);
int test_check_eq(uint64_t got, uint64_t want, const char *name);
/* A check that cannot run here: "SKIP name: why", counted in neither total. */
void test_skip(const char *name, const char *why);
/* "SUMMARY: N passed, M failed"; returns M. */
int test_summary(void);
int test_failures(void);

/* Run stmt expecting program interruption `code`: checks the code, and the ILC when
 * ilc is non-zero; the details stay in *pi for further checks. */
#define CHECK_PGM(stmt, code, ilc, name, pi) \
    do { pgm_expect(); stmt; test_check_pgm((pi), (code), (ilc), (name)); } while (0)
int test_check_pgm(struct pgm_info *pi, uint16_t code, uint16_t ilc, const char *name);

#endif
