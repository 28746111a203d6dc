/* The SCLP's commands on an SCCB already in host memory (zarch.md §9): Read SCP Info,
 * Read CPU Info and the event commands of the console. The bare machine and each guest
 * of the hypervisor have one sclp_dev; who raises the service signal, and how the SCCB
 * gets to and from storage, is theirs. */
#ifndef ZHYP_SCLP_H
#define ZHYP_SCLP_H

#include <stdio.h>
#include "zhyp/types.h"

#define SCLP_INPUT_MAX 4096      /* console input buffered for Read Event Data */

struct sclp_dev {
    FILE *console;               /* console output */
    int console_in;              /* fd of console input, or -1 for none */
    uint32_t cp_receive;         /* event types the program accepts (Write Event Mask) */
    unsigned mask_len;           /* mask length of the last Write Event Mask */
    uint8_t input[SCLP_INPUT_MAX]; /* console input not yet read by the program */
    unsigned input_len;
    bool input_eof;              /* console_in reached its end (or failed) */
    /* What Read SCP Info and Read CPU Info report. */
    uint64_t storage_size;
    unsigned ncpus;
    uint8_t cpu_feat2;           /* CPU-entry feature byte 2 (SIEF2, SKEYI) */
};

/* CPU-entry feature byte 2 (zarch.md §9.3): SIE with the z/Architecture state
 * description, and storage-key instructions interpreted under SIE (docs/sie.md). */
#define SCLP_CPU_FEAT2_SIEF2  0x08
#define SCLP_CPU_FEAT2_SKEYI  0x04

/* The command on the SCCB of len bytes (one page at most); returns the response code,
 * which the caller stores at SCCB+6. */
uint16_t sclp_dev_command(struct sclp_dev *d, uint32_t command, uint8_t *sccb, unsigned len);
/* Whether Read Event Data has something for the program. */
bool sclp_dev_events_pending(const struct sclp_dev *d);
/* Read available console input (waiting for some when 'block'). Returns true when input
 * arrived for a program that accepts it; *first tells whether none was buffered before,
 * in which case the caller raises the service signal with "event pending". */
bool sclp_dev_poll_input(struct sclp_dev *d, bool block, bool *first);

#endif
