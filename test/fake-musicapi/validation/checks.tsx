import { invalid } from '../http/api-error';

/**
 * Field checks that answer with MusicAPI's wording (contract §6.2). Each throws the first problem as a 400,
 * so a request's errors come out one at a time, as from the real server.
 */
type Body = Record<string, unknown>;

export const present = (body: Body, field: string): boolean => body[field] !== undefined && body[field] !== null;

/** "The 'make_instrumental' field should be boolean." — a missing required boolean fails the same way. */
export function checkBoolean(body: Body, field: string, required = false): void {
	if (!present(body, field) && !required) return;
	if (typeof body[field] !== 'boolean') invalid(`The '${field}' field should be boolean.`);
}

export function checkStringType(body: Body, fields: readonly string[]): void {
	for (const field of fields) {
		if (present(body, field) && typeof body[field] !== 'string') invalid(`The '${field}' field should be a string.`);
	}
}

export function requireString(body: Body, field: string, message = `${field} is required.`): string {
	const value = body[field];
	if (typeof value !== 'string' || value.trim() === '') invalid(message);
	return value;
}

/** "Less than N" in MusicAPI's messages means "at most N": live, 5000 passes and 5001 fails. */
export function checkMaxLength(body: Body, field: string, max: number, message: string): void {
	const value = body[field];
	if (typeof value === 'string' && value.length > max) invalid(message);
}

export function checkUnitInterval(body: Body, fields: readonly string[]): void {
	for (const field of fields) {
		if (!present(body, field)) continue;
		const value = body[field];
		if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
			invalid(`The '${field}' field should be a number between 0 and 1.`);
		}
	}
}

export function checkNumber(
	body: Body,
	field: string,
	rule: { required?: string; min?: number; max?: number; integer?: boolean; message?: string },
): number | undefined {
	if (!present(body, field)) {
		if (rule.required) invalid(rule.required);
		return undefined;
	}
	const value = body[field];
	const bad =
		typeof value !== 'number' ||
		!Number.isFinite(value) ||
		(rule.integer === true && !Number.isInteger(value)) ||
		(rule.min !== undefined && value < rule.min) ||
		(rule.max !== undefined && value > rule.max);
	if (bad) invalid(rule.message ?? `The '${field}' field should be a number.`);
	return value as number;
}

export function checkEnum(body: Body, field: string, allowed: readonly string[], required = false): void {
	if (!present(body, field) && !required) return;
	if (typeof body[field] !== 'string' || !allowed.includes(body[field] as string)) {
		invalid(`The '${field}' field should be ${quoteList(allowed, 'or')}.`);
	}
}

/** A start/end pair where the end must come after the start. */
export function checkRange(body: Body, start: string, end: string, required: boolean): void {
	const requiredMessage = required ? `${start} and ${end} are required.` : undefined;
	const from = checkNumber(body, start, { required: requiredMessage, min: 0, message: `The '${start}' field should be a non-negative number.` });
	const to = checkNumber(body, end, { required: requiredMessage, min: 0, message: `The '${end}' field should be a non-negative number.` });
	if (from !== undefined && to !== undefined && to <= from) invalid(`The '${end}' field should be greater than ${start}.`);
}

export function isHttpUrl(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

export function requireHttpUrl(body: Body, field: string): string {
	const value = requireString(body, field);
	if (!isHttpUrl(value)) invalid(`The '${field}' field should be a valid http(s) URL.`);
	return value;
}

/** The docs ask for HTTPS; plain http is accepted because tests and local n8n listen on 127.0.0.1. */
export function checkWebhook(body: Body): void {
	if (present(body, 'webhook_url')) {
		const url = body.webhook_url;
		if (typeof url !== 'string' || !isHttpUrl(url)) invalid("The 'webhook_url' field should be a valid http(s) URL.");
		if (url.length > 1024) invalid('The webhook_url character length should be less than 1024.');
	}
	checkStringType(body, ['webhook_secret']);
}

/** "'a', 'b', or 'c'" — the list style of the documented mv error. */
export function quoteList(values: readonly string[], conjunction: 'or' | 'and'): string {
	const quoted = values.map((value) => `'${value}'`);
	if (quoted.length <= 1) return quoted.join('');
	if (quoted.length === 2) return `${quoted[0]} ${conjunction} ${quoted[1]}`;
	return `${quoted.slice(0, -1).join(', ')}, ${conjunction} ${quoted[quoted.length - 1]}`;
}
