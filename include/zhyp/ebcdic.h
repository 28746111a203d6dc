/* EBCDIC code page 500 (the one the SCLP's line-mode messages and z/VM's DIAG X'8' use)
 * to ASCII and back, for the printable characters; the rest become '?' (0x6F). */
#ifndef ZHYP_EBCDIC_H
#define ZHYP_EBCDIC_H

#include "zhyp/types.h"

char ebcdic_to_ascii(uint8_t e);
uint8_t ascii_to_ebcdic(char a);

#endif
