/* Layout shared by the bare-metal cbench image (bare_start.S, bare_rt.c, bare.lds) and
 * the host-side driver of bench/sie (siebench.c). Plain defines: the image includes it
 * from assembly and from freestanding C, the driver from hosted C. */
#ifndef BENCH_SIEBENCH_H
#define BENCH_SIEBENCH_H

/* The result block, in the image's head page (after the Linux command-line area): the
 * checksum put_hex() stored, and the text cbench printed (NUL-terminated). */
#define BARE_SUM_AA     0x10c00
#define BARE_TEXT_AA    0x10c08
#define BARE_TEXT_MAX   0xf8

/* A page mapped onto the head page besides its 1:1 mapping: a read through it proves
 * that DAT is on (as bench/src/sys.h does). */
#define BARE_ALIAS_VA   0x7ff00000

/* Disabled-wait addresses (the meanings of bench/src/sys.h). */
#define BARE_END_PASS   0x600d0000
#define BARE_END_STATUS 0xbad00010     /* rt_exit with a nonzero status */
#define BARE_END_DAT    0xbad00020     /* tables did not fit, or the alias did not translate */
#define BARE_END_PGM    0xbad0eeee     /* any program interruption */

#endif
