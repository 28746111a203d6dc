/* Unit-test fixture: see fixture.h. */
#include <stdlib.h>
#include "fixture.h"

struct fx *fx_new(const uint8_t *code, size_t len)
{
    struct fx *f = calloc(1, sizeof(*f));
    if (!f || uspace_init(&f->us))
        abort();
    cpu_init(&f->cpu, NULL);
    f->us.cpu = &f->cpu;
    f->cpu.mops = &uspace_mem_ops;
    f->cpu.mctx = &f->us;
    f->cpu.user_mode = true;
    if (uspace_map(&f->us, CODE_VA, 2 * PAGE_SIZE_4K, UPROT_R | UPROT_X) ||
        uspace_map(&f->us, DATA_VA, PAGE_SIZE_4K, UPROT_R | UPROT_W) ||
        uspace_write(&f->us, CODE_VA, code, len))
        abort();
    cpu_set_psw(&f->cpu, PSW_MASK_PSTATE | PSW_MASK_EA | PSW_MASK_BA, CODE_VA);
    return f;
}

void fx_free(struct fx *f)
{
    uspace_free(&f->us);
    cpu_release(&f->cpu);
    free(f);
}

enum cpu_exit fx_run(struct fx *f, uint64_t n)
{
    return cpu_run(&f->cpu, n);
}
