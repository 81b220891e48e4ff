import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { startFakeMusicApi, type FakeMusicApi, type FakeOptions } from '../../fake-musicapi';
import type { HarnessResult } from '../../integration/harness';
import { runMusicApi, type RunMusicApiOptions } from '../../integration/musicapi';
import { startTap, type Tap } from './tap';

/**
 * Distinctive secrets: long and unlike anything else in a run, so a substring scan of outputs, errors and logs
 * finds every leak and nothing else.
 */
export const RELIABILITY_API_KEY = 'mapi-rel-key-7Qx9vK2mZp4Lw8Tn';
export const RELIABILITY_WEBHOOK_SECRET = 'whsec-rel-3Fh6Jd1sYc5Rb0Ug';

/** Seconds between requests of one execution; the fake's rate limit is set to the same pace in the fault suite. */
export const PACE_S = 0.04;

export interface Rig {
	fake: FakeMusicApi;
	tap: Tap;
}

/** A fake MusicAPI (fast timeline) behind a recording tap; both are reset between tests. */
export function useRig(options: Partial<FakeOptions> = {}): () => Rig {
	let rig: Rig | undefined;
	beforeAll(async () => {
		const fake = await startFakeMusicApi({ apiKeys: [RELIABILITY_API_KEY], timeScale: 0.001, uploadLatencyMs: 0, uploadStepLatencyMs: 0, ...options });
		rig = { fake, tap: await startTap(fake.port) };
	});
	afterEach(() => {
		rig?.fake.reset();
		rig?.tap.reset();
	});
	afterAll(async () => {
		await rig?.tap.stop();
		await rig?.fake.stop();
	});
	return () => {
		if (!rig) throw new Error('reliability rig not started');
		return rig;
	};
}

/** Runs the MusicAPI node in the n8n-core harness against the rig, with the distinctive credential. */
export async function runThroughRig(
	rig: Rig,
	parameters: IDataObject,
	options: RunMusicApiOptions & { items?: IDataObject[] | INodeExecutionData[] } = {},
): Promise<HarnessResult> {
	return await runMusicApi(rig.fake, parameters, {
		...options,
		credentials: {
			apiKey: RELIABILITY_API_KEY,
			webhookSecret: RELIABILITY_WEBHOOK_SECRET,
			baseUrl: rig.tap.baseUrl,
			...options.credentials,
		},
	});
}
