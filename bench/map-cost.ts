/**
 * What a locator map costs to draw when nothing is cached: `npx tsx bench/map-cost.ts [--runs 3] [--json]`.
 *
 * Each run is a fresh Node process that draws, without the disk cache, the maps of the explainers in content/ and
 * of 50 generated plans of 2 to 6 places in varied regions of the world, in an order of its own. A "map" is both
 * layouts (narrow and wide), as a build draws them. The first map a process draws also loads and prepares the
 * atlas, so it is reported apart; the median, p90 and maximum are over every other map of every run.
 * `--child <seed> [--out <dir>]` is one run alone, printing its times as JSON (and writing the SVGs to the folder).
 * `--module <file>` draws with another copy of the drawing module (locator-map.ts), e.g. an earlier version written
 * out with `git show` into .tmp/; `--compare <file>` also draws with that one, alternating runs of the two so that
 * both meet the same load on a shared machine. `--json` prints the figures as JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { PlaceSchema } from '../src/schemas/place.ts';
import type { MapPlace as Place } from '../src/locator-map/locator-map.ts';
import { createRandom } from './build-scale/generate.ts';

type Kind = 'country' | 'territory' | 'city' | 'town' | 'site';

/** [name, kind, Natural Earth country, longitude, latitude]; a country's point is inside it, where its name goes. */
type Entry = [string, Kind, string, number, number];

/** Places by region, enough to make plans of up to six places in each. */
const REGIONS: Record<string, Entry[]> = {
	levant: [
		['Baghdad', 'city', 'Iraq', 44.37, 33.31],
		['Mosul', 'city', 'Iraq', 43.13, 36.34],
		['Basra', 'city', 'Iraq', 47.78, 30.51],
		['Damascus', 'city', 'Syria', 36.29, 33.51],
		['Aleppo', 'city', 'Syria', 37.16, 36.2],
		['Beirut', 'city', 'Lebanon', 35.5, 33.89],
		['Amman', 'city', 'Jordan', 35.93, 31.95],
		['Iraq', 'country', 'Iraq', 42.6, 31.9],
		['Syria', 'country', 'Syria', 38.5, 35.0],
		['Jordan', 'country', 'Jordan', 36.9, 31.3],
		['Lebanon', 'country', 'Lebanon', 35.85, 33.9],
		['Gaza Strip', 'territory', 'Palestine', 34.38, 31.42],
	],
	gulf: [
		['Sanaa', 'city', 'Yemen', 44.21, 15.35],
		['Aden', 'city', 'Yemen', 45.03, 12.79],
		['Riyadh', 'city', 'Saudi Arabia', 46.72, 24.69],
		['Muscat', 'city', 'Oman', 58.41, 23.59],
		['Doha', 'city', 'Qatar', 51.53, 25.29],
		['Dubai', 'city', 'United Arab Emirates', 55.27, 25.2],
		['Yemen', 'country', 'Yemen', 47.6, 15.6],
		['Oman', 'country', 'Oman', 57.0, 21.0],
		['Saudi Arabia', 'country', 'Saudi Arabia', 45.0, 24.0],
		['Iran', 'country', 'Iran', 54.0, 32.5],
	],
	westernEurope: [
		['Paris', 'city', 'France', 2.35, 48.86],
		['Lyon', 'city', 'France', 4.83, 45.76],
		['Brussels', 'city', 'Belgium', 4.35, 50.85],
		['Amsterdam', 'city', 'Netherlands', 4.9, 52.37],
		['Berlin', 'city', 'Germany', 13.4, 52.52],
		['Munich', 'city', 'Germany', 11.58, 48.14],
		['Madrid', 'city', 'Spain', -3.7, 40.42],
		['London', 'city', 'United Kingdom', -0.13, 51.5],
		['France', 'country', 'France', 2.5, 46.8],
		['Germany', 'country', 'Germany', 10.4, 51.1],
		['Belgium', 'country', 'Belgium', 4.6, 50.6],
		['Switzerland', 'country', 'Switzerland', 8.2, 46.8],
	],
	easternEurope: [
		['Kyiv', 'city', 'Ukraine', 30.52, 50.45],
		['Kharkiv', 'city', 'Ukraine', 36.23, 49.99],
		['Odesa', 'city', 'Ukraine', 30.73, 46.48],
		['Moscow', 'city', 'Russia', 37.62, 55.76],
		['Minsk', 'city', 'Belarus', 27.56, 53.9],
		['Warsaw', 'city', 'Poland', 21.01, 52.23],
		['Ukraine', 'country', 'Ukraine', 31.2, 49.0],
		['Poland', 'country', 'Poland', 19.4, 52.1],
		['Belarus', 'country', 'Belarus', 28.0, 53.5],
		['Moldova', 'country', 'Moldova', 28.5, 47.2],
		['Russia', 'country', 'Russia', 40.0, 55.0],
	],
	hornOfAfrica: [
		['Addis Ababa', 'city', 'Ethiopia', 38.75, 9.03],
		['Mogadishu', 'city', 'Somalia', 45.32, 2.05],
		['Nairobi', 'city', 'Kenya', 36.82, -1.29],
		['Khartoum', 'city', 'Sudan', 32.53, 15.5],
		['Asmara', 'city', 'Eritrea', 38.93, 15.32],
		['Juba', 'city', 'S. Sudan', 31.58, 4.86],
		['Ethiopia', 'country', 'Ethiopia', 39.5, 8.6],
		['Somalia', 'country', 'Somalia', 45.5, 4.5],
		['Kenya', 'country', 'Kenya', 37.9, 0.5],
		['Sudan', 'country', 'Sudan', 30.0, 15.5],
		['South Sudan', 'country', 'S. Sudan', 30.5, 7.5],
	],
	sahel: [
		['Bamako', 'city', 'Mali', -8.0, 12.64],
		['Niamey', 'city', 'Niger', 2.11, 13.51],
		['Ouagadougou', 'city', 'Burkina Faso', -1.52, 12.37],
		['Lagos', 'city', 'Nigeria', 3.38, 6.52],
		['Abuja', 'city', 'Nigeria', 7.49, 9.06],
		['Accra', 'city', 'Ghana', -0.19, 5.6],
		['Mali', 'country', 'Mali', -3.5, 17.0],
		['Niger', 'country', 'Niger', 9.0, 17.0],
		['Burkina Faso', 'country', 'Burkina Faso', -1.6, 12.3],
		['Nigeria', 'country', 'Nigeria', 8.0, 9.5],
	],
	southAsia: [
		['New Delhi', 'city', 'India', 77.21, 28.61],
		['Mumbai', 'city', 'India', 72.88, 19.08],
		['Islamabad', 'city', 'Pakistan', 73.05, 33.68],
		['Karachi', 'city', 'Pakistan', 67.01, 24.86],
		['Kabul', 'city', 'Afghanistan', 69.17, 34.53],
		['Dhaka', 'city', 'Bangladesh', 90.41, 23.81],
		['Kathmandu', 'city', 'Nepal', 85.32, 27.72],
		['Pakistan', 'country', 'Pakistan', 69.5, 29.5],
		['Afghanistan', 'country', 'Afghanistan', 66.0, 33.9],
		['Nepal', 'country', 'Nepal', 84.0, 28.3],
	],
	eastAsia: [
		['Beijing', 'city', 'China', 116.4, 39.9],
		['Shanghai', 'city', 'China', 121.47, 31.23],
		['Seoul', 'city', 'South Korea', 126.98, 37.57],
		['Pyongyang', 'city', 'North Korea', 125.75, 39.02],
		['Tokyo', 'city', 'Japan', 139.69, 35.69],
		['Taipei', 'city', 'Taiwan', 121.56, 25.03],
		['South Korea', 'country', 'South Korea', 127.9, 36.4],
		['North Korea', 'country', 'North Korea', 127.0, 40.2],
		['Japan', 'country', 'Japan', 138.5, 36.3],
		['Taiwan', 'country', 'Taiwan', 121.0, 23.7],
	],
	southeastAsia: [
		['Bangkok', 'city', 'Thailand', 100.5, 13.76],
		['Yangon', 'city', 'Myanmar', 96.2, 16.87],
		['Hanoi', 'city', 'Vietnam', 105.85, 21.03],
		['Manila', 'city', 'Philippines', 120.98, 14.6],
		['Phnom Penh', 'city', 'Cambodia', 104.92, 11.56],
		['Kuala Lumpur', 'city', 'Malaysia', 101.69, 3.14],
		['Myanmar', 'country', 'Myanmar', 96.0, 21.0],
		['Thailand', 'country', 'Thailand', 101.0, 15.5],
		['Cambodia', 'country', 'Cambodia', 105.0, 12.7],
		['Laos', 'country', 'Laos', 102.5, 19.5],
	],
	andes: [
		['Caracas', 'city', 'Venezuela', -66.9, 10.49],
		['Bogotá', 'city', 'Colombia', -74.07, 4.71],
		['Quito', 'city', 'Ecuador', -78.47, -0.18],
		['Lima', 'city', 'Peru', -77.04, -12.05],
		['La Paz', 'city', 'Bolivia', -68.15, -16.5],
		['Venezuela', 'country', 'Venezuela', -66.0, 7.0],
		['Colombia', 'country', 'Colombia', -73.0, 4.0],
		['Peru', 'country', 'Peru', -75.0, -9.5],
		['Bolivia', 'country', 'Bolivia', -64.7, -16.7],
	],
	caribbean: [
		['Mexico City', 'city', 'Mexico', -99.13, 19.43],
		['Guatemala City', 'city', 'Guatemala', -90.51, 14.63],
		['Havana', 'city', 'Cuba', -82.37, 23.11],
		['Port-au-Prince', 'city', 'Haiti', -72.34, 18.54],
		['Tegucigalpa', 'city', 'Honduras', -87.2, 14.07],
		['Haiti', 'country', 'Haiti', -72.3, 19.1],
		['Cuba', 'country', 'Cuba', -79.9, 22.3],
		['Guatemala', 'country', 'Guatemala', -90.3, 15.5],
		['Honduras', 'country', 'Honduras', -86.6, 14.8],
	],
	caucasus: [
		['Tbilisi', 'city', 'Georgia', 44.79, 41.72],
		['Yerevan', 'city', 'Armenia', 44.51, 40.18],
		['Baku', 'city', 'Azerbaijan', 49.87, 40.41],
		['Stepanakert', 'town', 'Azerbaijan', 46.75, 39.82],
		['Armenia', 'country', 'Armenia', 44.9, 40.3],
		['Azerbaijan', 'country', 'Azerbaijan', 47.7, 40.3],
		['Georgia', 'country', 'Georgia', 43.5, 42.2],
	],
	oceania: [
		['Sydney', 'city', 'Australia', 151.21, -33.87],
		['Canberra', 'city', 'Australia', 149.13, -35.28],
		['Auckland', 'city', 'New Zealand', 174.76, -36.85],
		['Wellington', 'city', 'New Zealand', 174.78, -41.29],
		['New Zealand', 'country', 'New Zealand', 175.5, -39.0],
	],
	northAmerica: [
		['Washington', 'city', 'United States of America', -77.04, 38.9],
		['New York', 'city', 'United States of America', -74.0, 40.71],
		['Ottawa', 'city', 'Canada', -75.7, 45.42],
		['Chicago', 'city', 'United States of America', -87.63, 41.88],
	],
};

const toPlace = ([name, kind, country, longitude, latitude]: Entry): Place => ({
	id: name.toLowerCase().replace(/[^a-z]+/g, '-'),
	data: { name, kind, country, coordinates: { longitude, latitude } },
});

/** The places of the explainers in content/, read as the site reads them. */
function contentPlaces(): { name: string; places: Place[] }[] {
	const root = new URL('../content/', import.meta.url);
	return ['kataib-hezbollah-suspends-attacks', 'us-strikes-kataib-hezbollah-facilities-in-iraq'].map((slug) => {
		const article = readFileSync(new URL(`articles/${slug}.mdx`, root), 'utf8');
		const ids = parse(article.split('---')[1] ?? '').places as string[];
		return {
			name: slug,
			places: ids.map((id) => ({
				id,
				data: PlaceSchema().parse(parse(readFileSync(new URL(`places/${id}.yaml`, root), 'utf8'))),
			})),
		};
	});
}

/** 50 plans of 2 to 6 places, each from one region; one in eight also names Washington, too far to show. */
function generatedPlaces(count = 50): { name: string; places: Place[] }[] {
	const random = createRandom(17);
	const regions = Object.entries(REGIONS);
	return Array.from({ length: count }, (_, index) => {
		const [region, entries] = regions[index % regions.length] ?? ['', []];
		const pool = [...entries];
		const size = Math.min(pool.length, 2 + Math.floor(random() * 5));
		const places = Array.from({ length: size }, () => toPlace(pool.splice(Math.floor(random() * pool.length), 1)[0]!));
		if (index % 8 === 7 && region !== 'northAmerica') places.push(toPlace(REGIONS['northAmerica']![0]!));
		return { name: `${region}-${index}`, places };
	});
}

interface RunResult {
	/** Milliseconds per map (both layouts), in the order drawn: wall time, and the process's CPU time. */
	maps: { name: string; ms: number; cpuMs: number; error?: string }[];
}

/** The places of every map the bench draws: the explainers' in content/, then the generated plans. */
export const mapCases = () => [...contentPlaces(), ...generatedPlaces()];

/** One run: draws every map once, in an order shuffled by `seed`, and times each; writes them to `out` if given. */
async function child(seed: number, module: string, out?: string): Promise<RunResult> {
	const cases = mapCases();
	const random = createRandom(seed);
	for (let i = cases.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[cases[i], cases[j]] = [cases[j]!, cases[i]!];
	}
	const { locatorMapSvg, planLocatorMap } = (await import(
		module
	)) as typeof import('../src/locator-map/locator-map.ts');
	const maps: RunResult['maps'] = [];
	for (const { name, places } of cases) {
		const plan = planLocatorMap(places);
		const start = performance.now();
		const cpu = process.cpuUsage();
		let error: string | undefined;
		for (const variant of ['narrow', 'wide'] as const) {
			try {
				const svg = locatorMapSvg(plan, variant, `Locator map for ${name}`);
				if (out) writeFileSync(join(out, `${name}-${variant}.svg`), svg);
			} catch (caught) {
				error = caught instanceof Error ? caught.message : String(caught);
			}
		}
		const { user, system } = process.cpuUsage(cpu);
		maps.push({ name, ms: performance.now() - start, cpuMs: (user + system) / 1000, ...(error ? { error } : {}) });
	}
	return { maps };
}

const quantile = (sorted: number[], q: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The drawing module the bench uses unless told otherwise. */
const DRAWING_MODULE = fileURLToPath(new URL('../src/locator-map/locator-map.ts', import.meta.url));

/** One run in a fresh process, with the disk cache pointed nowhere. */
function run(seed: number, module: string): RunResult {
	const output = spawnSync(
		process.execPath,
		['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(seed), '--module', module],
		{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LOCATOR_MAP_CACHE: '/nonexistent' } },
	);
	if (output.status !== 0) throw new Error(`run ${seed} of ${module} failed:\n${output.stderr}`);
	return JSON.parse(output.stdout) as RunResult;
}

/** The figures of some runs: per map (the first of each run apart), wall and CPU time. */
function summarise(results: RunResult[]) {
	const stats = (measure: 'ms' | 'cpuMs') => {
		const rest = results.flatMap((result) => result.maps.slice(1).map((map) => map[measure])).sort((a, b) => a - b);
		return {
			firstMap: results.map((result) => result.maps[0]?.[measure] ?? NaN),
			median: quantile(rest, 0.5),
			p90: quantile(rest, 0.9),
			max: rest.at(-1) ?? NaN,
			totalPerRun: results.map((result) => result.maps.reduce((sum, map) => sum + map[measure], 0)),
		};
	};
	return {
		runs: results.length,
		mapsPerRun: results[0]?.maps.length ?? 0,
		wall: stats('ms'),
		cpu: stats('cpuMs'),
		labelErrors: [...new Set(results.flatMap((result) => result.maps.flatMap((map) => (map.error ? [map.name] : []))))],
	};
}

function print(module: string, summary: ReturnType<typeof summarise>) {
	console.log(`${relative(process.cwd(), module)}: ${summary.runs} runs × ${summary.mapsPerRun} maps`);
	for (const [label, { firstMap, median, p90, max, totalPerRun }] of [
		['wall', summary.wall],
		['CPU', summary.cpu],
	] as const) {
		console.log(`  ${label}: first map of a process (loads the atlas) ${firstMap.map(ms).join(', ')}`);
		console.log(`  ${label}: every other map: median ${ms(median)}, p90 ${ms(p90)}, max ${ms(max)}`);
		console.log(`  ${label}: all maps of a run ${totalPerRun.map(ms).join(', ')}`);
	}
	if (summary.labelErrors.length > 0) {
		console.log(`  plans that stop the build (no room for a label): ${summary.labelErrors.join(', ')}`);
	}
}

async function main() {
	const args = process.argv.slice(2);
	const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
	const module = resolve(option('--module') ?? DRAWING_MODULE);
	const seed = option('--child');
	if (seed !== undefined) {
		const out = option('--out');
		if (out) mkdirSync(out, { recursive: true });
		process.stdout.write(JSON.stringify(await child(Number(seed), pathToFileURL(module).href, out)));
		return;
	}
	const runs = Number(option('--runs') ?? 3);
	const compare = option('--compare');
	const modules = compare ? [resolve(compare), module] : [module];
	const loadBefore = loadavg()[0] ?? NaN;
	const results = modules.map((): RunResult[] => []);
	// Runs of the modules alternate, so that each meets the same load on a shared machine.
	for (let index = 0; index < runs; index++) modules.forEach((each, at) => results[at]?.push(run(index + 1, each)));
	const summaries = modules.map((each, at) => ({ module: each, ...summarise(results[at] ?? []) }));
	const load = [loadBefore, loadavg()[0] ?? NaN];
	if (args.includes('--json')) {
		console.log(JSON.stringify({ node: process.version, loadAverage: load, summaries }, null, 2));
		return;
	}
	console.log(`Locator maps, both layouts each, cold (fresh process, no disk cache), Node ${process.version}`);
	console.log(
		`2 explainers in content/ and 50 generated plans; load average ${load.map((value) => value.toFixed(1)).join(' → ')}`,
	);
	for (const { module: each, ...summary } of summaries) print(each, summary);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
