import { defineGetTask } from '../define';

export const getTask = defineGetTask({ dialect: 'producer', pollPrefix: '/producer/task/', resourceName: 'Producer' });
