import { invalid } from '../http/api-error';
import { outcomeOf } from '../markers';
import { songSeeds } from '../tasks/clip-factory';
import { checkEnum, checkMaxLength, checkNumber, checkStringType, checkWebhook, requireString } from '../validation/checks';
import type { Route } from './route';
import { costOf, submitted, webhookOf } from './submit-helpers';
import { assertNuroAvailable } from './task-polls';

/** BGM list fields take up to five entries each (create-nuro-bgm). */
function checkShortList(body: Record<string, unknown>, field: string): void {
	const value = body[field];
	if (value === undefined) return;
	const list = typeof value === 'string' ? [value] : value;
	if (!Array.isArray(list) || list.length > 5 || !list.every((entry) => typeof entry === 'string')) {
		invalid(`The '${field}' field should be a list of at most 5 strings.`);
	}
}

/** Nuro (contract §3.9): one song per task; enum members are not all known, so any string is accepted. */
export const nuroRoutes: Route[] = [
	{
		method: 'POST',
		path: '/nuro/create',
		validate: (ctx) => {
			assertNuroAvailable(ctx.state);
			const { body } = ctx;
			checkEnum(body, 'type', ['vocal', 'bgm'], true);
			if (body.type === 'vocal') {
				requireString(body, 'lyrics', 'lyrics is required.');
				checkMaxLength(body, 'lyrics', 2000, 'The lyrics character length should be less than 2000.');
				checkEnum(body, 'gender', ['Female', 'Male']);
				checkStringType(body, ['genre', 'mood', 'timbre']);
				checkNumber(body, 'duration', { min: 30, max: 240, message: "The 'duration' field should be between 30 and 240." });
			} else {
				checkStringType(body, ['description', 'version']);
				for (const field of ['genre', 'mood', 'instrument', 'theme']) checkShortList(body, field);
				checkNumber(body, 'duration', { min: 1, max: 60, message: "The 'duration' field should be between 1 and 60." });
			}
			checkWebhook(body);
		},
		cost: (ctx) => costOf(ctx.state, 'nuro/create'),
		handle: (ctx) => {
			const { body } = ctx;
			const vocal = body.type === 'vocal';
			const clips = songSeeds(
				vocal ? { custom_mode: true, prompt: body.lyrics } : { custom_mode: false, gpt_description_prompt: body.description ?? 'background music', make_instrumental: true },
				1,
				{ mv: 'nuro', duration: typeof body.duration === 'number' ? body.duration.toFixed(2) : vocal ? '120.00' : '60.00' },
			);
			const task = ctx.state.tasks.create({
				dialect: 'nuro',
				apiKey: ctx.apiKey,
				operation: 'nuro/create',
				clips,
				details: { type: body.type, genre: body.genre, mood: body.mood, gender: body.gender, timbre: body.timbre },
				outcome: outcomeOf(body),
				charge: ctx.charge,
				webhook: webhookOf(ctx.state, body),
			});
			return submitted(ctx.state, task);
		},
	},
];
