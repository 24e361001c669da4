# expr: arithmetic, comparisons, string match/substr/index/length, and its exit statuses.
expr 7 + 5 \* 3
expr \( 7 + 5 \) \* 3
expr 100 / 7 % 5
expr -- -17 / 5
expr length "emulation"
expr substr "ferryboat" 6 4
expr index "ferry" r
expr "abc123" : '[a-z]*'
expr "version-1.35" : '.*-\(.*\)'
expr 3 \< 10
expr "b" \> "a"
expr 0 + 0; echo "zero result status $?"
expr 9223372036854775807 + 0
expr 1 / 0; echo "division by zero status $?"
