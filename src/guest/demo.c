/* Demo kernel of the guest SDK: a banner with the loader's --append text, the storage
 * size from SCLP Read SCP Info and the STFLE facility list, then a clean stop.
 *   qemu-system-s390x -nodefaults -nographic -machine s390-ccw-virtio \
 *     -chardev stdio,id=con0 -device sclpconsole,chardev=con0 -kernel demo.elf -append hi */
#include "guest.h"

/* Installed facilities as ranges: "0-9 13 16-22". */
static void print_facilities(void)
{
    int n;
    const uint64_t *list = facility_list(&n);
    printf("facilities (STFLE, %d doublewords):", n);
    for (int nr = 0; nr < n * 64; nr++) {
        if (!facility((unsigned)nr))
            continue;
        int last = nr;
        while (last + 1 < n * 64 && facility((unsigned)last + 1))
            last++;
        if (last > nr)
            printf(" %d-%d", nr, last);
        else
            printf(" %d", nr);
        nr = last;
    }
    printf("\n");
    for (int i = 0; i < n; i++)
        printf("  doubleword %d: %016lx\n", i, list[i]);
}

int main(void)
{
    const char *console = sclp_console_type() == SCLP_CONSOLE_VT220 ? "VT220" : "line mode";
    printf("zhyp guest SDK demo: bare-metal z/Architecture, console %s\n", console);
    printf("command line: \"%s\"\n", guest_cmdline());
    uint64_t mem = sclp_memory_size();
    printf("storage: %lu MB (SCLP Read SCP Info)\n", mem >> 20);
    printf("CPU address %u, prefix 0x%x, TOD clock %s\n", stap(), stpx(),
           stck() ? "running" : "zero");
    print_facilities();
    printf("stopping the CPU with SIGP stop\n");
    return 0;
}
