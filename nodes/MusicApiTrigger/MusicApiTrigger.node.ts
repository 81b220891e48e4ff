import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { EVENT_HEADER, ID_HEADER, SIGNATURE_HEADER, headerValue, verifyDelivery } from '../shared/webhooks/signature';
import type { RawBody, ReplayKey } from '../shared/webhooks/signature';
import { normalizeWebhookDelivery } from '../shared/tasks';
import { hashedReplayKeys, resultKey } from '../shared/webhooks/dedupe';
import { credentialSecrets, redact, redactDeep } from '../shared/transport/errors';
import type { WebhookDelivery } from '../shared/tasks';
import { MUSICAPI_TRIGGER_WEBHOOK, TRIGGER_PANEL, triggerProperties } from './description';
import type { OutputMode } from './description';
import { attachAudio, deliveryItems, eventKind, filteredOut, platformOf, skipAudio } from './items';
import type { DeliveryMeta } from './items';
import {
	alreadyAcceptedInProcess,
	clearRegistration,
	loadReplayCache,
	recordRegistration,
	registeredUrl,
	saveReplayCache,
} from './state';

const NO_SECRET_REASON =
	'No webhook secret is configured. MusicAPI signs with a platform default secret when a job carries none, so set a Webhook Secret in the MusicAPI credential and send it with your jobs.';

const UNSIGNED_PRODUCTION_REASON =
	'Unsigned deliveries are accepted on the test URL only ("Accept Unsigned Deliveries" is for testing in the editor). Set a Webhook Secret in the MusicAPI credential and send it with your jobs.';

const UNSIGNED_NO_DOWNLOAD = 'not downloaded: the delivery is unsigned, and only verified deliveries lead to downloads';

export class MusicApiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MusicAPI Trigger',
		name: 'musicApiTrigger',
		icon: { light: 'file:../../icons/musicapi.svg', dark: 'file:../../icons/musicapi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		// The node picker shows this as the summary of the whole app (node and trigger), so it speaks of both.
		description: 'Create AI songs, lyrics, stems and WAVs with MusicAPI, and start workflows when they are ready',
		eventTriggerDescription: 'Waiting for MusicAPI to call the Test URL',
		activationMessage: "MusicAPI jobs sent with this node's Production URL now start the workflow.",
		triggerPanel: TRIGGER_PANEL,
		defaults: { name: 'MusicAPI Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'musicApiApi', required: true }],
		webhooks: [MUSICAPI_TRIGGER_WEBHOOK],
		properties: triggerProperties,
	};

	// MusicAPI has no API to register webhooks (the URL travels in each create call's webhook_url), so the
	// lifecycle manages what n8n itself keeps: the URL this node serves, since when, and the replay cache.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default');
				return url !== undefined && registeredUrl(this.getWorkflowStaticData('node')) === url;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default');
				if (!url) {
					throw new NodeOperationError(this.getNode(), 'n8n gave this node no webhook URL', {
						description: 'Check the WEBHOOK_URL setting of this n8n instance.',
					});
				}
				recordRegistration(this.getWorkflowStaticData('node'), url, new Date());
				if (!url.startsWith('https://')) {
					this.logger.warn(
						`MusicAPI Trigger: MusicAPI only accepts HTTPS webhook URLs; ${url} will work with test servers only`,
					);
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				clearRegistration(this.getWorkflowStaticData('node'));
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		// Every answer is written here, so the status is ours: n8n would answer 200 to anything it writes itself.
		const reply = (status: number, body: IDataObject): IWebhookResponseData => {
			res.status(status).json(body);
			return { noWebhookResponse: true };
		};
		const credentials = await this.getCredentials('musicApiApi');
		const secret = typeof credentials.webhookSecret === 'string' ? credentials.webhookSecret : '';
		// Whatever a delivery carries (a JSON error quoting the body, a title, a raw clip object) is cleaned of both.
		const secrets = credentialSecrets(credentials);
		const reject = (status: number, reason: string): IWebhookResponseData => {
			const clean = redact(reason, secrets);
			this.logger.warn(`MusicAPI Trigger: delivery refused with ${status}: ${clean}`);
			return reply(status, { received: false, error: clean });
		};

		const headers = this.getHeaderData();
		const wantsUnsigned = this.getNodeParameter('acceptUnsigned', false) as boolean;
		// n8n runs a test URL's call in mode 'manual' (TestWebhooks.executeWebhook) and a production URL's in mode
		// 'webhook' (LiveWebhooks): unsigned deliveries are for someone watching the editor, never for a published URL.
		const unsignedAllowed = wantsUnsigned && this.getMode() === 'manual';
		const options = this.getNodeParameter('options', {}) as { includeRaw?: boolean };
		const rawBody = await readRawBody(req);

		const meta: DeliveryMeta = { deliveryId: undefined, signatureVerified: false };
		let headerEvent: string | undefined;
		let replayKeys: ReplayKey[] = [];
		if (secret && (!unsignedAllowed || headerValue(headers, SIGNATURE_HEADER) !== undefined)) {
			const result = verifyDelivery({ headers, rawBody, secret });
			if (!result.ok) return reject(result.status, result.reason);
			replayKeys = result.replayKeys;
			meta.deliveryId = result.deliveryId;
			meta.signatureVerified = true;
		} else if (!unsignedAllowed) {
			return reject(401, wantsUnsigned ? UNSIGNED_PRODUCTION_REASON : NO_SECRET_REASON);
		} else {
			// The test URL only: unsigned (or, without a secret, unverifiable) deliveries are taken as they come, the
			// event header included (a verified delivery's event comes from its signed body alone).
			meta.deliveryId = headerValue(headers, ID_HEADER) || undefined;
			headerEvent = headerValue(headers, EVENT_HEADER) || undefined;
			if (meta.deliveryId !== undefined) replayKeys = [{ id: meta.deliveryId }];
		}

		if (rawBody === undefined) return reject(400, 'The request has no body');
		let body: unknown;
		try {
			// Cleaned where it arrives: items, logs and file names are all built from it.
			body = redactDeep(JSON.parse(bodyText(rawBody)), secrets);
		} catch (error) {
			return reject(400, `The body is not valid JSON (${(error as Error).message})`);
		}

		let delivery: WebhookDelivery;
		try {
			delivery = normalizeWebhookDelivery(withHeaderEvent(body, headerEvent));
		} catch (error) {
			return reject(400, (error as Error).message);
		}

		// Once per delivery (id, signature) and, for verified deliveries, once per result (task, platform, event):
		// MusicAPI may send one result again under a new id with a fresh signature. An unverified test delivery
		// names any task it likes, so it must not use up the result for the genuine one (and a user re-sending a
		// sample while testing would otherwise see nothing run).
		const keys = hashedReplayKeys(replayKeys);
		if (meta.signatureVerified) keys.push(resultKey(delivery.taskId, platformOf(delivery) ?? delivery.dialect, eventKind(delivery) ?? delivery.event));
		const staticData = this.getWorkflowStaticData('node');
		const seen = loadReplayCache(staticData);
		// Static data is per request (loaded before, saved after the answer); the process guard covers copies in
		// flight. Both are checked and updated without an await in between.
		const guardScope = `${this.getWorkflow().id ?? ''}/${this.getNode().name}`;
		if (seen.checkAndRememberAll(keys) || alreadyAcceptedInProcess(guardScope, keys)) {
			return reply(200, { received: true, duplicate: true });
		}
		if (keys.length) saveReplayCache(staticData, seen);

		// Filtered only after it is remembered: a delivery the filters drop is still used up, so the same bytes
		// cannot come back later (under another id) and be taken for something else.
		const events = this.getNodeParameter('events', []) as string[];
		const platforms = this.getNodeParameter('platforms', []) as string[];
		const ignored = filteredOut(delivery, events, platforms);
		if (ignored) {
			this.logger.debug(redact(`MusicAPI Trigger: delivery for task ${delivery.taskId} ignored: ${ignored}`, secrets));
			return reply(200, { received: true, ignored: true });
		}

		// Acknowledge before any download, so MusicAPI is answered quickly whatever the files weigh.
		reply(200, { received: true });

		const outputMode = this.getNodeParameter('outputMode', 'clip') as OutputMode;
		const built = deliveryItems(delivery, meta, outputMode, options.includeRaw === true);
		if (this.getNodeParameter('downloadAudio', false) as boolean) {
			const binaryProperty = (this.getNodeParameter('binaryProperty', 'data') as string) || 'data';
			// Only a verified delivery's URLs are fetched: an unsigned one could name any address n8n can reach.
			if (meta.signatureVerified) await attachAudio(this, built, binaryProperty);
			else skipAudio(built, UNSIGNED_NO_DOWNLOAD);
		}
		return { noWebhookResponse: true, workflowData: [built.items] };
	}
}

/** n8n keeps the bytes it received as `rawBody` (and reads them on demand); the signature covers exactly those. */
async function readRawBody(req: ReturnType<IWebhookFunctions['getRequestObject']>): Promise<RawBody | undefined> {
	const request = req as unknown as { rawBody?: RawBody; readRawBody?: () => Promise<void> };
	if (request.rawBody === undefined && typeof request.readRawBody === 'function') await request.readRawBody();
	return request.rawBody;
}

function bodyText(rawBody: RawBody): string {
	const text = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** An unsigned test delivery's X-Webhook-Event fills in when its body has no `event` (never used for a verified one). */
function withHeaderEvent(body: unknown, headerEvent: string | undefined): unknown {
	if (!headerEvent || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
	return (body as IDataObject).event === undefined ? { ...(body as IDataObject), event: headerEvent } : body;
}
