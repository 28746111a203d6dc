/* DIAGNOSE X'250' block I/O, as z/VM's CP Programming Services describes it: the
 * 64-byte block I/O parameter list (BIOPL) at the real address in Rx, the function
 * code in Ry (0 INIT, 1 read/write, 2 REMOVE), the condition code and a return code
 * in Rx+1. Both formats: flag A X'80' selects 64-bit fields, else 31-bit.
 * The disks themselves are disk.c; the choices made here are in docs/diag250.md. */
#include "disk.h"

#include <errno.h>

#define D250_INIT       0
#define D250_RW         1
#define D250_REMOVE     2

#define BIOPL_LEN       64
#define BIOPL_FLAGA     0x02       /* common to all functions */
#define FLAGA_64BIT     0x80
#define BIOPL_BLKSIZE   0x18       /* INIT */
#define BIOPL_KEY       0x18       /* read/write: key in bits 0-3 */
#define BIOPL_FLAGS     0x19
#define BIOPL_COUNT     0x1c
#define RW_ASYNC        0x02
#define RW_NOCACHE      0x01       /* minidisk cache bypass: accepted, no cache here */
#define RW_MAX_BLOCKS   256

/* Return codes (Rx+1) */
#define RC_OK           0
#define RC_STARTED      8          /* asynchronous request accepted */
#define RC_PARTIAL      12         /* cc 1: some entries failed */
#define RC_NODEV        16         /* no such device */
#define RC_BLKSIZE      24         /* INIT: block size not 512, 1K, 2K or 4K */
#define RC_STATE        28         /* INIT twice, or read/write/REMOVE without INIT */
#define RC_COUNT        36         /* block count not 1-256 */
#define RC_ALLBAD       40         /* cc 2: every entry failed */

/* Block I/O entry: type, then the status byte CP stores */
#define BIO_WRITE       0x01
#define BIO_READ        0x02
#define BIO_OK          0x00
#define BIO_BADBLOCK    0x01       /* block number outside start..end */
#define BIO_ADDRESSING  0x02       /* buffer outside guest storage */
#define BIO_IOERROR     0x05       /* the host file failed */
#define BIO_BADTYPE     0x06
#define BIO_RESERVED    0x0b       /* reserved bytes not zero */

/* Interruption 0x2603: code byte (lowcore 0x84) by format, status byte (0x85) */
#define INT_CODE_31     0x03
#define INT_CODE_64     0x07
#define INT_OK          0x00
#define INT_PARTIAL     0x01       /* one or more entries failed: see their status */
#define INT_LISTERR     0x02       /* the entry list could not be read or stored */

struct span { uint8_t from, to; };   /* reserved bytes [from, to) of the BIOPL */

/* Where the fields are in each format. */
struct fmt {
    unsigned width;                  /* of blocks, offsets, addresses: 4 or 8 */
    uint64_t amask;                  /* addresses in the lists */
    uint8_t int_code;
    uint8_t init_offset, init_start, init_end;
    uint8_t rw_list, rw_intparm;
    uint8_t bio_len, bio_block, bio_buffer;
    struct span init_rsv[3], rw_rsv[4];
};

static const struct fmt fmt31 = {
    .width = 4, .amask = 0x7fffffff, .int_code = INT_CODE_31,
    .init_offset = 0x1c, .init_start = 0x20, .init_end = 0x24,
    .rw_list = 0x24, .rw_intparm = 0x28,
    .bio_len = 16, .bio_block = 0x04, .bio_buffer = 0x0c,
    .init_rsv = { { 0x03, 0x18 }, { 0x28, 0x40 } },
    .rw_rsv = { { 0x03, 0x18 }, { 0x1a, 0x1c }, { 0x2c, 0x40 } },
};

static const struct fmt fmt64 = {
    .width = 8, .amask = ~0ULL, .int_code = INT_CODE_64,
    .init_offset = 0x20, .init_start = 0x28, .init_end = 0x30,
    .rw_list = 0x30, .rw_intparm = 0x28,
    .bio_len = 24, .bio_block = 0x08, .bio_buffer = 0x10,
    .init_rsv = { { 0x03, 0x18 }, { 0x1c, 0x20 }, { 0x38, 0x40 } },
    .rw_rsv = { { 0x03, 0x18 }, { 0x1a, 0x1c }, { 0x24, 0x28 }, { 0x38, 0x40 } },
};

static uint64_t ld_field(const uint8_t *p, unsigned width)
{
    return width == 8 ? ld_be64(p) : ld_be32(p);
}

static int64_t ld_signed(const uint8_t *p, unsigned width)
{
    return width == 8 ? (int64_t)ld_be64(p) : (int32_t)ld_be32(p);
}

static void st_field(uint8_t *p, unsigned width, uint64_t v)
{
    if (width == 8)
        st_be64(p, v);
    else
        st_be32(p, (uint32_t)v);
}

/* Spans end at the first empty one. */
static bool reserved_zero(const uint8_t *pl, const struct span *s, unsigned n)
{
    for (unsigned i = 0; i < n && s[i].to; i++)
        for (unsigned b = s[i].from; b < s[i].to; b++)
            if (pl[b])
                return false;
    return true;
}

static enum act pgm(struct vcpu *v, uint16_t code)
{
    return hyp_pgm(v, code);
}

/* A failed guest-storage access: beyond the guest's storage is the guest's addressing
 * exception; anything else (host frames exhausted) is CP's failure, not the guest's. */
static enum act access_fail(struct vcpu *v, int rc)
{
    if (rc == -EFAULT)
        return pgm(v, PGM_ADDRESSING);
    guest_console_line(v->g, "CP: DIAG X'250': host storage exhausted; guest ended");
    guest_end(v->g, GUEST_FAILED);
    return ACT_GUEST_ENDED;
}

static enum act result(struct vcpu *v, unsigned rx, unsigned cc, unsigned rc)
{
    v->gr[(rx + 1) & 15] = rc;
    vcpu_set_cc(v, cc);
    return ACT_CONTINUE;
}

/* vcpu_read_ra, refusing a range that wraps past the top of the address space. */
static int ra_read(struct vcpu *v, uint64_t ra, void *buf, uint64_t len)
{
    return ra + len < ra ? -EFAULT : vcpu_read_ra(v, ra, buf, len);
}

static int ra_write(struct vcpu *v, uint64_t ra, const void *buf, uint64_t len)
{
    return ra + len < ra ? -EFAULT : vcpu_write_ra(v, ra, buf, len);
}

/* Operand addresses in registers follow the addressing mode (PSW bits 31-32). */
static uint64_t amode_mask(const struct vcpu *v)
{
    uint64_t mask, addr;
    vcpu_get_psw(v, &mask, &addr);
    if (mask & (1ULL << 32))
        return ~0ULL;
    return mask & (1ULL << 31) ? 0x7fffffffULL : 0xffffffULL;
}

static enum act d250_init(struct vcpu *v, unsigned rx, uint64_t pl_ra, uint8_t *pl,
                          const struct fmt *f)
{
    if (!reserved_zero(pl, f->init_rsv, 3))
        return pgm(v, PGM_SPECIFICATION);
    struct vdisk *d = vdisk_find(v->g, ld_be16(pl));
    if (!d)
        return result(v, rx, 2, RC_NODEV);
    uint32_t bs = ld_be32(pl + BIOPL_BLKSIZE);
    if (bs != 512 && bs != 1024 && bs != 2048 && bs != 4096) {
        d->st.errors++;
        return result(v, rx, 2, RC_BLKSIZE);
    }
    if (d->ready) {
        d->st.errors++;
        return result(v, rx, 2, RC_STATE);
    }
    int64_t off = ld_signed(pl + f->init_offset, f->width);
    uint64_t nblocks = d->size / bs;
    /* Block b is file block b + offset - 1: start 1 - offset, end nblocks - offset
     * (stored modulo the field's width). */
    st_field(pl + f->init_start, f->width, 1 - (uint64_t)off);
    st_field(pl + f->init_end, f->width, nblocks - (uint64_t)off);
    int rc = vcpu_write_ra(v, pl_ra + f->init_start, pl + f->init_start, 2 * f->width);
    if (rc)
        return access_fail(v, rc);
    d->ready = true;
    d->blksize = bs;
    d->offset = off;
    d->nblocks = nblocks;
    return result(v, rx, 0, RC_OK);
}

static enum act d250_remove(struct vcpu *v, unsigned rx, const uint8_t *pl)
{
    static const struct span rsv[] = { { 0x03, 0x40 } };
    if (!reserved_zero(pl, rsv, 1))
        return pgm(v, PGM_SPECIFICATION);
    struct vdisk *d = vdisk_find(v->g, ld_be16(pl));
    if (!d)
        return result(v, rx, 2, RC_NODEV);
    if (!d->ready) {
        d->st.errors++;
        return result(v, rx, 2, RC_STATE);
    }
    d->ready = false;
    return result(v, rx, 0, RC_OK);
}

/* The file block of guest block number blk, if it is inside the environment. */
static bool file_block(const struct vdisk *d, int64_t blk, uint64_t *fblk)
{
    int64_t sum, phys;
    if (__builtin_add_overflow(blk, d->offset, &sum) || __builtin_sub_overflow(sum, 1, &phys))
        return false;
    if (phys < 0 || (uint64_t)phys >= d->nblocks)
        return false;
    *fblk = (uint64_t)phys;
    return true;
}

/* The transfer one entry asks for. Returns its status, or -ENOMEM (host failure). */
static int bio_transfer(struct vcpu *v, struct vdisk *d, const struct fmt *f, const uint8_t *e)
{
    uint8_t buf[VDISK_MAX_BLKSIZE];
    uint64_t fblk;
    if (e[2] || e[3])
        return BIO_RESERVED;
    if (e[0] != BIO_READ && e[0] != BIO_WRITE)
        return BIO_BADTYPE;
    if (!file_block(d, ld_signed(e + f->bio_block, f->width), &fblk))
        return BIO_BADBLOCK;
    uint64_t buf_ra = ld_field(e + f->bio_buffer, f->width) & f->amask;
    /* The whole buffer first: a read must not store part of a block and fail. */
    if (buf_ra > v->g->mem.size || d->blksize > v->g->mem.size - buf_ra)
        return BIO_ADDRESSING;
    int rc;
    if (e[0] == BIO_WRITE) {
        rc = ra_read(v, buf_ra, buf, d->blksize);
        if (!rc && vdisk_write_block(d, fblk, buf))
            return BIO_IOERROR;
    } else {
        if (vdisk_read_block(d, fblk, buf))
            return BIO_IOERROR;
        rc = ra_write(v, buf_ra, buf, d->blksize);
    }
    if (rc == -EFAULT)
        return BIO_ADDRESSING;
    return rc ? rc : BIO_OK;
}

struct rw_out {
    uint32_t good, bad;
    bool list_fault;             /* an entry could not be read or its status stored */
};

/* Each entry in turn, its status stored back. Returns 0, or -ENOMEM. */
static int rw_list(struct vcpu *v, struct vdisk *d, const struct fmt *f, uint64_t list_ra,
                   uint32_t count, struct rw_out *o)
{
    bool reads = false, writes = false;
    for (uint32_t i = 0; i < count; i++) {
        uint8_t e[24];
        uint64_t ent_ra = list_ra + (uint64_t)i * f->bio_len;
        int rc = ent_ra < list_ra ? -EFAULT : ra_read(v, ent_ra, e, f->bio_len);
        int st = rc ? rc : bio_transfer(v, d, f, e);
        if (st < 0 && st != -EFAULT)
            return st;
        if (st >= 0) {
            uint8_t status = (uint8_t)st;
            rc = vcpu_write_ra(v, ent_ra + 1, &status, 1);
        }
        if (rc == -EFAULT) {
            o->list_fault = true;
            break;
        }
        if (rc)
            return rc;
        reads |= e[0] == BIO_READ;
        writes |= e[0] == BIO_WRITE;
        if (st != BIO_OK) {
            o->bad++;
            d->st.errors++;
        } else {
            o->good++;
            if (e[0] == BIO_READ)
                d->st.blocks_read++;
            else
                d->st.blocks_written++;
        }
    }
    d->st.reads += reads;
    d->st.writes += writes;
    return 0;
}

/* Read/write: the data moves now, whether synchronous or not (docs/diag250.md); a
 * synchronous request blocks the vCPU for the device's time, an asynchronous one
 * gets its interruption when the device would have finished it. */
static enum act d250_rw(struct vcpu *v, unsigned rx, const uint8_t *pl, const struct fmt *f)
{
    if (!reserved_zero(pl, f->rw_rsv, 4) || (pl[BIOPL_KEY] & 0x0f) ||
        (pl[BIOPL_FLAGS] & ~(RW_ASYNC | RW_NOCACHE)))
        return pgm(v, PGM_SPECIFICATION);
    struct vdisk *d = vdisk_find(v->g, ld_be16(pl));
    if (!d)
        return result(v, rx, 2, RC_NODEV);
    uint32_t count = ld_be32(pl + BIOPL_COUNT);
    if (!d->ready || count < 1 || count > RW_MAX_BLOCKS) {
        d->st.errors++;
        return result(v, rx, 2, d->ready ? RC_COUNT : RC_STATE);
    }
    /* A full completion queue makes the request synchronous, as z/VM may (cache hit). */
    bool async = (pl[BIOPL_FLAGS] & RW_ASYNC) && vdisk_can_post(d);
    struct rw_out o = { 0 };
    int rc = rw_list(v, d, f, ld_field(pl + f->rw_list, f->width) & f->amask, count, &o);
    if (rc)
        return access_fail(v, rc);
    uint64_t now = hyp_now(v->g->h), bytes = (uint64_t)o.good * d->blksize;
    if (async) {
        uint8_t status = o.list_fault ? INT_LISTERR : o.bad ? INT_PARTIAL : INT_OK;
        d->st.async++;
        vdisk_post(d, vdisk_schedule(d, now, bytes), (uint16_t)(f->int_code << 8 | status),
                   ld_field(pl + f->rw_intparm, f->width));
        return result(v, rx, 0, RC_STARTED);
    }
    uint64_t done = o.good ? vdisk_schedule(d, now, bytes) : 0;
    if (o.list_fault)
        return pgm(v, PGM_ADDRESSING);
    if (!o.bad)
        result(v, rx, 0, RC_OK);
    else
        result(v, rx, o.good ? 1 : 2, o.good ? RC_PARTIAL : RC_ALLBAD);
    if (!o.good)
        return ACT_CONTINUE;
    vcpu_block_until(v, done);
    return ACT_PARKED;
}

enum act diag250(struct vcpu *v, unsigned rx, unsigned ry)
{
    uint64_t pl_ra = v->gr[rx] & amode_mask(v);
    uint32_t fc = (uint32_t)v->gr[ry];      /* bits 32-63: callers pass an int */
    uint8_t pl[BIOPL_LEN];
    if ((pl_ra & 7) || fc > D250_REMOVE)
        return pgm(v, PGM_SPECIFICATION);
    int rc = ra_read(v, pl_ra, pl, BIOPL_LEN);
    if (rc)
        return access_fail(v, rc);
    if (pl[BIOPL_FLAGA] & ~FLAGA_64BIT)
        return pgm(v, PGM_SPECIFICATION);
    const struct fmt *f = pl[BIOPL_FLAGA] & FLAGA_64BIT ? &fmt64 : &fmt31;
    switch (fc) {
    case D250_INIT:
        return d250_init(v, rx, pl_ra, pl, f);
    case D250_RW:
        return d250_rw(v, rx, pl, f);
    default:
        return d250_remove(v, rx, pl);
    }
}
