; <?php exit; ?> DO NOT REMOVE THIS LINE
[database]
host = 127.0.0.1
username = matomo
password = "fixture-not-a-secret"
dbname = matomo
tables_prefix = matomo_

[General]
salt = "00000000000000000000000000000000"
trusted_hosts[] = "matomo.example.test"
