; <?php exit; ?> DO NOT REMOVE THIS LINE
; file automatically generated or modified by Matomo; you can manually override the default values in global.ini.php by redefining them in this file.
[General]
a_on = on
a_yes = yes
a_true = true
a_off = off
a_no = no
a_false = false
a_none = none
a_null = null
m_on = On
m_yes = YES
m_true = True
m_null = NULL
m_none = None
q_on = "on"
q_off = "off"
q_null = "null"
q_true = "true"
not_keyword = nothing
prefix_keyword = yesterday
