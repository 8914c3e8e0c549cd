import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { connectionsGraphic } from '../../src/relations/graphic';
import {
	findOverlaps,
	layoutGraph,
	TEXT,
	textSize,
	textWidth,
	wrapWords,
	type GraphEdge,
	type GraphNode,
} from '../../src/relations/layout';
import { RELATION_KINDS } from '../../src/relations/kinds';
import type { Connection } from '../../src/relations/relations';
import { LINE_STYLES, relationsSvg } from '../../src/relations/svg';
import { boxesOverlap } from '../../src/utils/svg';
import { connection } from '../helpers/connection';

/** A small deterministic generator, so a failing graph can be made again from its seed. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

const NAMES = [
	'Kataib Hezbollah',
	'Abu Hussein al-Hamidawi',
	'US',
	'National Security Council',
	'Iran',
	'Islamic Resistance in Iraq',
	'A',
	'Secretary of Defense of the United States',
];
const WORDS = [
	'part of',
	'works for',
	'leads',
	'allied (2017) → opposed',
	'allied (March 2015–2017) → opposed → allied',
];

/** A random graph of up to 14 actors and 20 relations, with long and short names and labels. */
function randomGraph(seed: number): { nodes: GraphNode[]; edges: GraphEdge[] } {
	const next = random(seed);
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
	const nodes = Array.from({ length: 2 + Math.floor(next() * 13) }, (_, i) => ({ id: `n${i}`, name: pick(NAMES) }));
	const edges = Array.from({ length: Math.floor(next() * 21) }, () => {
		const subject = pick(nodes).id;
		const others = nodes.filter((node) => node.id !== subject);
		return { subject, object: pick(others).id, words: pick(WORDS), objectAbove: next() < 0.5 };
	});
	return { nodes, edges };
}

const seeds = Array.from({ length: 60 }, (_, i) => i + 1);

const actors = [
	{ id: 'group', name: 'Kataib Hezbollah' },
	{ id: 'country', name: 'United States' },
	{ id: 'agency', name: 'National Security Council' },
	{ id: 'spokesman', name: 'John Kirby' },
	{ id: 'patron', name: 'Iran' },
];
const connections: Connection[] = [
	connection('group', 'opposed-to', 'country', [{ kind: 'allied-with', dates: '2017', reportedIn: [] }]),
	connection('agency', 'part-of', 'country'),
	connection('spokesman', 'works-for', 'agency'),
	connection('patron', 'backs', 'group'),
];
const text = { idPrefix: 'relations', title: 'How they are connected', description: 'Four relations.' };

describe('the relations layout', () => {
	test('gives byte-identical output for the same input', () => {
		for (const seed of seeds.slice(0, 10)) {
			const { nodes, edges } = randomGraph(seed);
			expect(JSON.stringify(layoutGraph(nodes, edges))).toBe(JSON.stringify(layoutGraph(nodes, edges)));
		}
		expect(connectionsGraphic(actors, connections, text).svg).toBe(connectionsGraphic(actors, connections, text).svg);
	});

	test.each(seeds)(
		'puts no label over a node or another label, and everything inside the graphic (graph %i)',
		(seed) => {
			const { nodes, edges } = randomGraph(seed);
			const layout = layoutGraph(nodes, edges);
			const boxes = [...layout.nodes.map((node) => node.box), ...layout.edges.map((edge) => edge.label.box)];
			expect(findOverlaps(boxes)).toEqual([]);
			for (const box of boxes) {
				expect(box.x).toBeGreaterThanOrEqual(0);
				expect(box.y).toBeGreaterThanOrEqual(0);
				expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
				expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
			}
		},
	);

	test.each(seeds)('sizes each box for its longest line with WCAG 1.4.12 text spacing (graph %i)', (seed) => {
		const { nodes, edges } = randomGraph(seed);
		const layout = layoutGraph(nodes, edges);
		const fits = ({ lines, box }: { lines: string[]; box: { width: number } }, fontSize: number, padding: number) =>
			box.width - 2 * padding >= Math.max(...lines.map((line) => textWidth(line, fontSize)));
		for (const node of layout.nodes) {
			expect(fits(node, TEXT.nodeFontSize, TEXT.nodePadding), node.lines.join(' ')).toBe(true);
			expect(node.lines.join(' ')).toBe(nodes.find((n) => n.id === node.id)?.name);
		}
		for (const { label } of layout.edges) {
			expect(fits(label, TEXT.labelFontSize, TEXT.labelPadding), label.lines.join(' ')).toBe(true);
		}
	});

	/*
	 * Widths measured in Debian's Chromium, in CSS pixels: each text in an SVG <text> (getBBox), in the site's UI font
	 * stack (there DejaVu Sans, the widest of the usual sans-serif fonts), bold, with the WCAG 1.4.12 overrides
	 * letter-spacing 0.12em and word-spacing 0.16em. Names are drawn at 14 px, labels at 12 px (bold when changed).
	 */
	const MEASURED = [
		{ text: 'Kataib Hezbollah', fontSize: 14, width: 163.3 },
		{ text: 'Abu Hussein', fontSize: 14, width: 119 },
		{ text: 'al-Hamidawi', fontSize: 14, width: 116.3 },
		{ text: 'US Army', fontSize: 14, width: 81.8 },
		{ text: 'WWW MMM', fontSize: 14, width: 107 },
		{ text: 'opposed → allied', fontSize: 12, width: 140 },
		{ text: 'allied (2017) →', fontSize: 12, width: 125.4 },
		{ text: 'works for', fontSize: 12, width: 78.8 },
		{ text: 'National Security', fontSize: 12, width: 143.6 },
		{ text: 'Islamic Resistance', fontSize: 12, width: 153 },
	];

	test.each(MEASURED)('gives “$text” at $fontSize px the $width px it takes with 1.4.12 spacing', (measured) => {
		const node = measured.fontSize === TEXT.nodeFontSize;
		const layout = node
			? layoutGraph([{ id: 'a', name: measured.text }], [])
			: layoutGraph(
					[
						{ id: 'a', name: 'A' },
						{ id: 'b', name: 'B' },
					],
					[{ subject: 'a', object: 'b', words: measured.text, objectAbove: false }],
				);
		const placed = node ? layout.nodes[0]! : layout.edges[0]!.label;
		expect(placed.lines).toEqual([measured.text]);
		const padding = node ? TEXT.nodePadding : TEXT.labelPadding;
		expect(placed.box.width - 2 * padding).toBeGreaterThanOrEqual(measured.width);
	});

	test.each(seeds.slice(0, 20))('leaves a margin of 4 units or more around every box (graph %i)', (seed) => {
		const { nodes, edges } = randomGraph(seed);
		const layout = layoutGraph(nodes, edges);
		for (const box of [...layout.nodes.map((node) => node.box), ...layout.edges.map((edge) => edge.label.box)]) {
			expect(box.x).toBeGreaterThanOrEqual(4);
			expect(box.y).toBeGreaterThanOrEqual(4);
			expect(layout.width - (box.x + box.width)).toBeGreaterThanOrEqual(4);
			expect(layout.height - (box.y + box.height)).toBeGreaterThanOrEqual(4);
		}
	});

	test('runs each line from the subject’s box to the object’s, whichever goes above', () => {
		const nodes = [
			{ id: 'agency', name: 'Agency' },
			{ id: 'country', name: 'Country' },
		];
		const layout = layoutGraph(nodes, [{ subject: 'agency', object: 'country', words: 'part of', objectAbove: true }]);
		const [agency, country] = layout.nodes.map((node) => node.box);
		const points = layout.edges[0]?.points ?? [];
		expect(country!.y + country!.height).toBeLessThanOrEqual(agency!.y);
		expect(points[0]?.y).toBeCloseTo(agency!.y, 0);
		expect(points.at(-1)?.y).toBeCloseTo(country!.y + country!.height, 0);
	});

	test('finds overlapping boxes, and not boxes that only touch', () => {
		const box = { x: 0, y: 0, width: 10, height: 10 };
		expect(boxesOverlap(box, { ...box, x: 9 })).toBe(true);
		expect(boxesOverlap(box, { ...box, x: 10 })).toBe(false);
		expect(findOverlaps([box, { ...box, y: 20 }, { ...box, x: 5, y: 5 }])).toEqual([[0, 2]]);
	});

	test('wraps words to lines of at most the given length, a longer word on a line of its own', () => {
		expect(wrapWords('Islamic Resistance in Iraq', 16)).toEqual(['Islamic', 'Resistance in', 'Iraq']);
		expect(wrapWords('Abu Hussein al-Hamidawi', 16)).toEqual(['Abu Hussein', 'al-Hamidawi']);
		expect(wrapWords('Internationalisation', 5)).toEqual(['Internationalisation']);
		// "a a": two letters of 0.675 em, a space of 0.349 em, each followed by 0.12 em, the space by 0.16 em more.
		expect(textWidth('a a', 100)).toBeCloseTo(67.5 + 34.9 + 67.5 + 3 * 12 + 16, 6);
		expect(textSize(['a a', 'a'], 100, 1)).toEqual({ width: 224, height: 2 * 100 * TEXT.lineHeight + 2 });
	});
});

describe('the relation styles', () => {
	test('tell every kind apart by more than colour: its line width, dashes or line ends', () => {
		const looks = RELATION_KINDS.map((kind) => JSON.stringify(LINE_STYLES[kind]));
		expect(new Set(looks).size).toBe(RELATION_KINDS.length);
	});

	test('are drawn: each line has its kind’s dashes and width, arrowheads one way, both ways for mutual kinds', () => {
		const $ = load(connectionsGraphic(actors, connections, text).svg, { xml: true });
		const lines = $('path.relations__line').toArray();
		expect(lines).toHaveLength(connections.length);
		lines.forEach((line, index) => {
			const kind = connections[index]!.kind;
			const style = LINE_STYLES[kind];
			expect(line.attribs['class']).toContain(`relations__line--${kind}`);
			expect(line.attribs['stroke-width']).toBe(String(style.width));
			expect(line.attribs['stroke-dasharray']).toBe(style.dashes);
			expect(line.attribs['marker-end']).toBe(`url(#relations-end-${kind})`);
			expect(line.attribs['marker-start']).toBe(kind === 'opposed-to' ? `url(#relations-end-${kind})` : undefined);
			expect($(`marker#relations-end-${kind}`)).toHaveLength(1);
		});
		expect(new Set(lines.map((line) => line.attribs['stroke-dasharray'] ?? 'solid')).size).toBeGreaterThan(2);
	});

	test('label every line with its words, a change written as one', () => {
		const $ = load(connectionsGraphic(actors, connections, text).svg, { xml: true });
		const labels = $('.relations__label')
			.toArray()
			.map((label) =>
				$(label)
					.find('text')
					.toArray()
					.map((line) => $(line).text())
					.join(' '),
			);
		expect(labels).toEqual(['allied (2017) → opposed', 'part of', 'works for', 'backs']);
		expect($('.relations__label--changed')).toHaveLength(1);
	});

	test('make an image with a title and a short description, and escape the text', () => {
		const svg = relationsSvg(layoutGraph([{ id: 'a', name: 'A & <B>' }], []), [], {
			...text,
			title: 'Who is “A & B”',
		});
		const $ = load(svg, { xml: true });
		const root = $('svg');
		expect(root.attr('role')).toBe('img');
		expect(root.attr('aria-labelledby')).toBe('relations-title relations-desc');
		expect($('title#relations-title').text()).toBe('Who is “A & B”');
		expect($('desc#relations-desc').text()).toBe('Four relations.');
		expect($('.relations__node text').text()).toBe('A & <B>');
		expect(svg).not.toContain('style=');
	});
});
