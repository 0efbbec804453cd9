[database]
password = abc$
dbname = matomo
