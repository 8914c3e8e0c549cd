/**
 * Boxes and text for SVG written as text. The locator maps' cache keys hash this file (src/locator-map/cache.ts),
 * so a change here draws every map again.
 */

/** An axis-aligned box, from its top-left corner. */
export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Whether two boxes overlap; touching edges do not. */
export function boxesOverlap(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Text safe in an element or in a double-quoted attribute. */
export const escapeXml = (text: string) =>
	text.replace(/[&<>"]/g, (character) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[character]};`);
