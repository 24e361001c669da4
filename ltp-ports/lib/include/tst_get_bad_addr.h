/* An address that is certain to fault: a PROT_NONE page, for EFAULT cases. */
#ifndef TST_GET_BAD_ADDR_H
#define TST_GET_BAD_ADDR_H

void *tst_get_bad_addr(void (*cleanup_fn)(void));

#endif
