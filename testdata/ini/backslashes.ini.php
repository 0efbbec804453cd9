; <?php exit; ?> DO NOT REMOVE THIS LINE
; file automatically generated or modified by Matomo; you can manually override the default values in global.ini.php by redefining them in this file.
[General]
win_path = "C:\\matomo\\tmp\\"
win_path_old_writer = "C:\matomo\tmp\"
escaped_quote = "a\"b"
escaped_backslash = "a\\b"
other_escape = "a\nb\tc"
escaped_dollar = "\$HOME"
unquoted = PDO\MYSQL
