/* CP's services for guests of zhyp's hypervisor (docs/cpcmd.md): CP commands through
 * DIAG X'8', statistics records through DIAG X'DC'. They exist only under the
 * hypervisor; on a bare machine these DIAGNOSE codes are specification exceptions.
 * Addresses passed to CP are real: the buffers must be identity-mapped when DAT is on. */
#ifndef GUEST_CP_H
#define GUEST_CP_H

#include <stdint.h>

#define CP_CMD_MAX        240           /* longest command text */
#define CP_DIAG8_RESPONSE 0x40000000u   /* Ry flag: return the response in a buffer */

/* Run a CP command (ASCII; '\n' separates several). With resp, the response comes back
 * there as ASCII lines ending in '\n', cut to resp_len - 1 bytes and NUL-terminated;
 * *resp_got (when not NULL) is the length of the whole response, more than was kept if
 * it was cut. With resp NULL the response goes to the console. Returns CP's return code
 * (0, or the number of its error message: 1 unknown command, 45 user not logged on),
 * or -1 for a command longer than CP_CMD_MAX. */
int cp_command(const char *ascii_cmd, char *resp, unsigned resp_len, unsigned *resp_got);

/* DIAG X'8' itself, with Rx = r2 (r3 = Rx+1) and Ry = r4 (r5 = Ry+1): returns the
 * condition code; Ry and Ry+1 as CP left them go to *ry_out and *ry1_out. */
int cp_diag8(uint64_t cmd_ra, uint64_t resp_ra, uint64_t ry, uint64_t ry1,
             uint64_t *ry_out, uint64_t *ry1_out);

/* ASCII <-> EBCDIC code page 500 (what CP takes), the printable characters and '\n'
 * (X'15'); anything else becomes '?'. */
void cp_to_ebcdic(uint8_t *dst, const char *src, unsigned n);
void cp_to_ascii(char *dst, const uint8_t *src, unsigned n);

/* DIAG X'DC' functions with the 64-bit parameter list (z/VM's APPLDATA codes). */
#define CP_DC_START_INTERVAL 0x80   /* CP samples the buffer until STOP */
#define CP_DC_STOP           0x81
#define CP_DC_EVENT          0x82   /* one record of the buffer as it is now */
#define CP_DC_START_CONFIG   0x83

/* The 64-bit DIAG X'DC' parameter list. */
struct cp_dc_plist {
    uint16_t code;                  /* 0x00DC */
    uint8_t function;               /* CP_DC_* */
    uint8_t length;                 /* of this list: 32 */
    uint32_t unused1;
    uint16_t reserved;
    uint16_t buf_len;               /* 1-4012 */
    uint32_t unused2;
    uint64_t product_ra;            /* the 16-byte product ID */
    uint64_t buf_ra;
} __attribute__((packed, aligned(8)));

/* DIAG X'DC' on a parameter list: returns Ry (0 done); *cc gets the condition code. */
int cp_diag_dc(const struct cp_dc_plist *pl, int *cc);
/* Fill a product ID: 7 ASCII characters (EBCDIC in the ID) and the record number. */
void cp_product_id(uint8_t id[16], const char *product, uint8_t record);
/* DIAG X'DC' with a list made from the arguments; returns Ry, *cc as above. */
int cp_appldata(uint8_t function, const uint8_t id[16], const void *buf, uint16_t len, int *cc);

/* zhyp's statistics record, product "ZHYPSTA" record 1: entries of a 16-byte ASCII
 * name (NUL-padded) and a big-endian u64 value; CP keeps them as the guest's counters
 * (stats.csv / stats.json). */
#define CP_STAT_ENTRY 24
#define CP_STATS_MAX  (4012 / CP_STAT_ENTRY)
struct cp_stat {
    const char *name;               /* up to 16 characters */
    uint64_t value;
};
/* Encode n entries into buf (n * CP_STAT_ENTRY bytes); returns the length. */
unsigned cp_stats_encode(void *buf, const struct cp_stat *entries, unsigned n);
/* One event record of the entries. Returns CP's return code (0), or -1 if n is 0 or
 * more than CP_STATS_MAX. */
int cp_report_stats(const struct cp_stat *entries, unsigned n);

#endif
