import { credits } from './credits';
import { sonic } from './sonic';
import type { Operation, ResourceDefinition } from './types';

/** Every resource in the order the Resource dropdown shows them. */
export const RESOURCES: ResourceDefinition[] = [sonic, credits];

export function findOperation(resource: string, operation: string): Operation | undefined {
	return RESOURCES.find((r) => r.value === resource)?.operations.find((op) => op.value === operation);
}
