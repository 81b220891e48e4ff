/**
 * The credential type both nodes authenticate with. The credential class and the node descriptions spell it out
 * (n8n's linter reads those literals); code uses this constant.
 */
export const CREDENTIAL_NAME = 'musicApiApi';

/** MusicAPI's own host: the credential's default Base URL, and what the client uses when that field is empty. */
export const DEFAULT_BASE_URL = 'https://api.musicapi.ai/api/v1';
