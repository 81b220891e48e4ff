/**
 * An answer in MusicAPI's error envelope `{type, error}` (contract §6.1). Thrown anywhere in the pipeline and
 * turned into a response in one place, so every stage can stop a request with one line.
 */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly type: string,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
		this.name = 'ApiError';
	}

	get body(): { type: string; error: string } {
		return { type: this.type, error: this.message };
	}
}

/** 400 with the validation envelope; `never` so checks read as guards. */
export function invalid(message: string): never {
	throw new ApiError(400, 'validation_error', message);
}

export function taskNotFound(): never {
	throw new ApiError(400, 'validation_error', 'task not found.');
}
