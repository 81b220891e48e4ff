import { defineGetTask } from '../define';

export const getTask = defineGetTask({ dialect: 'riffusion', pollPrefix: '/riffusion/task/', resourceName: 'Riffusion' });
