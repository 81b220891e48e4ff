import { defineGetTask } from '../define';

export const getTask = defineGetTask({
	dialect: 'sonic',
	resourceName: 'Sonic',
	description: 'Check any Sonic job (create, stems, mashup, voice…) once and return its clips (free)',
});
