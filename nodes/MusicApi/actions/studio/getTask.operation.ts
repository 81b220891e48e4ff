import { defineGetTask } from '../define';

export const getTask = defineGetTask({ dialect: 'studio', resourceName: 'Studio' });
