; <?php exit; ?> DO NOT REMOVE THIS LINE
; file automatically generated or modified by Matomo; you can manually override the default values in global.ini.php by redefining them in this file.
[database]
host = "db.internal"
username = "matomo"
password = 123456
dbname = "matomo"
port = 3307
tables_prefix = "piwik_"
