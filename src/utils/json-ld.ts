import type { Thing, WithContext } from 'schema-dts';

/**
 * JSON for a `<script type="application/ld+json">` element. Plain `JSON.stringify` would let a headline containing
 * `</script>` end the element and inject markup; escaping `<`, `>`, `&` and the two JavaScript line separators
 * keeps every value inside it, and JSON parsers read the escapes back as the same characters.
 */
export function serializeJsonLd(data: WithContext<Thing> | WithContext<Thing>[]): string {
	return JSON.stringify(data).replace(
		/[<>&\u2028\u2029]/g,
		(character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}
