/* Differential test: BFP CONVERT FROM FIXED (CEFBR CDFBR CXFBR CEGBR CDGBR CXGBR and
 * their M3/M4 forms) and CONVERT FROM LOGICAL (CELFBR CDLFBR CXLFBR CELGBR CDLGBR CXLGBR)
 * over edge, rounding-boundary and random integers, every rounding mode and method. */
#include "bfp_test.h"

static const u64 iv[] = {
    0x1000001, 0x1000003, 0x1000002, 0xffffff, 0x2000005, 0x7fffffc0, 0x7fffff80, 0x7fffffff,
    0x80000000, 0x80000001, 0xffffff7f, 0xffffff80, 0xffffffff, 0x20000000000001,
    0x20000000000003, 0x3fffffffffffff, 0x7ffffffffffffc00, 0x7ffffffffffffdff,
    0x7ffffffffffffe00, 0x8000000000000400, 0x8000000000000401, 0xfffffffffffffc00,
    0xfffffffffffffbff, 0xfffffffffffff800, 0xffffffff80000000, 0xfffffffffefffffd,
};

#define FROM_INT(M3, M4) { \
    T_FG("cefbra", "," #M3, "," #M4, g, rm); \
    T_FG("cdfbra", "," #M3, "," #M4, g, rm); \
    T_FGX("cxfbra", "," #M3, "," #M4, g, rm); \
    T_FG("cegbra", "," #M3, "," #M4, g, rm); \
    T_FG("cdgbra", "," #M3, "," #M4, g, rm); \
    T_FGX("cxgbra", "," #M3, "," #M4, g, rm); \
    T_FG("celfbr", "," #M3, "," #M4, g, rm); \
    T_FG("cdlfbr", "," #M3, "," #M4, g, rm); \
    T_FGX("cxlfbr", "," #M3, "," #M4, g, rm); \
    T_FG("celgbr", "," #M3, "," #M4, g, rm); \
    T_FG("cdlgbr", "," #M3, "," #M4, g, rm); \
    T_FGX("cxlgbr", "," #M3, "," #M4, g, rm); }

static void from_int(unsigned k, u32 rm, u64 g)
{
    unsigned i = 0;
#define F_CASE(M3, M4) if (i++ == k) FROM_INT(M3, M4)
    M34_COMBOS(F_CASE)
}

static void all(u64 g)
{
    for (unsigned m = 0; m < N_RMS; m++) {
        u32 rm = fpc_rms[m];
        from_int(0, rm, g);
        T_FG("cefbr", "", "", g, rm);
        T_FG("cdfbr", "", "", g, rm);
        T_FGX("cxfbr", "", "", g, rm);
        T_FG("cegbr", "", "", g, rm);
        T_FG("cdgbr", "", "", g, rm);
        T_FGX("cxgbr", "", "", g, rm);
    }
    for (unsigned k = 1; k < N_M34; k++)
        from_int(k, 3, g);
}

int main(void)
{
    for (unsigned i = 0; i < n_edges64; i++) {
        all(edges64[i]);
        all(-edges64[i]);
    }
    for (unsigned i = 0; i < sizeof(iv) / sizeof(iv[0]); i++) {
        all(iv[i]);
        all(-iv[i]);
    }
    for (unsigned i = 0; i < 200; i++) {
        u64 r = rnd64();
        all(r >> (r & 63));
    }
    rt_exit(0);
}
