/* SIGNAL PROCESSOR for bare-metal guests (privileged). The parameter travels in an odd
 * register, which also receives the status when the condition code is 1. */
#ifndef GUEST_SIGP_H
#define GUEST_SIGP_H

#include <stdint.h>

/* Order codes */
#define SIGP_SENSE                  0x01
#define SIGP_EXTERNAL_CALL          0x02
#define SIGP_EMERGENCY_SIGNAL       0x03
#define SIGP_START                  0x04
#define SIGP_STOP                   0x05
#define SIGP_RESTART                0x06
#define SIGP_STOP_AND_STORE_STATUS  0x09
#define SIGP_INITIAL_CPU_RESET      0x0b
#define SIGP_CPU_RESET              0x0c
#define SIGP_SET_PREFIX             0x0d
#define SIGP_STORE_STATUS_AT_ADDR   0x0e
#define SIGP_SET_ARCHITECTURE       0x12
#define SIGP_COND_EMERGENCY_SIGNAL  0x13
#define SIGP_SENSE_RUNNING_STATUS   0x15

/* Condition codes */
#define SIGP_CC_ACCEPTED            0
#define SIGP_CC_STATUS_STORED       1
#define SIGP_CC_BUSY                2
#define SIGP_CC_NOT_OPERATIONAL     3

/* Status bits (stored with condition code 1) */
#define SIGP_STATUS_EQUIPMENT_CHECK 0x80000000U
#define SIGP_STATUS_NOT_RUNNING     0x00000400U
#define SIGP_STATUS_INCORRECT_STATE 0x00000200U
#define SIGP_STATUS_INVALID_PARAM   0x00000100U
#define SIGP_STATUS_EXT_CALL_PENDING 0x00000080U
#define SIGP_STATUS_STOPPED         0x00000040U
#define SIGP_STATUS_OPERATOR_INTERV 0x00000020U
#define SIGP_STATUS_CHECK_STOP      0x00000010U
#define SIGP_STATUS_INOPERATIVE     0x00000004U
#define SIGP_STATUS_INVALID_ORDER   0x00000002U
#define SIGP_STATUS_RECEIVER_CHECK  0x00000001U

/* Returns the condition code; with code 1 the status goes to *status (if non-NULL). */
static inline int sigp(uint16_t cpu, uint8_t order, uint64_t param, uint32_t *status)
{
    register uint64_t r1 asm("1") = param;
    int cc;
    asm volatile("sigp %[r1],%[cpu],0(%[ord])\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc), [r1] "+d"(r1)
                 : [cpu] "d"((uint64_t)cpu), [ord] "a"((uint64_t)order)
                 : "cc", "memory");
    if (status && cc == SIGP_CC_STATUS_STORED)
        *status = (uint32_t)r1;
    return cc;
}

/* sigp() retried while the target reports busy. */
static inline int sigp_retry(uint16_t cpu, uint8_t order, uint64_t param, uint32_t *status)
{
    int cc;
    do
        cc = sigp(cpu, order, param, status);
    while (cc == SIGP_CC_BUSY);
    return cc;
}

#endif
