// The Storage module `waygo.m.config` (tools/build/targets.ts): a configuration is checked once at boot and once
// per CONFIG telegram, so the rules need not stay in RAM between.
import { configError } from '../core/machine/config.ts';
import type { ConfigModule } from '../core/modules.ts';

declare const exports: ConfigModule;

exports.configError = configError;
