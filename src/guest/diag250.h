/* DIAGNOSE X'250' block I/O client of the bare-metal guest SDK: INIT a virtual disk with
 * a block size, read and write blocks synchronously or with the completion external
 * interruption 0x2603, REMOVE. 64-bit parameter-list format, except where a function
 * takes a raw parameter list. Only for guests of a z/VM-like hypervisor (zhyp run
 * --config); docs/diag250.md. Addresses passed to CP are real: run with DAT off or
 * identity-mapped. */
#ifndef GUEST_DIAG250_H
#define GUEST_DIAG250_H

#include <stdint.h>

#define DIAG250_DEVNO_BASE  0x0100   /* zhyp's disk i */
#define DIAG250_MAX_BLOCKS  256      /* entries in one read/write request */

/* Function codes (Ry) */
#define DIAG250_INIT        0
#define DIAG250_RW          1
#define DIAG250_REMOVE      2

/* Entry types and the status CP stores into each entry */
#define DIAG250_WRITE       0x01
#define DIAG250_READ        0x02
#define DIAG250_BIO_OK          0x00
#define DIAG250_BIO_BADBLOCK    0x01
#define DIAG250_BIO_ADDRESSING  0x02
#define DIAG250_BIO_IOERROR     0x05
#define DIAG250_BIO_BADTYPE     0x06
#define DIAG250_BIO_RESERVED    0x0b

/* Return codes (Rx+1) */
#define DIAG250_RC_OK       0
#define DIAG250_RC_READONLY 4
#define DIAG250_RC_STARTED  8
#define DIAG250_RC_PARTIAL  12
#define DIAG250_RC_NODEV    16
#define DIAG250_RC_BLKSIZE  24
#define DIAG250_RC_STATE    28
#define DIAG250_RC_COUNT    36
#define DIAG250_RC_ALLBAD   40

/* Read/write flags (BIOPL byte X'19') and flag A (byte X'02') */
#define DIAG250_FLAG_ASYNC  0x02
#define DIAG250_FLAG_NOCACHE 0x01
#define DIAG250_FLAGA_64BIT 0x80

/* The completion interruption: code 0x2603, lowcore 0x84 the format code (3: 31-bit,
 * 7: 64-bit), 0x85 the status, the parameter at 0x80 (31-bit) or 0x11B8 (64-bit). */
#define EXT_BLOCK_IO        0x2603
#define LC_BLOCK_IO_PARAM64 0x11b8
#define DIAG250_CODE_31BIT  0x03
#define DIAG250_CODE_64BIT  0x07
#define DIAG250_INT_OK      0x00
#define DIAG250_INT_PARTIAL 0x01     /* an entry failed: see the entries' status */
#define DIAG250_INT_LISTERR 0x02     /* the entry list was not accessible */

/* A call's outcome: condition code and return code in one int. */
#define DIAG250_RES(cc, rc) ((int)((cc) << 16 | (rc)))
#define DIAG250_CC(res)     ((res) >> 16)
#define DIAG250_RCODE(res)  ((res) & 0xffff)

struct diag250_bio {                 /* 64-bit block I/O entry */
    uint8_t type;
    uint8_t status;
    uint8_t rsv[2];
    uint32_t alet;
    int64_t block;                   /* block 1 is the first with offset 0 */
    uint64_t buffer;                 /* real address */
} __attribute__((packed, aligned(8)));

struct diag250_bio31 {               /* 31-bit block I/O entry */
    uint8_t type;
    uint8_t status;
    uint8_t rsv[2];
    int32_t block;
    uint32_t alet;
    uint32_t buffer;
} __attribute__((packed, aligned(8)));

/* The 64-byte parameter list; the caller fills it (diag250_call). */
struct diag250_biopl {
    uint8_t b[64];
} __attribute__((aligned(8)));

struct diag250_completion {
    uint8_t code;                    /* DIAG250_CODE_* */
    uint8_t status;                  /* DIAG250_INT_* */
    uint64_t intparm;
};

/* DIAG X'250' on a parameter list with function fc. Returns DIAG250_RES(cc, rc). */
int diag250_call(void *biopl, unsigned fc);

/* INIT devno with blksize (512, 1024, 2048, 4096) and a block offset; *start and *end
 * (either may be NULL) get the first and last block number. */
int diag250_init(uint16_t devno, uint32_t blksize, int64_t offset, int64_t *start,
                 int64_t *end);
int diag250_remove(uint16_t devno);

/* Fill count entries: blocks block.. block+count-1 to or from buf, blksize apart. */
void diag250_fill(struct diag250_bio *bio, uint8_t type, int64_t block, void *buf,
                  uint32_t count, uint32_t blksize);
/* Read/write with an entry list; flags DIAG250_FLAG_*. An asynchronous request needs
 * bio and the buffers until its completion arrives. */
int diag250_io(uint16_t devno, struct diag250_bio *bio, uint32_t count, uint8_t flags,
               uint64_t intparm);
/* Synchronous read or write of consecutive blocks (block size from diag250_init). */
int diag250_rw(uint16_t devno, uint8_t type, int64_t block, void *buf, uint32_t count);
/* The same started asynchronously: bio holds count entries and must live until the
 * completion with intparm arrives. Returns DIAG250_RES(0, 8) once started. */
int diag250_rw_async(uint16_t devno, uint8_t type, int64_t block, void *buf, uint32_t count,
                     struct diag250_bio *bio, uint64_t intparm);

/* Completions. diag250_install() takes external interruption 0x2603 (other codes go
 * to the handler installed before) and queues each completion; diag250_wait() waits
 * enabled for the next one (only the service-signal subclass, which 0x2603 shares)
 * and returns it. diag250_pending() counts the queued ones. */
void diag250_install(void);
void diag250_wait(struct diag250_completion *out);
unsigned diag250_pending(void);

#endif
