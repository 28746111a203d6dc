/* The demo program for `make demo`: a static glibc program that exercises printf of
 * integers and doubles, libm, qsort and malloc, run by `zhyp user` and by qemu-s390x. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    struct utsname u;
    uname(&u);
    printf("hello from s390x (%s %s), argc=%d, argv[0] ends in '%s'\n", u.sysname, u.machine,
           argc, strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0]);
    int n = 0, primes[32];
    for (int i = 2; n < 32; i++) {
        int p = 1;
        for (int d = 2; d * d <= i; d++)
            p &= i % d != 0;
        if (p)
            primes[n++] = i;
    }
    printf("first primes:");
    for (int i = 0; i < 12; i++)
        printf(" %d", primes[i]);
    printf("\nsqrt(2) = %.15f, exp(1) = %.12e, sin(1) = %g\n", sqrt(2.0), exp(1.0), sin(1.0));
    int *v = malloc(1000 * sizeof(int));
    for (int i = 0; i < 1000; i++)
        v[i] = (i * 7919) % 1000;
    qsort(v, 1000, sizeof(int), cmp_int);
    printf("sorted: %d %d %d ... %d, 2^100 as double %.0f\n", v[0], v[1], v[2], v[999], ldexp(1.0, 100));
    free(v);
    return 0;
}
