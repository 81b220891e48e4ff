/**
 * The n8n editor in headless Chromium, for browser tests and `npm run screenshots`. Debian's `chromium` (or
 * CHROMIUM_PATH) driven by playwright-core: no tool downloads a browser of its own. `ensureChromium` installs the
 * Debian package when it is missing (debian.tsx), so a fresh CI machine needs nothing beforehand; the e2e
 * globalSetup calls it before any test timeout starts.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

import { aptInstall, executable } from './debian';
import { OWNER } from './n8n';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1440, height: 900 };
// Without the background-networking flags Chromium keeps calling Google services, which a closed network answers
// with floods of failed connections.
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const APT_TIMEOUT_S = Number(process.env.MUSICAPI_E2E_APT_TIMEOUT ?? 600);

/** Chromium's path; installs Debian's `chromium` when it is missing (root or passwordless sudo). */
export async function ensureChromium(log: (line: string) => void = (line) => void process.stderr.write(`[e2e] ${line}\n`)): Promise<string> {
	if (executable(CHROMIUM_PATH)) return CHROMIUM_PATH;
	if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${CHROMIUM_PATH} is not an executable`);
	await aptInstall({ neededBy: 'browser tests', packages: ['chromium'], timeoutS: APT_TIMEOUT_S, log });
	if (!executable(CHROMIUM_PATH)) throw new Error(`apt-get install chromium finished but ${CHROMIUM_PATH} is not there`);
	return CHROMIUM_PATH;
}

/** A headless Chromium; close it in afterAll (its temporary profile goes with it). */
export async function launchChromium(): Promise<Browser> {
	return await chromium.launch({ executablePath: await ensureChromium(), headless: true, args: CHROMIUM_ARGS });
}

/** A headless Chromium with one page of the editor at `baseUrl`, signed in as the harness's owner. */
export async function openEditor(baseUrl: string): Promise<{ browser: Browser; page: Page }> {
	const browser = await launchChromium();
	const context = await browser.newContext({ viewport: VIEWPORT });
	context.setDefaultTimeout(30_000);
	const page = await context.newPage();
	await signIn(page, baseUrl);
	return { browser, page };
}

/** Signs in as the harness's owner and waits until the editor has left the sign-in form. */
export async function signIn(page: Page, baseUrl: string): Promise<void> {
	// The form is what matters, not every asset's load event (which took over 30 s on a busy 2-core machine).
	await page.goto(`${baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
	await page.fill('#emailOrLdapLoginId', OWNER.email);
	await page.fill('#password', OWNER.password);
	await page.click('[data-test-id="form-submit-button"]');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}
