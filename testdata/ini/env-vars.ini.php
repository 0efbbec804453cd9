; <?php exit; ?> DO NOT REMOVE THIS LINE
; file automatically generated or modified by Matomo; you can manually override the default values in global.ini.php by redefining them in this file.
[database]
password = "${MATOMO_INI_TEST_VAR}"
username = ${MATOMO_INI_TEST_VAR}
dbname = "db-${MATOMO_INI_TEST_VAR}-x"
host = ${MATOMO_INI_TEST_UNSET_VARIABLE}
prefix = "${MATOMO_INI_TEST_EMPTY}"
encoded = "${MATOMO_INI_TEST_AMP}"
literal = "\${MATOMO_INI_TEST_VAR}"
dollar = "cost $5"
