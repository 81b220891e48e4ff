/**
 * Public shapes of the fake MusicAPI. Other test layers (integration, e2e, benchmarks) code against these
 * names, so they change only together with those layers.
 */

export interface FakeOptions {
	/** Accepted Bearer tokens. */
	apiKeys: string[];
	/** Subscription credits each key starts with. */
	credits: number;
	/** One-time pack credits each key starts with; spent before `credits` (docs FAQ). */
	extraCredits: number;
	/** The API docs say 403 for a credit shortfall, the SDK and quickstart say 402 (contract §6.2). */
	creditErrorStatus: 402 | 403;
	/** Live submits answer `{message, task_id}`; the docs add `code: 200` (contract §3.1.4). */
	includeCode: boolean;
	/** HTTP status of a sonic poll in the not_ready phase: 202 per SDK/quickstart; live notes only saw the body. */
	notReadyStatus: 200 | 202;
	/** Platform string in sonic webhook deliveries: the docs say `suno`, a production receiver expects `sonic`. */
	platform: 'suno' | 'sonic';
	/** Multiplies every latency below, so tests run the same timeline in milliseconds. */
	timeScale: number;
	/** Time from submit until the last clip is terminal (before scaling). */
	jobLatencyMs: number;
	/** Initial not_ready phase (before scaling). */
	notReadyMs: number;
	/** The first clip finishes this much before the last one (before scaling). */
	clipStaggerMs: number;
	/** Delay of the synchronous uploads (/sonic/upload, /riffusion/upload): about 20 s live (contract §3.3). */
	uploadLatencyMs: number;
	/** The upload step inside /sonic/upload-cover and /sonic/upload-extend: 30–60 s live (contract §3.4). */
	uploadStepLatencyMs: number;
	/**
	 * A sonic clip says `succeeded` this long before its `audio_url` exists (before scaling; 0 = at once). Live
	 * clients report it; contract §4 counts a clip done only with its audio.
	 */
	audioUrlLagMs: number;
	/**
	 * Sonic models the API still accepts but runs as another one: 2026-10 retired sonic-v3-5 … v5-5 and runs them as
	 * sonic-v6 (contract §3.1.3). The clips' `mv` then names the model that ran. Empty: every model runs as asked.
	 */
	retiredModels: Record<string, string>;
	/**
	 * Shape of the /studio/create answer, which is undocumented (contract §3.8): `task_id` = the usual
	 * `{message, task_id}`; `envelope` = the Studio task envelope `{code:"success", message:"", data:"<id>"}`.
	 */
	studioSubmitShape: 'task_id' | 'envelope';
	/** /sonic/vox also hands out the extracted segment as `audio_url` (undocumented, contract §3.3 lists no URL). */
	voxAudioUrl: boolean;
	/** /sonic/midi answers 202 this many times per clip before the MIDI is "built". */
	midiNotReadyCalls: number;
	/** /sonic/download answers 202 this many times per clip before the links are "prepared" (extra option). */
	downloadNotReadyCalls: number;
	/**
	 * How long MusicAPI works on an API request after the rate limiter counted it, before it answers (before
	 * scaling; every admitted `/api/v1` request). Time before the count — transit — is the `slow` fault.
	 */
	processingMs: number;
	/** Per API key; null switches the limiter off. */
	rateLimit: { requests: number; perMs: number } | null;
	/** Credits per operation, keyed `endpoint` or `endpoint:task_type` (see DEFAULT_COSTS). */
	costs: Record<string, number>;
	/** Accepted sonic `mv` values; '*' accepts anything. */
	models: string[];
	/** Send a `song.streaming` delivery before completion, and show clips in the `streaming` state. */
	streamingCallback: boolean;
	/** Signs deliveries whose submit carried no webhook_secret (the platform default secret of the docs). */
	defaultWebhookSecret: string;
	/** Size of the PCM data of /files/large.wav. */
	largeWavBytes: number;
	/** Origin written into audio_url/wav_url/image_url instead of the server's own. */
	publicBaseUrl?: string;
	/** Nuro answers 410 Gone (as on the sister brand since 2026-09). */
	nuroGone: boolean;
	/** Stem names of /sonic/stems/basic (extra option: 2 stems mid-2026, 4 on the 2026-10 page). */
	basicStems: string[];
	/** Stem names of /sonic/stems/full (extra option: 12 on the API page, 24 on the credits page). */
	fullStems: string[];
	/** aimusicapi made `use_suno_cdn` required in 2026-09; musicapi.ai accepted omission (extra option). */
	requireUseSunoCdn: boolean;
	/** Redeliver a webhook this many times after a non-2xx answer or a network error (extra option). */
	webhookRetries: number;
	/** Pause before a redelivery (before scaling; extra option). */
	webhookRetryDelayMs: number;
}

export interface LoggedRequest {
	id: number;
	time: number;
	method: string;
	/** Without the /api/v1 prefix and without the query; file requests keep their /files/… path. */
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON, or undefined when the body was empty or not JSON. */
	body: unknown;
	rawBody: string;
	/** What the fake answered; 0 when it destroyed the socket instead. */
	status: number;
	/** The type of the injected fault that shaped this answer, if any. */
	fault?: string;
}

export interface Delivery {
	url: string;
	headers: Record<string, string>;
	body: string;
	/** The receiver's status, null on a network error or timeout. */
	status: number | null;
	event: string;
	taskId: string;
	/** When this attempt was sent (ms since epoch): the order deliveries left the fake in. */
	sentAt: number;
	/**
	 * When the receiver's answer ended, or the attempt failed (ms since epoch). A slow receiver answers an earlier
	 * delivery after a later one, so order deliveries by `sentAt`.
	 */
	time: number;
}

/** A delivery attempt sent whose receiver has not answered yet. */
export type DeliveryInFlight = Omit<Delivery, 'status' | 'time'>;

export type Fault =
	/** 200 with a `body` stands for an answer of an undocumented shape; 404/405 for a host without the endpoint. */
	| { type: 'status'; status: 200 | 404 | 405 | 429 | 500 | 502 | 503 | 504; retryAfter?: number; body?: string }
	| { type: 'reset' }
	| { type: 'slow'; delayMs: number }
	| { type: 'malformed-json' }
	| { type: 'html'; status?: number }
	| { type: 'task-lost' };

export interface FaultMatch {
	method?: string;
	/** A string matches the logged path exactly; a RegExp is tested against it. */
	path: string | RegExp;
}

export interface CreditBalance {
	credits: number;
	extra_credits: number;
}

export interface FakeMusicApi {
	origin: string;
	baseUrl: string;
	port: number;
	/** Live: tests may mutate fields; new values apply to the next request (timelines are fixed at submit). */
	options: FakeOptions;
	requests: LoggedRequest[];
	deliveries: Delivery[];
	/** Applies `fault` to the next `times` matching requests; with `forMs`, only until that many ms (real time) from now. */
	injectFault(match: FaultMatch, fault: Fault, times?: number, forMs?: number): void;
	clearFaults(): void;
	credits(apiKey?: string): CreditBalance;
	setCredits(credits: number, extraCredits?: number, apiKey?: string): void;
	requestsTo(method: string, path: string | RegExp): LoggedRequest[];
	waitForDeliveries(count: number, timeoutMs?: number): Promise<Delivery[]>;
	/** Extra: attempts sent and not answered yet (each moves to `deliveries` when answered or failed). */
	deliveriesInFlight(): DeliveryInFlight[];
	/**
	 * Extra: moves the fake's clock forward, so a test can walk a task through its phases without sleeping;
	 * due webhooks and refunds happen at once.
	 */
	advanceTime(ms: number): void;
	reset(): void;
	stop(): Promise<void>;
}
