import { defineGetTask } from '../define';

export const getTask = defineGetTask({ dialect: 'nuro', resourceName: 'Nuro' });
