import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Raised for bad input before any request leaves; names the field, the limit and the item. */
export function inputError(ctx: IExecuteFunctions, itemIndex: number, field: string, problem: string, remedy?: string) {
	return new NodeOperationError(ctx.getNode(), `[item ${itemIndex}] ${field}: ${problem}`, {
		itemIndex,
		description:
			remedy ?? `Fix "${field}" on input item ${itemIndex} and run again. Nothing was sent to MusicAPI for this item.`,
	});
}
