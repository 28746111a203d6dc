/* CP commands (DIAG X'8') and statistics records (DIAG X'DC') as a guest sees them
 * (docs/cpcmd.md). Run by tests/hyp/cp.sh as guest "cpa" with 2 vCPUs and 64M, next
 * to "cppeer" (the guest named by peer=), with the command line "self=NAME peer=NAME".
 * The script also checks the lines CP writes to the consoles and the counters. */
#include "test.h"
#include "cp.h"

static char self[32], peer[32];
static char resp[4096];

/* The value of "key=" in the command line, uppercased (CP's user IDs are). */
static void cmdline_arg(const char *key, char *out, unsigned size)
{
    const char *p = strstr(guest_cmdline(), key);
    unsigned n = 0;
    if (p)
        for (p += strlen(key); *p && *p != ' ' && n + 1 < size; p++)
            out[n++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
    out[n] = 0;
}

/* Run cmd expecting return code rc and exactly the response want. */
static void check_cmd(const char *cmd, int rc, const char *want, const char *name)
{
    unsigned got = 0;
    int r = cp_command(cmd, resp, sizeof(resp), &got);
    int ok = r == rc && got == strlen(want) && strcmp(resp, want) == 0;
    if (!ok)
        printf("  %s: rc %d, %u bytes: %s\n", cmd, r, got, resp);
    CHECK(ok, name);
}

static void test_query(void)
{
    char want[256];
    snprintf(want, sizeof(want), "%-8s AT ZHYP\n", self);
    check_cmd("QUERY USERID", 0, want, "query userid");
    check_cmd("q userid", 0, want, "q userid, lower case and abbreviated");
    snprintf(want, sizeof(want), "STORAGE = %luM\n", (unsigned long)(sclp_memory_size() >> 20));
    check_cmd("Q STORAGE", 0, want, "query storage");
    check_cmd("q v stor", 0, want, "query virtual storage");
    const char *cpus = "CPU 00  (BASE)  RUNNING\nCPU 01          STOPPED\n";
    check_cmd("Q CPUS", 0, cpus, "query cpus: the base CPU runs, the second is stopped");
    check_cmd("QUERY VIRTUAL CPUS", 0, cpus, "query virtual cpus");
    int rc = cp_command("Q NAMES", resp, sizeof(resp), NULL);
    char entry[64];
    snprintf(entry, sizeof(entry), "%-8s - DSC", self);
    CHECK(rc == 0 && strstr(resp, entry), "query names lists this guest");
    snprintf(entry, sizeof(entry), "%-8s - DSC", peer);
    CHECK(rc == 0 && strstr(resp, entry), "query names lists the peer");
    rc = cp_command("Q TIME", resp, sizeof(resp), NULL);
    CHECK(rc == 0 && strncmp(resp, "TIME IS 00:00:", 14) == 0 &&
          strstr(resp, " UTC THURSDAY 01/01/26\nCONNECT= 00:00:"),
          "query time: virtual time from 2026-01-01 00:00 UTC");
}

static void test_msg(void)
{
    unsigned got = 1;
    CHECK(cp_command("MSG * hello from myself", resp, sizeof(resp), &got) == 0 && got == 0,
          "msg * goes to this guest's console, no response");
    CHECK_EQ(cp_command("m * abbreviated", resp, sizeof(resp), NULL), 0, "m * (abbreviated)");
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "MSG %s hello %s, this is %s", peer, peer, self);
    got = 1;
    CHECK(cp_command(cmd, resp, sizeof(resp), &got) == 0 && got == 0, "msg to the peer guest");
    check_cmd("MSG NOBODY hi", 45, "HCPMSG045E NOBODY not logged on\n",
              "msg to a guest that does not exist: HCPMSG045E, rc 45");
    check_cmd("MSG", 26, "HCPMSG026E Operand missing or invalid\n", "msg without a user ID: rc 26");
}

static void test_errors(void)
{
    check_cmd("FOO BAR", 1, "HCPCMD001E Unknown CP command: FOO\n",
              "unknown command: HCPCMD001E, rc 1");
    check_cmd("Q", 26, "HCPCQU026E Operand missing or invalid\n", "query without an operand: rc 26");
    check_cmd("q nosuch", 3, "HCPCQU003E Invalid option - NOSUCH\n", "query of an unknown option: rc 3");
    check_cmd("Q USERID EXTRA", 3,
              "HCPCQU003E Invalid option - command contains extra option(s) starting with EXTRA\n",
              "query userid with an extra operand: rc 3");
}

static void test_response_buffer(void)
{
    char want[256];
    unsigned got = 0;
    snprintf(want, sizeof(want), "%-8s AT ZHYP\n", self);
    int rc = cp_command("Q USERID", resp, 6, &got);
    CHECK(rc == 0 && got == strlen(want) && strncmp(resp, want, 5) == 0 && resp[5] == 0,
          "a response cut to the buffer, the full length reported");
    static uint8_t cmd[8], buf[8];
    cp_to_ebcdic(cmd, "Q USERID", 8);
    uint64_t ry, ry1;
    int cc = cp_diag8((uintptr_t)cmd, (uintptr_t)buf, CP_DIAG8_RESPONSE | 8, 5, &ry, &ry1);
    CHECK(cc == 1 && ry == 0 && ry1 == strlen(want) - 5, "cut: CC 1, Ry+1 = the bytes that did not fit");
    cc = cp_diag8((uintptr_t)cmd, (uintptr_t)buf, CP_DIAG8_RESPONSE | 8, 0, &ry, &ry1);
    CHECK(cc == 1 && ry1 == strlen(want), "no buffer at all: CC 1, all of it left over");
    cc = cp_diag8((uintptr_t)cmd, (uintptr_t)buf, CP_DIAG8_RESPONSE, 8, &ry, &ry1);
    CHECK(cc == 0 && ry == 0 && ry1 == 0, "an empty command: rc 0, no response");
    cp_diag8((uintptr_t)cmd, 0x1234, 0, 0x5678, &ry, &ry1);
    CHECK(ry == 0 && ry1 == 0x5678, "Ry = 0 is a no-operation");
    snprintf(want, sizeof(want), "%-8s AT ZHYP\nSTORAGE = %luM\n", self,
             (unsigned long)(sclp_memory_size() >> 20));
    check_cmd("Q USERID\nQ STOR", 0, want, "two commands separated by X'15'");
}

/* Without the response flag CP writes the response to the console (cp.sh checks). */
static void test_console(void)
{
    CHECK_EQ(cp_command("QUERY USERID", NULL, 0, NULL), 0, "query userid to the console");
    CHECK_EQ(cp_command("CONSOLETEST", NULL, 0, NULL), 1, "unknown command to the console: rc 1");
    CHECK_EQ(cp_command("QUERY NAMES", NULL, 0, NULL), 0, "query names to the console");
}

#define BEYOND_STORAGE 0x7ff00000UL       /* past the 64M the script gives this guest */

/* DIAG X'8' with registers the C interface cannot name; each sets its registers right
 * before the DIAG (a call in between, like pgm_expect, would clobber them). */
static void __attribute__((noinline)) diag8_rx_ry_consecutive(const uint8_t *cmd)
{
    register uint64_t r2 asm("2") = (uintptr_t)cmd;
    register uint64_t r3 asm("3") = CP_DIAG8_RESPONSE | 8;
    asm volatile("diag %0,%1,0x8" : "+d"(r2), "+d"(r3) : : "cc", "memory");
}

static void __attribute__((noinline)) diag8_rx_15(void)
{
    register uint64_t r4 asm("4") = CP_DIAG8_RESPONSE | 8;
    asm volatile("diag %%r15,%0,0x8" : "+d"(r4) : : "cc", "memory");
}

static void __attribute__((noinline)) diag8_rx_is_ry(void)
{
    register uint64_t r4 asm("4") = CP_DIAG8_RESPONSE | 8;
    asm volatile("diag %0,%0,0x8" : "+d"(r4) : : "cc", "memory");
}

static void test_operands(void)
{
    static uint8_t cmd[8];
    cp_to_ebcdic(cmd, "Q USERID", 8);
    struct pgm_info pi;
    CHECK_PGM(cp_diag8((uintptr_t)cmd, 0, 241, 0, NULL, NULL), PGM_SPECIFICATION, 4,
              "a command of 241 bytes: specification", &pi);
    CHECK_PGM(diag8_rx_ry_consecutive(cmd), PGM_SPECIFICATION, 4,
              "response flag with Rx, Ry consecutive: specification", &pi);
    CHECK_PGM(diag8_rx_15(), PGM_SPECIFICATION, 4,
              "response flag with Rx = 15: specification", &pi);
    CHECK_PGM(diag8_rx_is_ry(), PGM_SPECIFICATION, 4,
              "response flag with Rx = Ry: specification", &pi);
    CHECK_PGM(cp_diag8(BEYOND_STORAGE, 0, 8, 0, NULL, NULL), PGM_ADDRESSING, 4,
              "command text beyond storage: addressing", &pi);
    CHECK_PGM(cp_diag8((uintptr_t)cmd, BEYOND_STORAGE, CP_DIAG8_RESPONSE | 8, 64, NULL, NULL),
              PGM_ADDRESSING, 4, "response buffer beyond storage: addressing", &pi);
}

static void test_stats(void)
{
    const struct cp_stat ev[] = { { "cp.event", 7 }, { "cp.big", 0x123456789abcdef0ULL } };
    CHECK_EQ(cp_report_stats(ev, 2), 0, "an event record of two counters");
    static uint8_t id[16], buf[CP_STAT_ENTRY], live[CP_STAT_ENTRY];
    cp_product_id(id, "ZHYPSTA", 1);
    struct cp_stat iv = { "cp.interval", 1 };
    cp_stats_encode(buf, &iv, 1);
    int cc = -1;
    CHECK(cp_appldata(CP_DC_START_INTERVAL, id, buf, sizeof(buf), &cc) == 0 && cc == 0,
          "start interval recording");
    iv.value = 42;                              /* read again at STOP */
    cp_stats_encode(buf, &iv, 1);
    CHECK(cp_appldata(CP_DC_STOP, id, buf, sizeof(buf), &cc) == 0 && cc == 0,
          "stop interval recording");
    CHECK(cp_appldata(CP_DC_STOP, id, buf, sizeof(buf), &cc) == 8 && cc == 1,
          "stop with nothing recording: rc 8, CC 1");
    static uint8_t id2[16];
    cp_product_id(id2, "ZHYPSTA", 1);
    id2[15] = 2;                                /* another product ID, the same record */
    struct cp_stat lv = { "cp.live", 5 };
    cp_stats_encode(live, &lv, 1);
    CHECK(cp_appldata(CP_DC_START_INTERVAL, id2, live, sizeof(live), &cc) == 0 && cc == 0,
            "start a second interval buffer, left running");
    lv.value = 99;                              /* what CP's samples see from now on */
    cp_stats_encode(live, &lv, 1);
    static uint8_t other[16], obuf[CP_STAT_ENTRY];
    cp_product_id(other, "LNXAPPL", 1);
    struct cp_stat ig = { "cp.ignored", 1 };
    cp_stats_encode(obuf, &ig, 1);
    CHECK(cp_appldata(CP_DC_EVENT, other, obuf, sizeof(obuf), &cc) == 0 && cc == 0,
          "another product's record is accepted (its contents are not counters)");
}

/* The 31-bit parameter list: function X'02', 16 bytes, 31-bit addresses. */
static void test_stats_31bit(void)
{
    static uint8_t id[16], buf[CP_STAT_ENTRY];
    static uint8_t pl[16] __attribute__((aligned(8)));
    cp_product_id(id, "ZHYPSTA", 1);
    struct cp_stat st = { "cp.fmt31", 31 };
    cp_stats_encode(buf, &st, 1);
    uint32_t id_ra = (uint32_t)(uintptr_t)id, buf_ra = (uint32_t)(uintptr_t)buf;
    uint16_t len = sizeof(buf);
    memset(pl, 0, sizeof(pl));
    pl[0] = 0x00, pl[1] = 0xdc, pl[2] = 0x02, pl[3] = sizeof(pl);
    memcpy(pl + 4, &id_ra, 4);
    memcpy(pl + 10, &len, 2);
    memcpy(pl + 12, &buf_ra, 4);
    int cc = -1;
    CHECK(cp_diag_dc((const struct cp_dc_plist *)pl, &cc) == 0 && cc == 0,
          "an event record through the 31-bit parameter list");
}

static void test_stats_errors(void)
{
    static uint8_t id[16], buf[4096];
    static struct cp_dc_plist pl;
    cp_product_id(id, "ZHYPSTA", 1);
    int cc = -1;
    CHECK(cp_appldata(CP_DC_EVENT, id, buf, 0, &cc) == 6 && cc == 1, "buffer length 0: rc 6, CC 1");
    CHECK(cp_appldata(CP_DC_EVENT, id, buf, 4013, &cc) == 6 && cc == 1,
          "buffer length 4013: rc 6, CC 1");
    struct pgm_info pi;
    const struct cp_dc_plist good = { .code = 0xdc, .function = CP_DC_EVENT, .length = 32,
                                      .buf_len = 24, .product_ra = (uintptr_t)id,
                                      .buf_ra = (uintptr_t)buf };
    pl = good, pl.code = 0xdd;
    CHECK_PGM(cp_diag_dc(&pl, &cc), PGM_SPECIFICATION, 4, "a list not for X'DC': specification", &pi);
    pl = good, pl.function = 0x84;
    CHECK_PGM(cp_diag_dc(&pl, &cc), PGM_SPECIFICATION, 4, "function X'84': specification", &pi);
    pl = good, pl.length = 16;
    CHECK_PGM(cp_diag_dc(&pl, &cc), PGM_SPECIFICATION, 4,
              "a 64-bit list 16 bytes long: specification", &pi);
    pl = good, pl.product_ra = BEYOND_STORAGE;
    CHECK_PGM(cp_diag_dc(&pl, &cc), PGM_ADDRESSING, 4, "product ID beyond storage: addressing", &pi);
    pl = good, pl.buf_ra = BEYOND_STORAGE;
    CHECK_PGM(cp_diag_dc(&pl, &cc), PGM_ADDRESSING, 4, "buffer beyond storage: addressing", &pi);
    CHECK_PGM(cp_diag_dc((const struct cp_dc_plist *)BEYOND_STORAGE, &cc), PGM_ADDRESSING, 4,
              "parameter list beyond storage: addressing", &pi);
}

int main(void)
{
    cmdline_arg("self=", self, sizeof(self));
    cmdline_arg("peer=", peer, sizeof(peer));
    if (!CHECK(self[0] && peer[0], "the command line names self= and peer="))
        return test_summary();
    test_query();
    test_msg();
    test_errors();
    test_response_buffer();
    test_console();
    test_operands();
    test_stats();
    test_stats_31bit();
    test_stats_errors();
    return test_summary();
}
