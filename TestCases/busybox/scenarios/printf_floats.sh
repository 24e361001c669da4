# printf with floats and integers: widths, precisions, rounding, exponents and escapes.
printf '%.3f %e %g %G\n' 3.14159265 0.000123456 1e21 1e-5
printf '%.0f %.0f %.0f %.0f\n' 0.5 1.5 2.5 -2.5
printf '%10.4f|%-10.2e|%+d|%05d|%x|%o|%c|%s\n' 2.71828 12345.678 7 42 255 8 Z word
printf '%s\n' "$(printf '%.15g' 0.1)" "$(printf '%.17g' 0.1)"
printf '%d %i %u\n' -5 0x1f 010
printf 'tab\there\\backslash \101\n'
printf '%b\n' 'esc\tape\n'
awk 'BEGIN { printf "%.6f %.10e %g\n", 1/3, 2/3, 1e100 }'
