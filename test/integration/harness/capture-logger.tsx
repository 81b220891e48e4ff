import type { Logger, LogMetadata } from 'n8n-workflow';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface LogEntry {
	level: LogLevel;
	message: string;
	meta?: LogMetadata;
}

/**
 * Stands in for both n8n loggers: the LoggerProxy the engine writes to and the
 * @n8n/backend-common Logger that `this.logger` hands to nodes. Nothing reaches the
 * console (winston's console transport is what makes n8n runs noisy); everything is
 * kept so tests can assert on progress lines and on secrets never being logged.
 */
export class CaptureLogger implements Logger {
	readonly entries: LogEntry[] = [];

	error(message: string, meta?: LogMetadata) {
		this.push('error', message, meta);
	}

	warn(message: string, meta?: LogMetadata) {
		this.push('warn', message, meta);
	}

	info(message: string, meta?: LogMetadata) {
		this.push('info', message, meta);
	}

	debug(message: string, meta?: LogMetadata) {
		this.push('debug', message, meta);
	}

	/** backend-common's Logger API (`scoped(scopes)`): scoped children share one sink. */
	scoped(): this {
		return this;
	}

	/** One line per entry, metadata included, so a substring search covers everything logged. */
	lines(): string[] {
		return this.entries.map(({ level, message, meta }) =>
			meta === undefined || Object.keys(meta).length === 0
				? `[${level}] ${message}`
				: `[${level}] ${message} ${safeStringify(meta)}`,
		);
	}

	private push(level: LogLevel, message: string, meta?: LogMetadata) {
		this.entries.push({ level, message: String(message), meta });
	}
}

/** Log metadata may hold errors, nodes and circular workflow objects. */
function safeStringify(value: unknown): string {
	const seen = new WeakSet<object>();
	try {
		return JSON.stringify(value, (_key, v: unknown) => {
			if (typeof v === 'bigint') return v.toString();
			if (v === null || typeof v !== 'object') return v;
			if (seen.has(v)) return '[Circular]';
			seen.add(v);
			// Own props of errors are enumerable, but name and message are not.
			if (v instanceof Error) return { ...v, name: v.name, message: v.message };
			return v;
		});
	} catch {
		return String(value);
	}
}
