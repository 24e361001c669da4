/// Files, descriptors, directories, xattrs, polling and file events.
/// Format: `name result arg...` (tokens in SyscallSignatures.argument).
let filesSignatures = """
read i fd ob:2 u
write i fd ib:2 u
readv i fd oiov:2 i
writev i fd iov:2 i
pread64 i fd ob:2 u l
pwrite64 i fd ib:2 u l
preadv i fd oiov:2 i l
pwritev i fd iov:2 i l
preadv2 i fd oiov:2 i l f:rwf_flags
pwritev2 i fd iov:2 i l f:rwf_flags
openat fd dfd path oflags mode
openat2 fd dfd path s:open_how u
open fd path oflags mode
creat fd path mode
close i fd
close_range i u u f:close_range_flags
lseek i fd l e:seek_whence
dup fd fd
dup2 fd fd fd
dup3 fd fd fd oflags
pipe i oip2
pipe2 i oip2 oflags
fcntl i fd e:fcntl_cmd x
ioctl i fd x x
fstat i fd os:stat
newfstatat i dfd path os:stat f:at_flags
stat i path os:stat
lstat i path os:stat
statx i dfd path f:at_flags f:statx_mask p
readlinkat i dfd path ob:3 u
readlink i path ob:2 u
getdents64 i fd p u
getcwd i ob:1 u
faccessat i dfd path f:access_mode
faccessat2 i dfd path f:access_mode f:at_flags
access i path f:access_mode
chdir i path
fchdir i fd
chroot i path
mkdirat i dfd path mode
mkdir i path mode
unlinkat i dfd path f:unlink_flags
unlink i path
rmdir i path
renameat i dfd path dfd path
renameat2 i dfd path dfd path f:rename_flags
rename i path path
linkat i dfd path dfd path f:at_flags
link i path path
symlinkat i path dfd path
symlink i path path
mknodat i dfd path mode dev
fchmod i fd mode
fchmodat i dfd path mode
fchmodat2 i dfd path mode f:at_flags
chmod i path mode
fchown i fd uid uid
fchownat i dfd path uid uid f:at_flags
chown i path uid uid
lchown i path uid uid
umask o mode
truncate i path l
ftruncate i fd l
fallocate i fd f:fallocate_mode l l
fsync i fd
fdatasync i fd
sync i
syncfs i fd
sync_file_range i fd l l x
utimensat i dfd path p f:at_flags
sendfile i fd fd ioff u
copy_file_range i fd off fd off u x
splice i fd off fd off u x
tee i fd fd u x
vmsplice i fd iov:2 u x
statfs i path os:statfs
fstatfs i fd os:statfs
flock i fd e:flock_op
readahead i fd l u
fadvise64 i fd l u e:fadvise_advice
memfd_create fd str f:memfd_flags
ppoll i as:pollfd:1 u s:timespec ss:4 u
poll i as:pollfd:1 u i
pselect6 i i fds:0 fds:0 fds:0 s:timespec psm
select i i fds:0 fds:0 fds:0 s:timeval
epoll_create1 fd f:epoll_create_flags
epoll_ctl i fd e:epoll_ctl_op fd s:epoll_event
epoll_wait i fd oepev i i
epoll_pwait i fd oepev i i ss:5 u
epoll_pwait2 i fd oepev i s:timespec ss:5 u
eventfd2 fd u f:eventfd_flags
inotify_init1 fd f:inotify_init_flags
inotify_add_watch i fd path f:inotify_mask
inotify_rm_watch i fd i
fanotify_init fd x x
fanotify_mark i fd x x dfd path
signalfd4 fd fd ss:2 u f:signalfd_flags
setxattr i path str ib:3 u f:xattr_flags
lsetxattr i path str ib:3 u f:xattr_flags
fsetxattr i fd str ib:3 u f:xattr_flags
getxattr i path str ob:3 u
lgetxattr i path str ob:3 u
fgetxattr i fd str ob:3 u
listxattr i path p u
llistxattr i path p u
flistxattr i fd p u
removexattr i path str
lremovexattr i path str
fremovexattr i fd str
setxattrat i dfd path f:at_flags str p u
getxattrat i dfd path f:at_flags str p u
listxattrat i dfd path f:at_flags p u
removexattrat i dfd path f:at_flags str
file_getattr i dfd path p u f:at_flags
file_setattr i dfd path p u f:at_flags
name_to_handle_at i dfd path p p f:at_flags
open_by_handle_at fd fd p oflags
quotactl i x str i p
quotactl_fd i fd x i p
lookup_dcookie i x p u
vhangup i
acct i path
io_uring_setup fd u p
io_uring_enter i fd u u x p u
io_uring_register i fd u p u
open_tree fd dfd path x
open_tree_attr fd dfd path x p u
move_mount i dfd path dfd path x
fsopen fd str x
fsconfig i fd u str p i
fsmount fd fd x x
fspick fd dfd path x
mount_setattr i dfd path x p u
cachestat i fd p p x
"""
