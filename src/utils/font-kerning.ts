/**
 * Pair kerning read from a font's GPOS table: how far to move a glyph towards the one before it ("AV", "To").
 * The share card lays its text out itself (share-image-text.ts) and the font library it uses reads outlines and
 * advances but not GPOS. Only what Latin headlines need is read: pair adjustments (lookup type 2, directly or
 * through an extension lookup, type 9) of the `kern` feature, their horizontal advance. Contextual kerning and
 * vertical or placement adjustments are left out.
 */
import { inflateSync } from 'node:zlib';

/** The kerning of a glyph pair in font units (negative pulls the second glyph closer), by glyph ids. */
export type PairKerning = (left: number, right: number) => number;

const NO_KERNING: PairKerning = () => 0;

/** A table's bytes from a TrueType/OpenType file or its WOFF wrapper; undefined when the font has no such table. */
export function fontTable(font: Uint8Array, tag: string): Buffer | undefined {
	const data = Buffer.from(font.buffer, font.byteOffset, font.byteLength);
	const isWoff = data.toString('latin1', 0, 4) === 'wOFF';
	const count = data.readUInt16BE(isWoff ? 12 : 4);
	const recordSize = isWoff ? 20 : 16;
	for (let index = 0, record = isWoff ? 44 : 12; index < count; index++, record += recordSize) {
		if (data.toString('latin1', record, record + 4) !== tag) continue;
		if (!isWoff)
			return data.subarray(
				data.readUInt32BE(record + 8),
				data.readUInt32BE(record + 8) + data.readUInt32BE(record + 12),
			);
		const offset = data.readUInt32BE(record + 4);
		const stored = data.readUInt32BE(record + 8);
		const length = data.readUInt32BE(record + 12);
		const bytes = data.subarray(offset, offset + stored);
		return stored < length ? inflateSync(bytes) : bytes;
	}
	return undefined;
}

/** The index a glyph has in a coverage table, or -1 when the table does not cover it. */
function coverageIndex(table: Buffer, at: number, glyph: number): number {
	const format = table.readUInt16BE(at);
	const count = table.readUInt16BE(at + 2);
	let low = 0;
	let high = count - 1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (format === 1) {
			const id = table.readUInt16BE(at + 4 + middle * 2);
			if (id === glyph) return middle;
			if (id < glyph) low = middle + 1;
			else high = middle - 1;
		} else {
			const range = at + 4 + middle * 6;
			if (glyph < table.readUInt16BE(range)) high = middle - 1;
			else if (glyph > table.readUInt16BE(range + 2)) low = middle + 1;
			else return table.readUInt16BE(range + 4) + glyph - table.readUInt16BE(range);
		}
	}
	return -1;
}

/** The class a class definition table gives a glyph (0 when it names none). */
function glyphClass(table: Buffer, at: number, glyph: number): number {
	if (table.readUInt16BE(at) === 1) {
		const first = table.readUInt16BE(at + 2);
		const index = glyph - first;
		return index >= 0 && index < table.readUInt16BE(at + 4) ? table.readUInt16BE(at + 6 + index * 2) : 0;
	}
	let low = 0;
	let high = table.readUInt16BE(at + 2) - 1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		const range = at + 4 + middle * 6;
		if (glyph < table.readUInt16BE(range)) high = middle - 1;
		else if (glyph > table.readUInt16BE(range + 2)) low = middle + 1;
		else return table.readUInt16BE(range + 4);
	}
	return 0;
}

/** The size in bytes of a value record of this format: two bytes for each field the format's bits name. */
const valueRecordSize = (format: number) => {
	let size = 0;
	for (let bits = format & 0xff; bits; bits >>= 1) size += (bits & 1) * 2;
	return size;
};

/** Where a value record's horizontal advance sits in it, or -1 when its format has none. */
const xAdvanceAt = (format: number) => (format & 4 ? valueRecordSize(format & 3) : -1);

/**
 * One pair adjustment subtable as a function: the advance it adds to the first glyph of a pair, or undefined when
 * it does not cover the pair, so the next subtable is tried (as in HarfBuzz: a format 2 subtable that covers the
 * first glyph answers for every second glyph).
 */
function pairSubtable(table: Buffer, at: number): ((left: number, right: number) => number | undefined) | undefined {
	const format = table.readUInt16BE(at);
	const coverage = at + table.readUInt16BE(at + 2);
	const firstFormat = table.readUInt16BE(at + 4);
	const secondFormat = table.readUInt16BE(at + 6);
	const pairSize = valueRecordSize(firstFormat) + valueRecordSize(secondFormat);
	const advanceAt = xAdvanceAt(firstFormat);
	if (format === 1) {
		return (left, right) => {
			const index = coverageIndex(table, coverage, left);
			if (index < 0) return undefined;
			const set = at + table.readUInt16BE(at + 10 + index * 2);
			const recordSize = 2 + pairSize;
			let low = 0;
			let high = table.readUInt16BE(set) - 1;
			while (low <= high) {
				const middle = (low + high) >> 1;
				const record = set + 2 + middle * recordSize;
				const second = table.readUInt16BE(record);
				if (second === right) return advanceAt < 0 ? 0 : table.readInt16BE(record + 2 + advanceAt);
				if (second < right) low = middle + 1;
				else high = middle - 1;
			}
			return undefined;
		};
	}
	if (format === 2) {
		const firstClasses = at + table.readUInt16BE(at + 8);
		const secondClasses = at + table.readUInt16BE(at + 10);
		const secondCount = table.readUInt16BE(at + 14);
		return (left, right) => {
			if (coverageIndex(table, coverage, left) < 0) return undefined;
			if (advanceAt < 0) return 0;
			const row = glyphClass(table, firstClasses, left) * secondCount + glyphClass(table, secondClasses, right);
			return table.readInt16BE(at + 16 + row * pairSize + advanceAt);
		};
	}
	return undefined;
}

/**
 * The lookups of `feature` for Latin text, by index: the features the `latn` script's default language system
 * lists (the default script's when the font has no `latn`), as a shaper picks them for Latin text.
 */
function featureLookups(gpos: Buffer, feature: string): Set<number> {
	const scripts = gpos.readUInt16BE(4);
	const scriptOffsets = new Map<string, number>();
	for (let index = 0; index < gpos.readUInt16BE(scripts); index++) {
		const record = scripts + 2 + index * 6;
		scriptOffsets.set(gpos.toString('latin1', record, record + 4), scripts + gpos.readUInt16BE(record + 4));
	}
	const script = scriptOffsets.get('latn') ?? scriptOffsets.get('DFLT');
	const lookups = new Set<number>();
	if (script === undefined || gpos.readUInt16BE(script) === 0) return lookups;
	const languageSystem = script + gpos.readUInt16BE(script);
	const features = gpos.readUInt16BE(6);
	for (let index = 0; index < gpos.readUInt16BE(languageSystem + 4); index++) {
		const record = features + 2 + gpos.readUInt16BE(languageSystem + 6 + index * 2) * 6;
		if (gpos.toString('latin1', record, record + 4) !== feature) continue;
		const table = features + gpos.readUInt16BE(record + 4);
		for (let lookup = 0; lookup < gpos.readUInt16BE(table + 2); lookup++)
			lookups.add(gpos.readUInt16BE(table + 4 + lookup * 2));
	}
	return lookups;
}

/**
 * The font's pair kerning (its `kern` feature's pair adjustments), for a TrueType/OpenType or WOFF file. A font
 * without a GPOS table kerns nothing. Each lookup adds its adjustment, in lookup order, as a shaper applies them.
 */
export function readPairKerning(font: Uint8Array): PairKerning {
	const gpos = fontTable(font, 'GPOS');
	if (!gpos) return NO_KERNING;
	const lookupList = gpos.readUInt16BE(8);
	const lookups = [...featureLookups(gpos, 'kern')].sort((a, b) => a - b);
	const subtablesByLookup = lookups.map((index) => {
		const lookup = lookupList + gpos.readUInt16BE(lookupList + 2 + index * 2);
		const type = gpos.readUInt16BE(lookup);
		const subtables = [];
		for (let sub = 0; sub < gpos.readUInt16BE(lookup + 4); sub++) {
			let at = lookup + gpos.readUInt16BE(lookup + 6 + sub * 2);
			let subtableType = type;
			if (type === 9) {
				subtableType = gpos.readUInt16BE(at + 2);
				at += gpos.readUInt32BE(at + 4);
			}
			const subtable = subtableType === 2 ? pairSubtable(gpos, at) : undefined;
			if (subtable) subtables.push(subtable);
		}
		return subtables;
	});
	const known = new Map<number, number>();
	return (left, right) => {
		const key = left * 65536 + right;
		let kerning = known.get(key);
		if (kerning === undefined) {
			kerning = 0;
			for (const subtables of subtablesByLookup) {
				for (const subtable of subtables) {
					const value = subtable(left, right);
					if (value !== undefined) {
						kerning += value;
						break;
					}
				}
			}
			known.set(key, kerning);
		}
		return kerning;
	};
}
