# bzip2/bunzip2 round trips and compressed sizes of 1 MiB of text and binary data.
for f in data.txt data.bin; do
  bzip2 -c < $f > z
  echo "$f $(wc -c < z) $(sha256sum < z | cut -c1-16)"
  bunzip2 -c < z | cmp - $f && echo "$f bzip2 round trip ok"
  bzcat z | wc -c
done
xz -c data.txt 2>/dev/null | xzcat 2>/dev/null | wc -c
