/* The Mandelbrot set as ASCII art, computed twice: in 64-bit fixed point (Q8.24) and in
 * double with every product forced through memory, so that no fused multiply-add can
 * change an escape count. The two agree except for a few boundary cells. */
#include <stdio.h>
#include <stdint.h>

enum { W = 64, H = 24, MAXIT = 200 };

static int fixed_iter(int64_t cx, int64_t cy)
{
    int64_t x = 0, y = 0;
    const int64_t four = (int64_t)4 << 24;
    for (int i = 0; i < MAXIT; i++) {
        int64_t xx = x * x >> 24, yy = y * y >> 24;
        if (xx + yy > four) return i;
        int64_t xy = x * y >> 23;   /* 2xy */
        x = xx - yy + cx;
        y = xy + cy;
    }
    return MAXIT;
}

static volatile double vxx, vyy, vxy;

static int double_iter(double cx, double cy)
{
    double x = 0, y = 0;
    for (int i = 0; i < MAXIT; i++) {
        vxx = x * x;
        vyy = y * y;
        if (vxx + vyy > 4.0) return i;
        vxy = x * y;
        x = vxx - vyy + cx;
        y = 2.0 * vxy + cy;
    }
    return MAXIT;
}

int main(void)
{
    static const char shade[] = " .:-=+*#%@";
    long total_fixed = 0, total_double = 0;
    int differ = 0, inside = 0;
    for (int r = 0; r < H; r++) {
        char line[W + 1];
        for (int c = 0; c < W; c++) {
            /* the plane from -2.25..0.75 by -1.125..1.125, in exact binary steps */
            int64_t cx = ((int64_t)c * 3 << 24) / W - ((int64_t)9 << 22);
            int64_t cy = ((int64_t)r * 9 << 21) / H - ((int64_t)9 << 21);
            int a = fixed_iter(cx, cy);
            int b = double_iter((double)cx / (1 << 24), (double)cy / (1 << 24));
            total_fixed += a;
            total_double += b;
            differ += a != b;
            inside += a == MAXIT;
            line[c] = a == MAXIT ? '@' : shade[a % 9];
        }
        line[W] = 0;
        printf("%s\n", line);
    }
    printf("iterations: fixed %ld double %ld; cells differing %d; inside %d\n", total_fixed, total_double, differ, inside);
    int ok = differ < 20 && inside > 200 && inside < 500;
    printf("mandelbrot: %s\n", ok ? "ok" : "FAIL");
    return ok ? 0 : 1;
}
