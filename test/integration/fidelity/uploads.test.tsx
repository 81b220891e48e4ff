import { UPLOAD_STEP_ERROR } from '../../fake-musicapi/routes/sonic-uploads';
import { FAST_WAIT, runMusicApi, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

const SUBMIT = { completion: 'submit' };
const UPLOADS = [
	['Upload & Cover', { resource: 'sonic', operation: 'uploadCover' }, '/sonic/upload-cover'],
	['Upload & Extend', { resource: 'sonic', operation: 'uploadExtend', continueAt: 10 }, '/sonic/upload-extend'],
] as const;

// Issue 13: MusicAPI uploads the audio inside these calls (30–60 s, contract §3.4).
describe.each(UPLOADS)('Sonic → %s: the upload inside the call', (_name, operation, path) => {
	it('waits for the upload step even when the node-wide Request Timeout is shorter', async () => {
		fake().options.uploadStepLatencyMs = 1_500_000; // 1.5 s real at the harness's time scale
		const result = await runMusicApi(fake(), {
			...operation,
			...SUBMIT,
			audioUrl: 'https://example.com/demo.mp3',
			gptDescriptionPrompt: 'jazz ballad',
			requestOptions: { timeout: 1 },
		});

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ taskId: expect.any(String), state: 'submitted' });
		expect(fake().requestsTo('POST', path)).toHaveLength(1);
	});

	it("quotes the upload step's own error when MusicAPI answers 200 without a task", async () => {
		const result = await runMusicApi(fake(), {
			...operation,
			...SUBMIT,
			audioUrl: 'https://example.com/private.mp3',
			gptDescriptionPrompt: 'jazz ballad [fake:upload-error]',
		});

		expect(result.error?.message).toBe(`MusicAPI could not upload the audio for POST ${path}: ${UPLOAD_STEP_ERROR}`);
		expect(result.error?.description).toMatch(/public.*direct.*HTTPS/i);
		expect(result.error?.description).toMatch(/no job was started/i);
		expect(fake().requestsTo('POST', path)).toHaveLength(1);
		expect(fake().credits().credits).toBe(1000);
	});

	it('under Continue On Fail, the upload error is the item and the other items still run', async () => {
		const result = await runMusicApi(
			fake(),
			{ ...operation, completion: 'wait', resultOptions: { ...FAST_WAIT, downloadAudio: false }, audioUrl: 'https://example.com/demo.mp3', gptDescriptionPrompt: '={{ $json.d }}' },
			{ items: [{ d: 'jazz [fake:upload-error]' }, { d: 'jazz' }], continueOnFail: true },
		);

		expect(result.error).toBeUndefined();
		expect(result.items[0]).toMatchObject({ json: { error: expect.stringContaining(UPLOAD_STEP_ERROR) }, pairedItem: { item: 0 } });
		expect(result.items.slice(1).map((item) => [item.json.state, item.pairedItem])).toEqual([
			['succeeded', { item: 1 }],
			['succeeded', { item: 1 }],
		]);
	});
});
