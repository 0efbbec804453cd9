-- Matomo 5.4 core tables with the table prefix matomo_.
-- Source: matomo-org/matomo core/Db/Schema/Mysql.php (tag 5.1.2 and the
-- 5.x-dev branch of October 2024, which create the same tables), plus the
-- columns that the 5.3 and 5.4 updates add:
--   user.ts_last_seen TIMESTAMP NULL (the 5.4 update moves each
--     UsersManager.lastSeen.<login> option into it, in UTC, and deletes the
--     options),
--   user.ts_inactivity_notified TIMESTAMP NULL (inactive-user emails),
--   user_token_auth.ts_rotation_notified DATETIME NULL (token rotation
--     reminders),
--   user_token_auth.ts_expiration_warning_notified DATETIME NULL (token
--     expiry warnings).
-- NOTE: those four columns come from Matomo's 2025 update code, not from a
-- tagged 5.4 release. Their types and their place in the column list were
-- not checked against a real 5.4 install.
-- Table options as Matomo 5 writes them: "ENGINE=<type> DEFAULT
-- CHARSET=<charset> COLLATE=<collation>", plus ROW_FORMAT=DYNAMIC for
-- utf8mb4.
-- archive_numeric_2024_01 and archive_blob_2024_01 use the archive_numeric
-- and archive_blob templates, as Matomo does for each month it archives.
-- Left out: the log_visit, log_link_visit_action, log_conversion and
-- log_conversion_item tables, whose columns depend on the installed
-- dimensions.

CREATE TABLE matomo_user (
  login VARCHAR(100) NOT NULL,
  password VARCHAR(255) NOT NULL,
  email VARCHAR(100) NOT NULL,
  twofactor_secret VARCHAR(40) NOT NULL DEFAULT '',
  superuser_access TINYINT(2) UNSIGNED NOT NULL DEFAULT '0',
  date_registered TIMESTAMP NULL,
  ts_password_modified TIMESTAMP NULL,
  idchange_last_viewed INTEGER UNSIGNED NULL,
  invited_by VARCHAR(100) NULL,
  invite_token VARCHAR(191) NULL,
  invite_link_token VARCHAR(191) NULL,
  invite_expired_at TIMESTAMP NULL,
  invite_accept_at TIMESTAMP NULL,
  ts_changes_shown TIMESTAMP NULL,
  ts_last_seen TIMESTAMP NULL,
  ts_inactivity_notified TIMESTAMP NULL,
  PRIMARY KEY (login),
  UNIQUE INDEX uniq_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_user_token_auth (
  idusertokenauth BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  login VARCHAR(100) NOT NULL,
  description VARCHAR(100) NOT NULL,
  password VARCHAR(191) NOT NULL,
  hash_algo VARCHAR(30) NOT NULL,
  system_token TINYINT(1) NOT NULL DEFAULT 0,
  last_used DATETIME NULL,
  date_created DATETIME NOT NULL,
  date_expired DATETIME NULL,
  secure_only TINYINT(2) UNSIGNED NOT NULL DEFAULT '0',
  ts_rotation_notified DATETIME NULL,
  ts_expiration_warning_notified DATETIME NULL,
  PRIMARY KEY (idusertokenauth),
  UNIQUE KEY uniq_password (password)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_twofactor_recovery_code (
  idrecoverycode BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  login VARCHAR(100) NOT NULL,
  recovery_code VARCHAR(40) NOT NULL,
  PRIMARY KEY (idrecoverycode)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_access (
  idaccess INTEGER(10) UNSIGNED NOT NULL AUTO_INCREMENT,
  login VARCHAR(100) NOT NULL,
  idsite INTEGER UNSIGNED NOT NULL,
  access VARCHAR(50) NULL,
  PRIMARY KEY (idaccess),
  INDEX index_loginidsite (login, idsite)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_site (
  idsite INTEGER(10) UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(90) NOT NULL,
  main_url VARCHAR(255) NOT NULL,
  ts_created TIMESTAMP NULL,
  ecommerce TINYINT DEFAULT 0,
  sitesearch TINYINT DEFAULT 1,
  sitesearch_keyword_parameters TEXT NOT NULL,
  sitesearch_category_parameters TEXT NOT NULL,
  timezone VARCHAR(50) NOT NULL,
  currency CHAR(3) NOT NULL,
  exclude_unknown_urls TINYINT(1) DEFAULT 0,
  excluded_ips TEXT NOT NULL,
  excluded_parameters TEXT NOT NULL,
  excluded_user_agents TEXT NOT NULL,
  excluded_referrers TEXT NOT NULL,
  `group` VARCHAR(250) NOT NULL,
  `type` VARCHAR(255) NOT NULL,
  keep_url_fragment TINYINT NOT NULL DEFAULT 0,
  creator_login VARCHAR(100) NULL,
  PRIMARY KEY (idsite)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_plugin_setting (
  plugin_name VARCHAR(60) NOT NULL,
  setting_name VARCHAR(255) NOT NULL,
  setting_value LONGTEXT NOT NULL,
  json_encoded TINYINT UNSIGNED NOT NULL DEFAULT 0,
  user_login VARCHAR(100) NOT NULL DEFAULT '',
  idplugin_setting BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (idplugin_setting),
  INDEX (plugin_name, user_login)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_site_setting (
  idsite INTEGER(10) UNSIGNED NOT NULL,
  plugin_name VARCHAR(60) NOT NULL,
  setting_name VARCHAR(255) NOT NULL,
  setting_value LONGTEXT NOT NULL,
  json_encoded TINYINT UNSIGNED NOT NULL DEFAULT 0,
  idsite_setting BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (idsite_setting),
  INDEX (idsite, plugin_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_site_url (
  idsite INTEGER(10) UNSIGNED NOT NULL,
  url VARCHAR(190) NOT NULL,
  PRIMARY KEY (idsite, url)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_goal (
  idsite INT(11) NOT NULL,
  idgoal INT(11) NOT NULL,
  name VARCHAR(50) NOT NULL,
  description VARCHAR(255) NOT NULL DEFAULT '',
  match_attribute VARCHAR(20) NOT NULL,
  pattern VARCHAR(255) NOT NULL,
  pattern_type VARCHAR(25) NOT NULL,
  case_sensitive TINYINT(4) NOT NULL,
  allow_multiple TINYINT(4) NOT NULL,
  revenue DOUBLE NOT NULL,
  deleted TINYINT(4) NOT NULL DEFAULT '0',
  event_value_as_revenue TINYINT(4) NOT NULL DEFAULT '0',
  PRIMARY KEY (idsite, idgoal)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_logger_message (
  idlogger_message INTEGER UNSIGNED NOT NULL AUTO_INCREMENT,
  tag VARCHAR(50) NULL,
  timestamp TIMESTAMP NULL,
  level VARCHAR(16) NULL,
  message TEXT NULL,
  PRIMARY KEY (idlogger_message)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_log_action (
  idaction INTEGER(10) UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(4096),
  hash INTEGER(10) UNSIGNED NOT NULL,
  type TINYINT UNSIGNED NULL,
  url_prefix TINYINT(2) NULL,
  PRIMARY KEY (idaction),
  INDEX index_type_hash (type, hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_log_profiling (
  query TEXT NOT NULL,
  count INTEGER UNSIGNED NULL,
  sum_time_ms FLOAT NULL,
  idprofiling BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (idprofiling),
  UNIQUE KEY query (query(100))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_option (
  option_name VARCHAR(191) NOT NULL,
  option_value LONGTEXT NOT NULL,
  autoload TINYINT NOT NULL DEFAULT '1',
  PRIMARY KEY (option_name),
  INDEX autoload (autoload)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_session (
  id VARCHAR(191) NOT NULL,
  modified INTEGER,
  lifetime INTEGER,
  data MEDIUMTEXT,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_archive_numeric_2024_01 (
  idarchive INTEGER UNSIGNED NOT NULL,
  name VARCHAR(190) NOT NULL,
  idsite INTEGER UNSIGNED NULL,
  date1 DATE NULL,
  date2 DATE NULL,
  period TINYINT UNSIGNED NULL,
  ts_archived DATETIME NULL,
  value DOUBLE NULL,
  PRIMARY KEY (idarchive, name),
  INDEX index_idsite_dates_period (idsite, date1, date2, period, name(6)),
  INDEX index_period_archived (period, ts_archived)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_archive_blob_2024_01 (
  idarchive INTEGER UNSIGNED NOT NULL,
  name VARCHAR(190) NOT NULL,
  idsite INTEGER UNSIGNED NULL,
  date1 DATE NULL,
  date2 DATE NULL,
  period TINYINT UNSIGNED NULL,
  ts_archived DATETIME NULL,
  value MEDIUMBLOB NULL,
  PRIMARY KEY (idarchive, name),
  INDEX index_period_archived (period, ts_archived)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_archive_invalidations (
  idinvalidation BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  idarchive INTEGER UNSIGNED NULL,
  name VARCHAR(255) NOT NULL,
  idsite INTEGER UNSIGNED NOT NULL,
  date1 DATE NOT NULL,
  date2 DATE NOT NULL,
  period TINYINT UNSIGNED NOT NULL,
  ts_invalidated DATETIME NULL,
  ts_started DATETIME NULL,
  status TINYINT(1) UNSIGNED DEFAULT 0,
  `report` VARCHAR(255) NULL,
  PRIMARY KEY (idinvalidation),
  INDEX index_idsite_dates_period_name (idsite, date1, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_sequence (
  `name` VARCHAR(120) NOT NULL,
  `value` BIGINT(20) UNSIGNED NOT NULL,
  PRIMARY KEY (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_brute_force_log (
  id_brute_force_log BIGINT(11) NOT NULL AUTO_INCREMENT,
  ip_address VARCHAR(60) DEFAULT NULL,
  attempted_at DATETIME NOT NULL,
  login VARCHAR(100) NULL,
  INDEX index_ip_address (ip_address),
  PRIMARY KEY (id_brute_force_log)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_tracking_failure (
  idsite BIGINT(20) UNSIGNED NOT NULL,
  idfailure SMALLINT UNSIGNED NOT NULL,
  date_first_occurred DATETIME NOT NULL,
  request_url MEDIUMTEXT NOT NULL,
  PRIMARY KEY (idsite, idfailure)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_locks (
  `key` VARCHAR(70) NOT NULL,
  `value` VARCHAR(255) NULL DEFAULT NULL,
  expiry_time BIGINT UNSIGNED DEFAULT 9999999999,
  PRIMARY KEY (`key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;

CREATE TABLE matomo_changes (
  idchange INTEGER UNSIGNED NOT NULL AUTO_INCREMENT,
  created_time DATETIME NOT NULL,
  plugin_name VARCHAR(60) NOT NULL,
  version VARCHAR(20) NOT NULL,
  title VARCHAR(255) NOT NULL,
  description TEXT NULL,
  link_name VARCHAR(255) NULL,
  link VARCHAR(255) NULL,
  PRIMARY KEY (idchange),
  UNIQUE KEY unique_plugin_version_title (plugin_name, version, title(100))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=DYNAMIC;
