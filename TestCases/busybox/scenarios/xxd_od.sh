# Hex dumps: xxd (plain, -p, -r round trip), od and hexdump formats.
head -c 96 data.bin | xxd
head -c 64 data.txt | xxd -p
head -c 4096 data.bin > h; xxd h | xxd -r > h2; cmp h h2 && echo "xxd -r ok"
head -c 4096 data.bin | xxd -p | xxd -r -p | sha256sum
head -c 48 data.bin | od -An -tx1 -tc
head -c 32 data.bin | od -Ad -tu4 -td2
head -c 64 data.bin | hexdump -C
