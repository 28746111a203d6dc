/* DIAG X'250' on zhyp's virtual disks (tests/hyp/disk*.sh make the files): disk 0x100
 * holds a known pattern and is only read; disk 0x101 is written all over with another
 * pattern, which the script then finds in the file. The file sizes come from the
 * command line ("size0=N size1=M"). Boots only under the hypervisor. */
#include "diag250.h"
#include "test.h"

#define DISK0       0x100
#define DISK1       0x101
#define CHUNK       16                   /* 4K blocks per request in the big loops */
#define TOD_PER_US  4096ULL

static uint64_t size0, size1, memsize;
static uint8_t buf[CHUNK * 4096] __attribute__((aligned(4096)));
static uint8_t buf2[CHUNK * 4096] __attribute__((aligned(4096)));
static struct diag250_bio bios[4][DIAG250_MAX_BLOCKS + 1];
static struct diag250_biopl pl;
static char name[128];

#define RES(cc, rc) DIAG250_RES(cc, rc)

/* The patterns the script writes into disk 0 and expects in disk 1, by file offset. */
static uint8_t pat0(uint64_t off) { return (uint8_t)((off >> 9) * 13 + (off & 511) * 3 + 1); }
static uint8_t pat1(uint64_t off) { return (uint8_t)((off >> 12) * 29 + (off & 4095) * 5 + 0x5a); }

static int is_pat0(const uint8_t *b, uint64_t off, uint64_t len)
{
    for (uint64_t i = 0; i < len; i++)
        if (b[i] != pat0(off + i))
            return 0;
    return 1;
}

static const char *nm(const char *fmt, unsigned long a)
{
    snprintf(name, sizeof(name), fmt, a);
    return name;
}

static uint64_t cmdline_value(const char *key)
{
    const char *p = strstr(guest_cmdline(), key);
    return p ? strtoul(p + strlen(key), 0, 0) : 0;
}

static void test_init_sizes(void)
{
    for (uint32_t bs = 512; bs <= 4096; bs *= 2) {
        int64_t start = 0, end = 0;
        CHECK_EQ(diag250_init(DISK0, bs, 0, &start, &end), RES(0, 0), nm("INIT block size %lu", bs));
        CHECK_EQ(start, 1, nm("INIT %lu: start block 1", bs));
        CHECK_EQ(end, size0 / bs, nm("INIT %lu: end block is the file size / block size", bs));
        CHECK_EQ(diag250_remove(DISK0), RES(0, 0), nm("REMOVE after INIT %lu", bs));
    }
    CHECK_EQ(diag250_init(DISK0, 1000, 0, 0, 0), RES(2, DIAG250_RC_BLKSIZE), "INIT block size 1000: rc 24");
    CHECK_EQ(diag250_init(DISK0, 8192, 0, 0, 0), RES(2, DIAG250_RC_BLKSIZE), "INIT block size 8192: rc 24");
    CHECK_EQ(diag250_init(0x200, 512, 0, 0, 0), RES(2, DIAG250_RC_NODEV), "INIT device 0200: rc 16");
    CHECK_EQ(diag250_init(0x0ff, 512, 0, 0, 0), RES(2, DIAG250_RC_NODEV), "INIT device 00FF: rc 16");
    CHECK_EQ(diag250_remove(0x102), RES(2, DIAG250_RC_NODEV), "REMOVE device 0102: rc 16");
}

static void test_uninitialised(void)
{
    CHECK_EQ(diag250_rw(DISK0, DIAG250_READ, 1, buf, 1), RES(2, DIAG250_RC_STATE),
             "read before INIT: rc 28");
    CHECK_EQ(diag250_remove(DISK0), RES(2, DIAG250_RC_STATE), "REMOVE before INIT: rc 28");
    CHECK_EQ(diag250_init(DISK0, 512, 0, 0, 0), RES(0, 0), "INIT 512");
    CHECK_EQ(diag250_init(DISK0, 512, 0, 0, 0), RES(2, DIAG250_RC_STATE), "INIT twice: rc 28");
    CHECK_EQ(diag250_remove(DISK0), RES(0, 0), "REMOVE");
    CHECK_EQ(diag250_rw(DISK0, DIAG250_READ, 1, buf, 1), RES(2, DIAG250_RC_STATE),
             "read after REMOVE: rc 28");
    CHECK_EQ(diag250_remove(DISK0), RES(2, DIAG250_RC_STATE), "REMOVE twice: rc 28");
}

static void test_sync_read(void)
{
    int64_t end = 0;
    diag250_init(DISK0, 512, 0, 0, 0);
    memset(buf, 0, sizeof(buf));
    CHECK_EQ(diag250_rw(DISK0, DIAG250_READ, 1, buf, 16), RES(0, 0), "read 16 blocks of 512");
    CHECK(is_pat0(buf, 0, 16 * 512), "blocks 1-16 of 512 hold the file's first 8K");
    diag250_remove(DISK0);
    diag250_init(DISK0, 4096, 0, 0, &end);
    CHECK_EQ(diag250_rw(DISK0, DIAG250_READ, 1, buf, CHUNK), RES(0, 0), "read 16 blocks of 4K");
    CHECK(is_pat0(buf, 0, CHUNK * 4096), "blocks 1-16 of 4K hold the file's first 64K");
    CHECK_EQ(diag250_rw(DISK0, DIAG250_READ, end, buf, 1), RES(0, 0), "read the end block");
    CHECK(is_pat0(buf, (uint64_t)(end - 1) * 4096, 4096), "the end block is the file's last whole 4K");
    diag250_remove(DISK0);
}

static void test_offset(void)
{
    int64_t start = 0, end = 0;
    CHECK_EQ(diag250_init(DISK0, 4096, 10, &start, &end), RES(0, 0), "INIT 4K offset 10");
    CHECK_EQ(start, -9, "offset 10: start block -9");
    CHECK_EQ(end, (int64_t)(size0 / 4096) - 10, "offset 10: end block blocks - 10");
    CHECK_EQ(diag250_rw(DISK0, DIAG250_READ, 1, buf, 1), RES(0, 0), "offset 10: read block 1");
    CHECK(is_pat0(buf, 10 * 4096, 4096), "offset 10: block 1 is file block 10");
    CHECK_EQ(diag250_rw(DISK0, DIAG250_READ, -9, buf, 1), RES(0, 0), "offset 10: read block -9");
    CHECK(is_pat0(buf, 0, 4096), "offset 10: block -9 is file block 0");
    CHECK_EQ(diag250_rw(DISK0, DIAG250_READ, end + 1, buf, 1), RES(2, DIAG250_RC_ALLBAD),
             "offset 10: block end+1: rc 40");
    diag250_remove(DISK0);
}

/* One read entry at block blk, with the entry and the request's outcome checked. */
static void check_entry(struct diag250_bio *b, int res, uint8_t status, const char *what)
{
    snprintf(name, sizeof(name), "%s: request outcome", what);
    CHECK_EQ(diag250_io(DISK0, b, 1, 0, 0), res, name);
    snprintf(name, sizeof(name), "%s: entry status", what);
    CHECK_EQ(b->status, status, name);
}

static void test_bad_entries(void)
{
    int64_t end = 0;
    struct diag250_bio *b = bios[0];
    diag250_init(DISK0, 512, 0, 0, &end);
    diag250_fill(b, DIAG250_READ, end + 1, buf, 1, 512);
    check_entry(b, RES(2, DIAG250_RC_ALLBAD), DIAG250_BIO_BADBLOCK, "block beyond the end");
    diag250_fill(b, DIAG250_READ, 0, buf, 1, 512);
    check_entry(b, RES(2, DIAG250_RC_ALLBAD), DIAG250_BIO_BADBLOCK, "block 0");
    diag250_fill(b, 3, 1, buf, 1, 512);
    check_entry(b, RES(2, DIAG250_RC_ALLBAD), DIAG250_BIO_BADTYPE, "entry type 3");
    diag250_fill(b, DIAG250_READ, 1, buf, 1, 512);
    b->rsv[1] = 1;
    check_entry(b, RES(2, DIAG250_RC_ALLBAD), DIAG250_BIO_RESERVED, "reserved byte set");
    if (memsize) {
        diag250_fill(b, DIAG250_READ, 1, (void *)memsize, 1, 512);
        check_entry(b, RES(2, DIAG250_RC_ALLBAD), DIAG250_BIO_ADDRESSING, "buffer beyond storage");
        diag250_fill(b, DIAG250_READ, 1, (void *)(memsize - 256), 1, 512);
        check_entry(b, RES(2, DIAG250_RC_ALLBAD), DIAG250_BIO_ADDRESSING, "buffer across the end of storage");
    }
    diag250_fill(b, DIAG250_READ, 1, buf, 3, 512);
    b[1].block = end + 1;
    CHECK_EQ(diag250_io(DISK0, b, 3, 0, 0), RES(1, DIAG250_RC_PARTIAL), "good, bad, good: cc 1 rc 12");
    CHECK(b[0].status == 0 && b[1].status == 1 && b[2].status == 0, "good, bad, good: status 0 1 0");
    CHECK_EQ(diag250_io(DISK0, b, 0, 0, 0), RES(2, DIAG250_RC_COUNT), "count 0: rc 36");
    CHECK_EQ(diag250_io(DISK0, b, 257, 0, 0), RES(2, DIAG250_RC_COUNT), "count 257: rc 36");
    diag250_remove(DISK0);
}

static void check_pgm(void *biopl, unsigned fc, uint16_t code, const char *what)
{
    struct pgm_info pi;
    CHECK_PGM(diag250_call(biopl, fc), code, 4, what, &pi);
}

static void test_program_checks(void)
{
    memset(&pl, 0, sizeof(pl));
    pl.b[1] = 0x01;          /* device 0x0100 */
    pl.b[2] = DIAG250_FLAGA_64BIT;
    check_pgm(pl.b + 4, DIAG250_INIT, PGM_SPECIFICATION, "BIOPL not on a doubleword: specification");
    check_pgm(&pl, 3, PGM_SPECIFICATION, "function code 3: specification");
    pl.b[2] = 0x40;
    check_pgm(&pl, DIAG250_INIT, PGM_SPECIFICATION, "flag A bit 1: specification");
    pl.b[2] = DIAG250_FLAGA_64BIT;
    pl.b[5] = 1;
    check_pgm(&pl, DIAG250_INIT, PGM_SPECIFICATION, "INIT reserved byte: specification");
    pl.b[5] = 0;
    pl.b[0x18] = 0x01;
    check_pgm(&pl, DIAG250_RW, PGM_SPECIFICATION, "read/write key bits 4-7: specification");
    pl.b[0x18] = 0;
    pl.b[0x19] = 0x04;
    check_pgm(&pl, DIAG250_RW, PGM_SPECIFICATION, "read/write flag bit 5: specification");
    if (!memsize)
        return;
    check_pgm((void *)memsize, DIAG250_INIT, PGM_ADDRESSING, "BIOPL beyond storage: addressing");
    diag250_init(DISK0, 512, 0, 0, 0);
    struct pgm_info pi;
    CHECK_PGM(diag250_io(DISK0, (void *)memsize, 1, 0, 0), PGM_ADDRESSING, 4,
              "synchronous entry list beyond storage: addressing", &pi);
    diag250_remove(DISK0);
}

/* Disk 1 all over: the first half synchronously, the second asynchronously, then
 * read back. The script finds the pattern in the file. */
static void fill_pat1(uint8_t *b, uint64_t blk, uint32_t n)
{
    for (uint64_t i = 0; i < (uint64_t)n * 4096; i++)
        b[i] = pat1(blk * 4096 + i);
}

static int write_disk1(uint64_t first, uint64_t last, int async)
{
    struct diag250_completion c;
    int ok = 1;
    for (uint64_t blk = first; blk < last; blk += CHUNK) {
        uint32_t n = last - blk < CHUNK ? (uint32_t)(last - blk) : CHUNK;
        fill_pat1(buf, blk, n);
        if (!async) {
            ok &= diag250_rw(DISK1, DIAG250_WRITE, (int64_t)blk + 1, buf, n) == RES(0, 0);
            continue;
        }
        uint64_t ip = 0xd250000000000000ULL | blk;
        ok &= diag250_rw_async(DISK1, DIAG250_WRITE, (int64_t)blk + 1, buf, n, bios[0], ip) ==
              RES(0, DIAG250_RC_STARTED);
        diag250_wait(&c);
        ok &= c.code == DIAG250_CODE_64BIT && c.status == DIAG250_INT_OK && c.intparm == ip;
    }
    return ok;
}

static void test_write_readback(void)
{
    int64_t end = 0;
    CHECK_EQ(diag250_init(DISK1, 4096, 0, 0, &end), RES(0, 0), "INIT disk 0101, 4K");
    CHECK_EQ(end, size1 / 4096, "disk 0101: end block is the file size / 4K");
    uint64_t n = (uint64_t)end, half = n / 2;
    CHECK(write_disk1(0, half, 0), "disk 0101: first half written synchronously");
    CHECK(write_disk1(half, n, 1), "disk 0101: second half written asynchronously, each completion seen");
    int same = 1;
    for (uint64_t blk = 0; blk < n; blk += CHUNK) {
        uint32_t k = n - blk < CHUNK ? (uint32_t)(n - blk) : CHUNK;
        same &= diag250_rw(DISK1, DIAG250_READ, (int64_t)blk + 1, buf2, k) == RES(0, 0);
        fill_pat1(buf, blk, k);
        same &= memcmp(buf, buf2, (size_t)k * 4096) == 0;
    }
    CHECK(same, "disk 0101 reads back what was written");
    diag250_remove(DISK1);
}

static void test_async(void)
{
    struct diag250_completion c;
    int64_t end = 0;
    diag250_init(DISK0, 512, 0, 0, &end);
    memset(buf, 0, sizeof(buf));
    for (unsigned i = 0; i < 4; i++)
        CHECK_EQ(diag250_rw_async(DISK0, DIAG250_READ, 1 + 8 * i, buf + 4096 * i, 8, bios[i], 0x1000 + i),
                 RES(0, DIAG250_RC_STARTED), nm("async read %lu: cc 0 rc 8", i));
    for (unsigned i = 0; i < 4; i++) {
        diag250_wait(&c);
        CHECK_EQ(c.intparm, 0x1000 + i, nm("completion %lu in issue order (intparm)", i));
        CHECK(c.code == DIAG250_CODE_64BIT && c.status == DIAG250_INT_OK, nm("completion %lu: code 7, status 0", i));
    }
    CHECK(is_pat0(buf, 0, 4 * 4096), "async reads hold the file's first 16K");
    diag250_fill(bios[0], DIAG250_READ, 1, buf, 2, 512);
    bios[0][1].block = end + 1;
    CHECK_EQ(diag250_io(DISK0, bios[0], 2, DIAG250_FLAG_ASYNC, 77), RES(0, DIAG250_RC_STARTED), "async with a bad block: started");
    diag250_wait(&c);
    CHECK(c.intparm == 77 && c.status == DIAG250_INT_PARTIAL, "async with a bad block: status 1");
    CHECK(bios[0][0].status == 0 && bios[0][1].status == 1, "async with a bad block: entry status 0 1");
    if (memsize) {
        CHECK_EQ(diag250_io(DISK0, (void *)memsize, 1, DIAG250_FLAG_ASYNC, 78), RES(0, DIAG250_RC_STARTED),
                 "async list beyond storage: started");
        diag250_wait(&c);
        CHECK(c.intparm == 78 && c.status == DIAG250_INT_LISTERR, "async list beyond storage: status 2");
    }
    diag250_remove(DISK0);
}

/* The 31-bit formats, laid out by hand. */
static void test_31bit(void)
{
    static struct diag250_bio31 b31[2];
    struct diag250_completion c;
    memset(&pl, 0, sizeof(pl));
    *(uint16_t *)pl.b = DISK0;
    *(uint32_t *)(pl.b + 0x18) = 1024;
    CHECK_EQ(diag250_call(&pl, DIAG250_INIT), RES(0, 0), "31-bit INIT 1K");
    CHECK(*(int32_t *)(pl.b + 0x20) == 1 && *(int32_t *)(pl.b + 0x24) == (int32_t)(size0 / 1024),
          "31-bit INIT: start 1, end the file size / 1K");
    b31[0] = (struct diag250_bio31){ .type = DIAG250_READ, .block = 3, .buffer = (uint32_t)(uint64_t)buf };
    b31[1] = (struct diag250_bio31){ .type = DIAG250_READ, .block = 4, .buffer = (uint32_t)(uint64_t)buf + 1024 };
    memset(&pl, 0, sizeof(pl));
    *(uint16_t *)pl.b = DISK0;
    *(uint32_t *)(pl.b + 0x1c) = 2;
    *(uint32_t *)(pl.b + 0x24) = (uint32_t)(uint64_t)b31;
    CHECK_EQ(diag250_call(&pl, DIAG250_RW), RES(0, 0), "31-bit read of 2 blocks");
    CHECK(is_pat0(buf, 2048, 2048), "31-bit read: blocks 3-4 of 1K");
    pl.b[0x19] = DIAG250_FLAG_ASYNC;
    *(uint32_t *)(pl.b + 0x28) = 0x31313131;
    CHECK_EQ(diag250_call(&pl, DIAG250_RW), RES(0, DIAG250_RC_STARTED), "31-bit async read: started");
    diag250_wait(&c);
    CHECK(c.code == DIAG250_CODE_31BIT && c.status == 0, "31-bit completion: code 3, status 0");
    if (c.intparm != 0x31313131 && lc_read64(LC_BLOCK_IO_PARAM64) == 0x31313131)
        test_skip("31-bit completion: parameter at 0x80",
                  "CP stores it at 0x11B8 only (src/hyp/irq.c, docs/diag250.md)");
    else
        CHECK_EQ(c.intparm, 0x31313131, "31-bit completion: parameter at 0x80");
    CHECK_EQ(diag250_remove(DISK0), RES(0, 0), "31-bit REMOVE");
}

/* Virtual time: a synchronous request keeps the CPU for the device's time. */
static void test_timing(void)
{
    struct diag250_completion c;
    diag250_init(DISK0, 4096, 0, 0, 0);
    uint64_t t0 = stck();
    diag250_rw(DISK0, DIAG250_READ, 1, buf, CHUNK);
    uint64_t us = (stck() - t0) / TOD_PER_US;
    CHECK(us >= 100 + 16, "sync read of 64K takes at least 116 us of virtual time");
    t0 = stck();
    diag250_rw_async(DISK0, DIAG250_READ, 1, buf, CHUNK, bios[0], 5);
    uint64_t started = (stck() - t0) / TOD_PER_US;
    diag250_wait(&c);
    us = (stck() - t0) / TOD_PER_US;
    CHECK(started < 100 && us >= 116, "async read returns at once, completes after 116 us");
    diag250_remove(DISK0);
}

int main(void)
{
    size0 = cmdline_value("size0=");
    size1 = cmdline_value("size1=");
    memsize = sclp_memory_size();
    if (!size0 || !size1)
        guest_panic("command line needs size0=N size1=M, got '%s'", guest_cmdline());
    diag250_install();
    test_init_sizes();
    test_uninitialised();
    test_sync_read();
    test_offset();
    test_bad_entries();
    test_program_checks();
    test_write_readback();
    test_async();
    test_31bit();
    test_timing();
    return test_summary();
}
