CREATE TABLE `box_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`box_id` text NOT NULL,
	`wallet_app_id` text NOT NULL,
	`key_version` integer NOT NULL,
	`box_nonce` text NOT NULL,
	`counter` integer NOT NULL,
	`flags` integer NOT NULL,
	`firmware_version` integer NOT NULL,
	`box_clock` integer NOT NULL,
	`rights` integer NOT NULL,
	`created_at` integer NOT NULL,
	`ticket_expires_at` integer NOT NULL,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`wallet_app_id`) REFERENCES `wallet_apps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `box_sessions_box_wallet_idx` ON `box_sessions` (`box_id`,`wallet_app_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `merchant_qr_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`sealed_key` blob NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `merchant_qr_keys_merchant_idx` ON `merchant_qr_keys` (`merchant_id`);--> statement-breakpoint
CREATE TABLE `wallet_challenges` (
	`challenge` text PRIMARY KEY NOT NULL,
	`wallet_app_id` text NOT NULL,
	`box_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`wallet_app_id`) REFERENCES `wallet_apps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `wallet_challenges_expires_idx` ON `wallet_challenges` (`expires_at`);--> statement-breakpoint
CREATE TABLE `wallet_request_nonces` (
	`wallet_app_id` text NOT NULL,
	`nonce` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`wallet_app_id`, `nonce`),
	FOREIGN KEY (`wallet_app_id`) REFERENCES `wallet_apps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `wallet_request_nonces_expires_idx` ON `wallet_request_nonces` (`expires_at`);--> statement-breakpoint
ALTER TABLE `boxes` ADD `rssi_min` integer DEFAULT -75 NOT NULL;--> statement-breakpoint
ALTER TABLE `wallet_apps` ADD `wallet_id` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `wallet_apps_wallet_id_unique` ON `wallet_apps` (`wallet_id`);