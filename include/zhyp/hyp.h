/* The hypervisor (zhyp's CP): the guests of a host configuration run through SIE on K
 * host CPUs by a deterministic discrete-event scheduler (docs/hypervisor.md). */
#ifndef ZHYP_HYP_H
#define ZHYP_HYP_H

#include <stdio.h>
#include "zhyp/config.h"

struct hyp;

/* Events the hypervisor prints to stderr (hyp_opts.trace). */
#define HYP_TRACE_ICPT  0x01     /* every interception a vCPU takes */
#define HYP_TRACE_SCHED 0x02     /* every dispatch, wait and wake */
#define HYP_TRACE_SIE   0x04     /* every SIE exit (the machine's MACHINE_TRACE_SIE) */

struct hyp_opts {
    const char *out_dir;         /* console logs and statistics go here (made if missing) */
    bool no_shadow;              /* guests walk both DAT stages (docs/sie.md) */
    bool progress;               /* a status line on stderr every virtual second */
    uint64_t time_limit_ns;      /* end the run at this virtual time (0: none) */
    uint64_t stats_every_ns;     /* also write the statistics every so often (0: at the end) */
    unsigned trace;              /* HYP_TRACE_* */
    FILE *terminal;              /* where console = terminal guests print (stdout if NULL) */
};

/* How a run ended (also the exit status of `zhyp run --config`, docs/cli.md). */
enum hyp_end {
    HYP_END_DONE = 0,            /* every guest ended: its vCPUs stopped or in disabled wait */
    HYP_END_ERROR = 1,           /* could not build or write something (message in err) */
    HYP_END_IDLE = 4,            /* guests left, but every vCPU waits with nothing to wake it */
    HYP_END_TIME_LIMIT = 124,    /* time_limit_ns reached */
};

/* Build the host and its guests: host storage, the guests' storage and images, disks,
 * consoles. Returns 0, or -1 with one line in err naming what failed. */
int hyp_create(struct hyp **out, const struct host_conf *hc, const struct hyp_opts *o,
               char *err, size_t errlen);
/* Run until every guest ended, nothing can run, or the time limit. The statistics are
 * written to out_dir at the end. */
enum hyp_end hyp_run(struct hyp *h, char *err, size_t errlen);
/* Write stats.csv and stats.json into the output directory (each replaced atomically).
 * 0, or -1 with err set. */
int hyp_write_stats(struct hyp *h, char *err, size_t errlen);
void hyp_destroy(struct hyp *h);

#endif
