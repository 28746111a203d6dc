/* DIAG X'DC': statistics a guest reports to CP, in the shape of z/VM's APPLDATA monitor
 * interface (CP Programming Services, "DIAGNOSE Code X'DC'"): a parameter list names a
 * function, a 16-byte product ID and a buffer. CP reads the buffers of zhyp's own
 * product, "ZHYPSTA" record 1, as named counters into g->counters; other products'
 * records are counted and their contents ignored. Layouts and codes: docs/cpcmd.md. */
#include "internal.h"
#include "zhyp/ebcdic.h"

#include <errno.h>
#include <string.h>

/* Function codes: the low two bits; X'80' marks the 64-bit parameter list. */
#define DC_START_INTERVAL 0x00
#define DC_STOP           0x01
#define DC_EVENT          0x02
#define DC_START_CONFIG   0x03
#define DC_FN_MASK        0x03
#define DC_FMT64          0x80
#define DC_PLIST31_LEN    16
#define DC_PLIST64_LEN    32
#define DC_BUF_MAX        4012       /* documented BUFFER-LEN maximum */

/* Return codes in Ry (CC 1 with any but 0). 6 is z/VM's; 8 and 12 are zhyp's own. */
#define DC_RC_OK          0
#define DC_RC_BUF_LEN     6          /* BUFFER-LEN 0 or above 4012 */
#define DC_RC_NOT_ACTIVE  8          /* STOP: nothing recording under that product ID */
#define DC_RC_TOO_MANY    12         /* START: no room for another interval buffer */

/* zhyp's record: product "ZHYPSTA" (EBCDIC), record number 1 (byte 9); the buffer is
 * entries of a 16-byte ASCII name, NUL-padded, and a big-endian u64 value. */
#define ZHYPSTA_RECORD    1
#define ZHYPSTA_ENTRY     24

/* Interval buffers (function X'80'): CP re-reads them whenever it samples (stats).
 * Kept here until struct guest has room for them; an IPL (ipl_count) ends recording,
 * as a virtual storage reset does in z/VM. */
#define MON_BUFS          512        /* declared buffers, all guests */
#define MON_BUFS_PER_GUEST 8

struct mon_buf {
    const struct guest *g;       /* NULL: free */
    unsigned ipl;                /* g->ipl_count when it was declared */
    unsigned vcpu;               /* whose prefix its real address is under */
    uint8_t product[16];
    uint64_t buf_ra;
    uint16_t len;
};
static struct mon_buf mon_bufs[MON_BUFS];

struct dc_plist {
    uint8_t fn;                  /* DC_START_INTERVAL ... DC_START_CONFIG */
    uint16_t buf_len;
    uint64_t product_ra, buf_ra;
};



/* Read and check the parameter list at ra. Returns 0, a PGM code for a list the guest
 * got wrong (not X'00DC', unknown function, too short), or -errno from the access. */
static int dc_read_plist(struct vcpu *v, uint64_t ra, struct dc_plist *p)
{
    uint8_t b[DC_PLIST64_LEN];
    int err = vcpu_read_ra(v, ra, b, 4);
    if (err)
        return err;
    bool fmt64 = b[2] & DC_FMT64;
    unsigned need = fmt64 ? DC_PLIST64_LEN : DC_PLIST31_LEN;
    if (ld_be16(b) != 0x00dc || (b[2] & ~(DC_FMT64 | DC_FN_MASK)) || b[3] < need)
        return PGM_SPECIFICATION;
    err = vcpu_read_ra(v, ra, b, need);
    if (err)
        return err;
    p->fn = b[2] & DC_FN_MASK;
    p->buf_len = ld_be16(b + 10);
    if (fmt64) {
        p->product_ra = ld_be64(b + 16);
        p->buf_ra = ld_be64(b + 24);
    } else {
        p->product_ra = ld_be32(b + 4) & 0x7fffffff;
        p->buf_ra = ld_be32(b + 12) & 0x7fffffff;
    }
    return 0;
}

static bool is_zhypsta(const uint8_t product[16])
{
    static const char id[] = "ZHYPSTA";
    for (unsigned i = 0; i < 7; i++)
        if (product[i] != ascii_to_ebcdic(id[i]))
            return false;
    return product[9] == ZHYPSTA_RECORD;
}

/* An entry's name as it goes into stats.csv/json: up to 16 characters before the first
 * NUL, anything but printable ASCII and the separators made '_'. False if empty. */
static bool counter_name(const uint8_t *field, char out[17])
{
    unsigned n = 0;
    for (; n < 16 && field[n]; n++) {
        uint8_t c = field[n];
        out[n] = c > ' ' && c < 0x7f && c != ',' && c != '"' && c != '\\' ? (char)c : '_';
    }
    out[n] = 0;
    return n > 0;
}

/* Set a counter; a new name is appended while there is room, else dropped. */
static void counter_set(struct guest *g, const char *name, uint64_t value)
{
    unsigned i = 0;
    while (i < g->counters.n && strcmp(g->counters.name[i], name) != 0)
        i++;
    if (i == g->counters.n) {
        if (i == GUEST_COUNTERS)
            return;
        strcpy(g->counters.name[i], name);
        g->counters.n++;
    }
    g->counters.value[i] = value;
}

/* One record: the buffer as it is now. Returns 0 or -errno from the read. */
static int dc_record(struct vcpu *v, const uint8_t product[16], uint64_t buf_ra, uint16_t len)
{
    struct guest *g = v->g;
    g->counters.records++;
    if (!is_zhypsta(product))
        return 0;
    uint8_t buf[DC_BUF_MAX];
    int err = vcpu_read_ra(v, buf_ra, buf, len);
    if (err)
        return err;
    for (unsigned off = 0; off + ZHYPSTA_ENTRY <= len; off += ZHYPSTA_ENTRY) {
        char name[17];
        if (counter_name(buf + off, name))
            counter_set(g, name, ld_be64(buf + off + 16));
    }
    return 0;
}

static bool mon_live(const struct mon_buf *m, const struct guest *g)
{
    return m->g == g && m->ipl == g->ipl_count;
}

static struct mon_buf *mon_find(const struct guest *g, const uint8_t product[16])
{
    for (unsigned i = 0; i < MON_BUFS; i++)
        if (mon_live(&mon_bufs[i], g) && memcmp(mon_bufs[i].product, product, 16) == 0)
            return &mon_bufs[i];
    return NULL;
}

/* A slot for a new buffer of g, or NULL if g has its share or the table is full.
 * Slots of earlier IPLs are free again. */
static struct mon_buf *mon_alloc(const struct guest *g)
{
    struct mon_buf *slot = NULL;
    unsigned held = 0;
    for (unsigned i = 0; i < MON_BUFS; i++) {
        struct mon_buf *m = &mon_bufs[i];
        if (m->g == g && m->ipl != g->ipl_count)
            m->g = NULL;
        if (mon_live(m, g))
            held++;
        else if (!m->g && !slot)
            slot = m;
    }
    return held < MON_BUFS_PER_GUEST ? slot : NULL;
}

/* START (interval): read the buffer at once, then at every sample until STOP. A second
 * START under the same product ID moves the recording to the new buffer. */
static int dc_start_interval(struct vcpu *v, const uint8_t product[16], const struct dc_plist *p,
                             unsigned *rc)
{
    struct mon_buf *m = mon_find(v->g, product);
    if (!m && !(m = mon_alloc(v->g))) {
        *rc = DC_RC_TOO_MANY;
        return 0;
    }
    int err = dc_record(v, product, p->buf_ra, p->buf_len);
    if (err)
        return err;
    *m = (struct mon_buf){ .g = v->g, .ipl = v->g->ipl_count,
                           .vcpu = (unsigned)(v - v->g->vcpu), .buf_ra = p->buf_ra,
                           .len = p->buf_len };
    memcpy(m->product, product, 16);
    *rc = DC_RC_OK;
    return 0;
}

/* STOP: a last record of the declared buffer (z/VM's event record at the end of
 * recording holds the buffer as it is then), and the recording ends. */
static int dc_stop(struct vcpu *v, const uint8_t product[16], unsigned *rc)
{
    struct mon_buf *m = mon_find(v->g, product);
    if (!m) {
        *rc = DC_RC_NOT_ACTIVE;
        return 0;
    }
    uint64_t buf_ra = m->buf_ra;
    uint16_t len = m->len;
    m->g = NULL;
    *rc = DC_RC_OK;
    return dc_record(v, product, buf_ra, len);
}

/* Carry out the function; *rc is what goes to Ry. Returns 0 or -errno from an access. */
static int dc_function(struct vcpu *v, const struct dc_plist *p, unsigned *rc)
{
    uint8_t product[16];
    int err = vcpu_read_ra(v, vcpu_mode_addr(v, p->product_ra), product, sizeof(product));
    if (err)
        return err;
    if (p->fn == DC_STOP)
        return dc_stop(v, product, rc);
    if (p->buf_len == 0 || p->buf_len > DC_BUF_MAX) {
        *rc = DC_RC_BUF_LEN;
        return 0;
    }
    struct dc_plist q = *p;
    q.buf_ra = vcpu_mode_addr(v, p->buf_ra);
    if (p->fn == DC_START_INTERVAL)
        return dc_start_interval(v, product, &q, rc);
    *rc = DC_RC_OK;                              /* an event or configuration record */
    return dc_record(v, product, q.buf_ra, q.buf_len);
}

/* DIAG X'DC': Rx = the parameter list's address; Ry returns the return code, with
 * CC 0 for 0 and CC 1 for the others. */
enum act diagdc(struct vcpu *v, unsigned rx, unsigned ry)
{
    struct dc_plist p;
    int r = dc_read_plist(v, vcpu_mode_addr(v, v->gr[rx]), &p);
    if (r > 0)
        return hyp_pgm(v, r);
    unsigned rc = DC_RC_OK;
    if (r == 0)
        r = dc_function(v, &p, &rc);
    if (r < 0)
        return vcpu_access_failed(v, r);
    v->gr[ry] = (v->gr[ry] & 0xffffffff00000000ULL) | rc;
    vcpu_set_cc(v, rc ? 1 : 0);
    return ACT_CONTINUE;
}

/* Re-read every interval buffer of g into its counters: called when CP samples (each
 * time the statistics are written). A buffer that can no longer be read stops. */
void monitor_sample(struct guest *g)
{
    for (unsigned i = 0; i < MON_BUFS; i++) {
        struct mon_buf *m = &mon_bufs[i];
        if (m->g != g)
            continue;
        if (m->ipl != g->ipl_count || m->vcpu >= g->nvcpus ||
            dc_record(&g->vcpu[m->vcpu], m->product, m->buf_ra, m->len))
            m->g = NULL;
    }
}

/* Forget g's buffers (IPL, and before g's storage goes away). */
void monitor_reset(struct guest *g)
{
    for (unsigned i = 0; i < MON_BUFS; i++)
        if (mon_bufs[i].g == g)
            mon_bufs[i].g = NULL;
}
