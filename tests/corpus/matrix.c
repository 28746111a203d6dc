/* Dense linear algebra in double: multiplication (exact on dyadic inputs), transposes,
 * LU with partial pivoting (determinant, solve, inverse), Cholesky, power iteration and
 * a Fibonacci matrix power. Outputs are rounded to digits that do not depend on whether
 * the compiler fuses multiply-adds. */
#include <stdio.h>
#include <math.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

enum { N = 24 };
typedef double mat[N][N];

static void matmul(mat r, const mat a, const mat b, int n)
{
    mat t;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) s += a[i][k] * b[k][j];
            t[i][j] = s;
        }
    memcpy(r, t, sizeof t);
}

static unsigned rs = 2024;
static int rnd(int m) { rs = rs * 1103515245u + 12345u; return (int)((rs >> 16) % (unsigned)m); }

/* LU in place with row pivots; returns the determinant */
static double lu(mat a, int *piv, int n)
{
    double det = 1;
    for (int k = 0; k < n; k++) {
        int p = k;
        for (int i = k + 1; i < n; i++) if (fabs(a[i][k]) > fabs(a[p][k])) p = i;
        piv[k] = p;
        if (p != k) {
            for (int j = 0; j < n; j++) { double t = a[k][j]; a[k][j] = a[p][j]; a[p][j] = t; }
            det = -det;
        }
        det *= a[k][k];
        for (int i = k + 1; i < n; i++) {
            a[i][k] /= a[k][k];
            for (int j = k + 1; j < n; j++) a[i][j] -= a[i][k] * a[k][j];
        }
    }
    return det;
}

static void lu_solve(const mat lu_, const int *piv, double *x, int n)
{
    for (int k = 0; k < n; k++) { double t = x[k]; x[k] = x[piv[k]]; x[piv[k]] = t; }
    for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) x[i] -= lu_[i][j] * x[j];
    for (int i = n - 1; i >= 0; i--) {
        for (int j = i + 1; j < n; j++) x[i] -= lu_[i][j] * x[j];
        x[i] /= lu_[i][i];
    }
}

static void exact_products(void)
{
    static mat a, b, c, d, at, bt, ct;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) { a[i][j] = (rnd(33) - 16) / 8.0; b[i][j] = (rnd(65) - 32) / 4.0; }
    matmul(c, a, b, N);
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { at[j][i] = a[i][j]; bt[j][i] = b[i][j]; }
    matmul(ct, bt, at, N);   /* (AB)^T = B^T A^T, exactly, since all sums are exact */
    int bad = 0;
    double tr = 0, sum = 0;
    for (int i = 0; i < N; i++) {
        tr += c[i][i];
        for (int j = 0; j < N; j++) { bad += c[i][j] != ct[j][i]; sum += c[i][j]; }
    }
    matmul(d, c, a, N);      /* associativity holds exactly here too */
    matmul(at, b, a, N);
    matmul(bt, a, at, N);
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) bad += d[i][j] != bt[i][j];
    printf("exact products: trace %.4f sum %.4f c[3][5] %.4f, %d mismatches\n", tr, sum, c[3][5], bad);
    CHECK(bad == 0);
}

static void lu_tests(void)
{
    static mat a, f, inv, prod;
    int piv[N];
    int n = 12;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) a[i][j] = rnd(19) - 9 + (i == j ? 40 : 0);
    memcpy(f, a, sizeof a);
    double det = lu(f, piv, n);
    printf("det (12x12 integer matrix) = %.6e\n", det);
    double x[N], bvec[N];
    for (int i = 0; i < n; i++) { bvec[i] = 0; for (int j = 0; j < n; j++) bvec[i] += a[i][j] * (j + 1); }
    memcpy(x, bvec, sizeof x);
    lu_solve(f, piv, x, n);
    double err = 0;
    for (int i = 0; i < n; i++) err = fmax(err, fabs(x[i] - (i + 1)));
    printf("solve: x = %.9f %.9f ... %.9f, max error small: %d\n", x[0], x[1], x[n - 1], err < 1e-12);
    CHECK(err < 1e-12);
    for (int j = 0; j < n; j++) {
        double col[N] = { 0 };
        col[j] = 1;
        lu_solve(f, piv, col, n);
        for (int i = 0; i < n; i++) inv[i][j] = col[i];
    }
    matmul(prod, a, inv, n);
    double off = 0;
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) off = fmax(off, fabs(prod[i][j] - (i == j)));
    printf("inverse: inv[0][0] %.9f inv[5][7] %.9f, residual small: %d\n", inv[0][0], inv[5][7], off < 1e-13);
    CHECK(off < 1e-13);

    /* 3x3 with known determinant */
    static mat s = { { 2, -3, 1 }, { 2, 0, -1 }, { 1, 4, 5 } };
    CHECK(fabs(lu(s, piv, 3) - 49) < 1e-12);
}

static void cholesky_power(void)
{
    static mat a, l;
    int n = 10;
    for (int i = 0; i < n; i++)
        for (int j = 0; j <= i; j++) a[i][j] = a[j][i] = i == j ? 20 + i : 1.0 / (1 + i + j);
    memset(l, 0, sizeof l);
    for (int j = 0; j < n; j++) {
        double s = a[j][j];
        for (int k = 0; k < j; k++) s -= l[j][k] * l[j][k];
        l[j][j] = sqrt(s);
        for (int i = j + 1; i < n; i++) {
            double t = a[i][j];
            for (int k = 0; k < j; k++) t -= l[i][k] * l[j][k];
            l[i][j] = t / l[j][j];
        }
    }
    double logdet = 0, err = 0;
    for (int i = 0; i < n; i++) logdet += 2 * log(l[i][i]);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) s += l[i][k] * l[j][k];
            err = fmax(err, fabs(s - a[i][j]));
        }
    printf("cholesky: l[9][9] %.9f logdet %.9f, reconstruction ok: %d\n", l[9][9], logdet, err < 1e-12);
    CHECK(err < 1e-12);
    double v[N], w[N], lambda = 0;
    for (int i = 0; i < n; i++) v[i] = 1;
    for (int it = 0; it < 200; it++) {
        double norm = 0;
        for (int i = 0; i < n; i++) { w[i] = 0; for (int j = 0; j < n; j++) w[i] += a[i][j] * v[j]; }
        for (int i = 0; i < n; i++) norm += w[i] * w[i];
        norm = sqrt(norm);
        lambda = 0;
        for (int i = 0; i < n; i++) { lambda += v[i] * w[i]; v[i] = w[i] / norm; }
    }
    printf("dominant eigenvalue %.8f\n", lambda);
    CHECK(lambda > 29 && lambda < 30);
}

static void fib_power(void)
{
    static mat m, r;
    memset(r, 0, sizeof r);
    m[0][0] = m[0][1] = m[1][0] = 1; m[1][1] = 0;
    r[0][0] = r[1][1] = 1;
    for (unsigned e = 70; e; e >>= 1) {   /* M^70 = [[F71 F70][F70 F69]], exact below 2^53 */
        if (e & 1) matmul(r, r, m, 2);
        matmul(m, m, m, 2);
    }
    printf("fib(70) via matrix power = %.0f\n", r[0][1]);
    CHECK(r[0][1] == 190392490709135.0);
}

int main(void)
{
    exact_products();
    lu_tests();
    cholesky_power();
    fib_power();
    printf("matrix: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
