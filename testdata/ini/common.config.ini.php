; <?php exit; ?> DO NOT REMOVE THIS LINE
; file automatically generated or modified by Matomo; you can manually override the default values in global.ini.php by redefining them in this file.
[General]
enable_plugin_upload = 1
trusted_hosts[] = "common.example"

[database]
port = "/run/mysqld/mysqld.sock"
