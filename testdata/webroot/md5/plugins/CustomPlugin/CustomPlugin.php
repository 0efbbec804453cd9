<?php
class CustomPlugin {}
