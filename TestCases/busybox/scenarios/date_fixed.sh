# date on fixed instants in UTC (never the current time), and cal for a fixed month.
date -u -d @0 '+%Y-%m-%d %H:%M:%S %a %j'
date -u -d @1700000000 '+%F %T %s %A %B %U'
date -u -d '2024-02-29 12:34:56' '+%s %u %V'
cal 2 2024
