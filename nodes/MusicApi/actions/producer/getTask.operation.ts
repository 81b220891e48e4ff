import { defineGetTask } from '../define';

export const getTask = defineGetTask({ dialect: 'producer', resourceName: 'Producer' });
