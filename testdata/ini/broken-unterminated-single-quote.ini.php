[database]
password = 'never closed
