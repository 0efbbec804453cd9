<?php
// Matomo entry point (test fixture)
