-- Fixture v416: an upgraded Matomo 4.16.1 with the old table prefix piwik_.
-- Load after testdata/schema/matomo-4.16.sql. Its config file is
-- testdata/matomo/v416/config/config.ini.php and the values a scrape must
-- give are in testdata/expected/v416.prom.
--
-- What this fixture exercises:
--   * TwoFactorAuth is installed but deactivated, so every account counts as
--     without 2FA although some users have a secret.
--   * No secure_only column (4.x), so every token counts as insecure.
--   * The last time a user was seen comes from UsersManager.lastSeen.<login>
--     options (unix time as a string).
--   * Brute-force detection runs with its defaults (no plugin_setting rows):
--     20 retries in 60 minutes.
--   * UpdateCheck_LatestVersion is a stale 4.9.1, older than the installed
--     4.16.1, so no update is available (a string comparison gets it wrong).
--   * Two foreign tables: wp_posts and piwikbak_option. The second one
--     matches LIKE 'piwik_%' because _ is a LIKE wildcard.
--
-- TIMESTAMP and DATETIME values hold UTC wall-clock times written through
-- the loading session's time zone, as Matomo writes them.
-- Every time is relative to the moment the file is loaded. Days, hours and
-- minutes in the comments are ages at load time. Each statement ends with a
-- semicolon at the end of a line, and no other semicolon appears in this file.

INSERT INTO piwik_site (idsite, name, main_url, ts_created, ecommerce, sitesearch, sitesearch_keyword_parameters, sitesearch_category_parameters, timezone, currency, exclude_unknown_urls, excluded_ips, excluded_parameters, excluded_user_agents, excluded_referrers, `group`, `type`, keep_url_fragment, creator_login) VALUES
(1, 'Company website', 'https://www.example.com', UTC_TIMESTAMP() - INTERVAL 1500 DAY, 0, 1, '', '', 'Europe/Berlin', 'EUR', 0, '', '', '', '', '', 'website', 0, 'admin'),
(2, 'Online shop', 'https://shop.example.com', UTC_TIMESTAMP() - INTERVAL 1200 DAY, 1, 1, '', '', 'Europe/Berlin', 'EUR', 0, '10.0.0.0/8', '', '', '', '', 'website', 0, 'admin'),
(3, 'Blog', 'https://blog.example.com', UTC_TIMESTAMP() - INTERVAL 800 DAY, 0, 1, 'q,s', '', 'UTC', 'USD', 0, '', '', '', '', 'Content', 'website', 0, 'ops.lead'),
(4, 'Intranet', 'https://intranet.example.com', UTC_TIMESTAMP() - INTERVAL 300 DAY, 0, 0, '', '', 'Europe/Berlin', 'EUR', 1, '', '', '', '', '', 'intranet', 0, 'admin');

INSERT INTO piwik_site_url (idsite, url) VALUES
(1, 'https://example.com'),
(2, 'https://www.shop.example.com'),
(3, 'https://example.com/blog');

-- Accounts by highest role: superuser 2, admin 3, write 4, view 6,
-- noaccess 5 (20 accounts). Then anonymous and 3 invitations, which are not
-- accounts. The comment above each row gives its role and whether it counts
-- as inactive (threshold 90 days).
INSERT INTO piwik_user (login, password, email, twofactor_secret, superuser_access, date_registered, ts_password_modified, idchange_last_viewed, invited_by, invite_token, invite_link_token, invite_expired_at, invite_accept_at) VALUES
-- not an account, has public view access on sites 2 and 3
('anonymous', '', 'anonymous@example.org', '', 0, UTC_TIMESTAMP() - INTERVAL 1500 DAY, UTC_TIMESTAMP() - INTERVAL 1500 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- superuser with a 2FA secret, seen 2 hours ago: active
('admin', '$2y$10$klG9cyI7uEXqenYFn2PQHXawlgSvscNyn3fRQcqYLlYn8.R0K24gW', 'admin@example.com', '6UDLVWY2CX2PFYIR', 1, UTC_TIMESTAMP() - INTERVAL 1500 DAY, UTC_TIMESTAMP() - INTERVAL 200 DAY, 12, NULL, NULL, NULL, NULL, NULL),
-- superuser that also has an admin access row (superuser wins), seen 120 days ago: inactive
('ops.lead', '$2y$10$8Y28ns/X.RY12s5S4NdxoN1g.XCMWfQDWVlQFqL3fMx/S33.B0OFR', 'ops.lead@example.com', '', 1, UTC_TIMESTAMP() - INTERVAL 800 DAY, UTC_TIMESTAMP() - INTERVAL 800 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- admin on site 1 and view on site 2, 2FA secret, seen 100 days ago: inactive
('marketing.head', '$2y$10$yH89RAAFX4Nta7xWV8HDCviUM2TW9IyD.kXHn9ggdoau2uoxBQG2y', 'marketing.head@example.com', 'MBUZBHRAAZM7VB76', 0, UTC_TIMESTAMP() - INTERVAL 700 DAY, UTC_TIMESTAMP() - INTERVAL 700 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- admin on site 2, registered 400 days ago, never seen: inactive
('shop.manager', '$2y$10$7sbbRnOGdp/GxnjeeD8hXQDmSoLeZolp1jZAhR1ngTWdPe27CaQsb', 'shop.manager@example.com', '', 0, UTC_TIMESTAMP() - INTERVAL 400 DAY, UTC_TIMESTAMP() - INTERVAL 400 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- view on site 1, admin and tagmanager_write on site 4 (admin), registered 30 days ago, never seen: active
('intranet.admin', '$2y$10$xjEIenUtubeGGTvGzgkVRAgUxL5BAjZZGrLdUTVQZMXwB0ieLx5Ck', 'intranet.admin@example.com', '', 0, UTC_TIMESTAMP() - INTERVAL 30 DAY, UTC_TIMESTAMP() - INTERVAL 30 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- write on site 1, accepted an invitation, 2FA secret, seen 10 days ago: active
('editor.anna', '$2y$10$zVmJwNFqPtvrJW6471azdSXugEXmep6FoGU3BU5XNUi3PixYbRxXG', 'anna@example.com', 'SYZEPXKMAG4DQUKU', 0, UTC_TIMESTAMP() - INTERVAL 500 DAY, UTC_TIMESTAMP() - INTERVAL 480 DAY, NULL, 'admin', NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 480 DAY),
-- write on site 1 and view on site 2 (write), seen 95 days ago: inactive
('editor.ben', '$2y$10$Fpd6W9y.nvx75.A.Dnj53VjAKPrDYIbDDsPRqHtEyaFANrlSG6md5', 'ben@example.com', '', 0, UTC_TIMESTAMP() - INTERVAL 500 DAY, UTC_TIMESTAMP() - INTERVAL 500 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- write and tagmanager_publish_live_container on site 3 (write), no registration date, seen 180 days ago: inactive
('content.team', '$2y$10$NPvk4ULFVQMeBe7M.p76k9T/.iF7E.hcqT2g8MziV/XG7jthN9IDv', 'content.team@example.com', '', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- write on site 2, seen 300 days ago: inactive
('seo.agency', '$2y$10$3FLKHMGavB/C8aVPuhhXTB3YfVdouk3Y3tHyeyhbUMzKJaBpDB7Wb', 'seo@agency.example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 200 DAY, UTC_TIMESTAMP() - INTERVAL 200 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- view on site 1, seen 12 hours ago: active
('viewer.carl', '$2y$10$xzABFBNz8YVL31vuWIzD9/XLz6IJuohDKmNYvWqa6cy7vqKJ.BxG3', 'carl@example.com', '', 0, UTC_TIMESTAMP() - INTERVAL 1000 DAY, UTC_TIMESTAMP() - INTERVAL 1000 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- view on sites 1, 2 and 3, registered 100 days ago, never seen: inactive
('viewer.dana', '$2y$10$5gB7f0S2blZifvsabAPnGjFEn5wMYyfpgoeIovBDdlaHHBWXTqQyF', 'dana@example.com', '', 0, UTC_TIMESTAMP() - INTERVAL 100 DAY, UTC_TIMESTAMP() - INTERVAL 100 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- view and tagmanager_write on site 1 (view), 2FA secret, seen 130 days ago: inactive
('ceo', '$2y$10$OGUYWb6QJDLXctkp06q8n8XHdfYoL.VJrzN6OJiR64uzkOIIInq6N', 'ceo@example.com', 'PW33PKK533QYQZDD', 0, UTC_TIMESTAMP() - INTERVAL 600 DAY, UTC_TIMESTAMP() - INTERVAL 600 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- view on site 4, registered 10 days ago, never seen: active
('analyst.eve', '$2y$10$ee/SWpdIQcJIct6IraRhHfx1oCDNL6tSjJPQ3mEswGGUU/d4qLqns', 'eve@example.com', '', 0, UTC_TIMESTAMP() - INTERVAL 10 DAY, UTC_TIMESTAMP() - INTERVAL 10 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- view on site 2, no registration date, never seen: inactive
('partner.fred', '$2y$10$n6KaKvoPumDQqk8Xj9Q.eIHtQWadRdN3N8GzB0K5Z2JWKROmZjELw', 'fred@partner.example.net', '', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- view on site 3, seen 150 days ago: inactive
('intern.gina', '$2y$10$zJTy20aDYH1Oxg9SObQnXJezlWckeA9lEafd5jeRR4XKWyQh45xM0', 'gina@example.com', '', 0, UTC_TIMESTAMP() - INTERVAL 160 DAY, UTC_TIMESTAMP() - INTERVAL 160 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- noaccess, seen 400 days ago: inactive
('former.employee', '$2y$10$U08vuRg.5j4QjGDoKn6kgKAnMIz17A2pQwZ4IISfB.xLmTAr84b/Y', 'former@example.com', '', 0, UTC_TIMESTAMP() - INTERVAL 900 DAY, UTC_TIMESTAMP() - INTERVAL 900 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- noaccess: its only access row is the capability tagmanager_write, seen 250 days ago: inactive
('tag.only', '$2y$10$lxT.RTC0vWTj/LNC0E8GHHNuMZZ3AGjplkpQQWlUfI0hzWKIxCqOw', 'tag.only@example.com', '', 0, UTC_TIMESTAMP() - INTERVAL 300 DAY, UTC_TIMESTAMP() - INTERVAL 300 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- noaccess, registered 700 days ago, never seen: inactive
('old.contractor', '$2y$10$0O/wAba2rEUIWZEoW7zEvFPYp0L9XhJX8le3ph424MIef4OpEv1YW', 'contractor@example.net', '', 0, UTC_TIMESTAMP() - INTERVAL 700 DAY, UTC_TIMESTAMP() - INTERVAL 700 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- noaccess API user, registered 1200 days ago, never seen in the UI: inactive
('api.reporting', '$2y$10$tX4aB9tJFqO0ETe.s.ykDaIvC3B4vxUb7O3UzyeeEha4Jx5Tj8mwq', 'api.reporting@example.com', '', 0, UTC_TIMESTAMP() - INTERVAL 1200 DAY, UTC_TIMESTAMP() - INTERVAL 1200 DAY, NULL, NULL, NULL, NULL, NULL, NULL),
-- noaccess, no registration date, seen 200 days ago: inactive
('test.account', '$2y$10$sku7l/KiEhwvEhHlwSgK4sJglLCqlREzijohFaKIARPXiOHeiHGPY', 'test@example.com', '', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- pending invitation (expires in 5 days), has an admin access row that must not count
('invited.pending1', '$2y$10$QAjX1fJZMlf2h0puAV51EiOgpnS2yYCd9Quzc2rFBiasxr7qyKk5D', 'pending1@example.com', '', 0, UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() - INTERVAL 2 DAY, NULL, 'admin', 'b179e3dc2d0d69861350f73df422aa090446d61a7cfafa2efe97ff887bf73a2ef6f71c5062a2af69ef683aaa5a780192ecf04359f95b8662684e58a57a78864e', NULL, UTC_TIMESTAMP() + INTERVAL 5 DAY, NULL),
-- pending invitation (expires in 6 days)
('invited.pending2', '$2y$10$9wQxSeiJEqaAotG6.JE6LyE022hAsgrxcAf8h59rIJmOGRqcp2xeF', 'pending2@example.com', '', 0, UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 1 DAY, NULL, 'marketing.head', '97e5b606142e186d89226af40ce8f7d5f9549fa632fdd506d3f979c3e340bedc14c07acbefb75c6e98f3e99cf195bc384647dadc509a49201876ddc31796df32', NULL, UTC_TIMESTAMP() + INTERVAL 6 DAY, NULL),
-- expired invitation (expired 2 days ago)
('invited.expired', '$2y$10$wH4yNUSqTTuSRFgCXEvym1XFITiOsHwUip3M39Gu0uBFo6DoYhZcI', 'expired@example.com', '', 0, UTC_TIMESTAMP() - INTERVAL 9 DAY, UTC_TIMESTAMP() - INTERVAL 9 DAY, NULL, 'admin', '37535f4c1fa1be4c484e3aff85bcc306fd843acf1044e9c1004f57db5f1e688de2bf9b34d2910b51be3fdb4e000ff7ff1e592b004dfafbe5a59f8669202e2f71', NULL, UTC_TIMESTAMP() - INTERVAL 2 DAY, NULL);

INSERT INTO piwik_access (idaccess, login, idsite, access) VALUES
(1, 'anonymous', 2, 'view'),
(2, 'anonymous', 3, 'view'),
(3, 'ops.lead', 1, 'admin'),
(4, 'marketing.head', 1, 'admin'),
(5, 'marketing.head', 2, 'view'),
(6, 'shop.manager', 2, 'admin'),
(7, 'intranet.admin', 1, 'view'),
(8, 'intranet.admin', 4, 'admin'),
(9, 'intranet.admin', 4, 'tagmanager_write'),
(10, 'editor.anna', 1, 'write'),
(11, 'editor.ben', 1, 'write'),
(12, 'editor.ben', 2, 'view'),
(13, 'content.team', 3, 'write'),
(14, 'content.team', 3, 'tagmanager_publish_live_container'),
(15, 'seo.agency', 2, 'write'),
(16, 'viewer.carl', 1, 'view'),
(17, 'viewer.dana', 1, 'view'),
(18, 'viewer.dana', 2, 'view'),
(19, 'viewer.dana', 3, 'view'),
(20, 'ceo', 1, 'view'),
(21, 'ceo', 1, 'tagmanager_write'),
(22, 'analyst.eve', 4, 'view'),
(23, 'partner.fred', 2, 'view'),
(24, 'intern.gina', 3, 'view'),
(25, 'tag.only', 1, 'tagmanager_write'),
(26, 'invited.pending1', 3, 'admin'),
(27, 'invited.pending2', 1, 'view'),
(28, 'invited.expired', 2, 'view');

-- Tokens. Left out of every token gauge: the anonymous token and the two
-- system tokens. Orphaned (owner deleted.user is not in piwik_user): 2.
-- By the owner's role: superuser 3, admin 1, write 2, view 5, noaccess 4.
INSERT INTO piwik_user_token_auth (idusertokenauth, login, description, password, hash_algo, system_token, last_used, date_created, date_expired) VALUES
(1, 'anonymous', 'anonymous default token', '1465d78bd8d5c3309b11d72e0543fa76ad786feeb9dde78197c4b3bdc330a390254f9fc7d75f0526dfa1013dfc38332584ce9f9177a86085710a9c353349f972', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 1500 DAY, NULL),
-- superuser tokens
(2, 'admin', 'Created by Matomo 4 migration', 'd70b3f26535285b67fceed498f5eb0475fd26b8b99fba2deb4059e2d8fc4fb874bd7f3d2ae26cc3b1256311cb01f0f7e87befbd568341684fcf66e015f48fc00', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 1100 DAY, NULL),
(3, 'admin', 'Archiving cron', 'a52ff721e56b674577b359577e756ed961c9afa881d5074243a4ee5a19d2e83ca42905efd846fc5372a74941141d7264ee1fa7824ed6952dc82704198c719731', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 2 HOUR, UTC_TIMESTAMP() - INTERVAL 400 DAY, NULL),
(4, 'ops.lead', 'Grafana', '7ace845f8cc2a798777206e1227b10c7aa05097944b6f41464e1c6000d9a128b53b6f1cfff76aeaac3d75189e6fc0f1b0f63349394f8557128604f8bfd1ea131', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 300 DAY, UTC_TIMESTAMP() + INTERVAL 60 DAY),
-- admin token
(5, 'marketing.head', 'Looker Studio', '8b4158a5e4869c297a5679aa79a1ea84f18461a8d6ecf247e8103e6e9f9ef8ca8a9b905a014ce84c1d7f20f38ee18a676d1637440d78b3ca2647bf1e9c6e3d40', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 150 DAY, UTC_TIMESTAMP() - INTERVAL 200 DAY, NULL),
-- write tokens, number 7 expired 10 days ago
(6, 'editor.anna', 'WordPress plugin', '7675960003bf2f73e6ff4f3a5d2ef7229a0ec08acc5e616dfce0721574a76f83ba4fc1eeba0f38d820ac04ee4633fd0685f09784023f425cf0b4d5531b14a443', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 3 DAY, UTC_TIMESTAMP() - INTERVAL 250 DAY, UTC_TIMESTAMP() + INTERVAL 100 DAY),
(7, 'seo.agency', 'SEO reports', '77617522a1f59e6ed52b704852e21ebe87d32c66aacac1da817624ec158a6bccf925707d3eaac9d56dff9151658e118745f2440305f15eea9e64edadbf94447a', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 100 DAY, UTC_TIMESTAMP() - INTERVAL 10 DAY),
-- view tokens, number 12 expired 30 days ago
(8, 'viewer.carl', 'Excel export', 'd0a5171e38f4317faa31fe2dc2143a028ae60a3fee5d65ac750ab1b6f8282b69ae75066d0d8538a283c7aa356cefda1c4b30d386891c69d43c05475d68231d1c', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 50 DAY, NULL),
(9, 'viewer.dana', 'Tableau', '445899655bc9eed0f78f6aac020ad012a44e6136c73a88c9d195c102e6a5d036ec605fa2f51a62bc424b551c92aae0a3f049469469b8454a35cf7ebea4c28b53', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 900 DAY, UTC_TIMESTAMP() - INTERVAL 1000 DAY, NULL),
(10, 'ceo', 'Mobile app', 'f3ecbf207914e93593daa7ca551bd0dcaf84ab8ab28ba82d3728f11cc2b72e33f8e05abd2b5afc586f47392d4b00bfc71a6915f757001eefdb984e7b72cdebca', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP() - INTERVAL 500 DAY, NULL),
(11, 'partner.fred', 'Partner dashboard', '64fc518d6a39e162030d83a43fe361654f13f401a4fd2ba0d9dce5b0140092877d7f1643bf32f9ddc18619142f41bbdc290872bf1cd6ec324dbd81481d590ade', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 60 DAY, UTC_TIMESTAMP() - INTERVAL 180 DAY, UTC_TIMESTAMP() + INTERVAL 5 DAY),
(12, 'intern.gina', 'Test', '6fab6937ade29d54ac14120ea79c7847267440a3e3388250a6002d9817f5b2fcaac769c74eae85b17fe8938ff66e10528e35fdb40cdcd53170fe0b35abe4139b', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 120 DAY, UTC_TIMESTAMP() - INTERVAL 30 DAY),
-- noaccess tokens, number 14 is the oldest counted token (1180 days)
(13, 'former.employee', 'Old script', '35802184aa86ae565b644c17b6d340518ab546ac2815d5a63aba3eed84095d93b57deaa6c0068888f685064e91df18bac93f78e33b1b621f76d91bb86aac5e7f', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 700 DAY, UTC_TIMESTAMP() - INTERVAL 1050 DAY, NULL),
(14, 'api.reporting', 'Reporting API', 'eef861a274284ebf190809fbe74c273095f53fe6cb64edae169df5e0f8fd938cf1e9d2313a13b0cb127b1e7f49c4ef5415eae9a82e4aa31b752eab05e6160cbb', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 1180 DAY, NULL),
(15, 'api.reporting', 'Reporting API (backup)', '804647ac790781fd8ce3ac549b9b1df67235151e8e5441c7d34ca82895150d856bd6539392514399217d645255fdcec7cff20a26a4488ccf4c2bea5001c758d6', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 600 DAY, NULL),
(16, 'tag.only', 'GTM import', '9f931263cd2eedc155472f08158cfbb355d1ace48c7951183a8433af56b7750e9d05e8111f4e325365aca3e2259c0f4502c55b03b14e23d9d75630644aaa2bf9', 'sha512', 0, NULL, UTC_TIMESTAMP() - INTERVAL 130 DAY, UTC_TIMESTAMP() + INTERVAL 200 DAY),
-- orphaned tokens: 17 is older than every counted token
(17, 'deleted.user', 'Old integration', '9715be5f62c52c9775e7ec251972ece6065c68b63da04ffdeba78000f3125518ee8af6fd379ca87f8f4a5c0550d5ba009a2d73a4ba5452ab9fe2ddcfc82f6bfc', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 400 DAY, UTC_TIMESTAMP() - INTERVAL 1300 DAY, NULL),
(18, 'deleted.user', 'Nightly export', '5b3012bccedd6c2558bba81accd371c57faa467cee947b90f7c1f8422f0bdc2191cc2fb3488c30d15def1bff6ef57f8f038a30cc046ed839218ccce49dcae38a', 'sha512', 0, UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 200 DAY, NULL),
-- system tokens: one current, one expired 16 days ago and never used
(19, 'admin', 'System generated core:archive', '6b3af6f36dc297418343f77de36b5070db5a84ad03e816d00eb92860dc4652c720328da0ba8aa0632528bed79778510eaa0dc4e1b5a3cf9e9cad38944fcad2e0', 'sha512', 1, UTC_TIMESTAMP() - INTERVAL 30 MINUTE, UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 14 DAY),
(20, 'admin', 'System generated core:archive', 'e9bb15b48b48bc5b5508eaa96d64f8bd9fb1b62be113cabb07c2069f3c181716cb84357ff8f2b09828cc5e7e8711605e77945db5e02d9ff28c5e516054cb533e', 'sha512', 1, NULL, UTC_TIMESTAMP() - INTERVAL 30 DAY, UTC_TIMESTAMP() - INTERVAL 16 DAY);

-- Secrets stay although the plugin is deactivated. Used codes are deleted,
-- so users have fewer than 10.
INSERT INTO piwik_twofactor_recovery_code (login, recovery_code) VALUES
('admin', 'NDWASSYJ3VHYOTHF'), ('admin', 'PPB2S2EPEPF5Q43N'), ('admin', 'J8LDFSNZ9LQ46ED7'), ('admin', 'EVJUJ7YVEV55O8V7'), ('admin', 'GV7SGA7MVSUIDMUK'),
('admin', '0J9QFSHJVLQP7Y52'), ('admin', 'XR4QZOVX5IE0YE17'), ('admin', 'Z0GF4A4FP2ZMBYJ7'), ('admin', 'Z01O0PZTWIGVXPU1'), ('admin', 'GXC3THIXYJ6QEO6N'),
('marketing.head', 'OWOVKEGUN8AXE4D7'), ('marketing.head', 'VFEOUGG25KJYXN4C'), ('marketing.head', 'Q75DPFKSSFSBOVLJ'), ('marketing.head', 'H2XIRA7MVCDJD4QK'),
('editor.anna', '5GCC5N6PCWT0N186'), ('editor.anna', 'KN9S5PFFQX9M3E87'), ('editor.anna', '6AMWS8JOSVG0AEZZ'),
('ceo', '430A5OC9EUQ73DJA'), ('ceo', '6EHOH9H8ASBOV72T');

INSERT INTO piwik_option (option_name, option_value, autoload) VALUES
('version_core', '4.16.1', 1),
('install_version', '3.8.1', 1),
('MatomoUpdateHistory', '4.14.2,4.15.1,4.16.0,', 1),
('version_Login', '4.16.1', 1),
('version_UsersManager', '4.16.1', 1),
('version_TwoFactorAuth', '4.16.1', 1),
('version_SecurityInfo', '4.0.1', 1),
('version_TagManager', '4.12.4', 1),
('version_LoginLdap', '4.7.4', 1),
('piwikUrl', 'https://analytics.example.com/', 1),
('SitesManager_DefaultTimezone', 'Europe/Berlin', 0),
-- the update check last ran 400 days ago, before the upgrade to 4.16.1
('UpdateCheck_LatestVersion', '4.9.1', 0),
('UpdateCheck_LastTimeChecked', CAST(UNIX_TIMESTAMP() - 400 * 86400 AS CHAR), 0),
('LastCompletedFullArchiving', CAST(UNIX_TIMESTAMP() - 7200 AS CHAR), 0),
('LastFullArchivingStartTime', CAST(UNIX_TIMESTAMP() - 9000 AS CHAR), 0),
('LastPluginDeactivation.TwoFactorAuth', CAST(UNIX_TIMESTAMP() - 60 * 86400 AS CHAR), 0),
('BruteForceDetection.suspiciousLoginCountNotified.admin', CAST(UNIX_TIMESTAMP() - 10 * 86400 AS CHAR), 0),
-- enableBrowserTriggerArchiving is absent: config enable_browser_archiving_triggering (default 1) applies
('UsersManager.lastSeen.admin', CAST(UNIX_TIMESTAMP() - 2 * 3600 AS CHAR), 0),
('UsersManager.lastSeen.ops.lead', CAST(UNIX_TIMESTAMP() - 120 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.marketing.head', CAST(UNIX_TIMESTAMP() - 100 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.editor.anna', CAST(UNIX_TIMESTAMP() - 10 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.editor.ben', CAST(UNIX_TIMESTAMP() - 95 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.content.team', CAST(UNIX_TIMESTAMP() - 180 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.seo.agency', CAST(UNIX_TIMESTAMP() - 300 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.viewer.carl', CAST(UNIX_TIMESTAMP() - 12 * 3600 AS CHAR), 0),
('UsersManager.lastSeen.ceo', CAST(UNIX_TIMESTAMP() - 130 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.intern.gina', CAST(UNIX_TIMESTAMP() - 150 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.former.employee', CAST(UNIX_TIMESTAMP() - 400 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.tag.only', CAST(UNIX_TIMESTAMP() - 250 * 86400 AS CHAR), 0),
('UsersManager.lastSeen.test.account', CAST(UNIX_TIMESTAMP() - 200 * 86400 AS CHAR), 0),
-- a user deleted 3 days after its last visit: no account, so no effect
('UsersManager.lastSeen.deleted.user', CAST(UNIX_TIMESTAMP() - 5 * 86400 AS CHAR), 0);

-- System settings only. No Login rows, so brute-force detection uses its
-- defaults. No TwoFactorAuth row, so 2FA is not required.
INSERT INTO piwik_plugin_setting (plugin_name, setting_name, setting_value, json_encoded, user_login) VALUES
('CoreUpdater', 'enable_plugin_update_communication', '0', 0, ''),
('TagManager', 'environments', '["dev","staging"]', 1, ''),
('LoginLdap', 'serverUrl', 'ldaps://ldap.example.com', 0, '');

-- Failed logins. Window 60 minutes, max 20 retries. Rows inside the window
-- are at most 50 minutes old and rows outside at least 71 minutes old.
--   203.0.113.50   23 inside                  blocked (23 > 20)
--   198.51.100.77  20 inside                  not blocked (20 is not > 20)
--   192.0.2.200    30 at 122-180 min, 10 three days ago   none inside
--   10.20.5.5      12 inside, 15 at 71-85 min not blocked (27 rows in all)
--   2001:db8::bad  21 inside                  blocked
-- Inside the window: 23 + 20 + 12 + 21 = 76 rows, 2 blocked IPs.
-- IDs grow with attempted_at, as they do when Matomo inserts rows.
INSERT INTO piwik_brute_force_log (id_brute_force_log, ip_address, attempted_at, login)
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30),
attempts (ip_address, minutes_ago, login) AS (
  SELECT '203.0.113.50', 2 * i, 'admin' FROM n WHERE i <= 23
  UNION ALL SELECT '198.51.100.77', 2 * i + 1, NULL FROM n WHERE i <= 20
  UNION ALL SELECT '192.0.2.200', 120 + 2 * i, 'root' FROM n WHERE i <= 30
  UNION ALL SELECT '192.0.2.200', 4320 + i, 'root' FROM n WHERE i <= 10
  UNION ALL SELECT '10.20.5.5', 5 + 2 * i, 'editor.ben' FROM n WHERE i <= 12
  UNION ALL SELECT '10.20.5.5', 70 + i, 'editor.ben' FROM n WHERE i <= 15
  UNION ALL SELECT '2001:db8::bad', 8 + 2 * i, NULL FROM n WHERE i <= 21
)
SELECT ROW_NUMBER() OVER (ORDER BY minutes_ago DESC, ip_address), ip_address, UTC_TIMESTAMP() - INTERVAL minutes_ago MINUTE, login FROM attempts;

-- Session ids are sha512(session id + salt). The data column holds PHP
-- serialized session data, written as hex here.
INSERT INTO piwik_session (id, modified, lifetime, data) VALUES
('8073ddd08eb2820d9892a5d7705381f7f45f0597ec7fa17c89d357c37f58908bc31a43bb4383ae707132282687033a5d57350030233fcef12101c4dd6ccf8fbd', UNIX_TIMESTAMP() - 300, 1209600, X'613a333a7b733a393a22757365722e6e616d65223b733a353a2261646d696e223b733a31353a22757365722e746f6b656e5f61757468223b733a33323a226531356265636363623730376166643264336339643961306631666361626236223b733a31323a2273657373696f6e2e696e666f223b613a333a7b733a323a227473223b693a313733333330303030303b733a31303a2265787069726174696f6e223b693a313733343530393630303b733a31303a2272656d656d6265726564223b623a313b7d7d'),
('ca194e0039d74ea46604484f771143e7ec85dd4caf15186e87b98bb38e1c6f58d43ac86805b90fd747c0175ee028f6e6f0d6ac613f1214024971ef9c57ee52d0', UNIX_TIMESTAMP() - 600, 3600, X'613a333a7b733a393a22757365722e6e616d65223b733a31313a227669657765722e6361726c223b733a31353a22757365722e746f6b656e5f61757468223b733a33323a226162636666643332383430333639386337333831323633323239633462633935223b733a31323a2273657373696f6e2e696e666f223b613a333a7b733a323a227473223b693a313733333330303030303b733a31303a2265787069726174696f6e223b693a313733343530393630303b733a31303a2272656d656d6265726564223b623a313b7d7d'),
('7fdac591a7a1a7c5a1266870d99165b096de65f1af838bda1dc8d16f93087b2508071ee6a45c49a7a5013a7f2fc9ceb3ef291f0a8cc26f26a1782c523b8d69b9', UNIX_TIMESTAMP() - 20 * 86400, 1209600, X'613a333a7b733a393a22757365722e6e616d65223b733a333a2263656f223b733a31353a22757365722e746f6b656e5f61757468223b733a33323a223035623236376335623063663264666639363638373635656238336439336234223b733a31323a2273657373696f6e2e696e666f223b613a333a7b733a323a227473223b693a313733333330303030303b733a31303a2265787069726174696f6e223b693a313733343530393630303b733a31303a2272656d656d6265726564223b623a313b7d7d');

INSERT INTO piwik_goal (idsite, idgoal, name, description, match_attribute, pattern, pattern_type, case_sensitive, allow_multiple, revenue, deleted, event_value_as_revenue) VALUES
(2, 1, 'Order completed', '', 'url', '/checkout/thank-you', 'contains', 0, 0, 0, 0, 0),
(1, 1, 'Contact form', 'Sent the contact form', 'url', '/contact/sent', 'contains', 0, 0, 0, 0, 0);

INSERT INTO piwik_logger_message (tag, timestamp, level, message) VALUES
('CoreAdminHome', UTC_TIMESTAMP() - INTERVAL 1 DAY, 'WARNING', 'Scheduled task CoreAdminHome.purgeOutdatedArchives took 12 seconds');

INSERT INTO piwik_changes (created_time, plugin_name, version, title, description, link_name, link) VALUES
(UTC_TIMESTAMP() - INTERVAL 100 DAY, 'CoreHome', '4.16.0', 'Matomo 4.16 is out', 'This release brings several fixes.', 'Changelog', 'https://matomo.org/changelog/');

INSERT INTO piwik_locks (`key`, `value`, expiry_time) VALUES
('Archive.1.ini.1.2024-01-01.a3f5', '1', UNIX_TIMESTAMP() + 3600);

INSERT INTO piwik_sequence (`name`, `value`) VALUES
('piwik_archive_numeric_2024_01', 12);

INSERT INTO piwik_tracking_failure (idsite, idfailure, date_first_occurred, request_url) VALUES
(4, 1, UTC_TIMESTAMP() - INTERVAL 3 DAY, 'idsite=4&rec=1&url=https%3A%2F%2Fintranet.example.com%2F&cdt=1');

INSERT INTO piwik_archive_numeric_2024_01 (idarchive, name, idsite, date1, date2, period, ts_archived, value) VALUES
(1, 'done', 1, '2024-01-01', '2024-01-31', 3, '2024-02-01 03:00:00', 1),
(1, 'nb_visits', 1, '2024-01-01', '2024-01-31', 3, '2024-02-01 03:00:00', 4187);

-- Tables of other software in the Matomo database: both count as foreign.
CREATE TABLE wp_posts (
  ID BIGINT(20) UNSIGNED NOT NULL AUTO_INCREMENT,
  post_title TEXT NOT NULL,
  post_status VARCHAR(20) NOT NULL DEFAULT 'publish',
  PRIMARY KEY (ID)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE piwikbak_option (
  option_name VARCHAR(191) NOT NULL,
  option_value LONGTEXT NOT NULL,
  PRIMARY KEY (option_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO wp_posts (post_title) VALUES ('Hello world!');
