import { accountRoutes } from './account';
import { nuroRoutes } from './nuro';
import { producerRoutes } from './producer';
import { riffusionRoutes } from './riffusion';
import type { Route } from './route';
import { sonicBatchRoutes, sonicCreateRoutes } from './sonic-create';
import { sonicEditRoutes } from './sonic-edits';
import { sonicUploadRoutes } from './sonic-uploads';
import { sonicUtilityRoutes } from './sonic-utilities';
import { studioRoutes } from './studio';
import { sunoLegacyRoutes } from './suno-legacy';
import { taskPollRoutes } from './task-polls';

/** Every /api/v1 endpoint of contract §2. */
export const API_ROUTES: readonly Route[] = [
	...sonicCreateRoutes,
	...sonicBatchRoutes,
	...sonicEditRoutes,
	...sonicUploadRoutes,
	...sonicUtilityRoutes,
	...sunoLegacyRoutes,
	...producerRoutes,
	...riffusionRoutes,
	...studioRoutes,
	...nuroRoutes,
	...accountRoutes,
	...taskPollRoutes,
];
