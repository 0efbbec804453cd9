[General]
trusted_hosts[ = "a"
