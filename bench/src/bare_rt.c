/* bench/src/cbench.c on bare metal (bench/sie): the runtime its rt.h promises, and the
 * start that turns DAT on before main. Output goes to a text buffer at a fixed address,
 * put_hex() also stores its value as the checksum, and rt_exit() ends in a disabled
 * wait. Nothing here intercepts under SIE except that final wait: no SCLP, no SIGP. */
#include "rt.h"
#include "../../tests/diff/rt/xorshift.h"
#include "arch.h"
#include "dat.h"
#include "siebench.h"

int main(void);

static u32 text_len;

static void __attribute__((noreturn)) end_wait(u64 addr)
{
    static u64 psw[2] __attribute__((aligned(8)));
    psw[0] = PSW_MASK_WAIT | PSW_MASK_64;
    psw[1] = addr;
    asm volatile("lpswe %[p]" : : [p] "Q"(psw) : "memory");
    __builtin_unreachable();
}

void put_char(char ch)
{
    if (text_len < BARE_TEXT_MAX - 1)     /* keep the terminating NUL */
        ((volatile char *)BARE_TEXT_AA)[text_len++] = ch;
}

void put_str(const char *s)
{
    while (*s)
        put_char(*s++);
}

void put_hex(u64 v)
{
    *(volatile u64 *)BARE_SUM_AA = v;
    for (int i = 15; i >= 0; i--)
        put_char("0123456789abcdef"[(v >> (i * 4)) & 15]);
}

void rt_exit(int status)
{
    end_wait(status ? BARE_END_STATUS : BARE_END_PASS);
}

void *rt_memset(void *d, int c, u64 n)
{
    u8 *p = d;
    while (n--)
        *p++ = (u8)c;
    return d;
}

/* The compiler may call these for structure copies and clears. */
void *memset(void *d, int c, unsigned long n) { return rt_memset(d, c, n); }

void *memcpy(void *d, const void *s, unsigned long n)
{
    u8 *p = d;
    const u8 *q = s;
    while (n--)
        *p++ = *q++;
    return d;
}

/* xorshift64*, with the seed of tests/diff/rt/rt.c: cbench's keys must be the same. */
static u64 seed = XORSHIFT_SEED;
u64 rnd64(void)
{
    return xorshift64star(&seed);
}

/* Called by bare_start.S with DAT off: 1:1 tables over the whole image (its BSS, stack
 * and the table pool included), an alias of the head page, then DAT on and main. */
void bare_main(void)
{
    u64 asce = dat_new_space(ASCE_DT_SEGMENT);
    if (!asce || dat_map_image(asce) || dat_map_page(asce, BARE_ALIAS_VA, BARE_SUM_AA & ~0xfffUL, 0))
        end_wait(BARE_END_DAT);
    dat_enable(asce);
    *(volatile u64 *)(BARE_ALIAS_VA + (BARE_SUM_AA & 0xfff)) = 0x5a17da70;
    if (*(volatile u64 *)BARE_SUM_AA != 0x5a17da70)
        end_wait(BARE_END_DAT);
    *(volatile u64 *)BARE_SUM_AA = 0;
    main();
    end_wait(BARE_END_STATUS);              /* cbench ends in rt_exit, never here */
}
