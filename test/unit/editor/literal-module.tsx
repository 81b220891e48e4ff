import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

import type { ICredentialType, INodeTypeDescription } from 'n8n-workflow';

/**
 * Turns a description built by code back into the literal TypeScript n8n's lint rules can read. The rules only
 * see properties whose key is a plain identifier and whose value is a literal, so keys are written unquoted
 * where TypeScript allows it, and connection types go back to `NodeConnectionTypes.*` as in the source.
 */
export function literal(value: unknown, indent = ''): string {
	const inner = `${indent}\t`;
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		return `[\n${value.map((v) => `${inner}${literal(v, inner)},`).join('\n')}\n${indent}]`;
	}
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value).filter(([, v]) => v !== undefined);
		if (entries.length === 0) return '{}';
		const body = entries.map(([key, v]) => `${inner}${propertyKey(key)}: ${valueOf(key, v, inner)},`);
		return `{\n${body.join('\n')}\n${indent}}`;
	}
	if (typeof value === 'function') throw new Error('a description holds a function: it cannot be written out');
	return JSON.stringify(value);
}

function propertyKey(key: string): string {
	return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

function valueOf(key: string, value: unknown, indent: string): string {
	if ((key === 'inputs' || key === 'outputs') && Array.isArray(value)) {
		return `[${value.map((v) => (v === 'main' ? 'NodeConnectionTypes.Main' : literal(v, indent))).join(', ')}]`;
	}
	return literal(value, indent);
}

export function nodeModule(className: string, description: INodeTypeDescription): string {
	return [
		"import type { INodeType, INodeTypeDescription } from 'n8n-workflow';",
		"import { NodeConnectionTypes } from 'n8n-workflow';",
		'',
		`export class ${className} implements INodeType {`,
		`\tdescription: INodeTypeDescription = ${literal(description, '\t')};`,
		'}',
		'',
	].join('\n');
}

/** The credential's class fields, each as a class property (n8n's cred-class-field rules read them so). */
export function credentialModule(className: string, credential: ICredentialType): string {
	const fields = Object.entries(credential)
		.filter(([, v]) => v !== undefined && typeof v !== 'function')
		.map(([key, v]) => `\t${key} = ${literal(v, '\t')};`);
	return [
		"import type { ICredentialType } from 'n8n-workflow';",
		'',
		`export class ${className} implements ICredentialType {`,
		fields.join('\n\n'),
		'}',
		'',
	].join('\n');
}

/**
 * Writes the modules into a scratch copy of the package layout (nodes/<Dir>/<Name>.node.ts,
 * credentials/<Name>.credentials.ts, icons/, package.json), so the rules that check file names, directories and
 * icon paths judge them as they would the real files. Returns the scratch root; the caller removes it.
 */
export function writeScratchPackage(root: string, files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'musicapi-description-lint-'));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	cpSync(join(root, 'icons'), join(dir, 'icons'), { recursive: true });
	cpSync(join(root, 'package.json'), join(dir, 'package.json'));
	return dir;
}
