import { runMusicApi, SONIC_CREATE, useFakeMusicApi } from '../musicapi';

const fake = useFakeMusicApi();

// Issue 23 (C6): callbacks are signed with a secret derived from the credential. With neither a webhook secret nor
// an API key it would be HMAC("", execution id), which anyone can compute: callback mode is refused instead.
describe('Wait for Callback without any secret to derive from', () => {
	it('fails before anything is sent, saying what to set', async () => {
		const result = await runMusicApi(fake(), { ...SONIC_CREATE, completion: 'callback' }, { credentials: { apiKey: '', webhookSecret: '' } });
		expect(result.error?.message).toBe('Wait for Callback needs a Webhook Secret or an API key in the MusicAPI credential');
		expect(result.error?.description).toMatch(/Set a Webhook Secret .* or choose "Wait for Completion \(Poll\)"/);
		expect(fake().requests).toEqual([]);
	});
});
