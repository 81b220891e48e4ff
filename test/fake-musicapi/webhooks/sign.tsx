import { createHmac } from 'node:crypto';

/**
 * MusicAPI's delivery signature: `sha256=` + lowercase hex HMAC-SHA256(secret, "<timestamp>.<raw body>")
 * (contract §5.1). Exported so tests can verify deliveries and forge their own.
 */
export function signWebhook(secret: string, timestamp: number | string, rawBody: string): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}
