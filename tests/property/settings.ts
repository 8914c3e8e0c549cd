/**
 * How many cases the property tests try, and from which seed: a few hundred checks and one build in `npm test`, as
 * many as asked on demand (`PROPERTY_RUNS=5000 npm run test:property`, see docs/testing.md). A failure prints its
 * seed; `PROPERTY_SEED=<seed>` replays it.
 */
const number = (name: string, fallback: number): number => {
	const value = process.env[name];
	if (value === undefined || value === '') return fallback;
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name}=${value}: give a whole number`);
	return parsed;
};

export const PROPERTY_SEED = number('PROPERTY_SEED', 19_019);

/** Cases of the checks' property (property A). */
export const PROPERTY_RUNS = number('PROPERTY_RUNS', 300);

/** Builds of the build's property (property B), each of `PROPERTY_BATCH` candidate mutations. */
export const PROPERTY_BUILDS = number('PROPERTY_BUILDS', 1);
export const PROPERTY_BATCH = number('PROPERTY_BATCH', 40);

/**
 * How long one run of the checks over the small base content may take before it counts as hung: they take well
 * under a second, so this is room for a machine busy with other builds, not for a slow check.
 */
export const CHECK_TIMEOUT_MS = number('PROPERTY_CHECK_TIMEOUT_MS', 10_000);
