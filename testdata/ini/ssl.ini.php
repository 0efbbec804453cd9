; <?php exit; ?> DO NOT REMOVE THIS LINE
; file automatically generated or modified by Matomo; you can manually override the default values in global.ini.php by redefining them in this file.
[database]
host = "db.example.com"
enable_ssl = 1
ssl_ca = "/etc/mysql/ca.pem"
ssl_cert = "/etc/mysql/client-cert.pem"
ssl_key = "/etc/mysql/client-key.pem"
ssl_no_verify = 1
ssl_cipher = "ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-SHA"
