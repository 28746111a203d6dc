/* Deep and heavy recursion: Ackermann, Towers of Hanoi, Takeuchi, McCarthy 91, mutual
 * recursion, naive Fibonacci, a recursion 20000 frames deep, and permutations. */
#include <stdio.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static unsigned long calls;

static unsigned ack(unsigned m, unsigned n)
{
    calls++;
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

static int pegs[3][24], height[3];
static unsigned long moves, move_hash;

static void hanoi(int n, int from, int to, int via)
{
    if (n == 0) return;
    hanoi(n - 1, from, via, to);
    int disk = pegs[from][--height[from]];
    if (height[to] && pegs[to][height[to] - 1] < disk) fails++;   /* larger on smaller */
    pegs[to][height[to]++] = disk;
    moves++;
    move_hash = move_hash * 3 + (unsigned long)(from * 3 + to) + (unsigned long)disk;
    hanoi(n - 1, via, to, from);
}

static int tak(int x, int y, int z)
{
    calls++;
    if (y < x) return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
    return z;
}

static int m91(int n) { return n > 100 ? n - 10 : m91(m91(n + 11)); }

static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static unsigned long fib(int n) { return n < 2 ? (unsigned long)n : fib(n - 1) + fib(n - 2); }

/* a recursion that keeps a live local array per frame so it is not turned into a loop */
static long deep(int n, long acc)
{
    volatile char frame[32];
    frame[n % 32] = (char)n;
    if (n == 0) return acc;
    long r = deep(n - 1, acc + n);
    return r + frame[n % 32] - (char)n;
}

static int perm_count;
static unsigned long perm_hash;

static void permute(char *s, int k, int n)
{
    if (k == n) {
        perm_count++;
        for (int i = 0; i < n; i++) perm_hash = perm_hash * 7 + (unsigned long)s[i];
        return;
    }
    for (int i = k; i < n; i++) {
        char t = s[k]; s[k] = s[i]; s[i] = t;
        permute(s, k + 1, n);
        t = s[k]; s[k] = s[i]; s[i] = t;
    }
}

int main(void)
{
    for (unsigned m = 0; m <= 3; m++) {
        calls = 0;
        unsigned n = m == 3 ? 6 : 5;
        unsigned a = ack(m, n);
        printf("ack(%u,%u) = %u in %lu calls\n", m, n, a, calls);
        if (m == 3) CHECK(a == 509);
    }
    CHECK(ack(2, 3) == 9);

    int n = 16;
    for (int i = 0; i < n; i++) pegs[0][i] = n - i;
    height[0] = n;
    hanoi(n, 0, 2, 1);
    printf("hanoi(%d): %lu moves, hash %lu, peg 2 height %d\n", n, moves, move_hash, height[2]);
    CHECK(moves == (1ul << n) - 1 && height[2] == n && pegs[2][0] == n && pegs[2][n - 1] == 1);

    calls = 0;
    int t = tak(18, 12, 6);
    printf("tak(18,12,6) = %d in %lu calls\n", t, calls);
    CHECK(t == 7);

    int ok91 = 1;
    for (int i = -50; i <= 100; i++) ok91 &= m91(i) == 91;
    CHECK(ok91 && m91(150) == 140);
    CHECK(is_even(10000) && is_odd(7777) && !is_odd(4444));
    unsigned long f = fib(25);
    printf("fib(25) = %lu\n", f);
    CHECK(f == 75025);
    long d = deep(20000, 0);
    printf("deep(20000) = %ld\n", d);
    CHECK(d == 20000L * 20001 / 2);
    char s[] = "abcdefg";
    permute(s, 0, 7);
    printf("permutations of %s: %d hash %lu\n", s, perm_count, perm_hash);
    CHECK(perm_count == 5040 && strcmp(s, "abcdefg") == 0);
    printf("recursion: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
