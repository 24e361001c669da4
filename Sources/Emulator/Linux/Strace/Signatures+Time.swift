/// Clocks, sleeps, timers.
let timeSignatures = """
clock_gettime i e:clock_id os:timespec
clock_getres i e:clock_id os:timespec
clock_settime i e:clock_id s:timespec
clock_nanosleep i e:clock_id f:timer_flags s:timespec os:timespec
clock_adjtime i e:clock_id p
nanosleep i s:timespec os:timespec
gettimeofday i os:timeval p
settimeofday i s:timeval p
adjtimex i p
getitimer i e:itimer_which os:itimerval
setitimer i e:itimer_which s:itimerval os:itimerval
timer_create i e:clock_id p oip
timer_settime i i f:timer_flags s:itimerspec os:itimerspec
timer_gettime i i os:itimerspec
timer_getoverrun i i
timer_delete i i
timerfd_create fd e:clock_id f:timerfd_flags
timerfd_settime i fd f:timerfd_settime_flags s:itimerspec os:itimerspec
timerfd_gettime i fd os:itimerspec
"""
