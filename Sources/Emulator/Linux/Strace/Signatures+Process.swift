/// Processes and threads: creation, exit, ids, limits, scheduling, futexes.
let processSignatures = """
exit - i
exit_group - i
clone i f:clone_flags p p p p
clone3 i p u
fork i
vfork i
execve i path argv envp
execveat i dfd path argv envp f:at_flags
wait4 i pid wst f:wait_options os:rusage
waitid i e:waitid_type pid p f:wait_options p
getpid i
getppid i
gettid i
getuid i
geteuid i
getgid i
getegid i
getresuid i oip oip oip
getresgid i oip oip oip
getgroups i i p
setgroups i i p
setuid i uid
setgid i uid
setreuid i uid uid
setregid i uid uid
setresuid i uid uid uid
setresgid i uid uid uid
setfsuid i uid
setfsgid i uid
setpgid i pid pid
getpgid i pid
getsid i pid
setsid i
set_tid_address i p
set_robust_list i p u
get_robust_list i pid p p
futex i p e:futex_op i p p i
futex_waitv i p u x p e:clock_id
futex_wake i p x i x
futex_wait i p x x x p e:clock_id
futex_requeue i p x i i
rseq i p u x x
prlimit64 i pid e:rlimit_resource s:rlimit64 os:rlimit64
getrlimit i e:rlimit_resource os:rlimit
setrlimit i e:rlimit_resource s:rlimit
getrusage i e:rusage_who os:rusage
getpriority i e:priority_which i
setpriority i e:priority_which i i
sched_yield i
sched_getaffinity i pid u p
sched_setaffinity i pid u p
sched_setparam i pid s:sched_param
sched_getparam i pid os:sched_param
sched_setscheduler i pid e:sched_policy s:sched_param
sched_getscheduler i pid
sched_get_priority_max i e:sched_policy
sched_get_priority_min i e:sched_policy
sched_rr_get_interval i pid os:timespec
sched_setattr i pid p x
sched_getattr i pid p u x
getcpu i p p p
times x os:tms
prctl i e:prctl x x x x
personality x per
unshare i f:clone_flags
setns i fd f:clone_flags
kcmp i pid pid i x x
pidfd_open fd pid x
pidfd_getfd fd fd fd x
pidfd_send_signal i fd sig p x
ioprio_set i i i i
ioprio_get i i i
capget i p p
capset i p p
ptrace i i pid p p
seccomp i u x p
landlock_create_ruleset fd p u x
landlock_add_rule i fd i p x
landlock_restrict_self i fd x
process_mrelease i fd x
restart_syscall i
arch_prctl i x x
"""
