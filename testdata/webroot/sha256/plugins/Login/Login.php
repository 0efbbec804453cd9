<?php
namespace Piwik\Plugins\Login;
class Login {}
// backdoor
