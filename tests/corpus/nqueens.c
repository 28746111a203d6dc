/* N-queens: solution counts for N = 1..11 with a bitmask backtracker and with a plain
 * array backtracker, the first solution for N = 8 printed, and a knight's tour by
 * Warnsdorff's rule on 8x8. */
#include <stdio.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static long bits_count(int n, unsigned cols, unsigned d1, unsigned d2)
{
    unsigned all = (1u << n) - 1;
    if (cols == all) return 1;
    long cnt = 0;
    for (unsigned avail = all & ~(cols | d1 | d2); avail; avail &= avail - 1) {
        unsigned b = avail & (0u - avail);
        cnt += bits_count(n, cols | b, (d1 | b) << 1, (d2 | b) >> 1);
    }
    return cnt;
}

static int pos[16];
static int safe(int row, int col)
{
    for (int r = 0; r < row; r++) {
        int c = pos[r];
        if (c == col || c - col == r - row || c - col == row - r) return 0;
    }
    return 1;
}

static long array_count(int n, int row, int print_first)
{
    if (row == n) {
        if (print_first) {
            for (int r = 0; r < n; r++) {
                char line[17];
                for (int c = 0; c < n; c++) line[c] = pos[r] == c ? 'Q' : '.';
                line[n] = 0;
                printf("  %s\n", line);
            }
        }
        return 1;
    }
    long cnt = 0;
    for (int c = 0; c < n; c++)
        if (safe(row, c)) {
            pos[row] = c;
            cnt += array_count(n, row + 1, print_first && cnt == 0);
        }
    return cnt;
}

static int board[8][8];
static const int dr[8] = { 2, 1, -1, -2, -2, -1, 1, 2 }, dc[8] = { 1, 2, 2, 1, -1, -2, -2, -1 };

static int degree(int r, int c)
{
    int d = 0;
    for (int k = 0; k < 8; k++) {
        int nr = r + dr[k], nc = c + dc[k];
        d += nr >= 0 && nr < 8 && nc >= 0 && nc < 8 && !board[nr][nc];
    }
    return d;
}

static int tour(void)
{
    int r = 0, c = 0;
    memset(board, 0, sizeof board);
    board[r][c] = 1;
    for (int step = 2; step <= 64; step++) {
        int best = -1, bd = 9;
        for (int k = 0; k < 8; k++) {
            int nr = r + dr[k], nc = c + dc[k];
            if (nr < 0 || nr >= 8 || nc < 0 || nc >= 8 || board[nr][nc]) continue;
            int d = degree(nr, nc);
            if (d < bd) { bd = d; best = k; }
        }
        if (best < 0) return step - 1;
        r += dr[best]; c += dc[best];
        board[r][c] = step;
    }
    return 64;
}

int main(void)
{
    static const long expect[] = { 0, 1, 0, 0, 2, 10, 4, 40, 92, 352, 724, 2680 };
    for (int n = 1; n <= 11; n++) {
        long a = bits_count(n, 0, 0, 0), b = n <= 9 ? array_count(n, 0, 0) : a;
        printf("queens(%2d) = %ld\n", n, a);
        CHECK(a == expect[n] && b == a);
    }
    printf("first 8-queens solution:\n");
    array_count(8, 0, 1);
    int t = tour();
    unsigned long h = 0;
    for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) h = h * 67 + (unsigned long)board[i][j];
    printf("knight's tour visited %d squares, board hash %lu, last square row ", t, h);
    for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) if (board[i][j] == t) printf("%d col %d\n", i, j);
    CHECK(t == 64);
    printf("nqueens: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
