/* Structs passed and returned by value at the sizes the s390x ABI treats differently
 * (1, 2, 4, 8 bytes in registers; 3, 12, 16 and larger by reference; a lone float or
 * double member in a floating-point register), nested structs, arrays inside structs,
 * bit-fields, unions, compound literals, and struct assignment. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

struct s1 { char c; };
struct s2 { short h; };
struct s3 { char a, b, c; };
struct s4 { int i; };
struct s8 { int a, b; };
struct s12 { int a, b, c; };
struct s16 { long long a, b; };
struct sf { float f; };
struct sd { double d; };
struct sfd { float f; double d; };
struct big { int v[50]; char name[16]; double scale; };
struct bits { unsigned a : 3; signed b : 5; unsigned c : 12; unsigned d : 1; unsigned long long e : 40; };
union pun { uint32_t u; float f; unsigned char b[4]; };
struct outer { struct s8 in; struct sd inner_d; char tail; };

static struct s1 __attribute__((noinline)) inc1(struct s1 x) { x.c++; return x; }
static struct s2 __attribute__((noinline)) neg2(struct s2 x) { x.h = (short)-x.h; return x; }
static struct s3 __attribute__((noinline)) rot3(struct s3 x) { return (struct s3){ x.b, x.c, x.a }; }
static struct s4 __attribute__((noinline)) dbl4(struct s4 x) { x.i *= 2; return x; }
static struct s8 __attribute__((noinline)) swap8(struct s8 x) { return (struct s8){ x.b, x.a }; }
static struct s12 __attribute__((noinline)) sum12(struct s12 x, struct s12 y) { return (struct s12){ x.a + y.a, x.b + y.b, x.c + y.c }; }
static struct s16 __attribute__((noinline)) mix16(struct s16 x, long long k) { return (struct s16){ x.b * k, x.a - k }; }
static struct sf __attribute__((noinline)) half(struct sf x) { x.f /= 2; return x; }
static struct sd __attribute__((noinline)) sq(struct sd x) { x.d *= x.d; return x; }
static struct sfd __attribute__((noinline)) fd(struct sfd x, float a, double b) { x.f += a; x.d -= b; return x; }

static struct big __attribute__((noinline)) scale_big(struct big b, int k)
{
    for (int i = 0; i < 50; i++) b.v[i] *= k;
    b.scale *= k;
    strcat(b.name, "*k");
    return b;
}

static long __attribute__((noinline)) many(struct s1 a, struct s2 b, struct s3 c, struct s4 d, struct s8 e,
                                           struct s12 f, struct s16 g, struct sf h, struct sd i, struct big j)
{
    return a.c + b.h + c.a + c.b + c.c + d.i + e.a + e.b + f.a + f.b + f.c + g.a + g.b + (long)h.f +
           (long)i.d + j.v[0] + j.v[49];
}

static struct outer __attribute__((noinline)) make_outer(int k)
{
    struct outer o;
    memset(&o, 0, sizeof o);
    o.in = (struct s8){ k, -k };
    o.inner_d.d = k * 0.5;
    o.tail = 'T';
    return o;
}

int main(void)
{
    struct s1 a = inc1((struct s1){ 'a' });
    struct s2 b = neg2((struct s2){ 1234 });
    struct s3 c = rot3((struct s3){ 'x', 'y', 'z' });
    struct s4 d = dbl4((struct s4){ -21 });
    struct s8 e = swap8((struct s8){ 1, 2 });
    struct s12 f = sum12((struct s12){ 1, 2, 3 }, (struct s12){ 10, 20, 30 });
    struct s16 g = mix16((struct s16){ 5, 7 }, 3);
    struct sf h = half((struct sf){ 3.0f });
    struct sd i = sq((struct sd){ 1.5 });
    struct sfd j = fd((struct sfd){ 1.0f, 10.0 }, 0.5f, 0.25);
    printf("s1 %c s2 %d s3 %c%c%c s4 %d s8 %d,%d s12 %d,%d,%d s16 %lld,%lld\n", a.c, b.h, c.a, c.b, c.c,
           d.i, e.a, e.b, f.a, f.b, f.c, g.a, g.b);
    printf("sf %g sd %g sfd %g,%g\n", (double)h.f, i.d, (double)j.f, j.d);
    CHECK(a.c == 'b' && b.h == -1234 && c.a == 'y' && c.c == 'x' && d.i == -42 && e.a == 2);
    CHECK(f.c == 33 && g.a == 21 && g.b == 2 && h.f == 1.5f && i.d == 2.25 && j.f == 1.5f && j.d == 9.75);

    struct big bg;
    for (int k = 0; k < 50; k++) bg.v[k] = k;
    strcpy(bg.name, "big");
    bg.scale = 1.25;
    struct big b2 = scale_big(bg, 3);
    CHECK(bg.v[49] == 49 && strcmp(bg.name, "big") == 0);   /* the callee had a copy */
    CHECK(b2.v[49] == 147 && strcmp(b2.name, "big*k") == 0 && b2.scale == 3.75);
    long m = many(a, b, c, d, e, f, g, h, i, b2);
    printf("big: %d %s %g; many = %ld\n", b2.v[10], b2.name, b2.scale, m);
    CHECK(m == 'b' - 1234 + 'x' + 'y' + 'z' - 42 + 3 + 11 + 22 + 33 + 21 + 2 + 1 + 2 + 0 + 147);

    struct bits bt = { 0 };
    volatile unsigned nine = 9;
    bt.a = nine;       /* wraps to 1 */
    bt.b = -7;
    bt.c = 4095;
    bt.d = 1;
    bt.e = 0xfedcba9876ULL;
    bt.c++;            /* wraps to 0 */
    printf("bits: a %u b %d c %u d %u e %llx size %zu\n", bt.a, bt.b, bt.c, bt.d, (unsigned long long)bt.e, sizeof bt);
    CHECK(bt.a == 1 && bt.b == -7 && bt.c == 0 && bt.d == 1 && bt.e == 0xfedcba9876ULL);
    union pun pn = { .f = 1.0f };
    printf("union: %08x bytes %02x %02x %02x %02x\n", (unsigned)pn.u, pn.b[0], pn.b[1], pn.b[2], pn.b[3]);
    CHECK(pn.u == 0x3f800000u && pn.b[0] == 0x3f);   /* big-endian byte order */

    struct outer o = make_outer(8), o2;
    o2 = o;
    o2.in.a++;
    CHECK(o.in.a == 8 && o2.in.a == 9 && o2.inner_d.d == 4.0 && o2.tail == 'T');
    CHECK(memcmp(&o.inner_d, &o2.inner_d, sizeof o.inner_d) == 0);
    struct s12 arr[4] = { [2] = { .b = 5 }, [0].c = 7 };
    CHECK(arr[2].b == 5 && arr[0].c == 7 && arr[1].a == 0 && arr[3].c == 0);
    printf("sizes: s3 %zu s12 %zu sfd %zu big %zu outer %zu\n", sizeof(struct s3), sizeof(struct s12),
           sizeof(struct sfd), sizeof(struct big), sizeof(struct outer));
    printf("structs: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
