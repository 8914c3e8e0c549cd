import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** The first bytes of each kind of image Astro reads (SVG is text: its `<svg` comes later). */
const IMAGE_SIGNATURES: readonly ((head: Buffer) => boolean)[] = [
	(head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
	(head) => head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
	(head) => head.subarray(0, 4).toString('latin1') === 'GIF8',
	(head) => head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP',
	(head) => /^ftyp(avif|avis)$/.test(head.subarray(4, 12).toString('latin1')),
	(head) => /<svg[\s>]/.test(head.toString('utf8')),
];

/** Why Astro could not use the file at `path` as an image (`missing`, `unreadable`), or undefined when it can. */
export function imageFileFault(path: string): 'missing' | 'unreadable' | undefined {
	let head = Buffer.alloc(1024);
	try {
		if (!statSync(path).isFile()) return 'missing';
		const descriptor = openSync(path, 'r');
		try {
			head = head.subarray(0, readSync(descriptor, head, 0, head.length, 0));
		} finally {
			closeSync(descriptor);
		}
	} catch {
		return 'missing';
	}
	return IMAGE_SIGNATURES.some((matches) => matches(head)) ? undefined : 'unreadable';
}
