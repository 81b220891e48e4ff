import { ApiError } from './http/api-error';

/** Bearer auth with the documented 401 messages (contract §6.2); returns the caller's key. */
export function authenticate(header: string | undefined, apiKeys: readonly string[]): string {
	if (header === undefined || header.trim() === '') throw new ApiError(401, 'unauthorized', 'Authorization header is missing.');
	const match = /^Bearer ([^\s]+)$/.exec(header.trim());
	if (!match) throw new ApiError(401, 'unauthorized', 'Invalid authorization format.');
	if (!apiKeys.includes(match[1])) throw new ApiError(401, 'unauthorized', 'Invalid API key.');
	return match[1];
}
