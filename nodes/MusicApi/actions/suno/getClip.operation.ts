import { defineGetTask } from '../define';

/** The legacy poll path (`GET /suno/clip/{id}`), an alias of Sonic Get Task. */
export const getClip = defineGetTask({
	value: 'getClip',
	name: 'Get Clip',
	action: 'Get a Suno clip',
	description: 'Legacy alias of Sonic Get Task: check a job once and return its clips (free)',
	dialect: 'sonic',
	pollPrefix: '/suno/clip/',
	resourceName: 'Suno',
});
