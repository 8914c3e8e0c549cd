import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtSiteDir } from '../helpers/built-site';

/** The `/*` block of a Netlify / Cloudflare Pages `_headers` file, as header name → value. */
function headersForAllPaths(text: string): Map<string, string> {
	const block = text.split(/\n(?=\S)/).find((section) => section.startsWith('/*\n')) ?? '';
	return new Map(
		block
			.split('\n')
			.slice(1)
			.map((line) => /^\s+([\w-]+):\s*(.+)$/.exec(line))
			.flatMap((match) => (match ? [[match[1]?.toLowerCase() ?? '', match[2] ?? '']] : [])),
	);
}

describe('the deployed headers file', () => {
	test('sends what a <meta> policy cannot, and the usual hardening headers, for every path', () => {
		const headers = headersForAllPaths(readFileSync(join(builtSiteDir(), '_headers'), 'utf8'));
		expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(headers.get('content-security-policy')).not.toContain('unsafe-inline');
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(headers.get('permissions-policy')).toMatch(/camera=\(\)/);
		expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
	});
});
