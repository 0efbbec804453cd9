; <?php exit; ?> DO NOT REMOVE THIS LINE
[General]
force_ssl = 0
