/* The peer of the CP command test (tests/hyp/cp.sh, docs/cpcmd.md): stays logged on
 * while the guest named by peer= runs, so that its MSG finds this one (cp.sh checks the
 * line on this console), then finds it logged off. */
#include "test.h"
#include "cp.h"

#define POLLS_MAX 200000              /* QUERY NAMES at ~20 us each: 4 s of virtual time */

static char resp[4096];

static void cmdline_arg(const char *key, char *out, unsigned size)
{
    const char *p = strstr(guest_cmdline(), key);
    unsigned n = 0;
    if (p)
        for (p += strlen(key); *p && *p != ' ' && n + 1 < size; p++)
            out[n++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
    out[n] = 0;
}

int main(void)
{
    char peer[32], entry[64], cmd[64];
    cmdline_arg("peer=", peer, sizeof(peer));
    if (!CHECK(peer[0], "the command line names peer="))
        return test_summary();
    snprintf(entry, sizeof(entry), "%-8s - DSC", peer);
    unsigned polls = 0;
    while (polls < POLLS_MAX && cp_command("Q NAMES", resp, sizeof(resp), NULL) == 0 &&
           strstr(resp, entry))
        polls++;
    CHECK(polls < POLLS_MAX, "the peer logs off");
    snprintf(cmd, sizeof(cmd), "MSG %s too late", peer);
    CHECK_EQ(cp_command(cmd, resp, sizeof(resp), NULL), 45,
             "msg to a guest that has ended: rc 45");
    return test_summary();
}
