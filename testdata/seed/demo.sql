-- Fixture demo: a tidy Matomo 5.4.0 (table prefix matomo_) for the README
-- demo and the end-to-end test with Prometheus and the alert rules.
-- Load after testdata/schema/matomo-5.4.sql. Its config file is
-- testdata/matomo/demo/config/config.ini.php and the values a scrape must
-- give are in testdata/expected/demo.prom.
--
-- Most settings are good: 2FA is required, force_ssl is on, the installer
-- is disabled, brute-force detection runs with its defaults, archiving runs
-- from cron, and SecurityInfo and ActivityLog are activated. Deliberate
-- weaknesses, each meant to fire an alert:
--   1. The superuser it.contractor has no 2FA (and was last seen 120 days
--      ago).
--   2. An update is available: 5.4.0 is installed, 5.5.0 is the latest.
--   3. A brute-force attack is under way: 203.0.113.66 is blocked.
--   4. Archiving last completed 3 days ago (the last run started 1 hour ago
--      and has not finished).
--   5. it.contractor's token never expires and was last used 200 days ago.
--
-- TIMESTAMP and DATETIME values hold UTC wall-clock times written through
-- the loading session's time zone, as Matomo writes them.
-- Every time is relative to the moment the file is loaded. Days, hours and
-- minutes in the comments are ages at load time. Each statement ends with a
-- semicolon at the end of a line, and no other semicolon appears in this file.

INSERT INTO matomo_site (idsite, name, main_url, ts_created, ecommerce, sitesearch, sitesearch_keyword_parameters, sitesearch_category_parameters, timezone, currency, exclude_unknown_urls, excluded_ips, excluded_parameters, excluded_user_agents, excluded_referrers, `group`, `type`, keep_url_fragment, creator_login) VALUES
(1, 'Example Org website', 'https://www.example.org', UTC_TIMESTAMP() - INTERVAL 730 DAY, 0, 1, '', '', 'Europe/Amsterdam', 'EUR', 0, '', '', '', '', '', 'website', 0, 'admin'),
(2, 'Example Shop', 'https://shop.example.org', UTC_TIMESTAMP() - INTERVAL 500 DAY, 1, 1, '', '', 'Europe/Amsterdam', 'EUR', 0, '', '', '', '', '', 'website', 0, 'admin'),
(3, 'Developer docs', 'https://docs.example.org', UTC_TIMESTAMP() - INTERVAL 200 DAY, 0, 1, 'q', '', 'UTC', 'EUR', 0, '', '', '', '', '', 'website', 0, 'maria.lopez');

INSERT INTO matomo_site_url (idsite, url) VALUES
(1, 'https://example.org'),
(2, 'https://store.example.org');

-- Accounts by highest role: superuser 2, admin 3, write 4, view 6,
-- noaccess 5 (20 accounts). Then anonymous and 3 invitations, which are not
-- accounts. The comment above each row gives its role, whether it has 2FA
-- and whether it counts as inactive (threshold 90 days).
INSERT INTO matomo_user (login, password, email, twofactor_secret, superuser_access, date_registered, ts_password_modified, idchange_last_viewed, invited_by, invite_token, invite_link_token, invite_expired_at, invite_accept_at, ts_changes_shown, ts_last_seen, ts_inactivity_notified) VALUES
-- not an account, has public view access on site 3
('anonymous', '', 'anonymous@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 730 DAY, UTC_TIMESTAMP() - INTERVAL 730 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- superuser, 2FA, seen 1 hour ago: active
('admin', '$2y$10$Lezkbgx6jX0g4A2LEYSKfKp5RqllVE.AFJ38wxCNF8vt7Jw2yzfbR', 'webmaster@example.org', 'IVWMY3BELQ44RU5U', 1, UTC_TIMESTAMP() - INTERVAL 700 DAY, UTC_TIMESTAMP() - INTERVAL 120 DAY, 44, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 5 DAY, UTC_TIMESTAMP() - INTERVAL 1 HOUR, NULL),
-- weakness 1: superuser without 2FA, seen 120 days ago: inactive
('it.contractor', '$2y$10$gb3x3Kg/FLhQ8aPjn2NZCaodIzp0410CtyORrPX2YdV6woiQqqNf5', 'contractor@it-services.example.net', '', 1, UTC_TIMESTAMP() - INTERVAL 250 DAY, UTC_TIMESTAMP() - INTERVAL 250 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 120 DAY, NULL),
-- admin on site 1, 2FA, seen 1 day ago: active
('maria.lopez', '$2y$10$8uMdReGtSsG5wWVj/Rmz5WJ6KJpSzUF/p1aHIrY9URGyptnM64Qxa', 'maria.lopez@example.org', '4B6JAG5BDSVG6CVE', 0, UTC_TIMESTAMP() - INTERVAL 600 DAY, UTC_TIMESTAMP() - INTERVAL 600 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 1 DAY, NULL),
-- admin on site 2 and view on site 1 (admin), no 2FA, seen 3 days ago: active
('kenji.tanaka', '$2y$10$Wi0c6FHzr54/Zk75YepumB/VewCBFAH11AT0LBZAVhfcqY16wZCrK', 'kenji.tanaka@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 400 DAY, UTC_TIMESTAMP() - INTERVAL 400 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 3 DAY, NULL),
-- admin on site 3, no 2FA, registered 30 days ago, never seen: active
('sam.okafor', '$2y$10$cWXKaMXR.Dbwf120lP2KzBCMOvJZNvlqHudks53jtrA.gzUCSmGUl', 'sam.okafor@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 30 DAY, UTC_TIMESTAMP() - INTERVAL 29 DAY, NULL, 'maria.lopez', NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 29 DAY, NULL, NULL, NULL),
-- write on site 1, 2FA, seen 5 days ago: active
('lea.martin', '$2y$10$PJTt8Y3ITAgscK9KjsmI0mbw.kkIojBRLgUK3XLnUSg/tiSE9YRLg', 'lea.martin@example.org', 'IE3G7PPL4YLFTQHA', 0, UTC_TIMESTAMP() - INTERVAL 300 DAY, UTC_TIMESTAMP() - INTERVAL 300 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 5 DAY, NULL),
-- write and tagmanager_write on site 2 (write), no 2FA, seen 100 days ago: inactive
('tom.becker', '$2y$10$RM0X3mLIKWiOJ92uaKQB1e9SXYmsMg0xmYIQO6wh6rjpgAAdsY.Uy', 'tom.becker@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 200 DAY, UTC_TIMESTAMP() - INTERVAL 200 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 100 DAY, NULL),
-- write on site 1, no 2FA, seen 20 days ago: active
('nina.kowalska', '$2y$10$jDrkpUlImOI3QaZgHI2IrmoAqoTx9uG.25gaimRKMPACTK51a8s79', 'nina.kowalska@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 100 DAY, UTC_TIMESTAMP() - INTERVAL 100 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 20 DAY, NULL),
-- write on site 3, no 2FA, registered 450 days ago, never seen: inactive
('omar.haddad', '$2y$10$YuP6l64RSid2/d/RBkyzLaoaTDFYLmdlW4oPypHpfolgUI/YFRFTK', 'omar.haddad@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 450 DAY, UTC_TIMESTAMP() - INTERVAL 450 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- view on sites 1 and 2, 2FA, seen 2 days ago: active
('chen.wei', '$2y$10$TkUJG3KuUQ65.5CgPscV2g6AevVL8hAK.YIP44vxELvXpjMRx6DIa', 'chen.wei@example.org', 'YUMRVRJI7WAM5XRY', 0, UTC_TIMESTAMP() - INTERVAL 500 DAY, UTC_TIMESTAMP() - INTERVAL 500 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 2 DAY, NULL),
-- view on site 1, no 2FA, seen 10 days ago: active
('julia.rossi', '$2y$10$/XAGoeOH6Lf2sMDf6xSOnSbV/KHGWDKZzx/I50HF6AzqoulZp/XOj', 'julia.rossi@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 350 DAY, UTC_TIMESTAMP() - INTERVAL 350 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 10 DAY, NULL),
-- view on site 2, no 2FA, seen 95 days ago: inactive
('lucas.silva', '$2y$10$vHh5JbDZ/27x.uUrgECFYYib5FLN/ktSi7mAteXKwXT99WGDzXi13', 'lucas.silva@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 150 DAY, UTC_TIMESTAMP() - INTERVAL 150 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 95 DAY, NULL),
-- view on site 3, no 2FA, seen 200 days ago: inactive
('emma.wilson', '$2y$10$iSvVUI034QUFEYNo/IxBdYl/EdAkrr7zm8.JZjEbisbMkrpAz0GaE', 'emma.wilson@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 800 DAY, UTC_TIMESTAMP() - INTERVAL 800 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 200 DAY, UTC_TIMESTAMP() - INTERVAL 20 DAY),
-- view on site 1, 2FA, registered 60 days ago, never seen: active
('noah.brown', '$2y$10$Bg12Kj9ua5EmXcXix5ae.8pJ/UAWxBUh2KnbGA0LdHkz1ed5/65zk', 'noah.brown@example.org', 'NIO5VJMT3N6B6WTA', 0, UTC_TIMESTAMP() - INTERVAL 60 DAY, UTC_TIMESTAMP() - INTERVAL 60 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- view on site 2, no 2FA, registered 300 days ago, never seen: inactive
('liam.nguyen', '$2y$10$ZUCAil6FppL0v22FbYsNh7FCvU4XC6sJ5XkUtnzk93RLsPc.JjkL0', 'liam.nguyen@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 300 DAY, UTC_TIMESTAMP() - INTERVAL 300 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- noaccess, no 2FA, seen 300 days ago: inactive
('former.intern', '$2y$10$nW0CTgVnqmtG20qcwFgHBN9gIZsxa/J3PZwkh9UslGdvUUjg.MGRa', 'intern2023@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 400 DAY, UTC_TIMESTAMP() - INTERVAL 400 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 300 DAY, UTC_TIMESTAMP() - INTERVAL 20 DAY),
-- noaccess, no 2FA, seen 5 days ago: active
('guest.auditor', '$2y$10$IaLxR66m3JQ617jiGhDSEkhPzPf3A41ATkUrtwVCH1RfxCSaw41b6', 'auditor@audit.example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 40 DAY, UTC_TIMESTAMP() - INTERVAL 40 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 5 DAY, NULL),
-- noaccess, no 2FA, seen 400 days ago: inactive
('old.agency', '$2y$10$ZVVjTsGsRfTEN0ztUzIJ/jKHqaCStZ37MxSNHMfTTwsYwsgxX4uP2', 'team@old-agency.example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 900 DAY, UTC_TIMESTAMP() - INTERVAL 900 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 400 DAY, UTC_TIMESTAMP() - INTERVAL 20 DAY),
-- noaccess, no 2FA, registered 700 days ago, never seen: inactive
('paul.meyer', '$2y$10$2jU8nPoU/BV4dHKgMXEImkg94bwhxx0S0Vgdj9YrpNZKIy6KinxZe', 'paul.meyer@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 700 DAY, UTC_TIMESTAMP() - INTERVAL 700 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- noaccess, no 2FA, no registration date, seen 150 days ago: inactive
('clara.dubois', '$2y$10$AQisuBW1yeVXWUUd1yZTkLZhITXOHs4PW45Bvu8x350Tzhq7n1MRd', 'clara.dubois@example.org', '', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 150 DAY, NULL),
-- pending invitations (expire in 5 and 2 days)
('new.analyst', '$2y$10$WPWjNTl09Lsml4OP1rgOb8BB3H4dtGuPN6D44Z.4wIAmlOpulSB53', 'new.analyst@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() - INTERVAL 2 DAY, NULL, 'maria.lopez', 'f71d2dc1825fa681e78f63edbe8cc36b745674423c49455c099f301909c0e7ec9f0b734ace65cd92474486ca1bbee072ff1b8d3619c76e311093463da3933c7c', NULL, UTC_TIMESTAMP() + INTERVAL 5 DAY, NULL, NULL, NULL, NULL),
('new.designer', '$2y$10$llsgioDcBBH57QcrpKq5gyILtJyQup3j3B6HqcaRXSjNNnE9S3aXG', 'new.designer@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 5 DAY, UTC_TIMESTAMP() - INTERVAL 5 DAY, NULL, 'admin', '35a701d2d3cae9923f56d65335d5f3d51ba2c5922ed1d094e3590f7b9c43e7d8c655c66361a1e6d281e499b69316a9c1198c9bda7a415bbeedf5318961500eab', 'b4bdcd1f064bbfe84aac7575c022ade7c1cf1d98068c97585baaa5eed7e48826e44cb9f0a42871277e3000227d45bd2f1a2af129ba02733a26e099e9fb749c30', UTC_TIMESTAMP() + INTERVAL 2 DAY, NULL, NULL, NULL, NULL),
-- expired invitation (3 days ago)
('old.invite', '$2y$10$fRbW8OdsucOCytuuKRpMSHT8F//d18sKxh6C1ULFIqYRqz3Cib.7b', 'old.invite@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 10 DAY, UTC_TIMESTAMP() - INTERVAL 10 DAY, NULL, 'kenji.tanaka', 'dd8668d40366cf3c0d26f6e2ee4a237a2b33693593d930a3e933a7ece5de139d5bd05f0d25794eb1c13a54268811f82b29562216d83a22421df6628acc54fbaa', NULL, UTC_TIMESTAMP() - INTERVAL 3 DAY, NULL, NULL, NULL, NULL);

INSERT INTO matomo_access (idaccess, login, idsite, access) VALUES
(1, 'anonymous', 3, 'view'),
(2, 'maria.lopez', 1, 'admin'),
(3, 'kenji.tanaka', 2, 'admin'),
(4, 'kenji.tanaka', 1, 'view'),
(5, 'sam.okafor', 3, 'admin'),
(6, 'lea.martin', 1, 'write'),
(7, 'tom.becker', 2, 'write'),
(8, 'tom.becker', 2, 'tagmanager_write'),
(9, 'nina.kowalska', 1, 'write'),
(10, 'omar.haddad', 3, 'write'),
(11, 'chen.wei', 1, 'view'),
(12, 'chen.wei', 2, 'view'),
(13, 'julia.rossi', 1, 'view'),
(14, 'lucas.silva', 2, 'view'),
(15, 'emma.wilson', 3, 'view'),
(16, 'noah.brown', 1, 'view'),
(17, 'liam.nguyen', 2, 'view'),
(18, 'new.analyst', 1, 'view');

-- Tokens. Left out of every token gauge: the anonymous token and the
-- system token. Orphaned (owner ex.employee is not in matomo_user): 2.
-- By the owner's role: superuser 3, admin 2, write 4, view 1, noaccess 0.
INSERT INTO matomo_user_token_auth (idusertokenauth, login, description, password, hash_algo, system_token, last_used, date_created, date_expired, secure_only, ts_rotation_notified, ts_expiration_warning_notified) VALUES
(1, 'anonymous', 'anonymous default token', 'd34887a096ebbbf12171880d4c586a58ac2187da7f74b53fc72d9f75cd1d49297cecfa5fd932921f98d0cc7f24dc821bd4a52bd480284444593fa8fc262a06a4', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 730 DAY, NULL, 0, NULL, NULL),
-- superuser tokens, number 4 is weakness 5
(2, 'admin', 'Archiving cron', '4a5e36c505e0c97ab8fa1b80f7fd60a41d26d93b3abc3bc3bb5a5b2f047d7bff5611c47ec646d158b04bd09c8d785ebb063ebd88647aa2c8ca6d8487bfeb8527', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() - INTERVAL 200 DAY, NULL, 1, UTC_TIMESTAMP() - INTERVAL 20 DAY, NULL),
(3, 'admin', 'Prometheus exporter', 'ddce70e0f393fb26dc8efb94fa72abe793ee713e11851f3ec192bc0d21c7d93b511831327c44f202c8ab0d90e0e016c3c2adce5bf7fb0d98ffc998744e0668e2', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 10 MINUTE, UTC_TIMESTAMP() - INTERVAL 30 DAY, UTC_TIMESTAMP() + INTERVAL 335 DAY, 1, NULL, NULL),
(4, 'it.contractor', 'Migration script', '8d339d3d3bfee49db5d206211dd50364d1e7e2cb6cc4446af7307807d71ac0218a8f44bee1d9bd0662d7d9d8fb0284404fea4b4a17ca6a355c41000e7f4202b4', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 200 DAY, UTC_TIMESTAMP() - INTERVAL 240 DAY, NULL, 0, UTC_TIMESTAMP() - INTERVAL 60 DAY, NULL),
-- admin tokens
(5, 'maria.lopez', 'Looker Studio', '7e0db76a0f480eb1f43c13fccc1b7e7990e779081dbe3e61a81728861e86dadbb2338358ea38cc1fcc3911136b4f695424593f1a5765a5f1e0c0ddf4c8e85a02', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 100 DAY, UTC_TIMESTAMP() - INTERVAL 300 DAY, UTC_TIMESTAMP() + INTERVAL 65 DAY, 1, UTC_TIMESTAMP() - INTERVAL 120 DAY, NULL),
(6, 'kenji.tanaka', 'Shop export', '24ae1813cce9a5ed541c3ca22cf2fa447eb170d20b219fb1909087f9a867c02e0b1033f1875999dd4259517778730f4405aaac090140dc22cd5a5455eb939339', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 60 DAY, UTC_TIMESTAMP() + INTERVAL 120 DAY, 0, NULL, NULL),
-- write tokens, number 10 expired 5 days ago and is the oldest counted token (500 days)
(7, 'lea.martin', 'WordPress', '0344a553022b22f7da7f41e0f65c62b63778df9c46c3b9ceb267ce9ea0dee5389d3eb79678cf7aba0c7fd1244db2328c053610aeca808d60838ef8eb5012c634', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() - INTERVAL 150 DAY, UTC_TIMESTAMP() + INTERVAL 215 DAY, 1, NULL, NULL),
(8, 'tom.becker', 'Newsletter', '04cc62e0a50f59044663b77363559c593c6a9e1352c6b4a04d0b0bab4a97e9cac76a7e8f384de7715468f68ed5952da4bfe83d1d8cddcaba6064272219af1642', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 120 DAY, UTC_TIMESTAMP() + INTERVAL 10 DAY, 0, NULL, UTC_TIMESTAMP() - INTERVAL 1 DAY),
(9, 'nina.kowalska', 'Sheets', '5e4b58a4157617444df4f84a20e30285f23df2e0e1f81a52d37f8a7b32146a2e994bf5a28d7948909821777683decb1c28a8d35e9f1f496cb74118f2bdd6b303', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 3 DAY, UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP() + INTERVAL 70 DAY, 1, NULL, NULL),
(10, 'omar.haddad', 'Old import', '73de75a7cba7b7b0fcffb846219802644cf692bdfdbf79c715d46b3f8266cecac2a9b831b63af4fd61ced630917d82a7c8acfe2c37e1c93a4e5d769bc508a0bd', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 400 DAY, UTC_TIMESTAMP() - INTERVAL 500 DAY, UTC_TIMESTAMP() - INTERVAL 5 DAY, 0, UTC_TIMESTAMP() - INTERVAL 300 DAY, UTC_TIMESTAMP() - INTERVAL 12 DAY),
-- view token
(11, 'julia.rossi', 'Mobile app', '85a59cb6a1a686c637a80fd5efd83d71f1d12fd525c7d256ac17f12a3009f3ab5da619941fdbac34f7bfc31178b349d117ea6c184e779dc0228ebff5d0575d04', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 40 DAY, UTC_TIMESTAMP() + INTERVAL 325 DAY, 0, NULL, NULL),
-- orphaned tokens of a deleted user, number 12 is older than every counted token
(12, 'ex.employee', 'Reporting bot', 'bbe1e8506734ce8234a0f61e43ab518c1bb13933a305143abb844066e4e2a7a67ac4987333c5ae9b0211723ae74e44ba45af2a16f863e6ed73834bfb90221376', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 300 DAY, UTC_TIMESTAMP() - INTERVAL 700 DAY, NULL, 0, UTC_TIMESTAMP() - INTERVAL 400 DAY, NULL),
(13, 'ex.employee', 'Dashboard', 'a8f9f0b1669e396216293892e528f22050c5fb4adc486c2cb5c74080d820e248896929369dc282179e86c4f6995423de8673875efa3749964e4f17d31e6ebf0f', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 50 DAY, UTC_TIMESTAMP() + INTERVAL 40 DAY, 0, NULL, NULL),
-- system token
(14, 'admin', 'System generated core:archive', 'a4b49c72191f33a7388a4305ed0697a0d443b5bd2ade6742ff20ee3a9c014c2459f293c10f25e59ff80225af1d609b66294fc4b7cd4d4d9e2398ca1f861f870c', 'sha512', 1, UTC_TIMESTAMP() - INTERVAL 50 MINUTE, UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 14 DAY, 0, NULL, NULL);

INSERT INTO matomo_twofactor_recovery_code (login, recovery_code) VALUES
('admin', 'IN49V4RLAHCBEA9S'), ('admin', 'F6F31AO8GGRS9P1Z'), ('admin', 'GJVDM2RD2FUZZB2R'), ('admin', 'E9AIMECIBOA51SEB'), ('admin', 'YXLJL2AJ63EHC6XF'),
('admin', 'F6AO8C4SJADNMN7C'), ('admin', '4S64OOVS23FXPTGK'), ('admin', 'C1EBAYQNWMY3ZXHC'), ('admin', '4BWDEBVENJSFWCA3'),
('maria.lopez', '2LKHJU6D2VRIBZI3'), ('maria.lopez', 'LPOLF4QRZLDF8NP7'), ('maria.lopez', 'D1GR90OYF725X7BR'), ('maria.lopez', '2TGKI9QM6Z2JAX6F'),
('lea.martin', '8Q6I8HP2NOUGMPFA'), ('lea.martin', 'D85D1VU0SDNKC968'), ('lea.martin', 'JW4ZL93URM7R9UXB'),
('chen.wei', 'QUMO9I721BB9WMF6'), ('chen.wei', 'N9270Y5OGOQRC6P7'), ('chen.wei', 'X7DPQSDAAOWANMJL'), ('chen.wei', '9NXF6KA8SDIG7MBI'), ('chen.wei', '1T4NBDZPY236YIUI'),
('noah.brown', 'I2K7FP7HKZ88DKKH'), ('noah.brown', 'A2TFJ1GHGD6J77GT'), ('noah.brown', '9Y3ASN68LGKINS3H'), ('noah.brown', 'E4TYJKHFLACFVFKX'), ('noah.brown', 'BGKO8YID5ICBSQ39'),
('noah.brown', 'HHTJFCGTA9GN0C1B'), ('noah.brown', 'OR04JLUWVXKZJ1SW'), ('noah.brown', 'ST9OV4RQQUIL16OO'), ('noah.brown', '2E6XXHJUF0SR0SIZ'), ('noah.brown', 'E9R55HO6IX1P992G');

INSERT INTO matomo_option (option_name, option_value, autoload) VALUES
('version_core', '5.4.0', 1),
('install_version', '5.0.0', 1),
('MatomoUpdateHistory', '5.1.2,5.2.2,5.3.3,', 1),
('version_Login', '5.4.0', 1),
('version_UsersManager', '5.4.0', 1),
('version_TwoFactorAuth', '5.4.0', 1),
('version_SecurityInfo', '5.0.2', 1),
('version_ActivityLog', '5.1.0', 1),
('version_CustomAlerts', '5.0.6', 1),
('piwikUrl', 'https://analytics.example.org/', 1),
-- weakness 2
('UpdateCheck_LatestVersion', '5.5.0', 0),
('UpdateCheck_LastTimeChecked', CAST(UNIX_TIMESTAMP() - 7200 AS CHAR), 0),
-- weakness 4
('LastCompletedFullArchiving', CAST(UNIX_TIMESTAMP() - 3 * 86400 AS CHAR), 0),
('LastFullArchivingStartTime', CAST(UNIX_TIMESTAMP() - 3600 AS CHAR), 0),
('enableBrowserTriggerArchiving', '0', 1);

-- System settings (user_login = ''). No Login rows: brute-force detection
-- uses its defaults (on, 20 retries in 60 minutes).
INSERT INTO matomo_plugin_setting (plugin_name, setting_name, setting_value, json_encoded, user_login) VALUES
('TwoFactorAuth', 'twoFactorAuthRequired', '1', 0, ''),
('TwoFactorAuth', 'twoFactorAuthName', 'Example Org Analytics', 0, ''),
('UsersManager', 'allowedEmailDomains', '["example.org"]', 1, ''),
('UsersManager', 'enableInactiveUsersNotifications', '1', 0, '');

-- Failed logins. Window 60 minutes, max 20 retries. Rows inside the window
-- are at most 38 minutes old.
--   203.0.113.66   30 inside         blocked (weakness 3)
--   198.51.100.23  3 inside          a user who mistyped a password
--   192.0.2.1      5 two days ago    none inside
-- Inside the window: 30 + 3 = 33 rows, 1 blocked IP.
INSERT INTO matomo_brute_force_log (id_brute_force_log, ip_address, attempted_at, login)
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30),
attempts (ip_address, minutes_ago, login) AS (
  SELECT '203.0.113.66', i + 4, 'admin' FROM n WHERE i <= 30
  UNION ALL SELECT '198.51.100.23', 13 * i - 1, 'julia.rossi' FROM n WHERE i <= 3
  UNION ALL SELECT '192.0.2.1', 2880 + 7 * i, 'nina.kowalska' FROM n WHERE i <= 5
)
SELECT ROW_NUMBER() OVER (ORDER BY minutes_ago DESC, ip_address), ip_address, UTC_TIMESTAMP() - INTERVAL minutes_ago MINUTE, login FROM attempts;

INSERT INTO matomo_session (id, modified, lifetime, data) VALUES
('3e78f9fe6483f3c759e59064b2e1075a7b46502d726b87fba199eb4ccf38ea5c47700727474cdd367bc8136d50b2bce89e39b0ca3b63ed607106b248aead3fa9', UNIX_TIMESTAMP() - 45, 1209600, X'613a333a7b733a393a22757365722e6e616d65223b733a353a2261646d696e223b733a31353a22757365722e746f6b656e5f61757468223b733a33323a223234626530376433313761316137323236303466633332376238333038646335223b733a31323a2273657373696f6e2e696e666f223b613a333a7b733a323a227473223b693a313733333330303030303b733a31303a2265787069726174696f6e223b693a313733343530393630303b733a31303a2272656d656d6265726564223b623a313b7d7d'),
('83c01e51c8d45988f8e422f7137ff5e5e1c1914c39e972b8c83a04763d09a3e8bcff5dabb484e3bc007592f439061c3a3cea3cc09a4405fba79d9427f3cc45e3', UNIX_TIMESTAMP() - 900, 3600, X'613a333a7b733a393a22757365722e6e616d65223b733a31313a226d617269612e6c6f70657a223b733a31353a22757365722e746f6b656e5f61757468223b733a33323a226435306134333866303465323466633761393839353462343263613535356638223b733a31323a2273657373696f6e2e696e666f223b613a333a7b733a323a227473223b693a313733333330303030303b733a31303a2265787069726174696f6e223b693a313733343530393630303b733a31303a2272656d656d6265726564223b623a313b7d7d'),
('bf4638865e4d43daccc43bce30a3c69abfed48c5169a380b65dbc6e00bd7e7b0ea48f355c792905d18ef785cdb21eb5c3c29dc663caa8b879a1124825497b072', UNIX_TIMESTAMP() - 3 * 86400, 3600, X'613a333a7b733a393a22757365722e6e616d65223b733a31303a226c65612e6d617274696e223b733a31353a22757365722e746f6b656e5f61757468223b733a33323a226636306338323532613932383262346437353632383832623465626136656631223b733a31323a2273657373696f6e2e696e666f223b613a333a7b733a323a227473223b693a313733333330303030303b733a31303a2265787069726174696f6e223b693a313733343530393630303b733a31303a2272656d656d6265726564223b623a313b7d7d');

INSERT INTO matomo_goal (idsite, idgoal, name, description, match_attribute, pattern, pattern_type, case_sensitive, allow_multiple, revenue, deleted, event_value_as_revenue) VALUES
(1, 1, 'Contact request', '', 'url', '/contact/thanks', 'contains', 0, 0, 10, 0, 0),
(2, 1, 'Order', '', 'manually', '', '', 0, 1, 0, 0, 0);

INSERT INTO matomo_logger_message (tag, timestamp, level, message) VALUES
('CoreConsole', UTC_TIMESTAMP() - INTERVAL 3 DAY, 'INFO', 'core:archive finished without errors');

INSERT INTO matomo_changes (created_time, plugin_name, version, title, description, link_name, link) VALUES
(UTC_TIMESTAMP() - INTERVAL 30 DAY, 'CoreHome', '5.4.0', 'Matomo 5.4 is out', 'Token and user hygiene features.', 'Changelog', 'https://matomo.org/changelog/');

INSERT INTO matomo_locks (`key`, `value`, expiry_time) VALUES
('CronArchive.lock', '4c2e', UNIX_TIMESTAMP() + 3600);

INSERT INTO matomo_sequence (`name`, `value`) VALUES
('matomo_archive_numeric_2024_01', 18);

INSERT INTO matomo_tracking_failure (idsite, idfailure, date_first_occurred, request_url) VALUES
(3, 1, UTC_TIMESTAMP() - INTERVAL 12 DAY, 'idsite=3&rec=1&url=https%3A%2F%2Fdocs.example.org%2Fapi%2F');

INSERT INTO matomo_archive_numeric_2024_01 (idarchive, name, idsite, date1, date2, period, ts_archived, value) VALUES
(18, 'done', 1, '2024-01-01', '2024-01-31', 3, '2024-02-01 04:00:00', 1),
(18, 'nb_visits', 1, '2024-01-01', '2024-01-31', 3, '2024-02-01 04:00:00', 2741),
(18, 'nb_uniq_visitors', 1, '2024-01-01', '2024-01-31', 3, '2024-02-01 04:00:00', 1968);
