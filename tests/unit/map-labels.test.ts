import { describe, expect, test } from 'vitest';
import { isFree, labelSize, overlaps, placeLabels, type LabelRequest } from '../../src/locator-map/labels';

const bounds = { x: 0, y: 0, width: 300, height: 200 };
const request = (key: string, x: number, y: number, text = key): LabelRequest => ({ key, text, x, y, gap: 4 });

describe('placeLabels', () => {
	test('puts a lone label to the right of its point, its box beside the point', () => {
		const { placed, unplaced } = placeLabels([request('Baghdad', 100, 100)], { fontSize: 12, bounds });
		expect(unplaced).toEqual([]);
		const [label] = placed;
		expect(label?.anchor).toBe('start');
		expect(label?.box.x).toBeGreaterThan(100);
		expect(label?.box.y).toBeLessThan(100);
		expect((label?.box.y ?? 0) + (label?.box.height ?? 0)).toBeGreaterThan(100);
	});

	test('moves a label to the left when the right would leave the map', () => {
		const { placed } = placeLabels([request('Tehran', 290, 100)], { fontSize: 12, bounds });
		expect(placed[0]?.anchor).toBe('end');
		expect(placed[0]?.box.x).toBeGreaterThanOrEqual(0);
	});

	test('never lets two labels overlap, however crowded the points', () => {
		const crowd = Array.from({ length: 12 }, (_, index) =>
			request(`Town ${index}`, 140 + (index % 4) * 6, 90 + index * 3),
		);
		const { placed, unplaced } = placeLabels(crowd, { fontSize: 12, bounds });
		expect(placed.length + unplaced.length).toBe(12);
		expect(placed.length).toBeGreaterThan(4);
		for (const a of placed) {
			for (const b of placed) if (a !== b) expect(overlaps(a.box, b.box), `${a.key} / ${b.key}`).toBe(false);
			expect(a.box.x >= 0 && a.box.y >= 0 && a.box.x + a.box.width <= 300 && a.box.y + a.box.height <= 200).toBe(true);
		}
	});

	test('keeps labels off obstacles such as the inset', () => {
		const inset = { x: 106, y: 80, width: 100, height: 40 };
		const { placed } = placeLabels([request('Baghdad', 100, 100)], { fontSize: 12, bounds, obstacles: [inset] });
		expect(placed[0]?.anchor).toBe('end');
		expect(overlaps(placed[0]?.box ?? inset, inset)).toBe(false);
	});

	test('gives the first request the first choice when two want the same spot', () => {
		const { placed } = placeLabels([request('First', 100, 100), request('Second', 100, 106)], { fontSize: 12, bounds });
		expect(placed.map((label) => [label.key, label.anchor])).toEqual([
			['First', 'start'],
			['Second', 'end'],
		]);
	});

	test('reports a label with nowhere to go instead of drawing it over another', () => {
		const tiny = { x: 0, y: 0, width: 60, height: 20 };
		const { placed, unplaced } = placeLabels([request('A long name', 30, 10)], { fontSize: 12, bounds: tiny });
		expect(placed).toEqual([]);
		expect(unplaced.map((label) => label.key)).toEqual(['A long name']);
	});
});

describe('labelSize', () => {
	test('grows with the text and the font size', () => {
		expect(labelSize('Baghdad', 12).width).toBeGreaterThan(labelSize('Gaza', 12).width);
		expect(labelSize('Gaza', 16).height).toBeGreaterThan(labelSize('Gaza', 12).height);
	});
});

describe('isFree', () => {
	test('needs a box inside the bounds that covers no taken box', () => {
		const box = { x: 10, y: 10, width: 40, height: 12 };
		expect(isFree(box, bounds, [])).toBe(true);
		expect(isFree({ ...box, x: 280 }, bounds, [])).toBe(false);
		expect(isFree(box, bounds, [{ x: 45, y: 20, width: 10, height: 10 }])).toBe(false);
		expect(isFree(box, bounds, [{ x: 50, y: 10, width: 10, height: 10 }])).toBe(true);
	});
});
