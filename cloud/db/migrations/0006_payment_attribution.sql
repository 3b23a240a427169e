PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`txn_id` integer NOT NULL,
	`box_id` text NOT NULL,
	`merchant_id` text NOT NULL,
	`store_id` text NOT NULL,
	`wallet_app_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`state` text NOT NULL,
	`idempotency_key` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`session_id` text,
	`sku` text,
	`units` integer DEFAULT 1 NOT NULL,
	`machine_units` integer DEFAULT 0 NOT NULL,
	`scenario` integer DEFAULT 0 NOT NULL,
	`machine_sku` integer DEFAULT 0 NOT NULL,
	`output_index` integer DEFAULT 0 NOT NULL,
	`key_version` integer,
	`acquirer` text,
	`charge_status` text DEFAULT 'none' NOT NULL,
	`acquirer_ref` text,
	`decline_code` text,
	`refunded_minor` integer DEFAULT 0 NOT NULL,
	`expires_at` integer DEFAULT 0 NOT NULL,
	`receipt_status` integer,
	`flags` text,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`wallet_app_id`) REFERENCES `wallet_apps`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_amount_positive" CHECK("__new_payments"."amount_minor" > 0)
);
--> statement-breakpoint
INSERT INTO `__new_payments`("id", "txn_id", "box_id", "merchant_id", "store_id", "wallet_app_id", "amount_minor", "currency", "state", "idempotency_key", "created_at", "updated_at", "session_id", "sku", "units", "machine_units", "scenario", "machine_sku", "output_index", "key_version", "acquirer", "charge_status", "acquirer_ref", "decline_code", "refunded_minor", "expires_at", "receipt_status", "flags") SELECT p."id", p."txn_id", p."box_id", (SELECT s."merchant_id" FROM `boxes` b INNER JOIN `stores` s ON s."id" = b."store_id" WHERE b."id" = p."box_id"), (SELECT b."store_id" FROM `boxes` b WHERE b."id" = p."box_id"), p."wallet_app_id", p."amount_minor", p."currency", p."state", p."idempotency_key", p."created_at", p."updated_at", p."session_id", p."sku", p."units", p."machine_units", p."scenario", p."machine_sku", p."output_index", p."key_version", p."acquirer", p."charge_status", p."acquirer_ref", p."decline_code", p."refunded_minor", p."expires_at", p."receipt_status", p."flags" FROM `payments` p;--> statement-breakpoint
DROP TABLE `payments`;--> statement-breakpoint
ALTER TABLE `__new_payments` RENAME TO `payments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `payments_box_txn_idx` ON `payments` (`box_id`,`txn_id`);--> statement-breakpoint
CREATE INDEX `payments_wallet_created_idx` ON `payments` (`wallet_app_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `payments_box_created_idx` ON `payments` (`box_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `payments_state_expires_idx` ON `payments` (`state`,`expires_at`);--> statement-breakpoint
CREATE INDEX `payments_created_idx` ON `payments` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `payments_merchant_created_idx` ON `payments` (`merchant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `payments_store_created_idx` ON `payments` (`store_id`,`created_at`,`id`);
