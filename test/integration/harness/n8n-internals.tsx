import { createRequire } from 'node:module';

/*
 * n8n-core looks its services up in the @n8n/di Container and asks it for the
 * @n8n/backend-common Logger. The harness must register its stand-ins in that very
 * container, so it loads both packages the way n8n-core itself resolves them (from
 * n8n-core's own location) instead of trusting that npm hoisted a single copy next to
 * us. They are n8n-core's dependencies, not this package's: no devDependency needed.
 */
const requireFromCore = createRequire(require.resolve('n8n-core'));

type Di = typeof import('@n8n/di');
type BackendCommon = typeof import('@n8n/backend-common');

export const Container: Di['Container'] = (requireFromCore('@n8n/di') as Di).Container;

export const N8nLogger: BackendCommon['Logger'] = (
	requireFromCore('@n8n/backend-common') as BackendCommon
).Logger;
