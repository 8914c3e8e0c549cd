import type { Thing, WithContext } from 'schema-dts';

const UNSAFE_IN_SCRIPT: Record<string, string> = {
	'<': '\\u003c',
	'>': '\\u003e',
	'&': '\\u0026',
	'\u2028': '\\u2028',
	'\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/ld+json">` element. Plain `JSON.stringify` would let a headline containing
 * `</script>` end the element and inject markup; escaping `<`, `>`, `&` and the two JavaScript line separators
 * keeps every value inside it, and JSON parsers read the escapes back as the same characters.
 */
export function serializeJsonLd(data: WithContext<Thing> | WithContext<Thing>[]): string {
	return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => UNSAFE_IN_SCRIPT[character] ?? character);
}
