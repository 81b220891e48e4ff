/**
 * Starts the fake for out-of-process use (e2e tests driving a real n8n):
 *   npx ts-node --transpile-only test/fake-musicapi/cli.tsx --port 0 --key demo-key --time-scale 0.05
 * Prints one JSON line {"baseUrl","origin","port"} and runs until SIGINT/SIGTERM.
 * Other flags: --credits N, --extra-credits N, --platform suno|sonic, --include-code, --not-ready-status 200|202,
 * --credit-error-status 402|403, --streaming-callback, --public-base-url URL, --nuro-gone,
 * --options '<json merged into the options>'. --key may repeat.
 */
import type { FakeOptions } from './types';
import { startFakeMusicApi } from './server';

function parseArgs(argv: string[]): { port: number; options: Partial<FakeOptions> } {
	const options: Partial<FakeOptions> = {};
	const keys: string[] = [];
	let port = 0;
	for (let index = 0; index < argv.length; index++) {
		const flag = argv[index];
		const value = (): string => {
			const next = argv[++index];
			if (next === undefined) throw new Error(`${flag} needs a value`);
			return next;
		};
		switch (flag) {
			case '--port': port = Number(value()); break;
			case '--key': keys.push(value()); break;
			case '--time-scale': options.timeScale = Number(value()); break;
			case '--credits': options.credits = Number(value()); break;
			case '--extra-credits': options.extraCredits = Number(value()); break;
			case '--platform': options.platform = value() as FakeOptions['platform']; break;
			case '--include-code': options.includeCode = true; break;
			case '--not-ready-status': options.notReadyStatus = Number(value()) as FakeOptions['notReadyStatus']; break;
			case '--credit-error-status': options.creditErrorStatus = Number(value()) as FakeOptions['creditErrorStatus']; break;
			case '--streaming-callback': options.streamingCallback = true; break;
			case '--public-base-url': options.publicBaseUrl = value(); break;
			case '--nuro-gone': options.nuroGone = true; break;
			case '--options': Object.assign(options, JSON.parse(value()) as Partial<FakeOptions>); break;
			default: throw new Error(`Unknown flag ${flag}`);
		}
	}
	if (keys.length > 0) options.apiKeys = keys;
	return { port, options };
}

async function main(): Promise<void> {
	const { port, options } = parseArgs(process.argv.slice(2));
	const fake = await startFakeMusicApi(options, { port });
	process.stdout.write(`${JSON.stringify({ baseUrl: fake.baseUrl, origin: fake.origin, port: fake.port })}\n`);
	const shutdown = (): void => {
		void fake.stop().then(() => process.exit(0));
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
	process.stderr.write(`fake-musicapi: ${(error as Error)?.message ?? String(error)}\n`);
	process.exit(1);
});
