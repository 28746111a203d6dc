/* The instruction table's self-test (STYLE.md §3.4): no two rows claim one dispatch
 * slot, every row has a handler, mnemonics are unique, each format's length agrees with
 * the ILC bits of its first byte, and every family agrees on where its op2 lives. */
#include <stdio.h>
#include "unit.h"
#include "../../src/cpu/insn.h"

static unsigned slot_of(const struct insn_desc *d)
{
    unsigned b0 = d->opcode >> 8;
    switch (insn_op2_kind((enum insn_fmt)d->fmt)) {
    case OP2_NONE:   return b0 * 256;
    case OP2_NIBBLE: return b0 * 256 + (d->opcode & 0x0f);
    default:         return b0 * 256 + (d->opcode & 0xff);
    }
}

START_TEST(no_two_rows_claim_the_same_opcode)
{
    static uint16_t owner[65536];
    memset(owner, 0xff, sizeof(owner));
    for (unsigned id = 0; id < INSN_COUNT; id++) {
        unsigned s = slot_of(&insn_table[id]);
        ck_assert_msg(owner[s] == 0xffff, "%s and %s share slot %04x", insn_table[id].name,
                      owner[s] == 0xffff ? "" : insn_table[owner[s]].name, s);
        owner[s] = (uint16_t)id;
    }
}
END_TEST

START_TEST(every_row_has_a_handler)
{
    for (unsigned id = 0; id < INSN_COUNT; id++)
        ck_assert_msg(insn_table[id].fn != NULL, "%s has no handler", insn_table[id].name);
}
END_TEST

START_TEST(mnemonics_are_unique)
{
    for (unsigned a = 0; a < INSN_COUNT; a++)
        for (unsigned b = a + 1; b < INSN_COUNT; b++)
            ck_assert_msg(strcmp(insn_table[a].name, insn_table[b].name), "%s twice", insn_table[a].name);
}
END_TEST

START_TEST(format_length_agrees_with_ilc_bits)
{
    for (unsigned id = 0; id < INSN_COUNT; id++) {
        const struct insn_desc *d = &insn_table[id];
        ck_assert_msg(insn_fmt_len((enum insn_fmt)d->fmt) == (unsigned)insn_length(d->opcode >> 8),
                      "%s: format %s has length %u, opcode says %d", d->name,
                      insn_fmt_name((enum insn_fmt)d->fmt), insn_fmt_len((enum insn_fmt)d->fmt),
                      insn_length(d->opcode >> 8));
    }
}
END_TEST

START_TEST(every_family_agrees_on_its_extended_opcode_position)
{
    int kind[256];
    for (unsigned i = 0; i < 256; i++)
        kind[i] = -1;
    for (unsigned id = 0; id < INSN_COUNT; id++) {
        const struct insn_desc *d = &insn_table[id];
        int k = insn_op2_kind((enum insn_fmt)d->fmt);
        unsigned b0 = d->opcode >> 8;
        ck_assert_msg(kind[b0] == -1 || kind[b0] == k, "%s disagrees with family %02x", d->name, b0);
        kind[b0] = k;
    }
}
END_TEST

START_TEST(one_byte_opcodes_have_no_extended_bits)
{
    for (unsigned id = 0; id < INSN_COUNT; id++) {
        const struct insn_desc *d = &insn_table[id];
        if (insn_op2_kind((enum insn_fmt)d->fmt) == OP2_NONE)
            ck_assert_msg((d->opcode & 0xff) == 0, "%s: low byte of a one-byte opcode set", d->name);
        if (insn_op2_kind((enum insn_fmt)d->fmt) == OP2_NIBBLE)
            ck_assert_msg((d->opcode & 0xf0) == 0, "%s: RI/RIL opcode uses bits 8-11", d->name);
    }
}
END_TEST

UNIT_SUITE(insn_table_suite)
{
    Suite *s = suite_create("insn_table");
    TCase *tc = tcase_create("self_test");
    tcase_add_test(tc, no_two_rows_claim_the_same_opcode);
    tcase_add_test(tc, every_row_has_a_handler);
    tcase_add_test(tc, mnemonics_are_unique);
    tcase_add_test(tc, format_length_agrees_with_ilc_bits);
    tcase_add_test(tc, every_family_agrees_on_its_extended_opcode_position);
    tcase_add_test(tc, one_byte_opcodes_have_no_extended_bits);
    suite_add_tcase(s, tc);
    return s;
}
