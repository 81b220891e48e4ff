import { defineSync } from '../define';
import { textField } from '../../descriptions/fields';
import { submittedTaskId } from '../../../shared/results/output';
import { missingInAnswer } from '../answers';

export const GET_LYRICS_PREFIX = '/suno/get-lyrics/';

/**
 * `POST /suno/make-lyrics` starts a lyric job and answers with its task id (contract §3.5). Its result is read
 * from `/suno/get-lyrics/{id}`, a shape no task dialect knows, so this submits only and Get Lyrics reads it.
 */
export const makeLyrics = defineSync({
	value: 'makeLyrics',
	name: 'Make Lyrics',
	action: 'Start a legacy lyrics job',
	description: 'Legacy lyric job: returns a task ID to read with Get Lyrics (price not published; Sonic Lyrics costs 2)',
	credits: 'not published (Sonic → Lyrics costs 2)',
	method: 'POST',
	path: '/suno/make-lyrics',
	fields: [
		textField('prompt', 'prompt', {
			displayName: 'Prompt',
			required: true,
			rows: 3,
			placeholder: 'e.g. a hopeful song about leaving home',
			description:
				'What the lyrics should be about',
		}),
	],
	shape(body, ctx, itemIndex) {
		const taskId = submittedTaskId(body);
		if (!taskId) throw missingInAnswer(ctx, itemIndex, 'POST /suno/make-lyrics', 'a task ID');
		return [{ taskId, state: 'submitted', pollPath: `${GET_LYRICS_PREFIX}${encodeURIComponent(taskId)}` }];
	},
});
