/* Runs every suite registered with UNIT_SUITE (fork mode: a crashing test fails alone). */
#include <stdlib.h>
#include "unit.h"

static Suite *(*suites[64])(void);
static unsigned n_suites;

void unit_register(Suite *(*make)(void))
{
    if (n_suites < sizeof(suites) / sizeof(suites[0]))
        suites[n_suites++] = make;
}

int main(void)
{
    SRunner *sr = srunner_create(NULL);
    for (unsigned i = 0; i < n_suites; i++)
        srunner_add_suite(sr, suites[i]());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
