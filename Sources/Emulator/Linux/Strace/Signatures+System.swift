/// The machine: names, mounts, modules, power, logs, randomness, tracing.
let systemSignatures = """
uname i os:utsname
sethostname i ib:1 u
setdomainname i ib:1 u
sysinfo i os:sysinfo
syslog i i p i
getrandom i ob:1 u f:getrandom_flags
mount i path path str x p
umount2 i path f:umount_flags
pivot_root i path path
swapon i path x
swapoff i path
reboot i x x x p
kexec_load i x u p x
kexec_file_load i fd fd u str x
init_module i p u str
finit_module i fd str x
delete_module i str oflags
perf_event_open fd p pid i fd x
bpf i i p u
statmount i p p u x
listmount i p p u x
listns i p p u x
lsm_get_self_attr i u p p x
lsm_set_self_attr i u p u x
lsm_list_modules i p p x
rseq_slice_yield i
"""
