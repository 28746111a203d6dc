/* sie_enter(sd, gr): START INTERPRETIVE EXECUTION from C (docs/sie.md "The
 * instruction"). During SIE the guest's GR 0-13 are the real GR 0-13, so the C
 * environment's callee-saved registers are parked first and the SD address is the base
 * in r14, which SIE (like r15) leaves to the host. The registers right after SIE are
 * stored at absolute lowcore addresses (base 0), so that nothing depends on r15 having
 * survived; sie_enter reports whether r14 and r15 did. */
#include "sie.h"

#define FRAME_GR        160                 /* the gr array pointer */
#define FRAME_FPRS      168                 /* f8-f15, callee-saved in the ABI */
#define FRAME_SIZE      (FRAME_FPRS + 64)

        .text
        .globl  sie_enter
sie_enter:
        stmg    %r6, %r15, 48(%r15)
        lay     %r15, -FRAME_SIZE(%r15)
        stg     %r3, FRAME_GR(%r15)
        .irp    n, 8,9,10,11,12,13,14,15
        std     %f\n, FRAME_FPRS + 8 * (\n - 8)(%r15)
        .endr
        lgr     %r14, %r2
        stmg    %r14, %r15, LC_SDK_SIE_HOST
        lmg     %r0, %r13, 0(%r3)
        .globl  sie_insn
sie_insn:
        sie     0(%r14)
        stmg    %r0, %r15, LC_SDK_SIE_REGS
        lg      %r15, LC_SDK_SIE_HOST + 8
        lg      %r3, FRAME_GR(%r15)
        mvc     0(112, %r3), LC_SDK_SIE_REGS
        lghi    %r2, 0
        clc     LC_SDK_SIE_REGS + 112(16), LC_SDK_SIE_HOST
        jne     0f
        lghi    %r2, 1
0:
        .irp    n, 8,9,10,11,12,13,14,15
        ld      %f\n, FRAME_FPRS + 8 * (\n - 8)(%r15)
        .endr
        lmg     %r6, %r15, FRAME_SIZE + 48(%r15)
        br      %r14

        .section .note.GNU-stack, "", @progbits
