"""One module per instruction class. Each defines NAME, DESCRIPTION and step(ctx), which emits
one instruction (or a short group that sets up operands for one); optional VARY_FPCR,
VREG_KIND ("int"/"fp") and MAX_STEPS tune the sequence around it."""
