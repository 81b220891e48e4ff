import { runMusicApi, useFakeMusicApi } from '../integration/musicapi';

const fake = useFakeMusicApi();
const base = { resource: 'sonic', operation: 'create', taskType: 'create_music', model: { __rl: true, mode: 'list', value: 'sonic-v5' }, songMode: 'description', gptDescriptionPrompt: 'x', completion: 'submit' };
it('probe', async () => {
	let t = Date.now();
	for (let i = 0; i < 20; i++) await runMusicApi(fake(), base);
	console.log('per run ms', (Date.now() - t) / 20);
	const cases: Array<[string, unknown]> = [
		['obj for string', { gptDescriptionPrompt: '={{ {a: 1} }}' }],
		['num for string', { gptDescriptionPrompt: '={{ 5 }}' }],
		['abc for bool', { additionalFields: { makeInstrumental: '={{ "abc" }}' } }],
		['abc static for bool', { additionalFields: { makeInstrumental: 'abc' } }],
		['abc for number', { additionalFields: { styleWeight: '={{ "abc" }}' } }],
		['abc static for number', { additionalFields: { styleWeight: 'abc' } }],
		['obj for number', { additionalFields: { styleWeight: '={{ {a:1} }}' } }],
		['bad option', { additionalFields: { vocalGender: '={{ "zz" }}' } }],
		['bad option static', { additionalFields: { vocalGender: 'zz' } }],
		['empty model', { model: { __rl: true, mode: 'id', value: '={{ "" }}' } }],
		['empty static prompt', { gptDescriptionPrompt: '' }],
		['obj model', { model: { __rl: true, mode: 'id', value: '={{ {a:1} }}' } }],
		['unknown model', { model: { __rl: true, mode: 'id', value: 'sonic-v99' } }],
	];
	for (const [name, p] of cases) {
		fake().reset();
		const r = await runMusicApi(fake(), { ...base, ...(p as object) });
		console.log(name, '→', r.error?.message, '|', r.error?.description?.slice(0, 80), '| sent', fake().requests.length, JSON.stringify(fake().requests[0]?.body));
	}
	t = Date.now();
});
