# md5sum of files, stdin and a check file with one deliberately wrong entry (status 1).
md5sum data.txt data.bin
printf '' | md5sum
md5sum data.txt > sums
echo "00000000000000000000000000000000  data.bin" >> sums
md5sum -c sums
echo "check status $?"
