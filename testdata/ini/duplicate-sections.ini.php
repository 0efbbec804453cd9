; <?php exit; ?> DO NOT REMOVE THIS LINE
; file automatically generated or modified by Matomo; you can manually override the default values in global.ini.php by redefining them in this file.
[General]
force_ssl = 1
salt = "first"

[database]
host = "db1"

[General]
enable_installer = 0
