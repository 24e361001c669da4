# Calculators and number tools: bc and dc big numbers, factor, seq formats.
echo '2^200' | bc
echo 'scale=30; 4*a(1)' | bc -l 2>/dev/null || echo 'scale=30; 1/7' | bc
echo '1 2 + 3 * p 2 100 ^ p' | dc
factor 1234567890 4294967297 600851475143
seq -s ' ' 1 3 20
seq -w 8 11
seq 1.5 0.5 3
