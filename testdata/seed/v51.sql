-- Fixture v51: Matomo 5.1.2 with the table prefix matomo_.
-- Load after testdata/schema/matomo-5.1.sql. Its config file is
-- testdata/matomo/v51/config/config.ini.php and the values a scrape must
-- give are in testdata/expected/v51.prom.
--
-- What this fixture exercises:
--   * The config sets [TwoFactorAuth] twoFactorAuthRequired = 1, which wins
--     over the plugin_setting row with 0.
--   * The config sets only_allow_secure_auth_tokens = 1, so no token counts
--     as insecure although 6 counted tokens have secure_only = 0.
--   * Brute-force settings differ from the defaults (5 retries in 30
--     minutes) and use allow and block lists with single IPs, CIDR ranges
--     (IPv4 and IPv6) and a wildcard. One IP is on both lists.
--   * An invitation with a token but no expiry date counts as expired.
--   * UsersManager/allowedEmailDomains lists 2 domains.
--   * The last time a user was seen still comes from
--     UsersManager.lastSeen.<login> options.
--   * One foreign table, matomobackup_user, which matches LIKE 'matomo_%'.
--
-- TIMESTAMP and DATETIME values hold UTC wall-clock times written through
-- the loading session's time zone, as Matomo writes them.
-- Every time is relative to the moment the file is loaded. Days, hours and
-- minutes in the comments are ages at load time. Each statement ends with a
-- semicolon at the end of a line, and no other semicolon appears in this file.

INSERT INTO matomo_site (idsite, name, main_url, ts_created, ecommerce, sitesearch, sitesearch_keyword_parameters, sitesearch_category_parameters, timezone, currency, exclude_unknown_urls, excluded_ips, excluded_parameters, excluded_user_agents, excluded_referrers, `group`, `type`, keep_url_fragment, creator_login) VALUES
(1, 'Corporate site', 'https://www.example.org', UTC_TIMESTAMP() - INTERVAL 1100 DAY, 0, 1, '', '', 'America/New_York', 'USD', 0, '', '', '', '', '', 'website', 0, 'superadmin'),
(2, 'Store', 'https://store.example.org', UTC_TIMESTAMP() - INTERVAL 900 DAY, 1, 1, '', '', 'America/New_York', 'USD', 1, '', 'sessionid', '', '', '', 'website', 0, 'superadmin'),
(3, 'Help center', 'https://help.example.org', UTC_TIMESTAMP() - INTERVAL 600 DAY, 0, 1, 'query', '', 'UTC', 'USD', 0, '', '', '', '', 'Support', 'website', 0, 'alice'),
(4, 'Old microsite', 'https://campaign2019.example.org', UTC_TIMESTAMP() - INTERVAL 1000 DAY, 0, 0, '', '', 'UTC', 'USD', 0, '', '', '', '', 'Archive', 'website', 0, 'superadmin');

INSERT INTO matomo_site_url (idsite, url) VALUES
(1, 'https://example.org'),
(2, 'https://shop.example.org'),
(3, 'https://support.example.org');

-- Accounts by highest role: superuser 1, admin 4, write 2, view 5,
-- noaccess 3 (15 accounts). Then anonymous and 4 invitations, which are not
-- accounts. The comment above each row gives its role, whether it has 2FA
-- and whether it counts as inactive (threshold 90 days).
INSERT INTO matomo_user (login, password, email, twofactor_secret, superuser_access, date_registered, ts_password_modified, idchange_last_viewed, invited_by, invite_token, invite_link_token, invite_expired_at, invite_accept_at, ts_changes_shown) VALUES
-- not an account, has public view access on site 4
('anonymous', '', 'anonymous@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 1100 DAY, UTC_TIMESTAMP() - INTERVAL 1100 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- superuser without 2FA, seen 1 hour ago: active
('superadmin', '$2y$10$qoWf4ZtefzNn6FmW4m.f6nzC.33rNp5V92UmqcapdMQ5vLqDlSXXE', 'it@example.org', '', 1, UTC_TIMESTAMP() - INTERVAL 900 DAY, UTC_TIMESTAMP() - INTERVAL 90 DAY, 31, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 20 DAY),
-- admin on site 1, 2FA, seen 2 days ago: active
('alice', '$2y$10$GuySOxPwV0JywbUmVp.0M2tfdSDFgwrSq9PpT6dz1tZYZRvQ6BOUR', 'alice@example.org', 'HCUNS4LIU3LBV3EO', 0, UTC_TIMESTAMP() - INTERVAL 800 DAY, UTC_TIMESTAMP() - INTERVAL 800 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- admin on site 2, write on site 1, view on site 3 (admin), no 2FA, seen 100 days ago: inactive
('bob', '$2y$10$Y3FzoMTNoJkWV/S83SNr2AKJZ4a2KYd/XZyQ4FTtEpEStzfX5nDHB', 'bob@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 700 DAY, UTC_TIMESTAMP() - INTERVAL 700 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- admin and tagmanager_use_custom_templates on site 3 (admin), 2FA, no registration date, seen 5 days ago: active
('carol', '$2y$10$Ehwup4eGqR8e.CmfooWowZ41d1l6XbCd6H2RL7XA9ajMyu18p4Q6y', 'carol@example.org', 'UF5YNISDPUYPFKZG', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- admin on site 1, no 2FA, registered 20 days ago, never seen: active
('dave', '$2y$10$5/.4rG0Pkw4NNZvCw1uGwdPkP2EooINSZhqEh9gUowQtfqkM1cTAU', 'dave@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP() - INTERVAL 20 DAY, NULL, 'alice', NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 19 DAY, NULL),
-- write on site 1, 2FA, seen 200 days ago: inactive
('erin', '$2y$10$GEexXoCNrKgPCokRPt/fa6nnElLHHKiopGWGVWh8fNPD8aUgFjUF8', 'erin@example.org', 'JYDOHS6HH5YPDGO2', 0, UTC_TIMESTAMP() - INTERVAL 300 DAY, UTC_TIMESTAMP() - INTERVAL 300 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- write on site 2 and view on site 1 (write), 2FA, registered 400 days ago, never seen: inactive
('frank', '$2y$10$XofmiL835lmak4jSw..hLyIC6G2p7xCBjRJBz5QwFqnUjfNccCKaU', 'frank@example.org', 'AKYZJWITZVVPT3PM', 0, UTC_TIMESTAMP() - INTERVAL 400 DAY, UTC_TIMESTAMP() - INTERVAL 400 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- view on site 1, no 2FA, seen 130 days ago: inactive
('grace', '$2y$10$FlCAM7tYk7Gz5r8I2QU0vjbMzLLy7PZPXBui5ZBXSrD2lHTSmvDge', 'grace@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 365 DAY, UTC_TIMESTAMP() - INTERVAL 365 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- view on sites 1, 2 and 3 plus tagmanager_write on site 1 (view), 2FA, seen 1 day ago: active
('heidi', '$2y$10$ypu9D9gxNlSSFil9EI7UW3y9W1VIB1jUoyb67nPl7EnmaFui4nMgq', 'heidi@example.org', 'UI5VB3RJFYO2SGVC', 0, UTC_TIMESTAMP() - INTERVAL 50 DAY, UTC_TIMESTAMP() - INTERVAL 50 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- view on site 2, no 2FA, no registration date, never seen: inactive
('ivan', '$2y$10$UPnlTMN.MGLMqvpqsRJL2TDbsSNart2f3cqh4uJ7376XIx/IbNoMZ', 'ivan@example.org', '', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- view on site 3, no 2FA, seen 500 days ago: inactive
('judy', '$2y$10$uD46nj82uqadGmOYbUDXSRqgxnidEZltCCjdEaArC5HTWd4pu0jfG', 'judy@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 1000 DAY, UTC_TIMESTAMP() - INTERVAL 1000 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- view on site 1, no 2FA, seen 95 days ago: inactive
('mallory', '$2y$10$nMnl42SXhgVDdidY3rUdnC46jU8Vgt2jwT5NqGx59QT/5JQcm1NwO', 'mallory@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 200 DAY, UTC_TIMESTAMP() - INTERVAL 200 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- noaccess, no 2FA, registered 600 days ago, never seen: inactive
('niaj', '$2y$10$QYQ/rYvk/INrFWKPDiUc96fpVxrhGohG0q3pz/Cl.CbzJZAE6eyXR', 'niaj@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 600 DAY, UTC_TIMESTAMP() - INTERVAL 600 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- noaccess: its only access row is the capability tagmanager_write, no 2FA, seen 150 days ago: inactive
('olivia', '$2y$10$Ex5t2r5Qa15JRAVCJv4bjRPd/gNVJuxLex5JWRqdINGcko0eSdXEX', 'olivia@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 300 DAY, UTC_TIMESTAMP() - INTERVAL 300 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- noaccess, no 2FA, seen 120 days ago: inactive
('peggy', '$2y$10$Doy7v/6g2qvFV9rXbyWjYWWWf/zaxcnRKg820n9o48o8POfJYAA7z', 'peggy@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 150 DAY, UTC_TIMESTAMP() - INTERVAL 150 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- pending invitation (expires in 3 days), has a write access row that must not count
('trent', '$2y$10$FkZJNE2hb3rCRyKA9JzpkhgvYQrMPZ7bHTU5ej7iK7NgxbxBvRFrL', 'trent@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 4 DAY, UTC_TIMESTAMP() - INTERVAL 4 DAY, NULL, 'alice', '77642e7e0f5eec877bc8ab1e77056e51236e74a6848d1cfebfe8cb47fce29d0bcf8b789916aa0a582c2cae142e9938c2122924345b86b02ce64a446e3d66742a', '667d1d96cf7f4a086cf9dbcf230e79c6ff6843bf8d90e288bcbe80ac32044d154465395eedd2e6117c8d57105b150498999d0bce703be216bc55809e9503d5d2', UTC_TIMESTAMP() + INTERVAL 3 DAY, NULL, NULL),
-- expired invitation (1 day ago)
('sybil', '$2y$10$Tn4P/BuRGHWpp/n5pvnWODdsoQaMRBe.6zuEa3i0HX8WuefTeDeuE', 'sybil@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 8 DAY, UTC_TIMESTAMP() - INTERVAL 8 DAY, NULL, 'superadmin', 'f0de5fc82a1f0ba2fdb60ab0eadc9b008108f24e48c47b79de045dfcb4d2a85b5617494ad3983f517c2e810365e9b676153247e4d9625287618147addadaa58d', NULL, UTC_TIMESTAMP() - INTERVAL 1 DAY, NULL, NULL),
-- expired invitation (10 days ago)
('victor', '$2y$10$T/RfCdd4xQFbgFR0V.tQZoKvkqrfqZIe83G5wMnvS3LChvnte05An', 'victor@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 17 DAY, UTC_TIMESTAMP() - INTERVAL 17 DAY, NULL, 'superadmin', '7c83ad40d5ca43035eaf2c73793f5a59bd5fc25a44af137eca34d1fbef4def757e107f2e64128e18895b0b18220cd4fa742bc988971236a0dd323a24f6d63644', NULL, UTC_TIMESTAMP() - INTERVAL 10 DAY, NULL, NULL),
-- invitation with a token but no expiry date: neither an account nor pending, so it counts as expired
('walter', '$2y$10$ZlzTLJXjH87kqbj5OYW34HCUrzP/DmOq7OheOneliZqqQ/E3bBBf3', 'walter@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 30 DAY, UTC_TIMESTAMP() - INTERVAL 30 DAY, NULL, 'bob', '37a323c7da8462ecd57a2c534be6fdbe389ee10eb02eaa5916e3e768f138222c5bd6df075dec378e5f732049e22bcf9628b4ca131e645f424baf1edc679d5c16', NULL, NULL, NULL, NULL);

INSERT INTO matomo_access (idaccess, login, idsite, access) VALUES
(1, 'anonymous', 4, 'view'),
(2, 'alice', 1, 'admin'),
(3, 'bob', 2, 'admin'),
(4, 'bob', 1, 'write'),
(5, 'bob', 3, 'view'),
(6, 'carol', 3, 'admin'),
(7, 'carol', 3, 'tagmanager_use_custom_templates'),
(8, 'dave', 1, 'admin'),
(9, 'erin', 1, 'write'),
(10, 'frank', 2, 'write'),
(11, 'frank', 1, 'view'),
(12, 'grace', 1, 'view'),
(13, 'heidi', 1, 'view'),
(14, 'heidi', 2, 'view'),
(15, 'heidi', 3, 'view'),
(16, 'heidi', 1, 'tagmanager_write'),
(17, 'ivan', 2, 'view'),
(18, 'judy', 3, 'view'),
(19, 'mallory', 1, 'view'),
(20, 'olivia', 2, 'tagmanager_write'),
(21, 'trent', 2, 'write');

-- Tokens. Left out of every token gauge: the anonymous token and the
-- system token. Orphaned (owner zoe.deleted is not in matomo_user): 1.
-- By the owner's role: superuser 2, admin 3, write 1, view 4, noaccess 0.
INSERT INTO matomo_user_token_auth (idusertokenauth, login, description, password, hash_algo, system_token, last_used, date_created, date_expired, secure_only) VALUES
(1, 'anonymous', 'anonymous default token', '1aa6828038caf5de63f2ef52a7f9ee333669f6662bb6e25531d5eb314a4f3f57b863a98b8e99041a2296127c5ce9b02d7a4039bcbf925c00c27d475b479326b9', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 1100 DAY, NULL, 0),
-- superuser tokens
(2, 'superadmin', 'Archiver', '3cc4825ee4948b156ad8bace89d88a2ceb20993f41e37153d79acfb0e4bd8b48611921b113f275844f94a1d4c4512fc36b574824ccb8d6a247a711a38fa1ce3c', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() - INTERVAL 400 DAY, NULL, 1),
(3, 'superadmin', 'Monitoring exporter', '7a53918c9f6d7e56e1a02cd3c0ad6f6d06cae043607bc941002b108d1ff18700385eceb43edecdc823d49e800bbd9b1b6051030cf03fb3fb6d19b2f831cdc25a', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 10 MINUTE, UTC_TIMESTAMP() - INTERVAL 30 DAY, UTC_TIMESTAMP() + INTERVAL 335 DAY, 1),
-- admin tokens
(4, 'alice', 'Data Studio', '17f9fb840769bdedb9929ccae1c89326740774a10623a82ee01fdb450816959bb1f1f0e3f09cb61c410c49d77f1ee3863cdb8a25f673b42f3ee6b06d46e8803b', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 100 DAY, UTC_TIMESTAMP() - INTERVAL 200 DAY, NULL, 0),
(5, 'bob', 'Backup script', '57f6cf12df52bae48ee26e9d01bce82331be24b48ced81aace36d892285e853e141f00467ebe5b6b952ee8fd1cdde7c969b9637ee0805e1f6bd2177a556ba59d', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 700 DAY, NULL, 0),
(6, 'carol', 'CMS integration', '65d21f454c718c022a8cd1d1e3d737f36341833727487015632d9be383e814df012162fe6a7e3f1aa0bd08c0db6f225533ba8c505b85add831a8eb027a9adb82', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() - INTERVAL 60 DAY, UTC_TIMESTAMP() + INTERVAL 300 DAY, 1),
-- write token, expired 1 day ago
(7, 'erin', 'Import tool', 'd90ff042bbb3370dc8dab6842642121fb9c5a5f918b0d3fcb589412b370b8589b7473a07c5959c0dd60925dbcfd98fda4b0b0d0a619ef765731d3105991a05c5', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 45 DAY, UTC_TIMESTAMP() - INTERVAL 1 DAY, 0),
-- view tokens, number 11 expired 100 days ago and is the oldest counted token (800 days)
(8, 'grace', 'Phone app', 'b70f4453fb59b17c6fad483fb8db9980e53993e6d00b86b3ed235f85ac8ed58e1853858d87834ca70479da6e4526e12b4d9f96c2bad88cec96da05a20320e185', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 364 DAY, UTC_TIMESTAMP() - INTERVAL 365 DAY, NULL, 0),
(9, 'heidi', 'Sheets', '2bf6a0ea634c83ec34e9a1ee8d6207a65848cd518301de4fb29c72a8ec586cdac11692a01dd6f993a5fba5ad73367cedd1c74e0a75bfb6681f8f8aa0995455e7', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 10 DAY, UTC_TIMESTAMP() + INTERVAL 20 DAY, 1),
(10, 'ivan', 'Report mailer', 'de21ad3b50b311bf7c7cab5e912973410d86bd08ede33b7d01c265c34668532dc822815249fbafed640133b727f99e9560eda5c8ce7a88830b6a5c7d1bfbfe17', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 150 DAY, UTC_TIMESTAMP() + INTERVAL 10 DAY, 0),
(11, 'judy', 'Legacy', '987a90ab49ed34cdfca12b7712a17c483c0bea69be9be0ff958b3a40a05368a743d5f5545a8a2370b52c28980077eea47776f9c9462a7075582a61e2b607e083', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 600 DAY, UTC_TIMESTAMP() - INTERVAL 800 DAY, UTC_TIMESTAMP() - INTERVAL 100 DAY, 0),
-- orphaned token, older than every counted token
(12, 'zoe.deleted', 'Zapier', '8559263d2a2eea0a31d592f15eb28e2e6b98a509cb27d5548b29d28806d941924d26216f351b84f6395110dc24111fdc230ae2e69def23afc33e1c4d11de91d0', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() - INTERVAL 900 DAY, NULL, 0),
-- system token
(13, 'superadmin', 'System generated core:archive', '216d0c8336c51b01a0f94c46452046d745005fa1a449087ffdb4884a61dd10d46cce28d00eeffbd3fa9ca9cba2161b2eb3d637407878f157f38a58cc35124b69', 'sha512', 1, UTC_TIMESTAMP() - INTERVAL 20 MINUTE, UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 14 DAY, 0);

INSERT INTO matomo_twofactor_recovery_code (login, recovery_code) VALUES
('alice', 'WJPMEHBDA74GV0X7'), ('alice', 'T04Y5PGUSW2BUYM5'), ('alice', 'WCXJ9SH2QY99XD3L'), ('alice', 'KN5LH1F2QBF97YSO'), ('alice', 'X14Y11HUEDDDBNEM'),
('alice', 'EH339QKT709L7VOS'), ('alice', 'K6Q2ZQDQFYQK5LWT'), ('alice', 'VK1SXKTUL92190O9'), ('alice', 'FUFNHF8SNL80Z5UM'), ('alice', 'RLESIDV0N3JZ418Q'),
('carol', 'SC28NGT6IRY3QLM3'), ('carol', '474073EFT0TSP453'), ('carol', '1KNZ3HVYU2OQDMZE'),
('erin', 'V86SY4ABBQ27ELBZ'), ('erin', 'B2OB5WD1WSNES0LS'),
('frank', '4JXLJVUBPV2MDT5H'), ('frank', 'HE8SSZJE88H3W5H5'), ('frank', '1JE6TL1MQPZCLOOR'), ('frank', 'NCIYQZ1YN6UBYZ4C'),
('heidi', 'SGVY4SE4LJH4SSQN'), ('heidi', 'OYZ5A0RCQ9Y01KX7'), ('heidi', 'WBQFNR2EYZC1S1TE'), ('heidi', 'A5OA0YPKBCZTSH07'), ('heidi', 'UPRE8JCZ4DP0W11A');

INSERT INTO matomo_option (option_name, option_value, autoload) VALUES
('version_core', '5.1.2', 1),
('install_version', '4.2.1', 1),
('MatomoUpdateHistory', '4.16.1,5.0.3,5.1.1,', 1),
('version_Login', '5.1.2', 1),
('version_UsersManager', '5.1.2', 1),
('version_TwoFactorAuth', '5.1.2', 1),
('version_SecurityInfo', '5.0.2', 1),
('version_ActivityLog', '5.0.5', 1),
('version_LoginSaml', '5.0.4', 1),
('piwikUrl', 'https://analytics.example.com/', 1),
('UpdateCheck_LatestVersion', '5.3.2', 0),
('UpdateCheck_LastTimeChecked', CAST(UNIX_TIMESTAMP() - 5 * 3600 AS CHAR), 0),
('LastCompletedFullArchiving', CAST(UNIX_TIMESTAMP() - 1800 AS CHAR), 0),
('LastFullArchivingStartTime', CAST(UNIX_TIMESTAMP() - 2400 AS CHAR), 0),
-- browser-triggered archiving switched off in the UI
('enableBrowserTriggerArchiving', '0', 1),
('LastPluginDeactivation.SecurityInfo', CAST(UNIX_TIMESTAMP() - 40 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.superadmin', CAST(UNIX_TIMESTAMP() - 3600 AS CHAR), 0),
('UsersManager.lastSeen.alice', CAST(UNIX_TIMESTAMP() - 2 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.bob', CAST(UNIX_TIMESTAMP() - 100 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.carol', CAST(UNIX_TIMESTAMP() - 5 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.erin', CAST(UNIX_TIMESTAMP() - 200 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.grace', CAST(UNIX_TIMESTAMP() - 130 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.heidi', CAST(UNIX_TIMESTAMP() - 86400 AS CHAR), 0),
('UsersManager.lastSeen.judy', CAST(UNIX_TIMESTAMP() - 500 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.mallory', CAST(UNIX_TIMESTAMP() - 95 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.olivia', CAST(UNIX_TIMESTAMP() - 150 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.peggy', CAST(UNIX_TIMESTAMP() - 120 * 86400 AS CHAR), 0),
-- a deleted user: no account, so no effect
('UsersManager.lastSeen.zoe.deleted', CAST(UNIX_TIMESTAMP() - 30 * 86400 AS CHAR), 0);

-- System settings (user_login = '').
--   Login: detection on, 5 retries in 30 minutes, allow and block lists.
--   TwoFactorAuth: the stored 0 is overridden by the config file (1).
--   UsersManager: 2 allowed email domains.
INSERT INTO matomo_plugin_setting (plugin_name, setting_name, setting_value, json_encoded, user_login) VALUES
('Login', 'enableBruteForceDetection', '1', 0, ''),
('Login', 'maxAllowedRetries', '5', 0, ''),
('Login', 'allowedRetriesTimeRange', '30', 0, ''),
('Login', 'whitelisteBruteForceIps', '["10.1.0.0/16","192.0.2.10","198.51.100.96/29"]', 1, ''),
('Login', 'blacklistedBruteForceIps', '["203.0.113.*","2001:db8:dead::/48","198.51.100.99"]', 1, ''),
('TwoFactorAuth', 'twoFactorAuthRequired', '0', 0, ''),
('UsersManager', 'allowedEmailDomains', '["example.com","example.org"]', 1, ''),
('CoreUpdater', 'enable_plugin_update_communication', '1', 0, '');

-- Failed logins. Window 30 minutes, max 5 retries. Rows inside the window
-- are at most 20 minutes old and rows outside at least 40 minutes old.
--   198.51.100.20     6 inside                 blocked (6 > 5)
--   198.51.100.21     5 inside                 not blocked (5 is not > 5)
--   10.1.44.3         9 inside                 allow list 10.1.0.0/16: not blocked
--   203.0.113.77      1 inside                 block list 203.0.113.*: blocked
--   203.0.113.78      2 at 50-55 min           block list, but no row inside: not counted
--   2001:db8:dead::5  2 inside                 block list 2001:db8:dead::/48: blocked
--   192.0.2.10        7 inside                 allow list 192.0.2.10: not blocked
--   198.51.100.99     3 inside                 on both lists, the block list wins: blocked
--   192.0.2.44        4 inside, 6 at 40-50 min not blocked (10 rows in the last hour)
-- Inside the window: 6 + 5 + 9 + 1 + 2 + 7 + 3 + 4 = 37 rows, 4 blocked IPs.
INSERT INTO matomo_brute_force_log (id_brute_force_log, ip_address, attempted_at, login)
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10),
attempts (ip_address, minutes_ago, login) AS (
  SELECT '198.51.100.20', 2 * i, 'alice' FROM n WHERE i <= 6
  UNION ALL SELECT '198.51.100.21', 2 * i + 1, 'bob' FROM n WHERE i <= 5
  UNION ALL SELECT '10.1.44.3', 2 * i, NULL FROM n WHERE i <= 9
  UNION ALL SELECT '203.0.113.77', 14, 'superadmin' FROM n WHERE i = 1
  UNION ALL SELECT '203.0.113.78', 45 + 5 * i, 'superadmin' FROM n WHERE i <= 2
  UNION ALL SELECT '2001:db8:dead::5', 7 + 10 * (i - 1), 'admin' FROM n WHERE i <= 2
  UNION ALL SELECT '192.0.2.10', 2 * i + 1, 'heidi' FROM n WHERE i <= 7
  UNION ALL SELECT '198.51.100.99', 5 * i - 1, NULL FROM n WHERE i <= 3
  UNION ALL SELECT '192.0.2.44', 5 * i, 'grace' FROM n WHERE i <= 4
  UNION ALL SELECT '192.0.2.44', 38 + 2 * i, 'grace' FROM n WHERE i <= 6
)
SELECT ROW_NUMBER() OVER (ORDER BY minutes_ago DESC, ip_address), ip_address, UTC_TIMESTAMP() - INTERVAL minutes_ago MINUTE, login FROM attempts;

INSERT INTO matomo_session (id, modified, lifetime, data) VALUES
('4eb70f548d72f9f2bfd4c70bfb4d4b0737c2416378cad49fa3f17b153b8daaa7af04b01f23337402161a650ea5b228e171630e0fd101efc9a5a28a26b6d92893', UNIX_TIMESTAMP() - 120, 1209600, X'613a333a7b733a393a22757365722e6e616d65223b733a31303a22737570657261646d696e223b733a31353a22757365722e746f6b656e5f61757468223b733a33323a223161626664653161633162636633373161646166326536623430306336663336223b733a31323a2273657373696f6e2e696e666f223b613a333a7b733a323a227473223b693a313733333330303030303b733a31303a2265787069726174696f6e223b693a313733343530393630303b733a31303a2272656d656d6265726564223b623a313b7d7d'),
('2cadd6bf08f7c2d0e29b57de109d7550fc933d9313421b16367cf1cd2e73b8b9fd3da057402b04b5615d25ff919ad21aa73d83b2d6d14231a60142845e2efbfd', UNIX_TIMESTAMP() - 2 * 86400, 3600, X'613a333a7b733a393a22757365722e6e616d65223b733a353a22616c696365223b733a31353a22757365722e746f6b656e5f61757468223b733a33323a223634323434653534353934613264343832323963393366326330353836326633223b733a31323a2273657373696f6e2e696e666f223b613a333a7b733a323a227473223b693a313733333330303030303b733a31303a2265787069726174696f6e223b693a313733343530393630303b733a31303a2272656d656d6265726564223b623a313b7d7d');

INSERT INTO matomo_goal (idsite, idgoal, name, description, match_attribute, pattern, pattern_type, case_sensitive, allow_multiple, revenue, deleted, event_value_as_revenue) VALUES
(2, 1, 'Purchase', '', 'manually', '', '', 0, 1, 0, 0, 0),
(3, 1, 'Article helpful', 'Clicked yes on an article', 'event_action', 'helpful', 'exact', 0, 1, 0, 0, 0);

INSERT INTO matomo_logger_message (tag, timestamp, level, message) VALUES
('Login', UTC_TIMESTAMP() - INTERVAL 14 MINUTE, 'WARNING', 'Login failed for a blocked IP address');

INSERT INTO matomo_changes (created_time, plugin_name, version, title, description, link_name, link) VALUES
(UTC_TIMESTAMP() - INTERVAL 60 DAY, 'CoreHome', '5.1.0', 'Matomo 5.1 is out', 'New features and fixes.', 'Changelog', 'https://matomo.org/changelog/');

INSERT INTO matomo_locks (`key`, `value`, expiry_time) VALUES
('CronArchive.lock', '9d1f', UNIX_TIMESTAMP() + 1800);

INSERT INTO matomo_sequence (`name`, `value`) VALUES
('matomo_archive_numeric_2024_01', 40);

INSERT INTO matomo_tracking_failure (idsite, idfailure, date_first_occurred, request_url) VALUES
(2, 2, UTC_TIMESTAMP() - INTERVAL 6 DAY, 'idsite=2&rec=1&url=https%3A%2F%2Fstore.example.org%2F&cip=192.0.2.1');

INSERT INTO matomo_archive_numeric_2024_01 (idarchive, name, idsite, date1, date2, period, ts_archived, value) VALUES
(7, 'done', 2, '2024-01-01', '2024-01-31', 3, '2024-02-01 02:10:00', 1),
(7, 'nb_visits', 2, '2024-01-01', '2024-01-31', 3, '2024-02-01 02:10:00', 9613);

-- A backup copy of one Matomo table with a different prefix: foreign.
CREATE TABLE matomobackup_user (
  login VARCHAR(100) NOT NULL,
  email VARCHAR(100) NOT NULL,
  PRIMARY KEY (login)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
