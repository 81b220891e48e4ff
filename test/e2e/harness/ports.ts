import * as net from 'node:net';

/**
 * A port the OS just handed out on 127.0.0.1. Another process could take it before n8n binds it; startN8n
 * retries with fresh ports when n8n reports EADDRINUSE.
 */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => (port ? resolve(port) : reject(new Error('no port from the OS'))));
		});
	});
}

/** Several distinct free ports (asked one after another, each still held while the next is asked). */
export async function freePorts(count: number): Promise<number[]> {
	const servers: net.Server[] = [];
	try {
		const ports: number[] = [];
		for (let i = 0; i < count; i++) {
			const server = net.createServer();
			servers.push(server);
			await new Promise<void>((resolve, reject) => {
				server.on('error', reject);
				server.listen(0, '127.0.0.1', () => resolve());
			});
			const address = server.address();
			if (!address || typeof address !== 'object') throw new Error('no port from the OS');
			ports.push(address.port);
		}
		return ports;
	} finally {
		await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
	}
}
