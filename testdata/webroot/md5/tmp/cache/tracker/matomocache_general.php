<?php return array();
