/* Differential test: TRTR (extended-translation facility 3), the cases of TRT in
 * str_tr.c scanned right to left from the rightmost byte. */
#define TRT_REVERSE 1
#include "str_tr.c"
