# gzip/gunzip round trips of 1 MiB text and binary data at several levels; the compressed
# bytes themselves are hashed too (same algorithm, so they must be identical).
for f in data.txt data.bin; do
  for lvl in 1 6 9; do
    gzip -$lvl -c < $f > z
    echo "$f -$lvl $(wc -c < z) $(sha256sum < z | cut -c1-16) $(gunzip -c < z | sha256sum | cut -c1-16)"
  done
  gzip -c < $f | gunzip | cmp - $f && echo "$f round trip ok"
done
gzip -c data.txt > d.gz; zcat d.gz | wc -c; gzip -t d.gz && echo "test ok"
head -c 100 data.txt | gzip -c | head -c 50 | gunzip > /dev/null 2>&1; echo "truncated stream status $?"
