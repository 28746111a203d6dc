/* The example host's workload (README, examples/host.conf): asks CP who it is (DIAG
 * X'8' QUERY USERID), writes a pattern of its own to its disk 0x0100 (DIAG X'250',
 * synchronous), reads it back with one asynchronous request and its completion
 * interruption, checks every byte, and reports what it did to CP (DIAG X'DC'). */
#include "guest.h"
#include "cp.h"
#include "diag250.h"

#define DEVNO   DIAG250_DEVNO_BASE
#define BLKSIZE 4096
#define BLOCKS  32

static uint8_t out[BLOCKS][BLKSIZE] __attribute__((aligned(4096)));
static uint8_t in[BLOCKS][BLKSIZE] __attribute__((aligned(4096)));
static struct diag250_bio bio[BLOCKS];

static uint8_t pattern(const char *name, unsigned blk, unsigned i)
{
    uint32_t h = 2166136261u;
    for (const char *p = name; *p; p++)
        h = (h ^ (uint8_t)*p) * 16777619u;
    return (uint8_t)((h >> (i & 24)) + blk * 7 + i);
}

int main(void)
{
    char resp[128] = "", name[16] = "?";
    unsigned got = 0;
    int rc = cp_command("QUERY USERID", resp, sizeof(resp) - 1, &got);
    resp[got < sizeof(resp) ? got : sizeof(resp) - 1] = 0;
    for (char *p = resp; *p; p++)
        if (*p == '\n')
            *p = 0;                            /* one line: the first */
    for (unsigned i = 0; i + 1 < sizeof(name) && resp[i] && resp[i] != ' '; i++)
        name[i] = resp[i], name[i + 1] = 0;
    printf("worker %s: CP says \"%s\" (rc %d)\n", name, resp, rc);
    int64_t start, end;
    rc = diag250_init(DEVNO, BLKSIZE, 0, &start, &end);
    if (DIAG250_RCODE(rc) != DIAG250_RC_OK || end < BLOCKS) {
        printf("worker %s: disk %04x: init rc %d, %lld blocks\n", name, DEVNO, DIAG250_RCODE(rc), (long long)end);
        return 1;
    }
    printf("worker %s: disk %04x has %lld blocks of %d bytes\n", name, DEVNO, (long long)end, BLKSIZE);
    for (unsigned b = 0; b < BLOCKS; b++)
        for (unsigned i = 0; i < BLKSIZE; i++)
            out[b][i] = pattern(name, b, i);
    rc = diag250_rw(DEVNO, DIAG250_WRITE, 1, out, BLOCKS);
    diag250_install();
    int rc2 = diag250_rw_async(DEVNO, DIAG250_READ, 1, in, BLOCKS, bio, 0x600dULL);
    struct diag250_completion done = { 0 };
    if (DIAG250_RCODE(rc2) == DIAG250_RC_STARTED)
        diag250_wait(&done);
    unsigned bad = 0;
    for (unsigned b = 0; b < BLOCKS; b++)
        bad += memcmp(out[b], in[b], BLKSIZE) != 0;
    printf("worker %s: wrote %d blocks (rc %d), read them back asynchronously (rc %d, "
           "completion status %u, parameter %#llx): %u blocks differ\n", name, BLOCKS,
           DIAG250_RCODE(rc), DIAG250_RCODE(rc2), done.status, (unsigned long long)done.intparm, bad);
    struct cp_stat st[] = { { "blocks_written", BLOCKS }, { "blocks_checked", BLOCKS },
                            { "blocks_bad", bad } };
    cp_report_stats(st, 3);
    return bad != 0;
}
