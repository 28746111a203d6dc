/* STFLE and STFL: the length protocol of GR0 and the condition code, the facilities
 * every z/Architecture machine that runs this image must have, and agreement between
 * STFL (lowcore 0xC8) and the first word of STFLE. */
#include "test.h"

static void test_length_protocol(void)
{
    uint64_t list[8];
    int needed;
    memset(list, 0xee, sizeof(list));
    int cc = stfle(list, 1, &needed);
    CHECK(needed >= 1, "stfle reports at least one doubleword");
    CHECK_EQ(cc, needed > 1 ? 3 : 0, "stfle with one doubleword: cc 3 iff more are needed");
    CHECK(list[1] == 0xeeeeeeeeeeeeeeeeUL, "stfle stores no more than asked");

    int needed2;
    uint64_t full[8];
    CHECK_EQ(stfle(full, 8, &needed2), 0, "stfle with eight doublewords: cc 0");
    CHECK_EQ(needed2, needed, "stfle needed count is stable");
    CHECK_EQ(full[0], list[0], "first doubleword agrees between calls");
    int n;
    const uint64_t *boot = facility_list(&n);
    CHECK_EQ(boot[0], full[0], "sdk facility list matches stfle");
}

/* Facilities the SDK is built for: z/Architecture, STFLE, and the z10 instruction set
 * it is compiled with (-march=z10), long displacement, extended immediate, EXRL. */
static void test_required(void)
{
    static const struct { unsigned nr; const char *name; } req[] = {
        { 1, "facility 1 z/architecture installed" },
        { 2, "facility 2 z/architecture active" },
        { 7, "facility 7 stfle" },
        { 18, "facility 18 long displacement" },
        { 21, "facility 21 extended immediate" },
        { 34, "facility 34 general-instructions extension" },
        { 35, "facility 35 execute extensions" },
    };
    for (unsigned i = 0; i < sizeof(req) / sizeof(req[0]); i++)
        CHECK(facility(req[i].nr), req[i].name);
    CHECK(!facility(1000), "facility beyond the list reads 0");
}

static void test_stfl(void)
{
    lc_write32(LC_STFL, 0);
    asm volatile("stfl 0" : : : "memory");
    uint64_t list[4];
    int needed;
    stfle(list, 4, &needed);
    CHECK_EQ(lc_read32(LC_STFL), list[0] >> 32, "stfl word at 0xc8 equals stfle bits 0-31");
}

int main(void)
{
    test_length_protocol();
    test_required();
    test_stfl();
    return test_summary();
}
