; <?php exit; ?> DO NOT REMOVE THIS LINE
