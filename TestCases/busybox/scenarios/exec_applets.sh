# needs: exec-self
# Applets started by other applets (find -exec, xargs, env, timeout): busybox runs them by
# execve of /proc/self/exe, i.e. of the arm64 binary itself, so the emulator must run a foreign
# ELF on execve. qemu-user needs binfmt_misc for that; ferry does it itself.
mkdir -p d/e && for i in 1 2 3; do head -c $((i * 111)) data.bin > d/f$i; done; echo x > d/e/g
find d -type f -exec wc -c {} \; | sort -n
find d -type f -exec sha256sum {} + | sort | cut -c1-20
find d -type f | sort | xargs wc -c
printf '3\n1\n2\n' | xargs -n 1 expr 10 +
env -i FOO=bar env | sort
timeout 10 sort -r data.txt | head -n 2
