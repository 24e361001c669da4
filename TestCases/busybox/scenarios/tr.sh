# tr: case mapping, ranges, deletion, squeezing, complements and classes.
head -n 3 data.txt | tr 'a-z' 'A-Z'
head -n 3 data.txt | tr -d '0-9'
echo "aaabbbccc   dd" | tr -s 'a-z '
echo "hello, world! 123" | tr -cd 'a-z\n'
echo "MiXeD CaSe" | tr '[:upper:][:lower:]' '[:lower:][:upper:]'
tr -c 'a-z\n' '_' < data.txt | head -n 2
tr '0-9' 'a-j' < data.txt | sha256sum
