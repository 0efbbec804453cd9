[S]
5 = "int key"
05 = "string key"
-0 = "string minus zero"
-010[] = "octal name"
7[] = "list at 7"
9223372036854775807 = "max"
9223372036854775808 = "too big"
