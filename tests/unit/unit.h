/* Check unit tests: each tests/unit/test_*.c registers its suites with UNIT_SUITE;
 * check_main.c runs them all (CK_RUN_SUITE / CK_RUN_CASE select, as Check documents). */
#ifndef ZHYP_TESTS_UNIT_H
#define ZHYP_TESTS_UNIT_H

#include <check.h>

void unit_register(Suite *(*make)(void));

#define UNIT_SUITE(fn) \
    static Suite *fn(void); \
    __attribute__((constructor)) static void fn##_register(void) { unit_register(fn); } \
    static Suite *fn(void)

#endif
