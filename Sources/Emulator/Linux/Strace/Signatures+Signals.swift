/// Signals: actions, masks, sending, waiting, alternate stacks.
let signalSignatures = """
rt_sigaction i sig s:sigaction os:sigaction u
rt_sigprocmask i e:sigprocmask_how ss:3 oss u
rt_sigreturn i
rt_sigsuspend i ss:1 u
rt_sigpending i oss u
rt_sigtimedwait i ss:3 p s:timespec u
rt_sigqueueinfo i pid sig p
rt_tgsigqueueinfo i pid pid sig p
kill i pid sig
tkill i pid sig
tgkill i pid pid sig
sigaltstack i s:stack_t os:stack_t
"""
