/**
 * A scripted OpenAI Chat Completions server on 127.0.0.1, so an n8n AI Agent can run offline: the first call
 * (no tool result yet) answers with one call of the first tool offered, every property of its schema filled
 * with `toolInput`; once a tool result is in the conversation it answers with a final message that quotes it.
 * Point an `openAiApi` credential's Base URL at `url` (…/v1). Streaming requests get the same answers as SSE.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
	model: string;
	messages: Array<{ role: string; content?: unknown; tool_calls?: unknown[]; tool_call_id?: string }>;
	tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: { properties?: Record<string, { type?: string }> } } }>;
	stream?: boolean;
}

export interface FakeOpenAi {
	/** Base URL for the credential, ending in /v1. */
	url: string;
	/** Every chat completion request, in order. */
	requests: ChatRequest[];
	stop(): Promise<void>;
}

export async function startFakeOpenAi(toolInput: string): Promise<FakeOpenAi> {
	const requests: ChatRequest[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `not scripted: ${req.method} ${req.url}` } }));
				return;
			}
			const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
			requests.push(body);
			const toolResult = body.messages.find((m) => m.role === 'tool');
			const tool = body.tools?.[0]?.function;
			const message = toolResult || !tool
				? { role: 'assistant', content: `Done. The tool answered: ${String(toolResult?.content ?? 'nothing')}` }
				: {
						role: 'assistant',
						content: null,
						tool_calls: [
							{
								id: `call_${requests.length}`,
								type: 'function',
								function: { name: tool.name, arguments: JSON.stringify(Object.fromEntries(Object.keys(tool.parameters?.properties ?? {}).map((key) => [key, toolInput]))) },
							},
						],
					};
			const finish = message.tool_calls ? 'tool_calls' : 'stop';
			const base = { id: `chatcmpl-${requests.length}`, created: Math.floor(Date.now() / 1000), model: body.model };
			if (body.stream) {
				res.writeHead(200, { 'content-type': 'text/event-stream' });
				const delta = message.tool_calls ? { role: 'assistant', tool_calls: message.tool_calls.map((c, index) => ({ index, ...c })) } : { role: 'assistant', content: message.content };
				res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`);
				res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: finish }] })}\n\n`);
				res.end('data: [DONE]\n\n');
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: finish }], usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 } }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		stop: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
