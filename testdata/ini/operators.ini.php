[PHP]
error_level = E_ALL & ~E_NOTICE
or = 1 | 2
xor = 6 ^ 3
not = !0
neg = ~5
paren = (4)
unquoted_amp_password = pa&ss
eol = PHP_EOL
