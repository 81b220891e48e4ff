/** A format-0 Standard MIDI File: tempo 120 bpm, one bar of a C major arpeggio on channel 1. */
export function tinyMidi(): Buffer {
	const notes = [60, 64, 67, 72];
	const events: number[] = [0x00, 0xff, 0x51, 0x03, 0x07, 0xa1, 0x20]; // tempo: 500000 µs per quarter
	for (const note of notes) {
		events.push(0x00, 0x90, note, 0x64); // note on, velocity 100
		events.push(0x60, 0x80, note, 0x40); // a quarter later (96 ticks): note off
	}
	events.push(0x00, 0xff, 0x2f, 0x00); // end of track
	const header = Buffer.from([0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0, 96]); // MThd, format 0, 1 track, 96 ticks/quarter
	const trackHeader = Buffer.alloc(8);
	trackHeader.write('MTrk', 0, 'ascii');
	trackHeader.writeUInt32BE(events.length, 4);
	return Buffer.concat([header, trackHeader, Buffer.from(events)]);
}

/** The notes above, in the `instruments` shape of the /sonic/midi answer. */
export function midiInstruments(): Array<{ name: string; notes: Array<{ start: number; end: number; pitch: number; velocity: number }> }> {
	return [
		{
			name: 'Acoustic Grand Piano',
			notes: [60, 64, 67, 72].map((pitch, index) => ({ start: index * 0.5, end: index * 0.5 + 0.5, pitch, velocity: 100 })),
		},
	];
}
