/* Differential test (model-checked, see dec_model.h): ZAP, AP, SP, CP, MP, DP, SRP
 * over every length pair, random and edge operands (minus zero, all nines, every sign
 * code), right-aligned and identical overlapping operands, page-crossing operands,
 * CC 3 on overflow (the decimal-overflow mask is off here). Cases the model says would
 * interrupt print "skip" and are covered by the dec_pgm_* programs. */
#include "dec_model.h"

STR_TEST_STORAGE

SSB_WRAP(ex_zap, "zap")
SSB_WRAP(ex_ap, "ap")
SSB_WRAP(ex_sp, "sp")
SSB_WRAP(ex_cp, "cp")
SSB_WRAP(ex_mp, "mp")
SSB_WRAP(ex_dp, "dp")

static struct dm_res model(char op, u8 *m1, u64 l1, u8 *m2, u64 l2)
{
    switch (op) {
    case 'm': return dm_mp(m1, l1, m2, l2);
    case 'd': return dm_dp(m1, l1, m2, l2);
    default:  return dm_addsub(op, m1, l1, m2, l2, 0);
    }
}

/* Run op on d/s (model when the instruction is missing); print op1 and the CC. */
static void one(char op, u8 *d, u64 l1, u8 *s, u64 l2, u64 tag)
{
    u8 m1[16], m2[16];
    rt_memcpy(m1, d, l1);
    rt_memcpy(m2, s, l2);
    struct dm_res r = model(op, m1, l1, m2, l2);
    put_char(op);
    head("p", l1 * 100 + l2, tag);
    put_bytes(d, l1);
    put_bytes(s, l2);
    if (r.pgm) {
        put_str(" skip=");
        put_dec(r.pgm);
        put_char('\n');
        return;
    }
    u32 cc = r.cc;
    if (have_dec) {
        switch (op) {
        case 'z': cc = ex_zap(d, l1, s, l2); break;
        case 'a': cc = ex_ap(d, l1, s, l2); break;
        case 's': cc = ex_sp(d, l1, s, l2); break;
        case 'c': cc = ex_cp(d, l1, s, l2); break;
        case 'm': cc = ex_mp(d, l1, s, l2); break;
        case 'd': cc = ex_dp(d, l1, s, l2); break;
        }
    } else {
        rt_memcpy(d, m1, l1);
    }
    put_str(" ->");
    put_bytes(d, l1);
    put_cc(cc);
    put_char('\n');
}

/* Operand values: random packed numbers plus a few fixed shapes. */
static void make_val(u8 *p, u64 len, u64 seed)
{
    make_packed(p, len, seed);
    switch (seed % 11) {
    case 0: fill_byte(p, len, 0x99); p[len - 1] = 0x9c; break;        /* all nines */
    case 1: fill_byte(p, len, 0x00); p[len - 1] = 0x0d; break;        /* minus zero */
    case 2: fill_byte(p, len, 0x00); p[len - 1] = 0x1f; break;        /* +1, sign F */
    default: break;
    }
}

static void addsub_sweep(char op)
{
    for (u64 l1 = 1; l1 <= 16; l1++) {
        for (u64 l2 = 1; l2 <= 16; l2++) {
            for (u64 v = 0; v < 4; v++) {
                u64 seed = l1 * 1000 + l2 * 10 + v;
                u8 *d = pg + PAGE + (v & 1 ? 4096 - 5 : 100), *s = pg + 3 * PAGE - (v & 2 ? 3 : 300);
                make_val(d, l1, seed);
                make_val(s, l2, seed * 7 + 3);
                one(op, d, l1, s, l2, v);
            }
        }
        /* Overlap: identical fields, and op2 right-aligned inside op1. */
        u8 *d = pg + 5 * PAGE - 8;
        make_val(d, l1, l1 + 77);
        one(op, d, l1, d, l1, 10);
        make_val(d, l1, l1 + 78);
        one(op, d, l1, d + l1 - (l1 + 1) / 2, (l1 + 1) / 2, 11);
    }
}

static void muldiv_sweep(char op)
{
    for (u64 l1 = 2; l1 <= 16; l1++) {
        for (u64 l2 = 1; l2 < l1 && l2 <= 8; l2++) {
            for (u64 v = 0; v < 6; v++) {
                u64 seed = l1 * 1000 + l2 * 10 + v;
                u8 *d = pg + PAGE + (v & 1 ? 4096 - 7 : 200), *s = pg + 3 * PAGE - (v & 2 ? 2 : 400);
                make_val(d, l1, seed);
                make_val(s, l2, seed * 5 + 1);
                if (v < 4)                            /* make room: leftmost bytes zero */
                    fill_byte(d, op == 'm' ? l2 : (l2 + v % 2), 0);
                if (v == 4 && op == 'd')
                    fill_byte(s, l2, 0), s[l2 - 1] = 0x0c + (u8)(seed & 1);   /* divisor zero */
                one(op, d, l1, s, l2, v);
            }
        }
    }
}

/* SRP: L1 and I3 come from EXRL; the shift is the low six bits of the op2 address. */
static void srp_sweep(void)
{
    static const s64 shifts[] = { 0, 1, 2, 5, 15, 30, 31, -1, -2, -5, -15, -31, -32 };
    static const unsigned rounds[] = { 0, 5, 9 };
    for (u64 l1 = 1; l1 <= 16; l1++) {
        for (unsigned k = 0; k < 13; k++) {
            for (unsigned r = 0; r < 3; r++) {
                u8 *d = pg + 2 * PAGE - (l1 & 1 ? 3 : 40);
                u64 addr2 = 0x5a5a00 + ((u64)shifts[k] & 63);
                u8 m1[16];
                make_val(d, l1, l1 * 50 + k * 3 + r);
                rt_memcpy(m1, d, l1);
                struct dm_res res = dm_srp(m1, l1, addr2, rounds[r], 0);
                head("srp", l1, (u64)shifts[k]);
                put_dec(rounds[r]);
                put_bytes(d, l1);
                if (res.pgm) {
                    put_str(" skip\n");
                    continue;
                }
                u32 cc = res.cc;
                if (have_dec)
                    asm volatile("exrl %[l],1f\n\t" GET_CC
                                 ".pushsection .text.exrl,\"ax\"\n1:\tsrp 0(1,%[p]),0(%[a]),0\n\t.popsection"
                                 : [cc] "=d"(cc) : [l] "a"((l1 - 1) << 4 | rounds[r]), [p] "a"(d), [a] "a"(addr2)
                                 : "cc", "memory");
                else
                    rt_memcpy(d, m1, l1);
                put_str(" ->");
                put_bytes(d, l1);
                put_cc(cc);
                put_char('\n');
            }
        }
    }
}

/* Directly encoded maximum lengths. */
static void direct_forms(void)
{
    u8 *a = pg + 100, *b = pg + 200;
    make_val(a, 16, 5);
    make_val(b, 16, 6);
    u32 cc = 0;
    if (have_dec) {
        asm volatile("ap 0(16,%[a]),0(16,%[b])\n\t" GET_CC : [cc] "=d"(cc) : [a] "a"(a), [b] "a"(b) : "cc", "memory");
    } else {
        struct dm_res r = dm_addsub('a', a, 16, b, 16, 0);
        cc = r.cc;
    }
    head("ap-direct", 16, 16);
    put_bytes(a, 16);
    put_cc(cc);
    put_char('\n');
}

int main(void)
{
    dec_probe();
    addsub_sweep('z');
    addsub_sweep('a');
    addsub_sweep('s');
    addsub_sweep('c');
    muldiv_sweep('m');
    muldiv_sweep('d');
    srp_sweep();
    direct_forms();
    rt_exit(0);
}
