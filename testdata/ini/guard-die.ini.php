; <?php die(); ?>
[General]
enable_installer = 0
