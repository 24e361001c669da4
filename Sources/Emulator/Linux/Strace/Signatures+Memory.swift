/// Address space: mappings, protection, locking, NUMA policy.
let memorySignatures = """
brk x p
mmap x p u f:mmap_prot f:mmap_flags fd x
munmap i p u
mprotect i p u f:mmap_prot
mremap x p u u f:mremap_flags p
madvise i p u e:madvise_advice
process_madvise i fd p u e:madvise_advice x
msync i p u f:msync_flags
mincore i p u p
mlock i p u
mlock2 i p u f:mlock2_flags
munlock i p u
mlockall i f:mlockall_flags
munlockall i
remap_file_pages i p u x u x
mbind i p u x p u x
get_mempolicy i p p u p x
set_mempolicy i x p u
set_mempolicy_home_node i p u u x
migrate_pages i pid u p p
move_pages i pid u p p p x
pkey_mprotect i p u f:mmap_prot i
pkey_alloc i x x
pkey_free i i
memfd_secret fd x
mseal i p u x
map_shadow_stack x p u x
userfaultfd fd oflags
membarrier i x x i
process_vm_readv i pid p u p u x
process_vm_writev i pid p u p u x
"""
