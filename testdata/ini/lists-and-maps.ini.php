; <?php exit; ?> DO NOT REMOVE THIS LINE
; file automatically generated or modified by Matomo; you can manually override the default values in global.ini.php by redefining them in this file.
[General]
list[] = "a"
list[] = "b"
list[] = "c"
indexed[5] = "five"
indexed[] = "six"
indexed[0] = "zero"
map[BTC] = "Bitcoin"
map[EUR] = "Euro"
map["quoted key"] = "q"
map[01] = "leading zero"
map[-3] = "negative"
map[E_ALL] = "constant key"
map[${MATOMO_INI_TEST_VAR}] = "env key"
overwritten = "scalar"
overwritten[] = "now a list"
relisted[] = "list"
relisted = "now a scalar"
Plugins[] = CoreHome
Plugins[] = Login
