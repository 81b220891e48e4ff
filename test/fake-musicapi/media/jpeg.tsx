/**
 * An 8×8 grey baseline JPEG built by hand: one component, a flat quantisation table and two one-symbol
 * Huffman tables, so the single block is "DC difference 0, end of block" — two zero bits.
 */
function segment(marker: number, payload: number[]): number[] {
	const length = payload.length + 2;
	return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

export function tinyJpeg(): Buffer {
	const oneSymbolTable = (tableClass: number): number[] => [tableClass, 1, ...new Array<number>(15).fill(0), 0x00];
	return Buffer.from([
		0xff, 0xd8, // SOI
		...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // APP0 "JFIF", v1.1, 1:1, no thumbnail
		...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]), // DQT 0: all ones
		...segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]), // SOF0: 8-bit, 8×8, one component, table 0
		...segment(0xc4, oneSymbolTable(0x00)), // DHT DC 0: code "0" → category 0
		...segment(0xc4, oneSymbolTable(0x10)), // DHT AC 0: code "0" → end of block
		...segment(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS
		0x3f, // "0" (DC) "0" (EOB), padded with ones
		0xff, 0xd9, // EOI
	]);
}
