import { describe, expect, test } from 'vitest';
import { clipLine, clipRing, pathData, ringArea, ringsBounds, ringsContain } from '../../src/locator-map/clip';

/** A square ring, x0 y0 to x1 y1. */
const square = (x0: number, y0: number, x1: number, y1: number) => [x0, y0, x1, y0, x1, y1, x0, y1];

describe('clipping outlines to the frame', () => {
	test('keeps a ring inside the frame as it is, and leaves out one that misses it', () => {
		const inside = square(10, 10, 20, 20);
		expect(clipRing(inside, 100, 50)).toBe(inside);
		expect(clipRing(square(110, 10, 120, 20), 100, 50)).toEqual([]);
	});

	test('cuts a ring across the frame to the part inside it', () => {
		const clipped = clipRing(square(-10, 40, 30, 70), 100, 50);
		expect(Math.abs(ringArea(clipped))).toBeCloseTo(30 * 10);
		const [[x0, y0], [x1, y1]] = ringsBounds([clipped]) ?? [[], []];
		expect([x0, y0, x1, y1]).toEqual([0, 40, 30, 50]);
	});

	test('turns a ring around the frame into the frame, in the ring’s direction', () => {
		const around = square(-10, -10, 110, 60);
		const clipped = clipRing(around, 100, 50);
		expect(ringArea(clipped)).toBeCloseTo(100 * 50);
		expect(Math.sign(ringArea(clipped))).toBe(Math.sign(ringArea(around)));
		const reversed = square(-10, 60, 110, -10);
		expect(Math.sign(ringArea(reversed))).toBe(-Math.sign(ringArea(around)));
		expect(ringArea(clipRing(reversed, 100, 50))).toBeCloseTo(-ringArea(clipped));
	});

	test('cuts a line into the pieces inside the frame', () => {
		expect(clipLine([-10, 10, 50, 10, 50, 70, 80, 10, 120, 10], 100, 50)).toEqual([
			[0, 10, 50, 10, 50, 50],
			[60, 50, 80, 10, 100, 10],
		]);
		expect(clipLine([-10, -10, -5, 60], 100, 50)).toEqual([]);
	});

	test('tells which points are inside rings, a hole’s points outside', () => {
		const rings = [square(0, 0, 10, 10), square(4, 4, 6, 6)];
		expect(ringsContain(rings, [2, 2])).toBe(true);
		expect(ringsContain(rings, [5, 5])).toBe(false);
		expect(ringsContain(rings, [12, 5])).toBe(false);
	});
});

describe('path data', () => {
	test('writes tenths as d3’s geoPath().digits(1) does, closing rings with Z', () => {
		expect(pathData([[1.25, 2, 10.04, -0.04, 3.96, -7.55]], true)).toBe('M1.3,2L10,0L4,-7.5Z');
	});

	test('leaves out a point that rounds to the one before it, and a ring that rounds to less than a triangle', () => {
		expect(pathData([[0, 0, 0.01, 0.02, 5, 0, 5, 5, 0, 0]], true)).toBe('M0,0L5,0L5,5Z');
		expect(pathData([[0, 0, 5, 0, 5.01, 0]], true)).toBe('');
	});

	test('carries a line on from the one before it when it starts where that one ended', () => {
		expect(
			pathData(
				[
					[0, 0, 5, 5],
					[5, 5, 9, 1],
					[2, 2, 3, 3],
				],
				false,
			),
		).toBe('M0,0L5,5L9,1M2,2L3,3');
	});
});
