<?php
// tracker endpoint (test fixture)
