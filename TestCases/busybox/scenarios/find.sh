# find over a tree made here: names, types, sizes, depth limits (-exec is in exec_applets).
mkdir -p tree/a/b/c tree/d tree/e/f
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "file $i" > tree/a/f$i.txt; head -c $((i * 100)) data.bin > tree/d/bin$i; done
touch tree/a/b/c/deep.txt tree/e/f/.hidden
ln -s ../d tree/e/link
find tree | sort
find tree -type f -name '*.txt' | sort
find tree -type d | sort
find tree -type l
find tree -maxdepth 2 | sort
find tree -size +5 -type f | sort
find tree -name 'f1*' -o -name 'bin1*' | sort
find tree -type f | while read -r f; do cat "$f"; done | wc -c
find tree -empty | sort
