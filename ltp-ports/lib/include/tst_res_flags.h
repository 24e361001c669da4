/* Result types and errno-printing flags, numerically equal to LTP's so that
 * exit statuses and runners agree. */
#ifndef TST_RES_FLAGS_H
#define TST_RES_FLAGS_H

#define TPASS   0
#define TFAIL   1
#define TBROK   2
#define TWARN   4
#define TDEBUG  8
#define TINFO   16
#define TCONF   32

#define TERRNO  0x100   /* append errno's name and value */
#define TTERRNO 0x200   /* append TST_ERR's name and value */
#define TRERRNO 0x400   /* append -TST_RET's name and value */

#define TTYPE_MASK 0x3f
#define TTYPE_RESULT(ttype) ((ttype) & TTYPE_MASK)

#endif
