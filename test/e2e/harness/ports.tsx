import * as net from 'node:net';

/**
 * Distinct ports the OS just handed out on 127.0.0.1 (each held open while the next is asked, so they
 * differ). Another process could still take one before n8n binds it: startN8n then retries on new ports.
 */
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
		await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
	}
}

export async function freePort(): Promise<number> {
	return (await freePorts(1))[0];
}
