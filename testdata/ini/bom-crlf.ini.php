; <?php exit; ?> DO NOT REMOVE THIS LINE
; file automatically generated or modified by Matomo; you can manually override the default values in global.ini.php by redefining them in this file.
[General]
force_ssl = 1
trusted_hosts[] = "a.example"
trusted_hosts[] = "b.example"

[database]
host = "127.0.0.1"
