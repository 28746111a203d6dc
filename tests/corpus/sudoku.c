/* Sudoku by backtracking with bitmask candidates and most-constrained-cell choice:
 * solves several puzzles, verifies every solution against the rules and the givens,
 * and counts solutions (stopping at 2) to report uniqueness. */
#include <stdio.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static int grid[81];
static unsigned rowm[9], colm[9], boxm[9];
static long nodes;

static int box(int i) { return (i / 27) * 3 + (i % 9) / 3; }

static void place(int i, int d)
{
    unsigned b = 1u << d;
    grid[i] = d; rowm[i / 9] |= b; colm[i % 9] |= b; boxm[box(i)] |= b;
}

static void unplace(int i)
{
    unsigned b = ~(1u << grid[i]);
    rowm[i / 9] &= b; colm[i % 9] &= b; boxm[box(i)] &= b; grid[i] = 0;
}

static int load(const char *s)
{
    memset(rowm, 0, sizeof rowm); memset(colm, 0, sizeof colm); memset(boxm, 0, sizeof boxm);
    for (int i = 0; i < 81; i++) {
        int d = s[i] >= '1' && s[i] <= '9' ? s[i] - '0' : 0;
        grid[i] = 0;
        if (!d) continue;
        if ((rowm[i / 9] | colm[i % 9] | boxm[box(i)]) >> d & 1) return 0;   /* contradictory givens */
        place(i, d);
    }
    return 1;
}

/* counts solutions up to limit; leaves the first solution in sol */
static int sol[81];
static int search(int found, int limit)
{
    nodes++;
    int best = -1, bestn = 10;
    unsigned bestc = 0;
    for (int i = 0; i < 81; i++) {
        if (grid[i]) continue;
        unsigned c = ~(rowm[i / 9] | colm[i % 9] | boxm[box(i)]) & 0x3fe;
        int n = __builtin_popcount(c);
        if (n < bestn) { bestn = n; best = i; bestc = c; if (n <= 1) break; }
    }
    if (best < 0) {
        if (!found) memcpy(sol, grid, sizeof sol);
        return found + 1;
    }
    for (unsigned c = bestc; c && found < limit; c &= c - 1) {
        place(best, __builtin_ctz(c));
        found = search(found, limit);
        unplace(best);
    }
    return found;
}

static int valid(const int *g, const char *givens)
{
    for (int u = 0; u < 9; u++) {
        unsigned r = 0, c = 0, b = 0;
        for (int k = 0; k < 9; k++) {
            r |= 1u << g[u * 9 + k];
            c |= 1u << g[k * 9 + u];
            b |= 1u << g[(u / 3 * 3 + k / 3) * 9 + u % 3 * 3 + k % 3];
        }
        if (r != 0x3fe || c != 0x3fe || b != 0x3fe) return 0;
    }
    for (int i = 0; i < 81; i++)
        if (givens[i] >= '1' && givens[i] <= '9' && g[i] != givens[i] - '0') return 0;
    return 1;
}

int main(void)
{
    static const char *puzzles[] = {
        "003020600900305001001806400008102900700000008006708200002609500800203009005010300",
        "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......",
        "85...24..72......9..4.........1.7..23.5...9...4...........8..7..17..........36.4.",
        "..53.....8......2..7..1.5..4....53...1..7...6..32...8..6.5....9..4....3......97..",
        "1........2........3........4........5........6........7........8........9.......",   /* many solutions */
        "11...............................................................................",   /* contradictory */
    };
    int total_unique = 0;
    for (unsigned p = 0; p < sizeof puzzles / sizeof *puzzles; p++) {
        if (!load(puzzles[p])) { printf("puzzle %u: contradictory givens\n", p); CHECK(p == 5); continue; }
        nodes = 0;
        int n = search(0, 2);
        printf("puzzle %u: %s, %ld nodes\n", p, n == 0 ? "no solution" : n == 1 ? "unique" : "multiple", nodes);
        if (n) {
            CHECK(valid(sol, puzzles[p]));
            for (int r = 0; r < 9; r++) {
                printf("  ");
                for (int c = 0; c < 9; c++) printf("%d%s", sol[r * 9 + c], c % 3 == 2 && c < 8 ? " " : "");
                printf("\n");
            }
        }
        total_unique += n == 1;
    }
    printf("unique puzzles: %d\n", total_unique);
    CHECK(total_unique == 4);
    printf("sudoku: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
