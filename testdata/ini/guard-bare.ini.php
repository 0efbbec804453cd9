; <?php exit; ?>
[database]
host = "localhost"
