/// Sockets.
let socketSignatures = """
socket fd e:address_family stype sproto:0
socketpair i e:address_family stype sproto:0 oip2
bind i fd sa:2 u
connect i fd sa:2 u
listen i fd i
accept fd fd osa:2 osl
accept4 fd fd osa:2 osl f:socket_flags
getsockname i fd osa:2 osl
getpeername i fd osa:2 osl
sendto i fd ib:2 u f:msg_flags sa:5 u
recvfrom i fd ob:2 u f:msg_flags osa:5 osl
sendmsg i fd msg f:msg_flags
recvmsg i fd omsg f:msg_flags
sendmmsg i fd mmsg:2 u f:msg_flags
recvmmsg i fd ommsg:2 u f:msg_flags s:timespec
shutdown i fd e:shutdown_how
setsockopt i fd e:socket_level e:socket_option sov:4 u
getsockopt i fd e:socket_level e:socket_option osov:4 osl
"""
