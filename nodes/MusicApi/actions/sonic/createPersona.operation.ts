import { defineSync } from '../define';
import { textField, clipIdField } from '../../descriptions/fields';
import { vocalEndField, vocalStartField } from '../../descriptions/sonicUtilityFields';
import { checkVocalRange } from '../../input/sonicUtilities';
import { unexpectedAnswer } from '../answers';

/** `POST /sonic/persona`: a reusable voice persona from an existing clip; the id comes back top-level. */
export const createPersona = defineSync({
	value: 'createPersona',
	name: 'Create Persona From Clip',
	action: 'Make a persona from the voice of a clip',
	description: 'Keep the voice of a clip as a persona, for Create a Song With a Persona (1 credit)',
	credits: '1',
	method: 'POST',
	path: '/sonic/persona',
	fields: [
		textField('name', 'name', {
			displayName: 'Name',
			required: true,
			maxLength: 80,
			description: 'Name of the persona.',
		}),
		clipIdField('The clip whose voice and style the persona takes'),
	],
	optional: [
		textField('describe', 'describe', {
			displayName: 'Description',
			maxLength: 200,
			rows: 2,
			description: 'What the persona sounds like.',
		}),
		textField('styles', 'styles', {
			displayName: 'Styles',
			placeholder: 'e.g. soulful, warm, jazz',
			description: 'Comma-separated styles that suit the persona',
		}),
		textField('voxAudioId', 'vox_audio_id', {
			displayName: 'VOX Audio ID',
			description: 'A vocal segment from the VOX operation to build the persona from',
		}),
		vocalStartField('Start of the vocal segment; with a VOX Audio ID it must match the VOX range'),
		vocalEndField('End of the vocal segment, at most 30 s after the start; with a VOX Audio ID it must match the VOX range'),
	],
	refine: (ctx, itemIndex, body) => checkVocalRange(ctx, itemIndex, body),
	shape: (body, ctx, itemIndex) => {
		const answer = (body ?? {}) as { persona_id?: unknown; data?: { persona_id?: unknown } };
		// Documented top-level; accept it under `data` too, as other sync utilities answer there.
		const personaId = answer.persona_id ?? answer.data?.persona_id;
		if (typeof personaId !== 'string' || personaId === '') {
			throw unexpectedAnswer(ctx, itemIndex, 'POST /sonic/persona', 'a "persona_id"');
		}
		return [
			{
				personaId,
				name: String(ctx.fn.getNodeParameter('name', itemIndex)),
				clipId: String(ctx.fn.getNodeParameter('clipId', itemIndex)),
			},
		];
	},
});
