import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ranAsCommand } from '../../src/cli/ran-as-command';

const script = '/project/src/cli/new-entry.ts';
const url = pathToFileURL(script).href;

describe('ranAsCommand', () => {
	test('trusts import.meta.main where Node gives it', () => {
		expect(ranAsCommand({ main: true, url }, '/elsewhere/vitest.mjs')).toBe(true);
		expect(ranAsCommand({ main: false, url }, script)).toBe(false);
	});

	test('on a Node without import.meta.main, compares the script Node started with the module', () => {
		expect(ranAsCommand({ url }, script)).toBe(true);
		expect(ranAsCommand({ url }, '/project/node_modules/vitest/vitest.mjs')).toBe(false);
		expect(ranAsCommand({ url }, undefined)).toBe(false);
	});
});
