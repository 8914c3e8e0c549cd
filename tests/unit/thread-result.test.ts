import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { threadResult } from '../../src/search/thread-result';

const thread = (code: string) => new Worker(code, { eval: true });

describe('a thread’s answer', () => {
	test('is the first message the thread posts', async () => {
		const result = threadResult<number>(
			thread("const { parentPort } = require('node:worker_threads'); parentPort.postMessage(42);"),
			'answering',
		);
		await expect(result.answer()).resolves.toBe(42);
	});

	test('fails with the thread’s error when it throws', async () => {
		const result = threadResult(thread("throw new Error('no parser here');"), 'failing');
		await expect(result.answer()).rejects.toThrow(/no parser here/);
	});

	test('fails, naming the work, when the thread ends without an answer', async () => {
		const result = threadResult(thread('process.exit(3);'), 'silent');
		await expect(result.answer()).rejects.toThrow(/the silent thread ended \(code 3\) without an answer/);
	});
});
