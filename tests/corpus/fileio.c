/* File and descriptor I/O: a tmpfile written with fprintf/fwrite and read back with
 * fgets/fscanf/fread after fseek/rewind, ftell, ungetc, fstat sizes, a pipe within the
 * process, dup/dup2, lseek/pread/pwrite on a raw descriptor, and end of file on stdin
 * when it is not a terminal. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <errno.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static void stdio_file(void)
{
    FILE *f = tmpfile();
    if (!f) { printf("FAIL: tmpfile\n"); fails++; return; }
    for (int i = 0; i < 100; i++) fprintf(f, "line %03d value %d\n", i, i * i);
    long pos_text = ftell(f);
    unsigned char bin[256];
    for (int i = 0; i < 256; i++) bin[i] = (unsigned char)i;
    CHECK(fwrite(bin, 1, 256, f) == 256);
    long end = ftell(f);
    printf("text ends at %ld, file size %ld\n", pos_text, end);
    CHECK(pos_text == 1954 && end == pos_text + 256);   /* 100 * 16 chars + 354 digits */

    rewind(f);
    char line[64];
    CHECK(fgets(line, sizeof line, f) && strcmp(line, "line 000 value 0\n") == 0);
    CHECK(fseek(f, 0, SEEK_SET) == 0);
    long total = 0;
    int n, v, items = 0;
    while (items < 100 && fscanf(f, "line %d value %d\n", &n, &v) == 2) { total += v; items++; }
    printf("fscanf read %d lines, sum of values %ld\n", items, total);
    CHECK(items == 100 && total == 328350);
    unsigned char back[256];
    CHECK(ftell(f) == pos_text);
    CHECK(fread(back, 1, 256, f) == 256 && memcmp(back, bin, 256) == 0);
    CHECK(fgetc(f) == EOF && feof(f));
    clearerr(f);
    CHECK(fseek(f, -256 + 65, SEEK_END) == 0 && fgetc(f) == 65);
    CHECK(ungetc('Z', f) == 'Z' && fgetc(f) == 'Z' && fgetc(f) == 66);
    struct stat st;
    fflush(f);
    CHECK(fstat(fileno(f), &st) == 0 && st.st_size == end && S_ISREG(st.st_mode));
    fclose(f);
}

static void raw_fds(void)
{
    int p[2];
    if (pipe(p) != 0) { printf("FAIL: pipe\n"); fails++; return; }
    const char msg[] = "through the pipe";
    CHECK(write(p[1], msg, sizeof msg) == (ssize_t)sizeof msg);
    int d = dup(p[0]);
    char buf[64] = { 0 };
    CHECK(read(d, buf, 7) == 7 && memcmp(buf, "through", 7) == 0);
    CHECK(read(p[0], buf + 7, sizeof buf - 7) == (ssize_t)sizeof msg - 7);
    printf("pipe carried: %s\n", buf);
    CHECK(strcmp(buf, msg) == 0);
    close(p[1]);
    CHECK(read(p[0], buf, 1) == 0);   /* writer closed: end of file */
    close(p[0]);
    close(d);

    FILE *t = tmpfile();
    if (!t) { printf("FAIL: tmpfile\n"); fails++; return; }
    int fd = dup(fileno(t));
    if (fd < 0) { printf("FAIL: dup\n"); fails++; fclose(t); return; }
    CHECK(pwrite(fd, "0123456789", 10, 100) == 10);   /* leaves a hole of zeros */
    CHECK(lseek(fd, 0, SEEK_END) == 110 && lseek(fd, 0, SEEK_CUR) == 110);
    char z[4];
    CHECK(pread(fd, z, 4, 98) == 4 && z[0] == 0 && z[1] == 0 && z[2] == '0' && z[3] == '1');
    int fd2 = dup2(fd, 40);
    CHECK(fd2 == 40 && lseek(40, 105, SEEK_SET) == 105);
    CHECK(lseek(fd, 0, SEEK_CUR) == 105);   /* duplicates share the offset */
    CHECK(read(fd, z, 4) == 4 && memcmp(z, "5678", 4) == 0);
    CHECK(fcntl(fd, F_GETFD) == 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC);
    close(fd);
    close(fd2);
    errno = 0;
    CHECK(read(fd, z, 1) == -1 && errno == EBADF);
    fclose(t);
    printf("descriptor checks done\n");
}

int main(void)
{
    stdio_file();
    raw_fds();
    if (!isatty(0)) {   /* the corpus runner gives /dev/null */
        int c = getchar();
        printf("stdin: %s\n", c == EOF ? "end of file" : "has data");
    }
    printf("fileio: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
