import { BinaryDataService, ErrorReporter, InstanceSettings } from 'n8n-core';
import { LoggerProxy } from 'n8n-workflow';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { CaptureLogger } from './capture-logger';
import { Container, N8nLogger } from './n8n-internals';
import type { BinaryMode } from './types';

type N8nLoggerType = InstanceType<typeof N8nLogger>;
type InstanceSettingsConfig = ConstructorParameters<typeof InstanceSettings>[0];
type BinaryDataConfig = ConstructorParameters<typeof BinaryDataService>[0];

export interface HarnessEnvironment {
	logger: CaptureLogger;
	binaryDataService: BinaryDataService;
	dispose(): Promise<void>;
}

/**
 * Puts into n8n-core's DI container what an n8n instance would have set up before
 * running a workflow, but scoped to one temp dir that dispose() removes:
 * - Logger: node code gets `this.logger` from the container, the engine logs through
 *   LoggerProxy; both go to one CaptureLogger instead of winston on the console.
 * - InstanceSettings: the real class, pointed at the temp dir, because its default
 *   constructor reads and writes ~/.n8n/config (encryption key, instance id).
 * - BinaryDataService: prepareBinaryData/getBinaryDataBuffer fetch it from the
 *   container; 'default' keeps data inline as base64, 'filesystem' stores files under
 *   the temp dir through n8n-core's own filesystem manager.
 */
export async function installEnvironment(binaryMode: BinaryMode): Promise<HarnessEnvironment> {
	const root = await mkdtemp(path.join(tmpdir(), 'n8n-harness-'));
	const logger = new CaptureLogger();
	const n8nLogger = logger as unknown as N8nLoggerType;

	Container.set(N8nLogger, n8nLogger);
	LoggerProxy.init(logger);

	const instanceSettings = new InstanceSettings(
		{
			userHome: root,
			n8nFolder: path.join(root, '.n8n'),
			encryptionKey: 'n8n-harness-encryption-key',
			enforceSettingsFilePermissions: false,
		} as Partial<InstanceSettingsConfig> as InstanceSettingsConfig,
		n8nLogger,
	);
	Container.set(InstanceSettings, instanceSettings);

	const binaryDataService = new BinaryDataService(
		{
			mode: binaryMode,
			availableModes: [binaryMode],
			localStoragePath: path.join(root, 'binaryData'),
			signingSecret: 'n8n-harness-signing-secret',
			dbMaxFileSize: 512,
		} as Partial<BinaryDataConfig> as BinaryDataConfig,
		Container.get(ErrorReporter),
		n8nLogger,
	);
	// init() registers the filesystem manager in both modes, as on a real instance.
	await binaryDataService.init();
	Container.set(BinaryDataService, binaryDataService);

	return {
		logger,
		binaryDataService,
		async dispose() {
			LoggerProxy.init(silentLogger);
			// Drops every singleton built during the run (they hold this run's logger and paths).
			Container.reset();
			await rm(root, { recursive: true, force: true });
		},
	};
}

const noop = () => {};
const silentLogger = { error: noop, warn: noop, info: noop, debug: noop };
