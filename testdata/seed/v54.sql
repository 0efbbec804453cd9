-- Fixture v54: Matomo 5.4.0 with the table prefix matomo_.
-- Load after testdata/schema/matomo-5.4.sql. Its config file is
-- testdata/matomo/v54/config/config.ini.php and the values a scrape must
-- give are in testdata/expected/v54.prom.
--
-- What this fixture exercises:
--   * The last time a user was seen comes from user.ts_last_seen. There are
--     no UsersManager.lastSeen.<login> options (5.4 migrates and deletes
--     them).
--   * 2FA is required by the plugin_setting row (no config override).
--   * Brute-force detection is switched off, so no IP counts as blocked,
--     although one IP is on the block list and one has more failed logins
--     than the limit.
--   * The config sets enable_general_settings_admin = 0, so the option
--     enableBrowserTriggerArchiving = 1 is ignored and the config value
--     enable_browser_archiving_triggering = 0 applies.
--   * The anonymous user has two access rows for site 2 (the access table
--     has no unique key), so public sites must be counted as distinct ids.
--   * UsersManager/allowedEmailDomains lists 3 domains and inactive-user
--     notifications are on.
--   * No foreign tables.
--
-- TIMESTAMP and DATETIME values hold UTC wall-clock times written through
-- the loading session's time zone, as Matomo writes them.
-- Every time is relative to the moment the file is loaded. Days, hours and
-- minutes in the comments are ages at load time. Each statement ends with a
-- semicolon at the end of a line, and no other semicolon appears in this file.

INSERT INTO matomo_site (idsite, name, main_url, ts_created, ecommerce, sitesearch, sitesearch_keyword_parameters, sitesearch_category_parameters, timezone, currency, exclude_unknown_urls, excluded_ips, excluded_parameters, excluded_user_agents, excluded_referrers, `group`, `type`, keep_url_fragment, creator_login) VALUES
(1, 'Main site', 'https://www.example.net', UTC_TIMESTAMP() - INTERVAL 1500 DAY, 0, 1, '', '', 'Europe/Paris', 'EUR', 0, '', '', '', '', '', 'website', 0, 'root'),
(2, 'Documentation', 'https://docs.example.net', UTC_TIMESTAMP() - INTERVAL 900 DAY, 0, 1, 'search', '', 'Europe/Paris', 'EUR', 0, '', '', '', '', '', 'website', 0, 'root'),
(3, 'Status page', 'https://status.example.net', UTC_TIMESTAMP() - INTERVAL 200 DAY, 0, 0, '', '', 'UTC', 'EUR', 0, '', '', '', '', '', 'website', 0, 'site.owner');

INSERT INTO matomo_site_url (idsite, url) VALUES
(1, 'https://example.net'),
(2, 'https://developer.example.net');

-- Accounts by highest role: superuser 3, admin 1, write 5, view 2,
-- noaccess 4 (15 accounts). Then anonymous and 5 invitations, which are not
-- accounts. The comment above each row gives its role, whether it has 2FA
-- and whether it counts as inactive (threshold 90 days).
INSERT INTO matomo_user (login, password, email, twofactor_secret, superuser_access, date_registered, ts_password_modified, idchange_last_viewed, invited_by, invite_token, invite_link_token, invite_expired_at, invite_accept_at, ts_changes_shown, ts_last_seen, ts_inactivity_notified) VALUES
-- not an account, has public view access on sites 1, 2 and 3
('anonymous', '', 'anonymous@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 1500 DAY, UTC_TIMESTAMP() - INTERVAL 1500 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- superuser, 2FA, seen 1 hour ago: active
('root', '$2y$10$3I8ndAgH/WmxRK2qDgPSHc9XgfWcuuxoTQeOw8gHKoKWP3yEneTxf', 'root@example.net', 'R6K756RORWZYPYEH', 1, UTC_TIMESTAMP() - INTERVAL 1000 DAY, UTC_TIMESTAMP() - INTERVAL 100 DAY, 57, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 3 DAY, UTC_TIMESTAMP() - INTERVAL 1 HOUR, NULL),
-- superuser, 2FA, seen 180 days ago and already notified: inactive
('sec.officer', '$2y$10$Nh/qmv0QIKN3gihwLfhkhr03k.MBrF7itEzlnRGm9ENfousZpB7t2', 'security@example.net', 'ZRWOL26VOYZYDLGB', 1, UTC_TIMESTAMP() - INTERVAL 500 DAY, UTC_TIMESTAMP() - INTERVAL 500 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 180 DAY, UTC_TIMESTAMP() - INTERVAL 30 DAY),
-- superuser with a view access row (superuser wins), no 2FA, registered 400 days ago, never seen: inactive
('backup.admin', '$2y$10$FPxI70kmIVLA1FRFx4IjsSEuyUdpDesLLIbEuARtiGpyIoupCMKvW', 'backup@example.net', '', 1, UTC_TIMESTAMP() - INTERVAL 400 DAY, UTC_TIMESTAMP() - INTERVAL 400 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- admin on sites 1 and 2, 2FA, no registration date, never seen: inactive
('site.owner', '$2y$10$pL3v2h39EMbxYNq.BTkke3iqdNguKDehJTuPcoE95CFAIrHdtIueT', 'owner@example.net', 'CETSRK72UTFW7EIU', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- write on site 1, 2FA, seen 120 days ago: inactive
('w.one', '$2y$10$MvAgSt5xv8JhOeOwAnJ5LqTEcEYc2JWLzIV5UcMoDf3bV3EzL1CzS', 'w.one@example.net', 'SHN6J3CMBZT3XMCK', 0, UTC_TIMESTAMP() - INTERVAL 200 DAY, UTC_TIMESTAMP() - INTERVAL 200 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 120 DAY, NULL),
-- write on site 1 and view on site 2 (write), no 2FA, seen 100 days ago: inactive
('w.two', '$2y$10$ix1jbMXvnxBlOEU7ZzuSBWNyetPeVoQsFNj57RbUyA8j0EJZEPaJ9', 'w.two@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 300 DAY, UTC_TIMESTAMP() - INTERVAL 300 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 100 DAY, NULL),
-- write plus two Tag Manager capabilities on site 2 (write), no 2FA, accepted an invitation 9 days ago, never seen: active
('w.three', '$2y$10$mTLOG6DZip7JQanxL/la31Cj/KL7fhOkDTk5macyOGpUEoPJuqDdQ', 'w.three@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 10 DAY, UTC_TIMESTAMP() - INTERVAL 9 DAY, NULL, 'root', NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 9 DAY, NULL, NULL, NULL),
-- write on site 3, 2FA, no registration date, seen 30 days ago: active
('w.four', '$2y$10$fHTUmJJ/zxfpjkKW0icltF1rvfM62iXSFHSQgY3tXo3JfWj3s3Cg/', 'w.four@example.net', 'DBYJRYWLZYY4DBXS', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 30 DAY, NULL),
-- view on site 1 and write on site 3 (write), no 2FA, seen 250 days ago: inactive
('w.five', '$2y$10$kaGYCU7qqMJALtgBawuyUKY0qeRFZUe3v.L/h3O9tI/xkJwLrwm2e', 'w.five@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 300 DAY, UTC_TIMESTAMP() - INTERVAL 300 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 250 DAY, NULL),
-- view on site 1, no 2FA, seen 1 day ago: active
('v.one', '$2y$10$OXQNJxutKPPjWmsnp8QYwX7tABCRElHFG0uBI8YcD7/XBrrozCKVB', 'v.one@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 200 DAY, UTC_TIMESTAMP() - INTERVAL 200 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 1 DAY, NULL),
-- view on site 2, no 2FA, registered 1200 days ago, seen 10 days ago: active
('v.two', '$2y$10$NJ6rZoVSvuWgLhHZYARqG7Up45s8mGxAZXuUY5alz38AH2xoxEUsT', 'v.two@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 1200 DAY, UTC_TIMESTAMP() - INTERVAL 1200 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 10 DAY, NULL),
-- noaccess, no 2FA, registered 700 days ago, never seen, already notified: inactive
('n.one', '$2y$10$K9eSGABc.pKv69WkBOIRjNNd3Qf3O8OVVzxiq61tI/LNUMVoGy1Nf', 'n.one@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 700 DAY, UTC_TIMESTAMP() - INTERVAL 700 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 25 DAY),
-- noaccess: its only access row is the capability tagmanager_use_custom_templates, no 2FA, seen 200 days ago: inactive
('n.two', '$2y$10$t3WG95XqNHn7vnt1eZbwCJU/ComcYeQvGH1oeItaGEeC2r9Jngfgi', 'n.two@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 400 DAY, UTC_TIMESTAMP() - INTERVAL 400 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 200 DAY, NULL),
-- noaccess, no 2FA, seen 364 days ago: inactive
('n.three', '$2y$10$ovPS/2EnCU.hyYwQVsBLJWwnQYekpTqzl0vOOJ10t.rUxF4i4GH37', 'n.three@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 365 DAY, UTC_TIMESTAMP() - INTERVAL 365 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 364 DAY, NULL),
-- noaccess, no 2FA, registered 200 days ago, never seen: inactive
('n.four', '$2y$10$98wm5VahHV78JRm2YTROtyH17eBqlJxLWJE4ZmWBfcb1IA1jY3kPC', 'n.four@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 200 DAY, UTC_TIMESTAMP() - INTERVAL 200 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- pending invitations (expire in 6, 2 and 7 days), invitee.c has a view access row that must not count
('invitee.a', '$2y$10$O.yey.qUNtyz0i2Gtd8rhUFUh1nM3uWdhvFyGLREVK/YnlKcNsCzU', 'invitee.a@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 1 DAY, NULL, 'root', 'aa28fa25e916c9b08c0cfa4f28393fc95f2a8790d998432aaeeb2b66f55e6c10d469047986677c8bb042aa1f54d4a6bcb7a854439daf1d4a68c73264e8d7c8ed', NULL, UTC_TIMESTAMP() + INTERVAL 6 DAY, NULL, NULL, NULL, NULL),
('invitee.b', '$2y$10$0KNnaLCc/7RwVm1brYWTlQLDrYGgHfMzRiD7IigPr/QEkIWv06wiY', 'invitee.b@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 5 DAY, UTC_TIMESTAMP() - INTERVAL 5 DAY, NULL, 'site.owner', '05f46de8868c5e989ee615b2b2855389cc0406421081b6add970d48d72a49d3c9bcd66fb0f194c4d99a179173137155cac34afa49b22d31ffa10e487b94e824a', '17f959a019614aa996ebb68b15a3bfae12d73ad88950835efc5f2539e6573bea9c8f35608023d5b826107e98954e6532296744ada49aa02d3689501ff300467c', UTC_TIMESTAMP() + INTERVAL 2 DAY, NULL, NULL, NULL, NULL),
('invitee.c', '$2y$10$CG715fYunucyaf63/VkvK9hsev.XDY1c9ys0hu9AcO7iZAxFAoP5u', 'invitee.c@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 2 HOUR, UTC_TIMESTAMP() - INTERVAL 2 HOUR, NULL, 'root', '3368106829882144be240b17653880d6b84b7fdc260867282a95ad7fe051516423bb963a54a71b224fe06ed2dd60e7f7a31d66f9e05fa215c3df4553438ec60e', NULL, UTC_TIMESTAMP() + INTERVAL 7 DAY, NULL, NULL, NULL, NULL),
-- expired invitations (4 days and 1 day ago)
('invitee.d', '$2y$10$2WnhYmKohv8TgZbLJA6rU2B6qlCtiRPcs.6LtsuAJS9mQUw4xCf.z', 'invitee.d@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 11 DAY, UTC_TIMESTAMP() - INTERVAL 11 DAY, NULL, 'root', 'eeff25c2520a9da6ce03fc14d5482c82bb080eb850fd14676489462b29c1acd1c5ec7df7ad363b564dc89f2ccb476c1b571c85e959a06908a0588e21b991fae8', NULL, UTC_TIMESTAMP() - INTERVAL 4 DAY, NULL, NULL, NULL, NULL),
('invitee.e', '$2y$10$XfBdznIamo6Wl6FdvagBMUaVpoNEwV3lPWPdd8a/JOgugICgb2A9X', 'invitee.e@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 8 DAY, UTC_TIMESTAMP() - INTERVAL 8 DAY, NULL, 'site.owner', '6c90fd819aee15cc839a6a0eec562c637b797bc0e61ba22c4018658e0cb288f2df27b3a645a338e3605485d4a82cc307ad19690bf48df89709cb317a0a9dd20f', NULL, UTC_TIMESTAMP() - INTERVAL 1 DAY, NULL, NULL, NULL, NULL);

INSERT INTO matomo_access (idaccess, login, idsite, access) VALUES
(1, 'anonymous', 1, 'view'),
(2, 'anonymous', 2, 'view'),
(3, 'anonymous', 3, 'view'),
(4, 'anonymous', 2, 'view'),
(5, 'backup.admin', 1, 'view'),
(6, 'site.owner', 1, 'admin'),
(7, 'site.owner', 2, 'admin'),
(8, 'w.one', 1, 'write'),
(9, 'w.two', 1, 'write'),
(10, 'w.two', 2, 'view'),
(11, 'w.three', 2, 'write'),
(12, 'w.three', 2, 'tagmanager_write'),
(13, 'w.three', 2, 'tagmanager_publish_live_container'),
(14, 'w.four', 3, 'write'),
(15, 'w.five', 1, 'view'),
(16, 'w.five', 3, 'write'),
(17, 'v.one', 1, 'view'),
(18, 'v.two', 2, 'view'),
(19, 'n.two', 1, 'tagmanager_use_custom_templates'),
(20, 'invitee.c', 1, 'view');

-- Tokens. Left out of every token gauge: the anonymous token and the two
-- system tokens. Orphaned (owner gone.user is not in matomo_user): 2.
-- By the owner's role: superuser 4, admin 2, write 3, view 1, noaccess 0.
INSERT INTO matomo_user_token_auth (idusertokenauth, login, description, password, hash_algo, system_token, last_used, date_created, date_expired, secure_only, ts_rotation_notified, ts_expiration_warning_notified) VALUES
(1, 'anonymous', 'anonymous default token', 'ecb6798c31f6284c3d1f613ba60e9e75fa39f3cb6f71683f09e3529270b754f0dc35615a50760703e69e03991df69c81ace53a766f9a020ed18854b45011f100', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 1500 DAY, NULL, 0, NULL, NULL),
-- superuser tokens, number 5 is the oldest counted token (1000 days)
(2, 'root', 'Archiver', '4868e2028985652b2e2997c22b5b0c6cac459b5209f73828c445f32435324ef9f473a9f67f14d956f59be0ef9d47506ea3ba304df322d4e960030fce54e57acb', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() - INTERVAL 300 DAY, NULL, 1, UTC_TIMESTAMP() - INTERVAL 120 DAY, NULL),
(3, 'root', 'Prometheus exporter', '3347351cbcb43042d6e6c031a123e362a01cc334bfb0d6e26e27092bc6d9700acdc69ae0bdf05560aa64699589aeaf30c51bc5b893e5ba89de9a2f7a3fb9e7be', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 5 MINUTE, UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP() + INTERVAL 340 DAY, 1, NULL, NULL),
(4, 'sec.officer', 'SIEM', 'a65b09808fdd560e464c47ccd08f2b1dfd3e2eb71b5257e9d165ed54eed1f384a7c26e0fa8ab4b1ef1183c4b381491f3a04347e7a61c982729d968a02096d7f6', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 200 DAY, UTC_TIMESTAMP() - INTERVAL 400 DAY, NULL, 0, UTC_TIMESTAMP() - INTERVAL 200 DAY, NULL),
(5, 'backup.admin', 'Backup', '0265609ce70c7c3e89501c3b7362148c3252074429281b2ab2970ee66f3bb66cc2c46dad325e217f43994663c81493cf5e72c8f6a60597817ab5649b1ea402af', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 1000 DAY, NULL, 1, UTC_TIMESTAMP() - INTERVAL 800 DAY, NULL),
-- admin tokens, number 7 expired 3 days ago
(6, 'site.owner', 'Agency', '91d9ad7298ac8cc5f0ba7913c442624c4a9451119e777eac64fb316fa80fdbf7099a39b4fa1ba1e7d1c6eac3b917faf3093ffa5173021c51b668b20ee3356287', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 95 DAY, UTC_TIMESTAMP() - INTERVAL 100 DAY, UTC_TIMESTAMP() + INTERVAL 5 DAY, 0, NULL, UTC_TIMESTAMP() - INTERVAL 2 DAY),
(7, 'site.owner', 'CMS', 'aa838a100af8defb35ca5cd0804bfa885217333309510245065117d1d993d2853f9990938362262cea6117d0a2e04691def27038acfab3e4dbc76fd950ce99b1', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 70 DAY, UTC_TIMESTAMP() - INTERVAL 3 DAY, 1, NULL, UTC_TIMESTAMP() - INTERVAL 10 DAY),
-- write tokens
(8, 'w.one', 'Importer', '802316a08964a22009aa9cace2d796ccb8482ed212d9715a2158cd213a120349703950b67bebb159f04d0db3e9c829e48aac5355ba59615cd9b3c2ebf8538920', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 130 DAY, NULL, 0, NULL, NULL),
(9, 'w.two', 'Sheets', 'f4e7514db661c5a45dfb56b18b3f523ec0980955fd1d0c5d883abb61aa3bcc42c16fa854fde3ef8a48ef5b773d45d26daf5ce311c008b451ebe63c06693624a5', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 150 DAY, UTC_TIMESTAMP() - INTERVAL 200 DAY, UTC_TIMESTAMP() + INTERVAL 50 DAY, 1, UTC_TIMESTAMP() - INTERVAL 20 DAY, NULL),
(10, 'w.four', 'Script', '37eccc502f49d6acfff93dd460471a482800438bb9952d74d85c30d48e2ffea23e792f94456c8dae7bfc02bbb190888b8d0a99e967153850d68584324842b670', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 250 DAY, NULL, 1, UTC_TIMESTAMP() - INTERVAL 70 DAY, NULL),
-- view token
(11, 'v.one', 'Mobile', 'ac9d94649b9ca96a62cefcb3c69826e3ac8d3e6817c8884bccc3c8b54474073b712bdb030e1e2d61456c312b7ed2a03b1ed00ddb12a4d702b5922c3bda3c5c73', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 100 DAY, UTC_TIMESTAMP() + INTERVAL 15 DAY, 1, NULL, NULL),
-- orphaned tokens, number 12 is older than every counted token
(12, 'gone.user', 'Legacy sync', 'a6ccef9674fa38080f97b51e5769431c1f264a13951771b916f012601b17d4d917e4cb86457edf0d73feab8971f6c829f29dcd2efe8c98fc6ae5f838d54a2180', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 1000 DAY, UTC_TIMESTAMP() - INTERVAL 2000 DAY, NULL, 0, UTC_TIMESTAMP() - INTERVAL 100 DAY, NULL),
(13, 'gone.user', 'Webhook', '86c25ee97de18adfff813abb7c9de1096e78ed7df83b750513afddfd2e8b38584b9c0aa347920873cb8945cfbeccf10a92f4ea664f1164677837442c8d8be2e0', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 29 DAY, UTC_TIMESTAMP() - INTERVAL 30 DAY, UTC_TIMESTAMP() + INTERVAL 60 DAY, 0, NULL, NULL),
-- system tokens: one current, one expired 6 days ago and never used
(14, 'root', 'System generated core:archive', '2a108bba277d0e195cfa4b18afd539434e9cf17d0a2370dc39440102be8d0655ea1a767d427ab417b6c79a348f7c51f105fd22b16b16ff069205f69b5afcbb6c', 'sha512', 1, UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() - INTERVAL 2 HOUR, UTC_TIMESTAMP() + INTERVAL 14 DAY, 0, NULL, NULL),
(15, 'root', 'System generated core:archive', '221821738ac87be503d4023851ae255c823f95dafaa686c84dfe4141e8918a965d1bc27178c98f08fe23a635a928bc8f38c56b13506b4256b6893e0c4960450b', 'sha512', 1, NULL, UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP() - INTERVAL 6 DAY, 0, NULL, NULL);

INSERT INTO matomo_twofactor_recovery_code (login, recovery_code) VALUES
('root', 'OSNMTP6JRBO3IQGG'), ('root', 'JA4GB3U1MTFDFEWZ'), ('root', 'EO4VQ8NWOTM50F45'), ('root', 'SOVHWXQA9KW0ZALI'), ('root', 'WMZ3576I0E1YIHUQ'),
('root', 'I3IHRX2Y728GKTGT'), ('root', 'AM7ROKFJTMYDVAN3'), ('root', 'I77BDDAYOFHDFAOZ'), ('root', 'TGXLQ8339KL7UTXG'), ('root', 'EOK38QFB6ZY6HOVU'),
('sec.officer', 'O55VLMKS0DKMX41O'), ('sec.officer', '32FWKJ4JC0T4AFTB'), ('sec.officer', 'VPH8L1N8DWB7BCXD'), ('sec.officer', '63T7ASLG2MV0KGZU'),
('site.owner', '5N8NIH74CSD4C10A'), ('site.owner', 'SBJILSBLQERBRK57'),
('w.one', 'IAZXPNSICCCOJPS8'), ('w.one', '47B7ZOE7GT24W5XB'), ('w.one', 'ANWWGIYYIL2L5GBQ'),
('w.four', 'ACZMKNXKJ4GS681F'), ('w.four', 'X4M23O6BEHUV4XSP'), ('w.four', 'YG9UEDXO9U935VTI'), ('w.four', 'ORAM0TI2RO3E0GZG'), ('w.four', 'E1RIO32BM6EUA3HI');

-- No UsersManager.lastSeen.<login> options: 5.4 keeps that in user.ts_last_seen.
INSERT INTO matomo_option (option_name, option_value, autoload) VALUES
('version_core', '5.4.0', 1),
('install_version', '4.16.1', 1),
('MatomoUpdateHistory', '5.2.2,5.3.2,5.3.3,', 1),
('version_Login', '5.4.0', 1),
('version_UsersManager', '5.4.0', 1),
('version_TwoFactorAuth', '5.4.0', 1),
('version_SecurityInfo', '5.0.2', 1),
('version_LoginOIDC', '5.0.3', 1),
('version_LoginLdap', '5.0.6', 1),
('piwikUrl', 'https://matomo.example.net/', 1),
('UpdateCheck_LatestVersion', '5.4.0', 0),
('UpdateCheck_LastTimeChecked', CAST(UNIX_TIMESTAMP() - 3600 AS CHAR), 0),
('LastCompletedFullArchiving', CAST(UNIX_TIMESTAMP() - 600 AS CHAR), 0),
('LastFullArchivingStartTime', CAST(UNIX_TIMESTAMP() - 900 AS CHAR), 0),
-- switched on in the UI, but ignored because the config sets enable_general_settings_admin = 0
('enableBrowserTriggerArchiving', '1', 1),
('LastPluginDeactivation.LoginLdap', CAST(UNIX_TIMESTAMP() - 90 * 86400 AS CHAR), 0),
('LastPluginActivation.LoginOIDC', CAST(UNIX_TIMESTAMP() - 91 * 86400 AS CHAR), 0);

-- System settings (user_login = '').
--   TwoFactorAuth: 2FA required.
--   Login: detection off, 10 retries in 120 minutes, one blocked IP, empty allow list.
--   UsersManager: 3 allowed email domains, inactive-user notifications on.
INSERT INTO matomo_plugin_setting (plugin_name, setting_name, setting_value, json_encoded, user_login) VALUES
('TwoFactorAuth', 'twoFactorAuthRequired', '1', 0, ''),
('Login', 'enableBruteForceDetection', '0', 0, ''),
('Login', 'maxAllowedRetries', '10', 0, ''),
('Login', 'allowedRetriesTimeRange', '120', 0, ''),
('Login', 'whitelisteBruteForceIps', '[]', 1, ''),
('Login', 'blacklistedBruteForceIps', '["192.0.2.66"]', 1, ''),
('UsersManager', 'allowedEmailDomains', '["example.com","example.net","example.org"]', 1, ''),
('UsersManager', 'enableInactiveUsersNotifications', '1', 0, ''),
('LoginOIDC', 'authenticationName', 'Company SSO', 0, '');

-- Failed logins. Window 120 minutes, max 10 retries, but detection is off.
-- Rows inside the window are at most 90 minutes old and rows outside at
-- least 150 minutes old.
--   192.0.2.66     3 inside            on the block list
--   198.51.100.5   15 inside           more than 10
--   203.0.113.9    4 at 150-165 min    none inside
-- Inside the window: 3 + 15 = 18 rows. Blocked IPs: 0 because detection is
-- off (2 if it were on).
INSERT INTO matomo_brute_force_log (id_brute_force_log, ip_address, attempted_at, login)
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15),
attempts (ip_address, minutes_ago, login) AS (
  SELECT '192.0.2.66', 30 * i - 20, 'root' FROM n WHERE i <= 3
  UNION ALL SELECT '198.51.100.5', 6 * i, NULL FROM n WHERE i <= 15
  UNION ALL SELECT '203.0.113.9', 145 + 5 * i, 'admin' FROM n WHERE i <= 4
)
SELECT ROW_NUMBER() OVER (ORDER BY minutes_ago DESC, ip_address), ip_address, UTC_TIMESTAMP() - INTERVAL minutes_ago MINUTE, login FROM attempts;

INSERT INTO matomo_session (id, modified, lifetime, data) VALUES
('bd108c7e9a103610bb90b0bda574ba5c5ca49fdb2171a867a603d3e9872718a08bea2bc5c923457600ea7e0497ce2c01dbcf4633fba53eba9e0c4eb2bb9196af', UNIX_TIMESTAMP() - 60, 1209600, X'613a333a7b733a393a22757365722e6e616d65223b733a343a22726f6f74223b733a31353a22757365722e746f6b656e5f61757468223b733a33323a223433343265393633633564653364623130366137366363386164613164336236223b733a31323a2273657373696f6e2e696e666f223b613a333a7b733a323a227473223b693a313733333330303030303b733a31303a2265787069726174696f6e223b693a313733343530393630303b733a31303a2272656d656d6265726564223b623a313b7d7d'),
('8582a45beb92ee78f5569e5d49ea5b417c5b07d4bd5ab70881d8431343bc93bd09d35e7041037cde2e03c2d450de2dcbdaa068cd181f5179455b08e2707cf2c6', UNIX_TIMESTAMP() - 86400, 3600, X'613a333a7b733a393a22757365722e6e616d65223b733a353a22762e6f6e65223b733a31353a22757365722e746f6b656e5f61757468223b733a33323a226534333339373032396663333765653862653537373337376463646630363738223b733a31323a2273657373696f6e2e696e666f223b613a333a7b733a323a227473223b693a313733333330303030303b733a31303a2265787069726174696f6e223b693a313733343530393630303b733a31303a2272656d656d6265726564223b623a313b7d7d');

INSERT INTO matomo_goal (idsite, idgoal, name, description, match_attribute, pattern, pattern_type, case_sensitive, allow_multiple, revenue, deleted, event_value_as_revenue) VALUES
(1, 1, 'Newsletter sign-up', '', 'url', '/newsletter/thanks', 'contains', 0, 0, 0, 0, 0);

INSERT INTO matomo_logger_message (tag, timestamp, level, message) VALUES
('UsersManager', UTC_TIMESTAMP() - INTERVAL 25 DAY, 'INFO', 'Sent the inactive users notification to 2 super users');

INSERT INTO matomo_changes (created_time, plugin_name, version, title, description, link_name, link) VALUES
(UTC_TIMESTAMP() - INTERVAL 30 DAY, 'CoreHome', '5.4.0', 'Matomo 5.4 is out', 'Token and user hygiene features.', 'Changelog', 'https://matomo.org/changelog/');

INSERT INTO matomo_locks (`key`, `value`, expiry_time) VALUES
('TaskScheduler.lock', '1', UNIX_TIMESTAMP() + 600);

INSERT INTO matomo_sequence (`name`, `value`) VALUES
('matomo_archive_numeric_2024_01', 3);

INSERT INTO matomo_archive_numeric_2024_01 (idarchive, name, idsite, date1, date2, period, ts_archived, value) VALUES
(3, 'done', 1, '2024-01-01', '2024-01-31', 3, '2024-02-01 01:00:00', 1);
