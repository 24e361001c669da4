# Long pipelines of separate applets, each a separate process started by name via PATH.
cat data.txt | grep 'text 7' | sed 's/ line of text / /' | awk '{ print $2 * 1000 + $1 % 1000 }' | sort -n | uniq | tail -n 5
head -n 20000 data.txt | cut -d ' ' -f 1 | rev | sort | head -n 3
seq 1 2000 | paste -s -d + | bc
seq 1 50 | tac | nl | tail -n 2
yes ferry | head -n 1000 | tr -d '\n' | fold -w 70 | wc -l
seq 10 10 100 | xargs -n 3 echo
cat data.txt | tee copy.txt | wc -l; cmp copy.txt data.txt && echo tee ok
