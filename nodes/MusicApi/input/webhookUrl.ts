import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../base/inputError';

/** Host names reserved for documentation (RFC 2606, RFC 6761): no n8n can listen there. */
const PLACEHOLDER_HOST = /(^|\.)(example\.(com|net|org)|example|invalid)$/i;

/**
 * A webhook URL on a documentation host is a placeholder left as it was (the webhook-pair example ships one):
 * MusicAPI would charge for the song and deliver it nowhere. Refused before anything is sent.
 */
export function checkNotPlaceholder(fn: IExecuteFunctions, url: string, itemIndex: number): void {
	let host: string;
	try {
		host = new URL(url).hostname;
	} catch {
		return; // Not a URL at all: MusicAPI's own check answers that, before it charges.
	}
	if (!PLACEHOLDER_HOST.test(host)) return;
	throw inputError(
		fn,
		itemIndex,
		'Send Result to Webhook URL',
		`points at ${host}, a name reserved for examples: no n8n listens there`,
		'Paste the Production URL of your MusicAPI Trigger (open the trigger node: Webhook URLs → Production URL), or clear the field. Nothing was sent to MusicAPI.',
	);
}
