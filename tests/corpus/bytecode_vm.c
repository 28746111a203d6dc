/* A small stack-machine interpreter, run twice per program: once with a switch dispatch
 * loop and once with computed gotos (GNU labels as values). Programs: iterative
 * Fibonacci, gcd, a sieve counting primes in VM memory, a call/return factorial. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

enum op { PUSH, POP, DUP, SWAP, OVER, ADD, SUB, MUL, DIV, MOD, LT, EQ, NOT,
          JMP, JZ, LOAD, STORE, CALL, RET, PRINT, HALT, NOPS };
static const char *const names[NOPS] = { "push", "pop", "dup", "swap", "over", "add", "sub",
    "mul", "div", "mod", "lt", "eq", "not", "jmp", "jz", "load", "store", "call", "ret",
    "print", "halt" };

struct vm { int64_t st[256]; int sp; int32_t rs[64]; int rp; int64_t mem[1024]; long steps; uint64_t out; };

static int64_t run_switch(const int32_t *code, struct vm *m)
{
    int pc = 0;
    m->sp = m->rp = 0; m->steps = 0; m->out = 0;
    for (;;) {
        m->steps++;
        int32_t ins = code[pc++];
        int64_t a, b;
        switch (ins) {
        case PUSH: m->st[m->sp++] = code[pc++]; break;
        case POP: m->sp--; break;
        case DUP: m->st[m->sp] = m->st[m->sp - 1]; m->sp++; break;
        case SWAP: a = m->st[m->sp - 1]; m->st[m->sp - 1] = m->st[m->sp - 2]; m->st[m->sp - 2] = a; break;
        case OVER: m->st[m->sp] = m->st[m->sp - 2]; m->sp++; break;
        case ADD: b = m->st[--m->sp]; m->st[m->sp - 1] += b; break;
        case SUB: b = m->st[--m->sp]; m->st[m->sp - 1] -= b; break;
        case MUL: b = m->st[--m->sp]; m->st[m->sp - 1] *= b; break;
        case DIV: b = m->st[--m->sp]; m->st[m->sp - 1] /= b; break;
        case MOD: b = m->st[--m->sp]; m->st[m->sp - 1] %= b; break;
        case LT: b = m->st[--m->sp]; m->st[m->sp - 1] = m->st[m->sp - 1] < b; break;
        case EQ: b = m->st[--m->sp]; m->st[m->sp - 1] = m->st[m->sp - 1] == b; break;
        case NOT: m->st[m->sp - 1] = !m->st[m->sp - 1]; break;
        case JMP: pc = code[pc]; break;
        case JZ: a = m->st[--m->sp]; pc = a ? pc + 1 : code[pc]; break;
        case LOAD: m->st[m->sp - 1] = m->mem[m->st[m->sp - 1]]; break;
        case STORE: a = m->st[--m->sp]; m->mem[a] = m->st[--m->sp]; break;
        case CALL: m->rs[m->rp++] = pc + 1; pc = code[pc]; break;
        case RET: pc = m->rs[--m->rp]; break;
        case PRINT: m->out = m->out * 1000003 + (uint64_t)m->st[--m->sp]; break;
        case HALT: return m->sp ? m->st[m->sp - 1] : 0;
        default: return -999;
        }
    }
}

static int64_t run_goto(const int32_t *code, struct vm *m)
{
    static void *const tab[NOPS] = { &&l_push, &&l_pop, &&l_dup, &&l_swap, &&l_over, &&l_add,
        &&l_sub, &&l_mul, &&l_div, &&l_mod, &&l_lt, &&l_eq, &&l_not, &&l_jmp, &&l_jz, &&l_load,
        &&l_store, &&l_call, &&l_ret, &&l_print, &&l_halt };
    int pc = 0;
    int64_t a, b;
    int64_t *sp = m->st;
    m->rp = 0; m->steps = 0; m->out = 0;
#define NEXT do { m->steps++; goto *tab[code[pc++]]; } while (0)
    NEXT;
l_push: *sp++ = code[pc++]; NEXT;
l_pop: sp--; NEXT;
l_dup: *sp = sp[-1]; sp++; NEXT;
l_swap: a = sp[-1]; sp[-1] = sp[-2]; sp[-2] = a; NEXT;
l_over: *sp = sp[-2]; sp++; NEXT;
l_add: b = *--sp; sp[-1] += b; NEXT;
l_sub: b = *--sp; sp[-1] -= b; NEXT;
l_mul: b = *--sp; sp[-1] *= b; NEXT;
l_div: b = *--sp; sp[-1] /= b; NEXT;
l_mod: b = *--sp; sp[-1] %= b; NEXT;
l_lt: b = *--sp; sp[-1] = sp[-1] < b; NEXT;
l_eq: b = *--sp; sp[-1] = sp[-1] == b; NEXT;
l_not: sp[-1] = !sp[-1]; NEXT;
l_jmp: pc = code[pc]; NEXT;
l_jz: a = *--sp; pc = a ? pc + 1 : code[pc]; NEXT;
l_load: sp[-1] = m->mem[sp[-1]]; NEXT;
l_store: a = *--sp; m->mem[a] = *--sp; NEXT;
l_call: m->rs[m->rp++] = pc + 1; pc = code[pc]; NEXT;
l_ret: pc = m->rs[--m->rp]; NEXT;
l_print: m->out = m->out * 1000003 + (uint64_t)*--sp; NEXT;
l_halt: return sp > m->st ? sp[-1] : 0;
#undef NEXT
}

/* programs use symbolic labels: L(n) defines label n, R(n) refers to it */
#define L(n) (-1000 - (n))
#define R(n) (-2000 - (n))

static const int32_t src_fib[] = {          /* fib(80), printing every term */
    PUSH, 0, PUSH, 1, PUSH, 80, PUSH, 0, STORE,
    L(0), PUSH, 0, LOAD, JZ, R(1),
    DUP, PRINT, SWAP, OVER, ADD,                            /* a b -> b a+b */
    PUSH, 0, LOAD, PUSH, 1, SUB, PUSH, 0, STORE, JMP, R(0),
    L(1), POP, HALT,
};
static const int32_t src_gcd[] = {
    PUSH, 1071 * 1000003, PUSH, 462 * 1000003,
    L(0), DUP, JZ, R(1), SWAP, OVER, MOD, JMP, R(0),
    L(1), POP, HALT,
};
static const int32_t src_sieve[] = {        /* primes below 1000; mem[k] = 1 if composite */
    PUSH, 2,
    L(0), DUP, PUSH, 1000, LT, JZ, R(5),
    DUP, LOAD, JZ, R(1), JMP, R(3),
    L(1), DUP, DUP, MUL,
    L(2), DUP, PUSH, 1000, LT, JZ, R(4),
    PUSH, 1, OVER, STORE, OVER, ADD, JMP, R(2),
    L(4), POP,
    L(3), PUSH, 1, ADD, JMP, R(0),
    L(5), POP, PUSH, 0, PUSH, 2,
    L(6), DUP, PUSH, 1000, LT, JZ, R(8),
    DUP, LOAD, JZ, R(7), JMP, R(9),
    L(7), SWAP, PUSH, 1, ADD, SWAP,
    L(9), PUSH, 1, ADD, JMP, R(6),
    L(8), POP, HALT,
};
static const int32_t src_fact[] = {         /* 12! by recursive CALL */
    PUSH, 12, CALL, R(0), HALT,
    L(0), DUP, PUSH, 2, LT, JZ, R(1), POP, PUSH, 1, RET,
    L(1), DUP, PUSH, 1, SUB, CALL, R(0), MUL, RET,
};

/* two passes: label addresses, then code with references resolved */
static int assemble(const int32_t *src, int n, int32_t *out)
{
    int addr[16], pc = 0;
    for (int i = 0; i < n; i++) {
        if (src[i] <= -1000 && src[i] > -2000) addr[-1000 - src[i]] = pc;
        else pc++;
    }
    pc = 0;
    for (int i = 0; i < n; i++) {
        if (src[i] <= -1000 && src[i] > -2000) continue;
        out[pc++] = src[i] <= -2000 ? addr[-2000 - src[i]] : src[i];
    }
    return pc;
}

static void disasm_digest(const int32_t *c, int n)
{
    unsigned h = 0;
    for (int i = 0; i < n; i++) {
        const char *s = c[i] >= 0 && c[i] < NOPS ? names[c[i]] : "?";
        for (; *s; s++) h = h * 33 + (unsigned char)*s;
        if (c[i] == PUSH || c[i] == JMP || c[i] == JZ || c[i] == CALL) i++;
    }
    printf("  listing digest %08x\n", h);
}

static struct vm m1, m2;

static void both(const char *name, const int32_t *src, int nsrc, int64_t expect)
{
    int32_t code[128];
    int n = assemble(src, nsrc, code);
    memset(&m1, 0, sizeof m1);
    memset(&m2, 0, sizeof m2);
    int64_t a = run_switch(code, &m1), b = run_goto(code, &m2);
    printf("%-6s result %lld steps %ld output-hash %llu\n", name, (long long)a, m1.steps, (unsigned long long)m1.out);
    disasm_digest(code, n);
    CHECK(a == expect && b == expect && m1.steps == m2.steps && m1.out == m2.out);
}

int main(void)
{
#define BOTH(name, src, expect) both(name, src, (int)(sizeof src / sizeof *src), expect)
    BOTH("fib", src_fib, 23416728348467685LL);
    BOTH("gcd", src_gcd, 21LL * 1000003);
    BOTH("sieve", src_sieve, 168);
    BOTH("fact", src_fact, 479001600);
    printf("bytecode_vm: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
