import { isTerminal, normalizeTask } from '../../../../nodes/shared/tasks';
import type { TaskDialect } from '../../../../nodes/shared/tasks';

const DIALECTS: TaskDialect[] = ['sonic', 'producer', 'riffusion', 'studio', 'nuro'];

describe('normalizeTask dispatch', () => {
	it('routes each dialect to its normalizer', () => {
		expect(normalizeTask('sonic', 't', { statusCode: 200, body: { data: [{ clip_id: 'a', state: 'succeeded', audio_url: 'https://cdn.example/a.mp3' }] } }).state).toBe('succeeded');
		expect(normalizeTask('producer', 't', { statusCode: 200, body: { status: 'SUCCESS', data: [] } }).state).toBe('succeeded');
		expect(normalizeTask('riffusion', 't', { statusCode: 200, body: { data: [{ clip_id: 'a', state: 'succeeded' }] } }).state).toBe('running');
		expect(normalizeTask('studio', 't', { statusCode: 200, body: { code: 'success', data: { status: 'SUCCESS' } } }).state).toBe('succeeded');
		expect(normalizeTask('nuro', 't', { statusCode: 200, body: { status: 'succeeded', audio_url: 'https://x' } }).state).toBe('succeeded');
	});

	it('passes the stems hint to sonic', () => {
		const task = normalizeTask('sonic', 't', { statusCode: 200, body: { data: [{ clip_id: 'a', state: 'succeeded', title: 'Vocals' }] } }, { stems: true });
		expect(task.clips[0].stemType).toBe('Vocals');
	});

	describe.each(DIALECTS)('%s robustness', (dialect) => {
		it.each([
			['null', null],
			['undefined', undefined],
			['empty string', ''],
			['empty object', {}],
			['array', []],
			['number', 0],
			['boolean', true],
		])('%s body → pending, taskId and dialect set', (_name, body) => {
			const task = normalizeTask(dialect, 'x1', { statusCode: 200, body });
			expect(task).toMatchObject({ taskId: 'x1', dialect, state: 'pending', clips: [] });
			expect(isTerminal(task)).toBe(false);
		});

		it('202 not_ready → pending', () => {
			expect(normalizeTask(dialect, 'x1', { statusCode: 202, body: { type: 'not_ready' } }).state).toBe('pending');
		});

		it('{type, error} body in a 200 → failed with that error', () => {
			const task = normalizeTask(dialect, 'x1', { statusCode: 200, body: { type: 'forbidden', error: 'Insufficient credits' } });
			expect(task).toMatchObject({ state: 'failed', error: 'Insufficient credits' });
			expect(isTerminal(task)).toBe(true);
		});

		it('never reports NaN', () => {
			const task = normalizeTask(dialect, 'x1', {
				statusCode: 200,
				body: { status: 'running', progress: 'n/a', data: [{ clip_id: 'a', state: 'running', duration: 'NaN' }] },
			});
			expect(Number.isNaN(task.progress)).toBe(false);
			for (const clip of task.clips) expect(Number.isNaN(clip.duration)).toBe(false);
		});
	});
});
