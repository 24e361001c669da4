# sort: numeric reverse, keys and separators, unique, stable with -s, then uniq -c.
awk '{ print $1 % 1000 }' data.txt | sort -rn | head -n 20
awk '{ print $1 % 50 }' data.txt | sort -n | uniq -c | sort -k1,1nr -k2,2n | head -n 10
sort -t ' ' -k4,4 -k1,1rn data.txt | head -n 5
printf '10\n9\n-3\n1e3\n0x10\n 7\nabc\n' | sort -n
printf 'b 2\na 2\nc 1\n' | sort -s -k2,2n
sort -u -k5 data.txt | wc -l
