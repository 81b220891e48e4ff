import { defineGetTask } from '../define';

export const getTask = defineGetTask({ dialect: 'studio', pollPrefix: '/studio/task/', resourceName: 'Studio' });
