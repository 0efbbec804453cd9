<?php
namespace Piwik;
final class Version { const VERSION = '5.9.9'; }
