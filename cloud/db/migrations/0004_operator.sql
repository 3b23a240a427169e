CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text,
	`department_id` text,
	`role_id` text NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`locale` text DEFAULT 'en' NOT NULL,
	`created_at` integer NOT NULL,
	`last_login_at` integer,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_email_idx` ON `accounts` (`email`);--> statement-breakpoint
CREATE INDEX `accounts_merchant_idx` ON `accounts` (`merchant_id`);--> statement-breakpoint
CREATE TABLE `acquirer_settings` (
	`merchant_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`settings` text NOT NULL,
	`sealed_secret` blob,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`secret_hash` blob NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`expires_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "api_keys_name" CHECK(length("api_keys"."name") > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_prefix_idx` ON `api_keys` (`prefix`);--> statement-breakpoint
CREATE INDEX `api_keys_account_idx` ON `api_keys` (`account_id`);--> statement-breakpoint
CREATE TABLE `box_commands` (
	`id` text PRIMARY KEY NOT NULL,
	`box_id` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`state` text NOT NULL,
	`txn_id` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `box_commands_box_state_idx` ON `box_commands` (`box_id`,`state`);--> statement-breakpoint
CREATE TABLE `box_shipments` (
	`box_id` text PRIMARY KEY NOT NULL,
	`serial` text NOT NULL,
	`merchant_id` text,
	`carrier` text,
	`tracking_number` text,
	`destination` text,
	`shipped_at` integer,
	`imported_at` integer NOT NULL,
	`imported_by` text NOT NULL,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `box_shipments_merchant_idx` ON `box_shipments` (`merchant_id`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `departments_merchant_idx` ON `departments` (`merchant_id`);--> statement-breakpoint
CREATE TABLE `operator_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`csrf_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `operator_sessions_account_idx` ON `operator_sessions` (`account_id`);--> statement-breakpoint
CREATE TABLE `role_permissions` (
	`role_id` text NOT NULL,
	`permission` text NOT NULL,
	PRIMARY KEY(`role_id`, `permission`),
	FOREIGN KEY (`role_id`) REFERENCES `roles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `roles` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `roles_merchant_idx` ON `roles` (`merchant_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_boxes` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text,
	`merchant_id` text,
	`board` text,
	`machine_name` text,
	`activated_at` integer,
	`battery_percent` integer,
	`config` text,
	`config_version` integer DEFAULT 0 NOT NULL,
	`applied_config_version` integer DEFAULT 0 NOT NULL,
	`scenario` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`counter` integer DEFAULT 0 NOT NULL,
	`firmware_version` text,
	`rssi_min` integer DEFAULT -75 NOT NULL,
	`last_seen_at` integer,
	`max_per_transaction_minor` integer,
	`daily_amount_minor` integer,
	`daily_count` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "boxes_id_hex" CHECK(length("__new_boxes"."id") = 16 and "__new_boxes"."id" not glob '*[^0-9a-f]*')
);
--> statement-breakpoint
INSERT INTO `__new_boxes`("id", "store_id", "scenario", "status", "counter", "firmware_version", "rssi_min", "last_seen_at", "max_per_transaction_minor", "daily_amount_minor", "daily_count", "created_at") SELECT "id", "store_id", "scenario", "status", "counter", "firmware_version", "rssi_min", "last_seen_at", "max_per_transaction_minor", "daily_amount_minor", "daily_count", "created_at" FROM `boxes`;--> statement-breakpoint
DROP TABLE `boxes`;--> statement-breakpoint
ALTER TABLE `__new_boxes` RENAME TO `boxes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `boxes_store_idx` ON `boxes` (`store_id`);--> statement-breakpoint
ALTER TABLE `merchants` ADD `code` text;--> statement-breakpoint
CREATE UNIQUE INDEX `merchants_code_unique` ON `merchants` (`code`);