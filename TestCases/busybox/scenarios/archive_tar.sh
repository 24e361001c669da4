# tar: create, list and extract a small tree, then compare contents.
mkdir -p src/sub
head -c 5000 data.bin > src/blob; head -n 100 data.txt > src/sub/text; echo hi > src/sub/small
tar cf t.tar src
tar tf t.tar | sort
mkdir out && tar xf t.tar -C out
cmp src/blob out/src/blob && cmp src/sub/text out/src/sub/text && echo "extract ok"
tar czf t.tgz src && tar tzf t.tgz | sort | wc -l
