/* Start-up and interruption entry of bare-metal guests. The loader (qemu-system-s390x
 * -kernel, zhyp run --kernel) starts the CPU at 0x10000 with PSW 0x0000000180000000:
 * 64-bit, DAT off, every interruption masked. 0x10400-0x10fff is the Linux-style
 * parameter area; the loader writes the --append text at 0x10480 (spec zarch.md §9.4). */
#include "arch.h"
#include "intr.h"
#include "lowcore.h"

#define STACK_SIZE      0x10000

        .section .text.head, "ax"
        .globl  _start
_start:
        jg      start64
        /* The loader reads 0x10400-0x1047f as Linux's parameter block (initrd address
         * and size, the command-line size at 0x10430); zero means "none, default". */
        .org    0x400
        .globl  ipl_parmarea
ipl_parmarea:
        .fill   0x80, 1, 0
        .globl  ipl_cmdline
ipl_cmdline:
        .fill   0x1000 - 0x480, 1, 0

        .text
start64:
        /* Clear the BSS first: nothing lives there yet, not even the stack. */
        larl    %r2, __bss_start
        larl    %r3, __bss_end
        sgr     %r3, %r2
        lghi    %r4, 0
        lghi    %r5, 0
0:      mvcle   %r2, %r4, 0
        jo      0b
        larl    %r15, guest_stack_top
        aghi    %r15, -160
        xc      0(8, %r15), 0(%r15)
        /* New PSWs for every class, before anything can fail. */
        larl    %r1, new_psws
        mvc     LC_RESTART_NEW_PSW(96), 0(%r1)
        /* CR0: the additional FP registers, which the compiler uses for spills. */
        stctg   %c0, %c0, 8(%r15)
        oi      8 + 5(%r15), 0x04
        lctlg   %c0, %c0, 8(%r15)
        xc      8(4, %r15), 8(%r15)
        lfpc    8(%r15)
        brasl   %r14, guest_boot
0:      j       0b

/* Interruption entry: park the GPRs in the lowcore, pick a stack, build a struct
 * intr_frame there and call intr_dispatch(frame). */
        .macro  INTR_ENTRY name, cls, oldpsw
        .globl  \name
\name:
        stmg    %r0, %r15, LC_SDK_SAVE
        lghi    %r1, \cls
        lghi    %r2, \oldpsw
        j       intr_common
        .endm

        INTR_ENTRY intr_restart_entry, INTR_RESTART, LC_RESTART_OLD_PSW
        INTR_ENTRY intr_ext_entry, INTR_EXT, LC_EXT_OLD_PSW
        INTR_ENTRY intr_svc_entry, INTR_SVC, LC_SVC_OLD_PSW
        INTR_ENTRY intr_pgm_entry, INTR_PGM, LC_PGM_OLD_PSW
        INTR_ENTRY intr_mck_entry, INTR_MCK, LC_MCK_OLD_PSW
        INTR_ENTRY intr_io_entry, INTR_IO, LC_IO_OLD_PSW

intr_common:
        /* A nested interruption (already on this CPU's interrupt stack) continues
         * below the current frame; anything else starts at the top. The interrupted
         * r15 may be a problem-state or DAT address, so it is never used as a stack
         * here. Each CPU names its stack in its lowcore; 0 means the boot CPU's. */
        lg      %r4, LC_SDK_INTR_STACK
        ltgr    %r4, %r4
        jnz     0f
        larl    %r4, intr_stack_top
0:      lay     %r3, -INTR_STACK_SIZE(%r4)
        clgr    %r15, %r3
        jl      1f
        clgr    %r15, %r4
        jl      2f
1:      lgr     %r15, %r4
2:      aghi    %r15, -IF_STACK_FRAME
        nill    %r15, 0xfff8
        xc      0(8, %r15), 0(%r15)
        la      %r5, 160(%r15)
        mvc     IF_GPRS(128, %r5), LC_SDK_SAVE
        mvc     IF_PSW(16, %r5), 0(%r2)
        st      %r1, IF_CLASS(%r5)
        stg     %r2, IF_OLD_PSW(%r5)
        stfpc   IF_FPC(%r5)
        .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        std     %f\n, IF_FPRS + 8 * \n(%r5)
        .endr
        lgr     %r2, %r5
        brasl   %r14, intr_dispatch
        la      %r5, 160(%r15)
        .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        ld      %f\n, IF_FPRS + 8 * \n(%r5)
        .endr
        lfpc    IF_FPC(%r5)
        /* Interruptions are masked from here to the LPSWE, so the fixed lowcore
         * slots cannot be overwritten by a nested entry. */
        mvc     LC_SDK_RETURN_PSW(16), IF_PSW(%r5)
        mvc     LC_SDK_SAVE(128), IF_GPRS(%r5)
        lmg     %r0, %r15, LC_SDK_SAVE
        lpswe   LC_SDK_RETURN_PSW

/* A CPU started by smp_start_cpu() arrives here through its restart new PSW: 64-bit,
 * DAT off, masked. Its lowcore names its stack, function and argument; when the
 * function returns, smp_cpu_exit() stops the CPU. */
        .globl  smp_cpu_entry
smp_cpu_entry:
        lg      %r15, LC_SDK_CPU_STACK
        aghi    %r15, -160
        xc      0(8, %r15), 0(%r15)
        stctg   %c0, %c0, 8(%r15)
        oi      8 + 5(%r15), 0x04
        lctlg   %c0, %c0, 8(%r15)
        xc      8(4, %r15), 8(%r15)
        lfpc    8(%r15)
        lg      %r2, LC_SDK_CPU_ARG
        lg      %r1, LC_SDK_CPU_FN
        basr    %r14, %r1
        brasl   %r14, smp_cpu_exit
0:      j       0b

        .section .rodata
        .align  8
new_psws:
        .quad   PSW_MASK_64, intr_restart_entry
        .quad   PSW_MASK_64, intr_ext_entry
        .quad   PSW_MASK_64, intr_svc_entry
        .quad   PSW_MASK_64, intr_pgm_entry
        .quad   PSW_MASK_64, intr_mck_entry
        .quad   PSW_MASK_64, intr_io_entry

        .section .bss
        .align  4096
        .globl  guest_stack, guest_stack_top
guest_stack:
        .skip   STACK_SIZE
guest_stack_top:
intr_stack:
        .skip   INTR_STACK_SIZE
intr_stack_top:

        .section .note.GNU-stack, "", @progbits
