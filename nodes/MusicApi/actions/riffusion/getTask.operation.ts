import { defineGetTask } from '../define';

export const getTask = defineGetTask({ dialect: 'riffusion', resourceName: 'Riffusion' });
