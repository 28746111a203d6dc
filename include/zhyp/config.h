/* The host configuration of `zhyp run --config` (docs/config.md): host memory, CPUs,
 * paging device, and the guests, read from an INI file by Debian's libinih. */
#ifndef ZHYP_CONFIG_H
#define ZHYP_CONFIG_H

#include "zhyp/types.h"

#define CONF_MAX_GUESTS   4096
#define CONF_MAX_DISKS    8
#define CONF_MAX_VCPUS    64
#define CONF_MAX_CPUS     64
#define CONF_NAME_MAX     32
/* One segment table per guest (the hotplug paper's Figure 1): 2048 1M segments. */
#define CONF_GUEST_MEM_MAX (2ULL << 30)

enum conf_policy { POLICY_STATIC, POLICY_CMM1, POLICY_CMM2 };

struct guest_conf {
    char name[CONF_NAME_MAX];
    char *image;                 /* ELF loaded as `zhyp run --kernel` loads it */
    char *append;                /* its command line, or NULL */
    uint64_t mem;                /* guest real storage, a multiple of 1M */
    unsigned vcpus;
    unsigned ndisks;
    char *disk[CONF_MAX_DISKS];  /* backing files, in device-number order */
    enum conf_policy policy;     /* memory policy (placeholder until the policy issues) */
    bool console_terminal;       /* console also to the terminal, prefixed by the name */
    unsigned line;               /* line of the first key of its [guest NAME] section */
};

struct host_conf {
    uint64_t mem;                /* host main storage */
    unsigned cpus;               /* physical CPUs the guests are dispatched onto */
    char *paging;                /* paging-device file, or NULL */
    unsigned nguests;
    struct guest_conf *guests;
};

/* Read and check the file at path. Returns 0, or -1 with one line in err naming the
 * file, the line and the key or section at fault. */
int conf_load(const char *path, struct host_conf *hc, char *err, size_t errlen);
void conf_free(struct host_conf *hc);

/* A size with an optional K/M/G suffix ("64M"); 0 or -1 (not a size, or too large). */
int conf_parse_size(const char *s, uint64_t *out);

#endif
