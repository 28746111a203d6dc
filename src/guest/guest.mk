# Bare-metal guest SDK (src/guest) and the programs built on it, cross-compiled into
# $(B)/guest: the demo kernel and one ELF per src/guest/tests/*.c. Included from the
# top Makefile, which defines XCC (the s390x cross compiler) and B (the build dir).
#   make guest                     build them (skipped with a message without XCC)
#   tests/run-baremetal.sh $(B)    run the tests under qemu-system-s390x

GUEST_DIR      := src/guest
GUEST_OUT      := $(B)/guest
GUEST_CFLAGS   := -march=z10 -O2 -g -std=gnu11 -Wall -Wextra -ffreestanding -fno-pie \
                  -fno-stack-protector -fno-asynchronous-unwind-tables \
                  -fno-tree-loop-distribute-patterns -fno-delete-null-pointer-checks \
                  -I$(GUEST_DIR) -MMD -MP
GUEST_LDFLAGS  := -nostdlib -static -no-pie -Wl,-T,$(GUEST_DIR)/guest.lds \
                  -Wl,--build-id=none -Wl,-z,noexecstack -Wl,--no-warn-rwx-segments

GUEST_LIB_C    := $(filter-out $(GUEST_DIR)/demo.c,$(wildcard $(GUEST_DIR)/*.c))
GUEST_LIB_S    := $(wildcard $(GUEST_DIR)/*.S)
GUEST_LIB_OBJ  := $(GUEST_LIB_S:$(GUEST_DIR)/%.S=$(GUEST_OUT)/obj/%.o) \
                  $(GUEST_LIB_C:$(GUEST_DIR)/%.c=$(GUEST_OUT)/obj/%.o)
GUEST_TEST_C   := $(wildcard $(GUEST_DIR)/tests/*.c)
GUEST_TEST_ELF := $(GUEST_TEST_C:$(GUEST_DIR)/tests/%.c=$(GUEST_OUT)/tests/%.elf)
# Guest kernels for the hypervisor (zhyp run --config; tests/hyp): they use CP's
# interfaces (DIAG X'250', X'8', X'DC'), so they do not boot on bare machines.
GUEST_HYP_C    := $(wildcard $(GUEST_DIR)/hyp/*.c)
GUEST_HYP_ELF  := $(GUEST_HYP_C:$(GUEST_DIR)/hyp/%.c=$(GUEST_OUT)/hyp/%.elf)
GUEST_ELF      := $(GUEST_OUT)/demo.elf $(GUEST_TEST_ELF) $(GUEST_HYP_ELF)
GUEST_DEPS     := $(GUEST_LIB_OBJ:.o=.d) $(GUEST_OUT)/obj/demo.d \
                  $(GUEST_TEST_C:$(GUEST_DIR)/tests/%.c=$(GUEST_OUT)/obj/tests/%.d) \
                  $(GUEST_HYP_C:$(GUEST_DIR)/hyp/%.c=$(GUEST_OUT)/obj/hyp/%.d)

$(GUEST_OUT)/obj/%.o: $(GUEST_DIR)/%.c
	@mkdir -p $(dir $@)
	$(XCC) $(GUEST_CFLAGS) -c $< -o $@

$(GUEST_OUT)/obj/%.o: $(GUEST_DIR)/%.S
	@mkdir -p $(dir $@)
	$(XCC) $(GUEST_CFLAGS) -c $< -o $@

# One rule links every image: its own object, then the SDK.
$(GUEST_OUT)/tests/%.elf: $(GUEST_OUT)/obj/tests/%.o $(GUEST_LIB_OBJ) $(GUEST_DIR)/guest.lds
	@mkdir -p $(dir $@)
	$(XCC) $(GUEST_CFLAGS) $(GUEST_LDFLAGS) -o $@ $< $(GUEST_LIB_OBJ) -lgcc

$(GUEST_OUT)/hyp/%.elf: $(GUEST_OUT)/obj/hyp/%.o $(GUEST_LIB_OBJ) $(GUEST_DIR)/guest.lds
	@mkdir -p $(dir $@)
	$(XCC) $(GUEST_CFLAGS) $(GUEST_LDFLAGS) -o $@ $< $(GUEST_LIB_OBJ) -lgcc

$(GUEST_OUT)/demo.elf: $(GUEST_OUT)/obj/demo.o $(GUEST_LIB_OBJ) $(GUEST_DIR)/guest.lds
	$(XCC) $(GUEST_CFLAGS) $(GUEST_LDFLAGS) -o $@ $< $(GUEST_LIB_OBJ) -lgcc

ifneq ($(shell command -v $(XCC) 2>/dev/null),)
guest: $(GUEST_ELF)
else
guest:
	@echo "guest: SKIP: $(XCC) not installed (apt-get install gcc-s390x-linux-gnu)"
endif

.PHONY: guest
# Keep the objects of the images: they are intermediate files of the link rules.
.SECONDARY: $(GUEST_OUT)/obj/demo.o $(GUEST_TEST_C:$(GUEST_DIR)/tests/%.c=$(GUEST_OUT)/obj/tests/%.o) \
            $(GUEST_HYP_C:$(GUEST_DIR)/hyp/%.c=$(GUEST_OUT)/obj/hyp/%.o)
-include $(GUEST_DEPS)
