[database]
password = p(ss
