; <?php exit; ?> DO NOT REMOVE THIS LINE
; file automatically generated or modified by Matomo; you can manually override the default values in global.ini.php by redefining them in this file.
[General]
login_whitelist_ip[] = "203.0.113.0/24"
login_whitelist_ip[] = "198.51.100.7"
