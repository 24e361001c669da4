# grep: counts, inverted, extended regexes, -o, -n, -w, fixed strings, status when nothing matches.
grep -c 'text 1' data.txt
grep -vc 'text' data.txt
grep -E -m 3 -n '^0000[0-9]{2}7 ' data.txt
grep -o -E 'text [0-9]+' data.txt | sort | uniq -c | sort -rn | head -n 3
grep -w -c '12' data.txt
grep -F -c '.' data.txt
grep 'no such text anywhere' data.txt
echo "no-match status $?"
grep -i -c 'LINE OF' data.txt
