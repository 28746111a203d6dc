# bench: MVC of 256 bytes + BRCT, 20M iterations (4e7 instructions, 5 GB moved).
    .globl _start
_start:
    llilf %r1,20000000
    larl  %r3,data
0:  mvc   0(256,%r3),256(%r3)
    brct  %r1,0b
    lghi  %r2,0
    svc   1
    .data
    .balign 256
data:
    .fill 512,1,0x5a
