; <?php exit; ?> DO NOT REMOVE THIS LINE
; file automatically generated or modified by Matomo; you can manually override the default values in global.ini.php by redefining them in this file.
; edited by hand
[General]
force_ssl = 1 ; switched on after the audit
enable_plugin_upload=0;no space before the comment
login_allowlist_ip[] = 10.0.0.0/8
login_allowlist_ip[] = 192.168.1.*
login_allowlist_ip[] = 2001:db8::/48
login_allowlist_ip[] = matomo.example.org
hash_value = abc#def
currency.symbol = EUR
mail.from = no-reply@example.com
path = /var/www/matomo/tmp
spaced   =    value with   inner spaces
tabbed	=	tabbed	value
empty =
quoted_empty = ""

[database]
host=db.example.com
username = matomo
password = "s3cr3t pass"
