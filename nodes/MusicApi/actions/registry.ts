import { credits } from './credits';
import { nuro } from './nuro';
import { producer } from './producer';
import { riffusion } from './riffusion';
import { sonic } from './sonic';
import { studio } from './studio';
import { suno } from './suno';
import type { Operation, ResourceDefinition } from '../base/operation';

/**
 * Every resource in the order the Resource dropdown shows them: the current ones alphabetically, then the legacy,
 * deprecated or unavailable ones ("(Legacy)", kept for saved workflows, out of the node picker).
 */
export const RESOURCES: ResourceDefinition[] = [credits, producer, sonic, nuro, riffusion, studio, suno];

export function findOperation(resource: string, operation: string): Operation | undefined {
	return RESOURCES.find((r) => r.value === resource)?.operations.find((op) => op.value === operation);
}
