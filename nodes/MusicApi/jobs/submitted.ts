import type { IDataObject } from 'n8n-workflow';

import type { JobExpectations } from './expectations';

/** A job MusicAPI accepted: which item asked for it, its task id, and what its submit answered and promised. */
export interface SubmittedJob {
	itemIndex: number;
	taskId: string;
	submitResponse: IDataObject;
	submittedAt: number;
	/** What the request promised about the result (model asked, WAV made). */
	expect?: JobExpectations;
}
