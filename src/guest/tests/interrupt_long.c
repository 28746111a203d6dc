/* Interruptible instructions: MVCLE and CLCLE over 4 MB, each execution doing a
 * CPU-determined part and setting CC 3 until done. A CPU-timer interruption arrives
 * while the loop is in the middle of the range; the handler records where, and the
 * loop resumes from the registers, so the copy and the compare still come out right.
 * Each part is padded with a delay loop, so that the timer, set 150 us ahead, lands
 * inside the range on both zhyp (1 ns per instruction: about 8 ms for the loop) and
 * QEMU (host time: a timer there may come a few milliseconds late on a busy host).
 * (Not the clock comparator: QEMU 7.2 fires one set 150 us ahead almost at once.)
 */
#include "test.h"

#define SRC_AA      0x1000000UL     /* 16 MB: beyond the image, DAT off, prefix 0 */
#define DST_AA      0x2000000UL
#define LEN         0x400000UL      /* 4 MB */
#define PAD         8000            /* delay-loop turns after each part */
#define AHEAD_US    150

struct loop_regs {
    uint64_t op1, len1, op2, len2;  /* r2-r5 at the end */
    uint64_t start, end;            /* the loop's first and last addresses */
    int cc;
};

static volatile int taken;
static volatile uint64_t taken_addr, taken_left;

/* Record where the loop was; silence the source so it fires once. */
static void on_ext(struct intr_frame *f, uint16_t code, uint32_t param, uint16_t cpu)
{
    (void)param, (void)cpu;
    taken += code == EXT_CPU_TIMER;
    taken_addr = f->psw_addr;
    taken_left = f->gprs[3];
    spt(INT64_MAX);
}

/* MVCLE (move) or CLCLE (compare) loop, started right after SPT loads the CPU timer
 * with 'when'. */
static void long_loop(int compare, int64_t when, struct loop_regs *r)
{
    register uint64_t r2 asm("2") = DST_AA, r3 asm("3") = LEN;
    register uint64_t r4 asm("4") = SRC_AA, r5 asm("5") = LEN;
    uint64_t start, end;
    int cc;
#define LONG_LOOP(insn)                                                          \
    asm volatile("larl %[s],0f\n\tlarl %[e],2f\n\tspt %[w]\n"                    \
                 "0:\t" insn " %%r2,%%r4,0\n\t"                                  \
                 "lghi %%r0,%[pad]\n"                                            \
                 "1:\tbrctg %%r0,1b\n\t"                                         \
                 "jo 0b\n"                                                       \
                 "2:\tipm %[cc]\n\tsrl %[cc],28"                                 \
                 : [s] "=&a"(start), [e] "=&a"(end), [cc] "=&d"(cc),             \
                   "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5)                        \
                 : [w] "Q"(when), [pad] "i"(PAD)                                 \
                 : "r0", "cc", "memory")
    if (compare)
        LONG_LOOP("clcle");
    else
        LONG_LOOP("mvcle");
#undef LONG_LOOP
    *r = (struct loop_regs){ r2, r3, r4, r5, start, end, cc };
}

static void check_interrupted(const struct loop_regs *r, const char *what)
{
    char name[96];
    snprintf(name, sizeof(name), "%s: one cpu-timer interruption", what);
    CHECK_EQ(taken, 1, name);
    snprintf(name, sizeof(name), "%s: it came inside the loop", what);
    CHECK(taken_addr >= r->start && taken_addr < r->end, name);
    snprintf(name, sizeof(name), "%s: in the middle of the range", what);
    CHECK(taken_left > 0 && taken_left < LEN, name);
    snprintf(name, sizeof(name), "%s: registers at the end of both operands", what);
    CHECK(r->op1 == DST_AA + LEN && r->len1 == 0 && r->op2 == SRC_AA + LEN && r->len2 == 0, name);
}

static void fill(void)
{
    volatile uint64_t *s = (volatile uint64_t *)SRC_AA, *d = (volatile uint64_t *)DST_AA;
    for (uint64_t i = 0; i < LEN / 8; i++) {
        s[i] = i * 0x9e3779b97f4a7c15UL;
        d[i] = 0;
    }
}

static int same(void)
{
    return !memcmp((const void *)SRC_AA, (const void *)DST_AA, LEN);
}

int main(void)
{
    struct loop_regs r;
    intr_set_ext_handler(on_ext);
    fill();
    ctl_set_bits(0, CR0_CPU_TIMER);
    spt(INT64_MAX);
    uint8_t sm = stosm(PSW_SM_EXT);

    long_loop(0, tod_from_us(AHEAD_US), &r);
    check_interrupted(&r, "mvcle");
    CHECK_EQ(r.cc, 0, "mvcle: cc 0 at the end (equal lengths)");
    CHECK(same(), "mvcle: the copy is complete and right");

    taken = 0;
    long_loop(1, tod_from_us(AHEAD_US), &r);
    check_interrupted(&r, "clcle");
    CHECK_EQ(r.cc, 0, "clcle: cc 0, the operands are equal");

    ssm(sm);
    ctl_clear_bits(0, CR0_CPU_TIMER);
    return test_summary();
}
