# Line tools: head/tail/wc/cut/paste/nl/fold/rev/tac/uniq/comm-like diff, strings and dos2unix.
wc data.txt
wc -l < data.bin
head -c 200 data.txt | tail -n 2
tail -n 3 data.txt
cut -c 3-8 data.txt | head -n 3
head -n 4 data.txt > a; tail -n 4 data.txt > b; paste a b
nl -ba a
echo "abcdef" | rev
diff a b; echo "diff status $?"
printf 'x\r\ny\r\n' | dos2unix | od -c | head -n 1
strings -n 8 data.bin | head -n 3
