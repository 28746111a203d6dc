/* bench: a compiled C workload (sieve, CRC-32, insertion-sorted buckets, a hash table,
 * integer matrix multiply), freestanding, printing one checksum line. */
#include "rt.h"

static u8 sieve[1 << 20];
static u32 crc_table[256];
static u32 mat_a[48][48], mat_b[48][48], mat_c[48][48];
static u64 keys[4096];

static u32 run_sieve(void)
{
    u32 count = 0;
    rt_memset(sieve, 1, sizeof(sieve));
    for (u32 i = 2; i < sizeof(sieve); i++) {
        if (!sieve[i])
            continue;
        count++;
        for (u32 j = i * 2; j < sizeof(sieve); j += i)
            sieve[j] = 0;
    }
    return count;
}

static u32 run_crc(const u8 *p, u32 n)
{
    for (u32 i = 0; i < 256; i++) {
        u32 c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
    u32 crc = 0xffffffffu;
    for (u32 i = 0; i < n; i++)
        crc = crc_table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static u64 run_sort(void)
{
    for (u32 i = 0; i < 4096; i++)
        keys[i] = rnd64() >> 40;
    for (u32 i = 1; i < 4096; i++) {
        u64 k = keys[i];
        u32 j = i;
        while (j > 0 && keys[j - 1] > k) {
            keys[j] = keys[j - 1];
            j--;
        }
        keys[j] = k;
    }
    u64 h = 0;
    for (u32 i = 0; i < 4096; i += 7)
        h = h * 31 + keys[i];
    return h;
}

static u32 run_matmul(void)
{
    for (u32 i = 0; i < 48; i++)
        for (u32 j = 0; j < 48; j++) {
            mat_a[i][j] = i * 3 + j;
            mat_b[i][j] = i ^ j;
        }
    for (int rep = 0; rep < 10; rep++)
        for (u32 i = 0; i < 48; i++)
            for (u32 j = 0; j < 48; j++) {
                u32 s = 0;
                for (u32 k = 0; k < 48; k++)
                    s += mat_a[i][k] * mat_b[k][j];
                mat_c[i][j] = s + rep;
            }
    return mat_c[17][29];
}

int main(void)
{
    u64 sum = 0;
    for (int round = 0; round < 20; round++) {
        sum += run_sieve();
        sum += run_crc(sieve, sizeof(sieve));
        sum += run_sort();
        sum += run_matmul();
    }
    put_str("cbench checksum ");
    put_hex(sum);
    put_char('\n');
    rt_exit(0);
}
