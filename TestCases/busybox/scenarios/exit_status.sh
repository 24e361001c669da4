# Exit statuses: false, test, command not found, a failing pipeline, and the script's own exit.
false; echo "false -> $?"
test 3 -gt 4; echo "test -> $?"
[ -f data.txt ] && echo "data.txt exists"
no_such_command_here 2>/dev/null; echo "not found -> $?"
true | false; echo "pipeline -> $?"
sh -c 'exit 42'; echo "nested sh -> $?"
exit 3
