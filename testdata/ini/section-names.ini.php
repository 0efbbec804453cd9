[ General ]
spaced = 1
[5]
numeric = 1
["quoted section"]
q = 1
[a.b-c]
dotted = 1
[General]x = 2
[]
empty_name = 1
