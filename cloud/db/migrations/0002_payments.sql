CREATE TABLE `payment_receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payment_id` text NOT NULL,
	`box_id` text NOT NULL,
	`status` integer NOT NULL,
	`detail` integer NOT NULL,
	`counter` integer NOT NULL,
	`log_seq` integer NOT NULL,
	`box_time` integer NOT NULL,
	`message` text NOT NULL,
	`outcome` text NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payment_receipts_payment_idx` ON `payment_receipts` (`payment_id`);--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`state` text NOT NULL,
	`reason` text NOT NULL,
	`acquirer_ref` text,
	`failure_code` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "refunds_amount_positive" CHECK("refunds"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE INDEX `refunds_payment_idx` ON `refunds` (`payment_id`);--> statement-breakpoint
ALTER TABLE `boxes` ADD `max_per_transaction_minor` integer;--> statement-breakpoint
ALTER TABLE `boxes` ADD `daily_amount_minor` integer;--> statement-breakpoint
ALTER TABLE `boxes` ADD `daily_count` integer;--> statement-breakpoint
ALTER TABLE `payments` ADD `session_id` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `sku` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `units` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `machine_units` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `scenario` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `machine_sku` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `output_index` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `key_version` integer;--> statement-breakpoint
ALTER TABLE `payments` ADD `acquirer` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `charge_status` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `acquirer_ref` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `decline_code` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `refunded_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `expires_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `receipt_status` integer;--> statement-breakpoint
ALTER TABLE `payments` ADD `flags` text;--> statement-breakpoint
CREATE INDEX `payments_box_created_idx` ON `payments` (`box_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `payments_state_expires_idx` ON `payments` (`state`,`expires_at`);--> statement-breakpoint
ALTER TABLE `wallet_apps` ADD `daily_amount_minor` integer;--> statement-breakpoint
ALTER TABLE `wallet_apps` ADD `daily_count` integer;