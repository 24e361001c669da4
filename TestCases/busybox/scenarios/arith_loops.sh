# Shell arithmetic, loops, functions, case and parameter expansion inside busybox sh itself.
fib() { a=0; b=1; i=0; while [ $i -lt $1 ]; do t=$((a + b)); a=$b; b=$t; i=$((i + 1)); done; echo $a; }
echo "fib(60) = $(fib 60)"
echo "ops: $((7 / 2)) $((-7 / 2)) $((-7 % 3)) $((1 << 40)) $((0x7fffffffffffffff)) $((3 ** 4)) $((~5)) $((5 > 3 && 2 > 1))"
sum=0
for i in $(seq 1 500); do case $((i % 15)) in 0) sum=$((sum + 15));; 3|6|9|12) sum=$((sum + 3));; *) sum=$((sum + 1));; esac; done
echo "case sum $sum"
s="path/to/some.file.tar.gz"
echo "${#s} ${s%%.*} ${s%.*} ${s#*/} ${s##*/} ${s:5:2}"
n=0; until [ $n -ge 1000 ]; do n=$((n * 2 + 1)); done; echo "until: $n"
set -- alpha beta gamma; echo "args $# last ${3} all $*"
x=$( (exit 7) ; echo $?); echo "subshell status $x"
