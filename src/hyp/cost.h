/* The hypervisor's cost model, in one place (docs/hypervisor.md "Virtual time"). Guest
 * instructions cost VT_NS_PER_INSN each (src/machine/vtime.c); what CP does on a guest's
 * behalf is charged to the host CPU that does it, in virtual nanoseconds, below. The
 * figures are round numbers of the order z/VM on a z10 shows, chosen once so that runs
 * compare with each other; they are not measurements of this host. */
#ifndef ZHYP_HYP_COST_H
#define ZHYP_HYP_COST_H

#define COST_SLICE_NS        2000000ULL  /* time slice of a vCPU (z/VM's minor slice is 5 ms) */
#define COST_DISPATCH_NS         500ULL  /* switching a host CPU to another vCPU */
#define COST_ICPT_NS            1000ULL  /* an interception round trip (SIE exit, CP entry, re-entry) */
#define COST_HOST_FAULT_NS      2000ULL  /* first touch of a guest page: table walk, zeroed frame */
#define COST_SCLP_NS            5000ULL  /* a SERVICE CALL on top of the interception */
#define COST_CPCMD_NS          20000ULL  /* a CP command (DIAG X'8') on top of the interception */

/* Virtual disks (DIAG X'250'): a request takes the setup latency plus the transfer, and
 * one device serves its requests one after another. */
#define COST_DISK_SETUP_NS    100000ULL  /* per request: 100 us */
#define COST_DISK_NS_PER_KB      250ULL  /* transfer: 4 MB/ms, 1 us per 4K block */

#endif
