/* bench/sie: an interception round trip through the SIE instruction, on bare metal.
 * The host loop is SIE, a check that the guest intercepted for its DIAG, BRCT; the
 * guest (1 MB of storage at host 1 MB: no SM, MSO 1M; DAT off) runs
 * "diag 0,0,0x44; j .-4", so every SIE enters the guest, interprets the J (except on
 * the first entry), intercepts at the DIAG and returns to the host. 4 host instructions
 * and 1 interpreted guest instruction per iteration. Ends in the pass wait when every
 * exit was that DIAG's interception and the guest PSW points after it. */
#include "sys.h"

#define GUEST_MSO       0x100000
#define GUEST_CODE      0x2000          /* guest absolute, above the guest's lowcore */
#define SD_ICPTCODE     0x50
#define SD_IPA          0x56
#define SD_GPSW_ADDR    0x98
#define ICPT_INST       0x04

        BENCH_BEGIN
        llilf   %r4, GUEST_MSO + GUEST_CODE
        mvc     0(8, %r4), sie_guest_code - bench_data(%r12)
0:      sie     0(%r12)
        cli     SD_ICPTCODE(%r12), ICPT_INST
        jne     bench_bad_result
        brct    %r1, 0b
        clc     SD_IPA(2, %r12), sie_diag_ipa - bench_data(%r12)
        jne     bench_bad_result
        lg      %r2, SD_GPSW_ADDR(%r12)
        cgfi    %r2, GUEST_CODE + 4
        jne     bench_bad_result
        j       bench_pass

        .data
        .balign 512
bench_data:                             /* the state description (include/zhyp/sie.h) */
        .long   0x00000800              /* 0x00 cpuflags: z/Architecture, no SM */
        .fill   0x80 - 4, 1, 0
        .quad   GUEST_MSO               /* 0x80 MSO */
        .quad   GUEST_MSO + 0xfffff     /* 0x88 MSL: the last host byte of guest storage */
        .quad   PSW_MASK_64, GUEST_CODE /* 0x90 guest PSW: 64-bit, DAT off */
        .fill   0x200 - 0xa0, 1, 0
sie_guest_code:                         /* copied to the guest: both are 4 bytes */
        diag    %r0, %r0, 0x44
        j       sie_guest_code
sie_diag_ipa:
        .short  0x8300
        BENCH_END
