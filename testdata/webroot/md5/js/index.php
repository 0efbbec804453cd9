<?php
// serves piwik.js (test fixture)
