/* The host configuration file (docs/config.md): a good file read back key by key, and
 * each kind of bad file with the one-line message naming file:line and the key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "unit.h"
#include "zhyp/config.h"

static char conf_path[64], image_path[64], disk_path[64];

/* Files the configurations refer to: an image and a disk (contents do not matter here). */
static void make_files(void)
{
    snprintf(image_path, sizeof(image_path), "/tmp/zhyp-conf-img-%d", (int)getpid());
    snprintf(disk_path, sizeof(disk_path), "/tmp/zhyp-conf-disk-%d", (int)getpid());
    snprintf(conf_path, sizeof(conf_path), "/tmp/zhyp-conf-%d.conf", (int)getpid());
    FILE *f = fopen(image_path, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    f = fopen(disk_path, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
}

static void remove_files(void)
{
    unlink(image_path);
    unlink(disk_path);
    unlink(conf_path);
}

/* Write text to the configuration file, with @IMG and @DISK replaced. */
static void write_conf(const char *text)
{
    FILE *f = fopen(conf_path, "w");
    ck_assert_ptr_nonnull(f);
    for (const char *s = text; *s; s++) {
        if (!strncmp(s, "@IMG", 4)) {
            fputs(image_path, f);
            s += 3;
        } else if (!strncmp(s, "@DISK", 5)) {
            fputs(disk_path, f);
            s += 4;
        } else {
            fputc(*s, f);
        }
    }
    fclose(f);
}

START_TEST(a_good_file_is_read_key_by_key)
{
    make_files();
    write_conf("; a host\n[host]\nmemory = 4G\ncpus = 2\npaging = /tmp/paging.img\n\n"
               "[guest linux1]\nimage = @IMG\nmemory = 256M\nvcpus = 2\ndisk = @DISK\ndisk = @DISK\n"
               "policy = cmm2\nconsole = terminal\nappend = root=/dev/dasda\n"
               "[guest linux2]\nimage = @IMG\n");
    struct host_conf hc;
    char err[256];
    ck_assert_int_eq(conf_load(conf_path, &hc, err, sizeof(err)), 0);
    ck_assert_uint_eq(hc.mem, 4ULL << 30);
    ck_assert_uint_eq(hc.cpus, 2);
    ck_assert_str_eq(hc.paging, "/tmp/paging.img");
    ck_assert_uint_eq(hc.nguests, 2);
    const struct guest_conf *g = &hc.guests[0];
    ck_assert_str_eq(g->name, "linux1");
    ck_assert_str_eq(g->image, image_path);
    ck_assert_uint_eq(g->mem, 256ULL << 20);
    ck_assert_uint_eq(g->vcpus, 2);
    ck_assert_uint_eq(g->ndisks, 2);
    ck_assert_int_eq(g->policy, POLICY_CMM2);
    ck_assert(g->console_terminal);
    ck_assert_str_eq(g->append, "root=/dev/dasda");
    ck_assert_uint_eq(g->line, 8);                     /* its first key's line */
    g = &hc.guests[1];                                  /* defaults */
    ck_assert_uint_eq(g->mem, 64ULL << 20);
    ck_assert_uint_eq(g->vcpus, 1);
    ck_assert_int_eq(g->policy, POLICY_STATIC);
    ck_assert(!g->console_terminal);
    conf_free(&hc);
    remove_files();
}
END_TEST

static const struct { const char *text; const char *msg; } bad[] = {
    { "[host]\nmemroy = 1G\n[guest a]\nimage = @IMG\n", ":2: unknown key 'memroy' in [host]" },
    { "[guest a]\nimage = @IMG\nvcpu = 2\n", ":3: unknown key 'vcpu' in [guest a]" },
    { "[guest a]\nimage = /nonexistent/x.elf\n", ":2: image = /nonexistent/x.elf: No such file or directory" },
    { "[guest a]\nmemory = 16M\n", ":2: [guest a]: no image = key" },
    { "[guest a]\nimage = @IMG\nmemory = 4G\n", ":3: memory = 4G: larger than a guest may have (2G)" },
    { "[guest a]\nimage = @IMG\nmemory = 1500K\n", ":3: memory = 1500K: not a positive multiple of 1M" },
    { "[host]\ncpus = 65\n[guest a]\nimage = @IMG\n", ":2: cpus = 65: not a CPU count from 1 to 64" },
    { "[guest a]\nimage = @IMG\n[guest b]\nimage = @IMG\n[guest a]\nmemory = 16M\n",
      ":6: [guest a]: a second guest of that name" },
    { "[guest a]\nimage = @IMG\npolicy = lru\n", ":3: policy = lru: not one of static, cmm1, cmm2" },
    { "[guest a]\nimage = @IMG\ndisk = /nonexistent/d.img\n", ":3: disk = /nonexistent/d.img: No such file or directory" },
    { "[disks]\nx = 1\n", ":2: unknown section [disks] (known: [host], [guest NAME])" },
    { "[host]\nmemory = 1G\n", ":2: no [guest NAME] section" },
    { "[guest a]\nimage = @IMG\nthis line has no equals sign\n", ":3: not 'key = value', '[section]' or a comment" },
};

START_TEST(each_bad_file_gets_its_message)
{
    make_files();
    write_conf(bad[_i].text);
    struct host_conf hc;
    char err[256], want[256];
    ck_assert_int_eq(conf_load(conf_path, &hc, err, sizeof(err)), -1);
    snprintf(want, sizeof(want), "%s%s", conf_path, bad[_i].msg);
    ck_assert_str_eq(err, want);
    remove_files();
}
END_TEST

START_TEST(a_missing_file_is_named)
{
    struct host_conf hc;
    char err[256];
    ck_assert_int_eq(conf_load("/nonexistent/host.conf", &hc, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "/nonexistent/host.conf: No such file or directory");
}
END_TEST

START_TEST(sizes_take_suffixes_and_refuse_signs_and_overflow)
{
    uint64_t v;
    ck_assert_int_eq(conf_parse_size("64M", &v), 0);
    ck_assert_uint_eq(v, 64ULL << 20);
    ck_assert_int_eq(conf_parse_size("0x10k", &v), 0);
    ck_assert_uint_eq(v, 16ULL << 10);
    ck_assert_int_eq(conf_parse_size("-1", &v), -1);
    ck_assert_int_eq(conf_parse_size("1T", &v), -1);
    ck_assert_int_eq(conf_parse_size("99999999999999999999", &v), -1);
    ck_assert_int_eq(conf_parse_size("17179869184G", &v), -1);
}
END_TEST

UNIT_SUITE(config_suite)
{
    Suite *s = suite_create("config");
    TCase *t = tcase_create("file");
    tcase_add_test(t, a_good_file_is_read_key_by_key);
    tcase_add_loop_test(t, each_bad_file_gets_its_message, 0, sizeof(bad) / sizeof(bad[0]));
    tcase_add_test(t, a_missing_file_is_named);
    tcase_add_test(t, sizes_take_suffixes_and_refuse_signs_and_overflow);
    suite_add_tcase(s, t);
    return s;
}
