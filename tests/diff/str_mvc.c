/* Differential test: MVC, MVN, MVZ, MVCIN, MVI and MVIY. The SS forms run at every
 * length class from 1 to 256 over disjoint, page-crossing and overlapping operands
 * (destination one, two, seven bytes right of the source propagates; left of it and
 * exact overlap do not), through EXRL and in directly encoded L=0 / L=255 forms. */
#include "str_ss.h"

STR_TEST_STORAGE

SS_WRAP(ex_mvc, "mvc")
SS_WRAP(ex_mvn, "mvn")
SS_WRAP(ex_mvz, "mvz")
SS_WRAP(ex_mvcin_raw, "mvcin")

/* MVCIN's second-operand address designates its rightmost byte. */
static u32 ex_mvcin(u8 *d, u8 *s, u64 len)
{
    return ex_mvcin_raw(d, s + len - 1, len);
}

/* Directly encoded lengths 1 and 256, and the one-byte propagation idiom. */
static void direct_forms(void)
{
    u8 *b = pg + PAGE + 4096 - 100;
    fill(b - 300, 900, 77);
    asm volatile("mvc 0(1,%0),300(%0)" : : "a"(b) : "memory");
    asm volatile("mvc 1(256,%0),300(%0)" : : "a"(b) : "memory");
    head("mvc-direct", 1, 256);
    put_bytes(b - 8, 272);
    put_char('\n');
    fill(b, 300, 78);
    b[0] = 0x5a;
    asm volatile("mvc 1(255,%0),0(%0)" : : "a"(b) : "memory");
    head("mvc-propagate", 0, 255);
    put_bytes(b, 300);
    put_bytes(b + 250, 10);
    put_char('\n');
    fill(b, 300, 79);
    asm volatile("mvn 0(256,%0),1(%0)\n\tmvz 20(1,%0),0(%0)" : : "a"(b) : "memory");
    head("mvn-mvz-direct", 256, 1);
    put_bytes(b - 8, 300);
    put_char('\n');
    fill(b, 300, 80);
    asm volatile("mvcin 0(256,%0),511(%0)\n\tmvcin 300(1,%0),5(%0)" : : "a"(b - 256) : "memory");
    head("mvcin-direct", 256, 1);
    put_bytes(b - 300, 620);
    put_char('\n');
}

static void mvi_forms(void)
{
    u8 *b = pg + PAGE + 4096 - 2;
    fill(b - 16, 64, 81);
    asm volatile("mvi 0(%0),0x00\n\tmvi 1(%0),0xff\n\tmvi 4095(%0),0x5a" : : "a"(b) : "memory");
    asm volatile("mviy -1(%0),0x81\n\tmviy 2(%0),0x7e\n\tmviy 524287(%1),0x11"
                 : : "a"(b), "a"(b + 5 - 524287) : "memory");
    asm volatile("mviy -524288(%0),0x22" : : "a"(b + 524288 + 8) : "memory");
    head("mvi", 0, 0);
    put_bytes(b - 8, 24);
    put_bytes(b + 4095, 1);
    put_char('\n');
}

int main(void)
{
    ss_sweep("mvc", ex_mvc, 0);
    ss_sweep("mvn", ex_mvn, 0);
    ss_sweep("mvz", ex_mvz, 0);
    /* MVCIN: overlapping operands are unpredictable, so only the disjoint placements. */
    for (unsigned k = 0; k < N_LENS; k++) {
        for (unsigned p = 0; p < 5; p++) {
            u64 len = lens[k];
            u8 *d = pg + PAGE + places[p].d, *s = pg + PAGE + places[p].s;
            fill(d - 8, len + 16, p + k);
            fill(s, len, p * 7 + k);
            ex_mvcin(d, s, len);
            head("mvcin", p, len);
            put_bytes(d - 8, len + 16);
            put_char('\n');
        }
    }
    direct_forms();
    mvi_forms();
    rt_exit(0);
}
