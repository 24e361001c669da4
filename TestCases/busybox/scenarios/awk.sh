# awk: field sums, associative arrays, printf with floats, string functions, getline.
# Sums print with %.0f: busybox awk converts %d arguments with a C cast, and an out-of-range
# double-to-int cast gives INT_MIN on x86-64 but saturates on AArch64 (both correct hardware).
awk '{ s += $1; c[$5]++ } END { printf "sum %.0f mean %.4f\n", s, s / NR; n = 0; for (k in c) n++; print "keys", n }' data.txt
awk 'NR % 10000 == 1 { printf "%s|%-8s|%08.3f|%e|%x\n", NR, toupper($3), $1 / 7, $1 * 1000.5, $1 }' data.txt
awk 'BEGIN { x = sprintf("%.10g", atan2(1, 1) * 4); print x, length(x), substr("emulator", 3, 4), index("ferry", "rr"); split("a:b:c", p, ":"); print p[3] p[1] }'
awk 'BEGIN { for (i = 1; i <= 5; i++) printf "%d! = %d\n", i, f = (i == 1 ? 1 : f * i); print 2^53 + 1, int(-3.7), 7 % 3, -7 % 3 }'
awk -F' ' '$5 ~ /^1[0-2]$/ { n++ } END { print "regex matches", n }' data.txt
echo "a b c" | awk '{ $2 = "X"; print; print NF }'
awk 'BEGIN { while ((getline line < "data.txt") > 0 && n < 3) { n++; print "got", line } }'
