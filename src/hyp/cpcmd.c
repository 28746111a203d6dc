/* DIAG X'8': CP commands issued by a guest, as z/VM's CP Programming Services describes
 * "DIAGNOSE Code X'08' - Virtual Console Function", and the small command set zhyp's CP
 * answers (QUERY, MSG). Texts are EBCDIC (code page 500) in guest storage, ASCII here.
 * Responses and codes: docs/cpcmd.md. */
#include "internal.h"
#include "zhyp/ebcdic.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <strings.h>

#define CP_CMD_MAX       240         /* longest command text (Ry bits 40-63) */
#define CP_RESP_MAX      8192        /* longest response CP builds for one DIAG */
#define DIAG8_RESPONSE   0x40000000u /* Ry flag: return the response in Rx+1's buffer */
#define DIAG8_LEN_MASK   0x00ffffffu
#define EBC_NL           0x15        /* EBCDIC new line: separates commands and lines */
#define CP_SYSTEM        "ZHYP"      /* the system name QUERY USERID answers with */
#define CP_WORD_MAX      32

/* A response being built: ASCII lines, each ending in '\n'. Lines past CP_RESP_MAX are
 * not kept but counted, so that the guest still learns how long the response was. */
struct cp_resp {
    char text[CP_RESP_MAX];
    size_t len;
    size_t dropped;
};

static void resp_line(struct cp_resp *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void resp_line(struct cp_resp *r, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    size_t len = n < 0 ? 0 : (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1;
    if (r->dropped || len + 1 > sizeof(r->text) - r->len) {
        r->dropped += len + 1;
        return;
    }
    memcpy(r->text + r->len, line, len);
    r->len += len;
    r->text[r->len++] = '\n';
}

/* ---- Words of a command line ----------------------------------------------------- */

/* The next blank-delimited word of *s, uppercased into w (cut to CP_WORD_MAX - 1);
 * *s moves past it. Returns false at the end of the line. */
static bool next_word(const char **s, char w[CP_WORD_MAX])
{
    const char *p = *s;
    while (*p == ' ')
        p++;
    size_t n = 0;
    for (; *p && *p != ' '; p++)
        if (n < CP_WORD_MAX - 1)
            w[n++] = (char)toupper((unsigned char)*p);
    w[n] = 0;
    *s = p;
    return n > 0;
}

/* Whether word abbreviates keyword: at least min characters, and a prefix of it
 * (CP's rule: QUERY may be written Q, QU, ... QUERY). */
static bool abbrev(const char *word, const char *keyword, size_t min)
{
    size_t n = strlen(word);
    return n >= min && n <= strlen(keyword) && strncmp(word, keyword, n) == 0;
}

static void upper_name(char *out, size_t size, const char *name)
{
    size_t i = 0;
    for (; name[i] && i + 1 < size; i++)
        out[i] = (char)toupper((unsigned char)name[i]);
    out[i] = 0;
}

/* HCP003E for what follows a complete QUERY; 0 if nothing does. */
static int extra_options(const char *rest, struct cp_resp *r)
{
    char w[CP_WORD_MAX];
    if (!next_word(&rest, w))
        return 0;
    resp_line(r, "HCPCQU003E Invalid option - command contains extra option(s) starting with %s", w);
    return 3;
}

/* ---- QUERY ----------------------------------------------------------------------- */

static int q_userid(struct guest *g, const char *rest, struct cp_resp *r)
{
    int rc = extra_options(rest, r);
    if (rc)
        return rc;
    char name[CONF_NAME_MAX];
    upper_name(name, sizeof(name), g->name);
    resp_line(r, "%-8s AT %s", name, CP_SYSTEM);
    return 0;
}

/* Every logged-on guest as "NAME     - DSC" (none has a terminal: disconnected), four
 * to a line, in configuration order. */
static int q_names(struct guest *g, const char *rest, struct cp_resp *r)
{
    int rc = extra_options(rest, r);
    if (rc)
        return rc;
    const struct hyp *h = g->h;
    char line[4 * (CONF_NAME_MAX + 10)];
    size_t len = 0;
    unsigned on_line = 0;
    for (unsigned i = 0; i < h->nguests; i++) {
        const struct guest *o = &h->guests[i];
        if (o->end != GUEST_RUNNING)
            continue;
        char name[CONF_NAME_MAX];
        upper_name(name, sizeof(name), o->name);
        len += (size_t)snprintf(line + len, sizeof(line) - len, "%s%-8s - DSC",
                                on_line ? " , " : "", name);
        if (++on_line == 4) {
            resp_line(r, "%s", line);
            len = on_line = 0;
        }
    }
    if (on_line)
        resp_line(r, "%s", line);
    return 0;
}

static void storage_line(const struct guest *g, struct cp_resp *r)
{
    uint64_t size = g->mem.size;
    if (size % (1ULL << 30) == 0)
        resp_line(r, "STORAGE = %lluG", (unsigned long long)(size >> 30));
    else
        resp_line(r, "STORAGE = %lluM", (unsigned long long)(size >> 20));
}

static const char *vcpu_state_name(enum vcpu_state s)
{
    switch (s) {
    case VCPU_STOPPED: return "STOPPED";
    case VCPU_READY:   return "READY";
    case VCPU_RUNNING: return "RUNNING";
    case VCPU_WAIT:    return "WAITING";
    case VCPU_BLOCKED: return "BLOCKED";
    case VCPU_DEAD:    return "DISABLED-WAIT";
    }
    return "UNKNOWN";
}

static void cpu_lines(const struct guest *g, struct cp_resp *r)
{
    for (unsigned i = 0; i < g->nvcpus; i++)
        resp_line(r, "CPU %02X  %-6s  %s", g->vcpu[i].id, i == 0 ? "(BASE)" : "",
                  vcpu_state_name(g->vcpu[i].state));
}

static int q_storage(struct guest *g, const char *rest, struct cp_resp *r)
{
    int rc = extra_options(rest, r);
    if (!rc)
        storage_line(g, r);
    return rc;
}

static int q_cpus(struct guest *g, const char *rest, struct cp_resp *r)
{
    int rc = extra_options(rest, r);
    if (!rc)
        cpu_lines(g, r);
    return rc;
}

/* QUERY VIRTUAL [STORAGE | CPUS]; alone it lists both. */
static int q_virtual(struct guest *g, const char *rest, struct cp_resp *r)
{
    char w[CP_WORD_MAX];
    if (!next_word(&rest, w)) {
        storage_line(g, r);
        cpu_lines(g, r);
        return 0;
    }
    if (abbrev(w, "STORAGE", 4))
        return q_storage(g, rest, r);
    if (abbrev(w, "CPUS", 4))
        return q_cpus(g, rest, r);
    resp_line(r, "HCPCQU003E Invalid option - %s", w);
    return 3;
}

static bool leap_year(unsigned y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The date 'days' after 2026-01-01, the TOD clock's reading at boot (vtime.c). */
static void civil_date(uint64_t days, unsigned *y, unsigned *m, unsigned *d)
{
    static const unsigned char month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    unsigned year = 2026, mon = 0;
    while (days >= (leap_year(year) ? 366u : 365u))
        days -= leap_year(year++) ? 366 : 365;
    for (;;) {
        unsigned mlen = month_days[mon] + (mon == 1 && leap_year(year) ? 1u : 0u);
        if (days < mlen)
            break;
        days -= mlen;
        mon++;
    }
    *y = year, *m = mon + 1, *d = (unsigned)days + 1;
}

/* z/VM's two lines, from virtual time so that runs repeat: the time of day (boot is
 * 2026-01-01 00:00 UTC, a Thursday), then connect time and the guest's CPU time. CP's
 * own time is not kept per guest, so TOTCPU equals VIRTCPU. */
static int q_time(struct guest *g, const char *rest, struct cp_resp *r)
{
    static const char *const wday[7] = { "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY",
                                         "MONDAY", "TUESDAY", "WEDNESDAY" };
    int rc = extra_options(rest, r);
    if (rc)
        return rc;
    uint64_t now_s = hyp_now(g->h) / 1000000000ULL;
    uint64_t days = now_s / 86400, sec = now_s % 86400;
    unsigned y, m, d;
    civil_date(days, &y, &m, &d);
    resp_line(r, "TIME IS %02u:%02u:%02u UTC %s %02u/%02u/%02u", (unsigned)(sec / 3600),
              (unsigned)(sec / 60 % 60), (unsigned)(sec % 60), wday[days % 7], m, d, y % 100);
    uint64_t cpu_ns = 0;
    for (unsigned i = 0; i < g->nvcpus; i++)
        cpu_ns += g->vcpu[i].st.run_ns;
    unsigned cpu_min = (unsigned)(cpu_ns / 60000000000ULL);
    unsigned cpu_sec = (unsigned)(cpu_ns / 1000000000ULL % 60);
    unsigned cpu_hs = (unsigned)(cpu_ns / 10000000ULL % 100);
    resp_line(r, "CONNECT= %02u:%02u:%02u VIRTCPU= %03u:%02u.%02u TOTCPU= %03u:%02u.%02u",
              (unsigned)(now_s / 3600), (unsigned)(now_s / 60 % 60), (unsigned)(now_s % 60),
              cpu_min, cpu_sec, cpu_hs, cpu_min, cpu_sec, cpu_hs);
    return 0;
}

typedef int cp_fn(struct guest *g, const char *rest, struct cp_resp *r);

struct cp_keyword {
    const char *name;            /* in full */
    size_t min;                  /* shortest abbreviation CP takes */
    cp_fn *fn;
};

static const struct cp_keyword query_ops[] = {
    { "USERID", 6, q_userid },
    { "NAMES", 1, q_names },
    { "STORAGE", 4, q_storage },
    { "CPUS", 4, q_cpus },
    { "TIME", 3, q_time },
    { "VIRTUAL", 1, q_virtual },
};

static int cmd_query(struct guest *g, const char *rest, struct cp_resp *r)
{
    char w[CP_WORD_MAX];
    if (!next_word(&rest, w)) {
        resp_line(r, "HCPCQU026E Operand missing or invalid");
        return 26;
    }
    for (size_t i = 0; i < sizeof(query_ops) / sizeof(query_ops[0]); i++)
        if (abbrev(w, query_ops[i].name, query_ops[i].min))
            return query_ops[i].fn(g, rest, r);
    resp_line(r, "HCPCQU003E Invalid option - %s", w);
    return 3;
}

/* ---- MSG ------------------------------------------------------------------------- */

/* MSG userid|* text: one line on the receiver's console, "MSG FROM SENDER  : text".
 * The sender gets no response unless the receiver is not logged on. */
static int cmd_msg(struct guest *g, const char *rest, struct cp_resp *r)
{
    char to[CP_WORD_MAX];
    if (!next_word(&rest, to)) {
        resp_line(r, "HCPMSG026E Operand missing or invalid");
        return 26;
    }
    struct guest *dest = strcmp(to, "*") == 0 ? g : hyp_find_guest(g->h, to);
    if (!dest || dest->end != GUEST_RUNNING) {
        resp_line(r, "HCPMSG045E %s not logged on", to);
        return 45;
    }
    if (*rest == ' ')
        rest++;                                  /* the one blank after the user ID */
    char from[CONF_NAME_MAX], line[CP_CMD_MAX + CONF_NAME_MAX + 16];
    upper_name(from, sizeof(from), g->name);
    snprintf(line, sizeof(line), "MSG FROM %-8s: %s", from, rest);
    guest_console_line(dest, line);
    return 0;
}

static const struct cp_keyword commands[] = {
    { "QUERY", 1, cmd_query },
    { "MESSAGE", 1, cmd_msg },
    { "MSG", 3, cmd_msg },
};

/* One command line (ASCII, NUL-terminated): its response is appended to r. Returns
 * CP's return code, which is the number of the error message when there is one. */
static int cp_execute(struct guest *g, const char *line, struct cp_resp *r)
{
    char w[CP_WORD_MAX];
    const char *rest = line;
    if (!next_word(&rest, w))
        return 0;                                /* an empty line does nothing */
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (abbrev(w, commands[i].name, commands[i].min))
            return commands[i].fn(g, rest, r);
    resp_line(r, "HCPCMD001E Unknown CP command: %s", w);
    return 1;
}

/* ---- DIAG X'8' ------------------------------------------------------------------- */

/* Commands separated by X'15' run one after another; the return code is the last one's. */
static int cp_run_text(struct guest *g, const uint8_t *ebc, size_t len, struct cp_resp *r)
{
    int rc = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && ebc[i] != EBC_NL)
            continue;
        char line[CP_CMD_MAX + 1];
        size_t n = i - start;
        for (size_t k = 0; k < n; k++)
            line[k] = ebcdic_to_ascii(ebc[start + k]);
        line[n] = 0;
        rc = cp_execute(g, line, r);
        start = i + 1;
    }
    return rc;
}


static void set_low32(struct vcpu *v, unsigned r, uint32_t val)
{
    v->gr[r] = (v->gr[r] & 0xffffffff00000000ULL) | val;
}


/* The response into the guest's buffer: what fits, then CC 0 and its length in Ry+1,
 * or CC 1 and the number of bytes that did not fit. Lines end in X'15'. */
static enum act respond_to_buffer(struct vcpu *v, unsigned rx, unsigned ry,
                                  const struct cp_resp *r)
{
    uint8_t ebc[CP_RESP_MAX];
    for (size_t i = 0; i < r->len; i++)
        ebc[i] = r->text[i] == '\n' ? EBC_NL : ascii_to_ebcdic(r->text[i]);
    uint64_t buf_len = (uint32_t)v->gr[ry + 1];
    size_t total = r->len + r->dropped;
    size_t put = r->len < buf_len ? r->len : (size_t)buf_len;
    int err = put ? vcpu_write_ra(v, vcpu_mode_addr(v, v->gr[rx + 1]), ebc, put) : 0;
    if (err)
        return vcpu_access_failed(v, err);
    set_low32(v, ry + 1, (uint32_t)(put == total ? total : total - put));
    vcpu_set_cc(v, put == total ? 0 : 1);
    return ACT_CONTINUE;
}

static void respond_to_console(struct guest *g, struct cp_resp *r)
{
    char *line = r->text;
    for (size_t i = 0; i < r->len; i++) {
        if (r->text[i] != '\n')
            continue;
        r->text[i] = 0;
        guest_console_line(g, line);
        line = r->text + i + 1;
    }
}

/* The response registers: with the response flag Rx+1 and Ry+1 are used too, so the
 * documented rule applies (Rx and Ry not consecutive, neither is 15); zhyp also
 * refuses Rx = Ry, whose pairs would be one. */
static bool diag8_regs_ok(unsigned rx, unsigned ry)
{
    return rx != 15 && ry != 15 && rx != ry && rx + 1 != ry && ry + 1 != rx;
}

/* The response buffer must lie in the guest's storage as far as a response can reach. */
static bool buffer_in_storage(const struct vcpu *v, unsigned rx, unsigned ry)
{
    uint64_t ra = vcpu_mode_addr(v, v->gr[rx + 1]);
    uint64_t len = (uint32_t)v->gr[ry + 1];
    if (len > CP_RESP_MAX)
        len = CP_RESP_MAX;
    return ra < v->g->mem.size && len <= v->g->mem.size - ra;
}

/* DIAG X'8': Rx = command text, Ry = flags | length (at most 240); with the response
 * flag, Rx+1 = response buffer, Ry+1 = its length. Ry returns CP's return code. */
enum act diag8(struct vcpu *v, unsigned rx, unsigned ry)
{
    struct guest *g = v->g;
    uint32_t ry_val = (uint32_t)v->gr[ry];
    if (ry_val == 0)
        return ACT_CONTINUE;                     /* documented as a no-operation */
    hyp_charge(g->h, COST_CPCMD_NS);
    bool to_buffer = ry_val & DIAG8_RESPONSE;
    uint32_t len = ry_val & DIAG8_LEN_MASK;
    if (len > CP_CMD_MAX || (to_buffer && !diag8_regs_ok(rx, ry)))
        return hyp_pgm(v, PGM_SPECIFICATION);
    uint8_t cmd[CP_CMD_MAX];
    int err = len ? vcpu_read_ra(v, vcpu_mode_addr(v, v->gr[rx]), cmd, len) : 0;
    if (err)
        return vcpu_access_failed(v, err);
    if (to_buffer && !buffer_in_storage(v, rx, ry))
        return hyp_pgm(v, PGM_ADDRESSING);
    struct cp_resp r;
    r.len = r.dropped = 0;
    int rc = cp_run_text(g, cmd, len, &r);
    set_low32(v, ry, (uint32_t)rc);
    if (to_buffer)
        return respond_to_buffer(v, rx, ry, &r);
    respond_to_console(g, &r);
    vcpu_set_cc(v, 0);
    return ACT_CONTINUE;
}
