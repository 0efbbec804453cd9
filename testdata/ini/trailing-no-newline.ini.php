[General]
force_ssl = 1
salt = "abc"