/// System V and POSIX IPC, keys, AIO.
let ipcSignatures = """
msgget i key ipcf
msgctl i i ipcc p
msgsnd i i p u f:ipc_flags
msgrcv i i p u l f:ipc_flags
semget i key i ipcf
semctl i i i ipcc p
semop i i p u
semtimedop i i p u s:timespec
shmget i key u ipcf
shmctl i i ipcc p
shmat x i p f:shmat_flags
shmdt i p
mq_open fd str oflags mode p
mq_unlink i str
mq_timedsend i fd ib:2 u u s:timespec
mq_timedreceive i fd ob:2 u p s:timespec
mq_notify i fd p
mq_getsetattr i fd p p
add_key i str str p u i
request_key i str str str i
keyctl i i x x x x
io_setup i u p
io_destroy i x
io_submit i x l p
io_cancel i x p p
io_getevents i x l l p s:timespec
io_pgetevents i x l l p s:timespec p
"""
