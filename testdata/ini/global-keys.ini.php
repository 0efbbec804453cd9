; keys before any section
top = "level"
number = 5

[General]
force_ssl = 0
