/**
 * Sliding window per API key. Only admitted requests count: a client retrying too early is told to wait again,
 * not locked out for good.
 */
export class RateLimiter {
	private readonly windows = new Map<string, number[]>();

	/** Seconds until a slot frees (ceil, ≥ 1) when the request must be refused, otherwise null (and it counts). */
	admit(apiKey: string, limit: { requests: number; perMs: number } | null, now: number): number | null {
		if (!limit) return null;
		const since = now - limit.perMs;
		const window = (this.windows.get(apiKey) ?? []).filter((time) => time > since);
		this.windows.set(apiKey, window);
		if (window.length >= limit.requests) {
			const freesAt = window[window.length - limit.requests] + limit.perMs;
			return Math.max(1, Math.ceil((freesAt - now) / 1000));
		}
		window.push(now);
		return null;
	}

	clear(): void {
		this.windows.clear();
	}
}
