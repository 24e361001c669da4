# sha256sum, sha1sum, sha512sum of the 1 MiB files and of data streamed through a pipe.
sha256sum data.txt data.bin
sha1sum data.bin
sha512sum data.txt
cat data.bin data.txt | sha256sum
printf 'abc' | sha256sum
head -c 1000 data.bin > part && sha256sum part && sha256sum -c <<E
$(sha256sum part)
E
