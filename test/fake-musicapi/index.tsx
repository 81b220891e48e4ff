/**
 * The fake MusicAPI: an HTTP server on 127.0.0.1 implementing docs/musicapi-api.md (the "contract"
 * that code comments cite as "contract §x.y") for offline tests.
 * See README.md in this folder for options, markers and admin routes.
 */
export { startFakeMusicApi, type ListenOptions } from './server';
export { signWebhook } from './webhooks/sign';
export { DEFAULT_COSTS, DEFAULT_MODELS, MODELS_2026_07, MODELS_2026_10, BASIC_STEMS, FULL_STEMS, defaultOptions } from './defaults';
export { MARKERS } from './markers';
export { CREDITS_MESSAGE } from './pipeline';
export type { CreditBalance, Delivery, DeliveryInFlight, FakeMusicApi, FakeOptions, Fault, FaultMatch, LoggedRequest } from './types';
