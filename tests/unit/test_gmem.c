/* Guest storage of the hypervisor: the frame pool, a segment table per guest, and a
 * guest run through sie_run whose every page is made resident by resolving the
 * host-level faults it takes (with and without shadow translations). */
#include <errno.h>
#include <stdlib.h>
#include "unit.h"
#include "zhyp/machine.h"
#include "zhyp/gmem.h"
#include "zhyp/sie.h"

#define POOL_HA  0x800000ULL       /* the hypervisor keeps 0-8M */
#define SD_HA    0x30000ULL
#define CODE_GA  0x10000ULL

START_TEST(frames_are_distinct_zeroed_and_reused_after_release)
{
    struct machine m;
    struct frame_pool fp;
    ck_assert_int_eq(machine_init(&m, 16 << 20, 1), 0);
    ck_assert_int_eq(frame_pool_init(&fp, &m, POOL_HA), 0);
    memset(m.storage + POOL_HA, 0xee, 8 << 20);
    uint64_t a = frame_alloc(&fp), b = frame_alloc(&fp), four = frame_alloc_n(&fp, 4);
    ck_assert_uint_ge(a, POOL_HA);
    ck_assert_uint_ne(a, b);
    ck_assert_uint_eq(four & 0x3fff, 0);                   /* aligned to its size */
    ck_assert_uint_eq(m.storage[b + 4095], 0);
    ck_assert_uint_eq(m.storage[four + 16383], 0);
    ck_assert_uint_eq(fp.in_use, 6);
    frame_release(&fp, a);
    unsigned n = 0;
    while (frame_alloc(&fp))
        n++;
    ck_assert_uint_eq(n, 2048 - 6 + 1);                    /* every frame of 8M-16M, once */
    frame_pool_free(&fp);
    machine_free(&m);
}
END_TEST

START_TEST(guest_sizes_and_addresses_are_checked)
{
    struct machine m;
    struct frame_pool fp;
    struct gmem g;
    ck_assert_int_eq(machine_init(&m, 16 << 20, 1), 0);
    ck_assert_int_eq(frame_pool_init(&fp, &m, POOL_HA), 0);
    ck_assert_int_eq(gmem_init(&g, &fp, 3ULL << 30), -EINVAL);
    ck_assert_int_eq(gmem_init(&g, &fp, 1500 << 10), -EINVAL);
    ck_assert_int_eq(gmem_init(&g, &fp, 4 << 20), 0);
    ck_assert_int_eq(gmem_fault(&g, 4 << 20), -EFAULT);
    ck_assert_uint_eq(gmem_host_addr(&g, 0x5000), 0);      /* not resident yet */
    ck_assert_int_eq(gmem_fault(&g, 0x5123), 0);
    ck_assert_uint_ne(gmem_host_addr(&g, 0x5123), 0);
    ck_assert_uint_eq(gmem_host_addr(&g, 0x5123) & 0xfff, 0x123);
    ck_assert_uint_eq(g.resident, 1);
    gmem_free(&g);
    ck_assert_uint_eq(fp.in_use, 0);                       /* tables and frames returned */
    frame_pool_free(&fp);
    machine_free(&m);
}
END_TEST

/* llilf 2,0x100000; lghi 3,64; st 3,0(2); aghi 2,4096; brctg 3,.-8; diag 0,0,0x44 */
static const uint8_t touch64[] = {
    0xc0, 0x2f, 0x00, 0x10, 0x00, 0x00, 0xa7, 0x39, 0x00, 0x40, 0x50, 0x30, 0x20, 0x00,
    0xa7, 0x2b, 0x10, 0x00, 0xa7, 0x37, 0xff, 0xfc, 0x83, 0x00, 0x00, 0x44,
};

static void guest_sd(struct machine *m, uint64_t size)
{
    uint8_t *p = machine_abs_store(m, SD_HA, SD_SIZE);
    memset(p, 0, SD_SIZE);
    st_be32(p + SD_CPUFLAGS, CPUSTAT_ZARCH | CPUSTAT_SM);
    st_be64(p + SD_MSL, size - 1);
    st_be64(p + SD_GPSW, PSW_MASK_EA | PSW_MASK_BA);
    st_be64(p + SD_GPSW + 8, CODE_GA);
}

START_TEST(a_guest_runs_on_demand_paged_storage)
{
    struct machine m;
    struct frame_pool fp;
    struct gmem g;
    ck_assert_int_eq(machine_init(&m, 32 << 20, 1), 0);
    m.no_shadow = !_i;
    ck_assert_int_eq(machine_start(&m, 0x10000), 0);
    ck_assert_int_eq(frame_pool_init(&fp, &m, POOL_HA), 0);
    ck_assert_int_eq(gmem_init(&g, &fp, 16 << 20), 0);
    ck_assert_int_eq(gmem_fault(&g, CODE_GA), 0);
    memcpy(machine_abs_store(&m, gmem_host_addr(&g, CODE_GA), sizeof(touch64)), touch64, sizeof(touch64));
    guest_sd(&m, 16 << 20);
    struct cpu *h = m.cpu[0];
    h->cr[1] = gmem_asce(&g);
    struct sie_ctx *s = sie_ctx_get(&m, h);
    int host_pgm, faults = 0;
    enum sie_end e;
    while ((e = sie_run(s, SD_HA, 100000, &host_pgm)) == SIE_END_HOST) {
        ck_assert(host_pgm == PGM_PAGE_TRANS || host_pgm == PGM_SEGMENT_TRANS);
        ck_assert_int_eq(gmem_fault(&g, h->fault.teid & ~0xfffULL), 0);
        faults++;
    }
    ck_assert_int_eq(e, SIE_END_ICPT);
    ck_assert_uint_eq(m.storage[SD_HA + SD_ICPTCODE], ICPT_INST);
    ck_assert_int_eq(faults, 64 + 1);                      /* 64 data pages and the lowcore */
    ck_assert_uint_eq(g.resident, 64 + 2);
    for (unsigned i = 0; i < 64; i++)
        ck_assert_uint_eq(ld_be32(m.storage + gmem_host_addr(&g, 0x100000 + 4096ULL * i)), 64 - i);
    gmem_free(&g);
    frame_pool_free(&fp);
    machine_free(&m);
}
END_TEST

UNIT_SUITE(gmem_suite)
{
    Suite *s = suite_create("gmem");
    TCase *t = tcase_create("storage");
    tcase_add_test(t, frames_are_distinct_zeroed_and_reused_after_release);
    tcase_add_test(t, guest_sizes_and_addresses_are_checked);
    tcase_add_loop_test(t, a_guest_runs_on_demand_paged_storage, 0, 2);
    suite_add_tcase(s, t);
    return s;
}
