# sed: substitutions with groups and flags, addresses and ranges, delete, hold space, -n p.
sed -n '1,5p' data.txt
sed -n '/^0001/p' data.txt | head -n 3
sed 's/\([0-9]*\) line of text \([0-9]*\)/\2:\1/' data.txt | sed -n '100,103p'
sed -e 's/e/E/g' -e 's/text/TEXT/2' -e '/ 0$/d' data.txt | head -n 4
printf 'one\ntwo\nthree\nfour\n' | sed -n '1!G;h;$p'
printf 'a.b.c\n' | sed 's/\./-/2'
sed '$!d' data.txt
printf 'x\ny\n' | sed '1i\
inserted' | sed '$a\
appended'
