import { defineGetTask } from '../define';

export const getTask = defineGetTask({ dialect: 'nuro', pollPrefix: '/nuro/task/', resourceName: 'Nuro' });
