[database]
password = "${MATOMO_INI_TEST_VAR"
