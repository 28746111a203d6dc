/* Reading the host configuration (docs/config.md) with libinih: each key is checked
 * as it is read, so that an error names the line it is on; what can only be checked at
 * the end (a guest without an image) names the line of its section's first key (libinih
 * reports keys, not section headers). */
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "zhyp/config.h"

struct parse {
    struct host_conf *hc;
    const char *path;
    FILE *f;
    unsigned line;               /* the line libinih is handling (counted by read_line) */
    char *err;
    size_t errlen;
    bool failed;
};

int conf_parse_size(const char *s, uint64_t *out)
{
    char *end;
    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    unsigned shift = 0;
    switch (*end) {
    case 'k': case 'K': shift = 10; end++; break;
    case 'm': case 'M': shift = 20; end++; break;
    case 'g': case 'G': shift = 30; end++; break;
    default: break;
    }
    if (*end || errno || (shift && v > (~0ULL >> shift)))
        return -1;
    *out = v << shift;
    return 0;
}

/* libinih asks for lines one at a time: count them for the messages. */
static char *read_line(char *str, int num, void *stream)
{
    struct parse *p = stream;
    char *s = fgets(str, num, p->f);
    if (s)
        p->line++;
    return s;
}

static int fail(struct parse *p, unsigned line, const char *fmt, const char *a, const char *b)
{
    if (!p->failed) {
        int n = snprintf(p->err, p->errlen, "%s:%u: ", p->path, line);
        if (n >= 0 && (size_t)n < p->errlen)
            snprintf(p->err + n, p->errlen - (size_t)n, fmt, a, b);
        p->failed = true;
    }
    return 0;
}

static char *dup_or_fail(struct parse *p, const char *v)
{
    char *s = strdup(v);
    if (!s)
        fail(p, p->line, "out of memory reading '%s'%s", v, "");
    return s;
}

static int host_key(struct parse *p, const char *key, const char *v)
{
    struct host_conf *hc = p->hc;
    uint64_t n;
    if (!strcmp(key, "memory")) {
        if (conf_parse_size(v, &n) || !n || (n & 0xfffff))
            return fail(p, p->line, "memory = %s: not a positive multiple of 1M%s", v, "");
        hc->mem = n;
    } else if (!strcmp(key, "cpus")) {
        if (conf_parse_size(v, &n) || !n || n > CONF_MAX_CPUS)
            return fail(p, p->line, "cpus = %s: not a CPU count from 1 to 64%s", v, "");
        hc->cpus = (unsigned)n;
    } else if (!strcmp(key, "paging")) {
        free(hc->paging);
        return (hc->paging = dup_or_fail(p, v)) != NULL;
    } else {
        return fail(p, p->line, "unknown key '%s' in [host]%s", key, "");
    }
    return 1;
}

static int guest_image(struct parse *p, struct guest_conf *g, const char *v)
{
    if (access(v, R_OK))
        return fail(p, p->line, "image = %s: %s", v, strerror(errno));
    free(g->image);
    return (g->image = dup_or_fail(p, v)) != NULL;
}

static int guest_size_key(struct parse *p, struct guest_conf *g, const char *key, const char *v)
{
    uint64_t n;
    if (!strcmp(key, "memory")) {
        if (conf_parse_size(v, &n) || !n || (n & 0xfffff))
            return fail(p, p->line, "memory = %s: not a positive multiple of 1M%s", v, "");
        if (n > CONF_GUEST_MEM_MAX)
            return fail(p, p->line, "memory = %s: larger than a guest may have (2G)%s", v, "");
        g->mem = n;
        return 1;
    }
    if (conf_parse_size(v, &n) || !n || n > CONF_MAX_VCPUS)
        return fail(p, p->line, "vcpus = %s: not a count from 1 to 64%s", v, "");
    g->vcpus = (unsigned)n;
    return 1;
}

static int guest_policy(struct parse *p, struct guest_conf *g, const char *v)
{
    static const char *const names[] = { [POLICY_STATIC] = "static", [POLICY_CMM1] = "cmm1",
                                         [POLICY_CMM2] = "cmm2" };
    for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (!strcmp(v, names[i])) {
            g->policy = (enum conf_policy)i;
            return 1;
        }
    return fail(p, p->line, "policy = %s: not one of static, cmm1, cmm2%s", v, "");
}

static int guest_key(struct parse *p, struct guest_conf *g, const char *key, const char *v)
{
    if (!strcmp(key, "image"))
        return guest_image(p, g, v);
    if (!strcmp(key, "memory") || !strcmp(key, "vcpus"))
        return guest_size_key(p, g, key, v);
    if (!strcmp(key, "policy"))
        return guest_policy(p, g, v);
    if (!strcmp(key, "append")) {
        free(g->append);
        return (g->append = dup_or_fail(p, v)) != NULL;
    }
    if (!strcmp(key, "disk")) {
        if (g->ndisks == CONF_MAX_DISKS)
            return fail(p, p->line, "disk = %s: more than 8 disks%s", v, "");
        if (access(v, R_OK | W_OK))
            return fail(p, p->line, "disk = %s: %s", v, strerror(errno));
        return (g->disk[g->ndisks++] = dup_or_fail(p, v)) != NULL;
    }
    if (!strcmp(key, "console")) {
        if (strcmp(v, "log") && strcmp(v, "terminal"))
            return fail(p, p->line, "console = %s: not log or terminal%s", v, "");
        g->console_terminal = !strcmp(v, "terminal");
        return 1;
    }
    return fail(p, p->line, "unknown key '%s' in [guest %s]", key, g->name);
}

/* Guest names go into file names, CSV and JSON unquoted, and CP commands (MSG NAME). */
#define NAME_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-."

/* A new [guest NAME] section: a name not seen before, room for one more guest. */
static struct guest_conf *new_guest(struct parse *p, const char *name)
{
    struct host_conf *hc = p->hc;
    if (!*name || strlen(name) >= CONF_NAME_MAX || strspn(name, NAME_CHARS) != strlen(name))
        return fail(p, p->line, "[guest %s]: a name of 1 to 31 letters, digits, '_', '-' or '.'%s", name, ""), NULL;
    for (unsigned i = 0; i < hc->nguests; i++)
        if (!strcasecmp(hc->guests[i].name, name))
            return fail(p, p->line, "[guest %s]: a second guest of that name%s", name, ""), NULL;
    if (hc->nguests == CONF_MAX_GUESTS)
        return fail(p, p->line, "[guest %s]: more than 4096 guests%s", name, ""), NULL;
    struct guest_conf *gs = realloc(hc->guests, (hc->nguests + 1) * sizeof(*gs));
    if (!gs)
        return fail(p, p->line, "[guest %s]: out of memory%s", name, ""), NULL;
    hc->guests = gs;
    struct guest_conf *g = &gs[hc->nguests++];
    *g = (struct guest_conf){ .mem = 64ULL << 20, .vcpus = 1, .line = p->line };
    snprintf(g->name, sizeof(g->name), "%s", name);
    return g;
}

/* The guest a key of section 'section' belongs to: the last one, or a new one. */
static struct guest_conf *guest_of(struct parse *p, const char *name)
{
    struct host_conf *hc = p->hc;
    if (hc->nguests && !strcmp(hc->guests[hc->nguests - 1].name, name))
        return &hc->guests[hc->nguests - 1];
    return new_guest(p, name);
}

static int handler(void *user, const char *section, const char *key, const char *v)
{
    struct parse *p = user;
    if (p->failed)
        return 0;
    if (!strcmp(section, "host"))
        return host_key(p, key, v);
    if (!strncmp(section, "guest ", 6)) {
        struct guest_conf *g = guest_of(p, section + 6);
        return g ? guest_key(p, g, key, v) : 0;
    }
    return fail(p, p->line, "unknown section [%s] (known: [host], [guest NAME])%s", section, "");
}

/* What only the whole file can tell: every guest has an image; there is a guest. */
static int check_whole(struct parse *p)
{
    struct host_conf *hc = p->hc;
    for (unsigned i = 0; i < hc->nguests; i++)
        if (!hc->guests[i].image)
            return fail(p, hc->guests[i].line, "[guest %s]: no image = key%s", hc->guests[i].name, "");
    if (!hc->nguests)
        return fail(p, p->line, "no [guest NAME] section%s%s", "", "");
    return 1;
}

int conf_load(const char *path, struct host_conf *hc, char *err, size_t errlen)
{
    *hc = (struct host_conf){ .mem = 1ULL << 30, .cpus = 1 };
    struct parse p = { hc, path, fopen(path, "r"), 0, err, errlen, false };
    if (!p.f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    int rc = ini_parse_stream(read_line, &p, handler, &p);
    fclose(p.f);
    if (rc > 0 && !p.failed)                  /* libinih's own: a line it cannot read */
        fail(&p, (unsigned)rc, "not 'key = value', '[section]' or a comment%s%s", "", "");
    if (!p.failed)
        check_whole(&p);
    if (p.failed) {
        conf_free(hc);
        return -1;
    }
    return 0;
}

void conf_free(struct host_conf *hc)
{
    for (unsigned i = 0; i < hc->nguests; i++) {
        struct guest_conf *g = &hc->guests[i];
        free(g->image);
        free(g->append);
        for (unsigned d = 0; d < g->ndisks; d++)
            free(g->disk[d]);
    }
    free(hc->guests);
    free(hc->paging);
    *hc = (struct host_conf){ 0 };
}
