/**
 * Synthetic explainers for the build-scale benchmark and the scale tests: N articles of about 800 words, each
 * with 6 to 10 actors (drawn from a shared pool, with aliases and roles), 4 quotes that stand word for word in
 * the story, a timeline, key facts, a GFM table, and what real explainers carry besides: a locator map of 2 to 6
 * places in one region with 1 to 3 shaded countries, figures with credits, sources (some with a link and a note)
 * and, for some, a correction. The content passes the site's content checks, so the build runs as it does for
 * editors' files.
 *
 * Everything is drawn from a seeded generator: the same options write the same files, so runs compare.
 * Names are invented words, unique across the pool, so a story never names an actor it does not list.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { MONTHS } from '../../src/utils/partial-dates.ts';

/** A seeded source of numbers in [0, 1): mulberry32, small and good enough to vary text. */
export function createRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Random = () => number;

let reservedWords: Set<string> | undefined;

/** Whether a word is one of the templates' below: a stem equal to one would name an actor by accident. */
function isReserved(word: string): boolean {
	reservedWords ??= new Set(
		[...SENTENCES, ...HEADINGS, ...FIRST_NAMES, ...MONTHS, ...TOPICS, ...Object.values(ORGANISATION_KINDS).flat()]
			.join(' ')
			.split(/[^A-Za-z]+/),
	);
	return reservedWords.has(word);
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** `count` different items, in random order. */
function sample<T>(random: Random, items: readonly T[], count: number): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
	}
	return copy.slice(0, count);
}

const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'tr', 'sh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'v', 'sk'];

/**
 * Invented proper nouns ("Taromek", "Vidrasel"), each returned once. Real words would let one actor's name turn
 * up in another story's filler text; these cannot.
 */
export function createNameStems(random: Random): () => string {
	const used = new Set<string>();
	return () => {
		for (;;) {
			const syllables = between(random, 2, 3);
			let word = '';
			for (let i = 0; i < syllables; i++) word += pick(random, ONSETS) + pick(random, VOWELS);
			word += pick(random, CODAS);
			const stem = word.charAt(0).toUpperCase() + word.slice(1);
			if (!used.has(stem) && !isReserved(stem)) {
				used.add(stem);
				return stem;
			}
		}
	};
}

const FIRST_NAMES = [
	'Amal',
	'Bashir',
	'Carla',
	'Dmitri',
	'Elena',
	'Farid',
	'Grace',
	'Hassan',
	'Ines',
	'Jonas',
	'Karim',
	'Leila',
	'Marta',
	'Nadia',
	'Omar',
	'Pavel',
	'Rania',
	'Samir',
	'Tomas',
	'Yara',
];

/** Organisations by kind: the word after the stem in their name. */
const ORGANISATION_KINDS = {
	'armed-group': ['Brigades', 'Front', 'Movement'],
	coalition: ['Alliance', 'Coalition'],
	government: ['Government'],
	'government-agency': ['Ministry', 'Agency', 'Directorate'],
	military: ['Army', 'Navy', 'Guard'],
	organization: ['Foundation', 'Union', 'Institute'],
} as const;

const PERSON_TITLES = ['spokesperson', 'leader', 'commander', 'minister', 'envoy', 'director', 'adviser'];

/** One actor file: its id (file name) and its fields, as `content/actors/<id>.yaml` holds them. */
export interface GeneratedActor {
	id: string;
	data: {
		name: string;
		kind: string;
		aliases: string[];
		summary: string;
		roles: { title: string; organization?: string; from?: string; to?: string }[];
		affiliations: { relation: string; actor: string }[];
	};
}

const slugOf = (text: string) =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

/** A pool of actors: about a third organisations, the rest people who hold posts in them. */
export function generateActors(count: number, random: Random, nextStem: () => string): GeneratedActor[] {
	const organisations: GeneratedActor[] = [];
	const kinds = Object.keys(ORGANISATION_KINDS) as (keyof typeof ORGANISATION_KINDS)[];
	const organisationCount = Math.max(1, Math.round(count / 3));
	for (let i = 0; i < organisationCount; i++) {
		const kind = kinds[i % kinds.length] as keyof typeof ORGANISATION_KINDS;
		const stem = nextStem();
		const name = `${stem} ${pick(random, ORGANISATION_KINDS[kind])}`;
		const ally = organisations.length > 0 ? pick(random, organisations) : undefined;
		organisations.push({
			id: slugOf(name),
			data: {
				name,
				kind,
				aliases: [stem],
				summary: `The ${name}, founded in ${between(random, 1950, 2015)}, which the stories cover in its dealings with its neighbours.`,
				roles: [],
				affiliations: ally ? [{ relation: pick(random, ['allied-with', 'opposed-to', 'backs']), actor: ally.id }] : [],
			},
		});
	}
	const people: GeneratedActor[] = [];
	for (let i = organisationCount; i < count; i++) {
		const stem = nextStem();
		const name = `${pick(random, FIRST_NAMES)} ${stem}`;
		const employer = pick(random, organisations);
		const title = `${employer.data.name} ${pick(random, PERSON_TITLES)}`;
		const since = `${between(random, 2012, 2019)}-${String(between(random, 1, 12)).padStart(2, '0')}`;
		const earlier = between(random, 2000, 2011);
		people.push({
			id: slugOf(name),
			data: {
				name,
				kind: 'person',
				aliases: [stem],
				summary: `${name} has been ${title} since ${since.slice(0, 4)}, and speaks for it in the stories we cover.`,
				roles: [
					{ title: `Deputy ${pick(random, PERSON_TITLES)}`, from: String(earlier), to: since },
					{ title, organization: employer.id, from: since },
				],
				affiliations: [{ relation: 'works-for', actor: employer.id }],
			},
		});
	}
	return [...organisations, ...people];
}

const TOPICS = [
	'Middle East',
	'Europe',
	'Africa',
	'Latin America',
	'South Asia',
	'East Asia',
	'Energy',
	'Elections',
	'Migration',
	'Climate',
	'Trade',
	'Security',
	'Diplomacy',
	'Courts',
	'Health',
	'Technology',
	'Labour',
	'Finance',
	'Human rights',
	'Maritime',
];
const SOURCES = ['AP', 'Reuters', 'AFP', 'EFE', 'DPA'];
const SETTINGS = ['statement', 'press-conference', 'briefing', 'interview', 'remarks', 'social-media'];

/**
 * Sentences of a wire story; `{A}` and `{B}` are actors' names, `{P}` a place, `{N}` a number, `{M}` a month and
 * `{D}` a day of it.
 */
const SENTENCES = [
	'{A} said on {M} {D} that talks with {B} would resume within days, after a week in which both sides traded accusations.',
	'Officials close to {A} described the meeting in {P} as tense but useful, and said a second round was planned.',
	'The dispute over the border crossing near {P} has cost traders an estimated {N} million dollars since the spring.',
	'Diplomats in {P} said privately that neither side expected a breakthrough before the end of {M}.',
	'{B} has denied any role in the attack on the convoy, which killed {N} people according to local officials.',
	'Independent monitors have not been able to confirm the figures, and access to the area remains restricted.',
	'The announcement came hours after {A} met envoys from three neighbouring countries at a hotel in {P}.',
	'Analysts say the move is aimed as much at a domestic audience as at {B}, with elections due next year.',
	'In {P}, residents queued for fuel for a third day as prices rose by {N} per cent in a week.',
	'A spokesperson for {B} declined to comment on the report, saying only that its position had not changed.',
	'The agreement signed in {M} was meant to end the fighting, but each side accuses the other of breaking it.',
	'Aid agencies warned that {N} thousand people had fled their homes around {P} since the start of the year.',
	'{A} has long argued that sanctions hurt ordinary families more than the leaders they target.',
	'Critics of {A} point out that similar promises were made in {M} and were not kept.',
	'The parliament in {P} is expected to vote on the measure before the summer recess, after weeks of delay.',
	'Satellite images published by researchers showed new earthworks near {P} in the first days of {M}.',
	'{B} said the measures were temporary and would be reviewed every {N} days by a joint committee.',
	'Negotiators have spent most of their time on sequencing: who moves first, and who checks that the other did.',
	'The central bank in {P} raised its main rate by {N} basis points, its third rise this year.',
	'Opposition lawmakers walked out of the session, saying they had not been shown the text of the deal.',
	'Several hundred protesters gathered outside the ministry in {P}, some carrying photographs of the dead.',
	'{A} told reporters that the door to dialogue remained open, but that patience in the capital was running out.',
	'A court in {P} ordered the release of {N} detainees, a decision the prosecution said it would appeal.',
	'The shipping company said it would reroute its vessels away from the strait until further notice.',
	'Relations between {A} and {B} have swung between cooperation and open hostility over the past decade.',
	'Observers noted that the statement avoided any mention of the deadline set in {M}.',
	'Prices for wheat and cooking oil in markets around {P} have almost doubled since the crossing closed.',
	'The United Nations envoy is due in {P} next week for meetings with all the parties, her office said.',
];

const NAMING_SENTENCES = SENTENCES.filter((sentence) => sentence.includes('{A}'));

const HEADINGS = [
	'What happened',
	'Why it matters',
	'The road to the talks',
	'What comes next',
	'A fragile ceasefire',
	'The cost on the ground',
	'Reactions abroad',
	'What the numbers say',
];

/** Quotations the generated speakers say, long ones for pull quotes and short phrases for the list. */
const LONG_QUOTES = [
	'We will not accept conditions that were written without us and that ignore what our people have lived through',
	'The door remains open, but nobody should mistake our patience for weakness or our silence for consent',
	'Every day that passes without an agreement costs lives, and history will judge those who stood in the way',
	'We have done what was asked of us, and now it is for the other side to show that it wants peace too',
	'Our forces acted within the law and will continue to protect civilians wherever they are threatened',
	'There can be no lasting settlement until the displaced families are allowed to return to their homes',
];
const SHORT_QUOTES = [
	'a step in the right direction',
	'a dangerous escalation',
	'not the end of the process',
	'deeply concerned',
	'a red line',
	'an unacceptable provocation',
	'cautiously optimistic',
	'nothing has been agreed',
];

/** A place of the generated content: a city the map marks, in a country the map can shade. */
interface GeneratedCity {
	name: string;
	latitude: number;
	longitude: number;
	country: string;
}

/** Where a country's name goes on the map: a point well inside it. */
const COUNTRY_LABELS: Record<string, [number, number]> = {
	Iraq: [33.0, 43.5],
	Syria: [35.0, 38.5],
	Jordan: [31.0, 36.5],
	Iran: [32.5, 54.0],
	Germany: [51.0, 10.0],
	Poland: [52.0, 19.0],
	Austria: [47.5, 14.5],
	Hungary: [47.1, 19.5],
	Ukraine: [49.0, 31.0],
	Kenya: [0.5, 38.0],
	Uganda: [1.5, 32.5],
	Ethiopia: [8.5, 39.5],
	Somalia: [5.0, 46.0],
	Colombia: [4.0, -73.0],
	Ecuador: [-1.5, -78.0],
	Peru: [-9.0, -75.0],
	Venezuela: [7.0, -66.0],
	India: [22.0, 79.0],
	Pakistan: [30.0, 70.0],
	Nepal: [28.2, 84.0],
	Bangladesh: [23.7, 90.3],
	'South Korea': [36.5, 127.8],
	Japan: [36.5, 138.5],
};

/** Cities by region, as real explainers' maps mark them: a story stays in one region. */
const REGIONS: GeneratedCity[][] = [
	[
		{ name: 'Baghdad', latitude: 33.31, longitude: 44.37, country: 'Iraq' },
		{ name: 'Erbil', latitude: 36.19, longitude: 44.01, country: 'Iraq' },
		{ name: 'Basra', latitude: 30.51, longitude: 47.78, country: 'Iraq' },
		{ name: 'Damascus', latitude: 33.51, longitude: 36.29, country: 'Syria' },
		{ name: 'Aleppo', latitude: 36.2, longitude: 37.13, country: 'Syria' },
		{ name: 'Amman', latitude: 31.95, longitude: 35.93, country: 'Jordan' },
		{ name: 'Tehran', latitude: 35.69, longitude: 51.39, country: 'Iran' },
	],
	[
		{ name: 'Berlin', latitude: 52.52, longitude: 13.4, country: 'Germany' },
		{ name: 'Warsaw', latitude: 52.23, longitude: 21.01, country: 'Poland' },
		{ name: 'Vienna', latitude: 48.21, longitude: 16.37, country: 'Austria' },
		{ name: 'Budapest', latitude: 47.5, longitude: 19.04, country: 'Hungary' },
		{ name: 'Kyiv', latitude: 50.45, longitude: 30.52, country: 'Ukraine' },
		{ name: 'Lviv', latitude: 49.84, longitude: 24.03, country: 'Ukraine' },
	],
	[
		{ name: 'Nairobi', latitude: -1.29, longitude: 36.82, country: 'Kenya' },
		{ name: 'Mombasa', latitude: -4.04, longitude: 39.67, country: 'Kenya' },
		{ name: 'Kampala', latitude: 0.35, longitude: 32.58, country: 'Uganda' },
		{ name: 'Addis Ababa', latitude: 9.03, longitude: 38.74, country: 'Ethiopia' },
		{ name: 'Mogadishu', latitude: 2.05, longitude: 45.32, country: 'Somalia' },
	],
	[
		{ name: 'Bogotá', latitude: 4.71, longitude: -74.07, country: 'Colombia' },
		{ name: 'Medellín', latitude: 6.24, longitude: -75.58, country: 'Colombia' },
		{ name: 'Quito', latitude: -0.18, longitude: -78.47, country: 'Ecuador' },
		{ name: 'Lima', latitude: -12.05, longitude: -77.04, country: 'Peru' },
		{ name: 'Caracas', latitude: 10.48, longitude: -66.9, country: 'Venezuela' },
	],
	[
		{ name: 'Delhi', latitude: 28.61, longitude: 77.21, country: 'India' },
		{ name: 'Lahore', latitude: 31.55, longitude: 74.34, country: 'Pakistan' },
		{ name: 'Karachi', latitude: 24.86, longitude: 67.01, country: 'Pakistan' },
		{ name: 'Kathmandu', latitude: 27.72, longitude: 85.32, country: 'Nepal' },
		{ name: 'Dhaka', latitude: 23.81, longitude: 90.41, country: 'Bangladesh' },
	],
	[
		{ name: 'Seoul', latitude: 37.57, longitude: 126.98, country: 'South Korea' },
		{ name: 'Busan', latitude: 35.18, longitude: 129.08, country: 'South Korea' },
		{ name: 'Tokyo', latitude: 35.68, longitude: 139.69, country: 'Japan' },
		{ name: 'Osaka', latitude: 34.69, longitude: 135.5, country: 'Japan' },
	],
];

/** A place's id: its name without accents, in lower-case words joined by hyphens. */
const placeId = (name: string) => slugOf(name.normalize('NFD').replace(/\p{Diacritic}/gu, ''));

/** The places collection of the generated content: every city and every country, as `content/places/` holds them. */
export function generatedPlaces(): { id: string; data: Record<string, unknown> }[] {
	const cities = REGIONS.flat().map((city) => ({
		id: placeId(city.name),
		data: {
			name: city.name,
			kind: 'city',
			coordinates: { latitude: city.latitude, longitude: city.longitude },
			country: city.country,
		},
	}));
	const countries = Object.entries(COUNTRY_LABELS).map(([name, [latitude, longitude]]) => ({
		id: placeId(name),
		data: { name, kind: 'country', coordinates: { latitude, longitude }, country: name },
	}));
	return [...cities, ...countries];
}

/** The places of one explainer's map: 2 to 6 cities of one region, then 1 to 3 of their countries to shade. */
function mapPlaces(random: Random): string[] {
	const cities = sample(random, pick(random, REGIONS), between(random, 2, 6));
	const countries = sample(random, [...new Set(cities.map((city) => city.country))], between(random, 1, 3));
	return [...cities.map((city) => placeId(city.name)), ...countries.map(placeId)];
}

const PHOTOGRAPHERS = ['AFP / Lena Marsh', 'AP / Tomas Varga', 'Reuters / Amal Haddad', 'EFE / Jonas Reyes'];

/** One explainer: its slug (file name), frontmatter and MDX body. */
export interface GeneratedArticle {
	slug: string;
	frontmatter: Record<string, unknown>;
	body: string;
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The day `offset` days from 1 January 2020, as an ISO date. */
const dayFrom = (offset: number) => new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The explainer at `index`: published about 42 hours after the one before it, so dates spread over years as N
 * grows; its actors, quotes and text drawn from `random`.
 */
export function generateArticle(
	index: number,
	actors: readonly GeneratedActor[],
	random: Random,
	nextStem: () => string,
): GeneratedArticle {
	const cast = sample(random, actors, between(random, 6, 10));
	const speakers = cast.filter((actor) => actor.data.kind === 'person');
	const speakerOf = (i: number) =>
		(speakers.length > 0 ? speakers[i % speakers.length] : cast[i % cast.length]) as GeneratedActor;
	const places = Array.from({ length: 4 }, () => nextStem());
	const publishedAt = new Date(Date.UTC(2020, 0, 1) + index * 42 * 3_600_000);
	const publishedDay = Math.floor((publishedAt.getTime() - Date.UTC(2020, 0, 1)) / 86_400_000);
	const [lead, second] = cast as [GeneratedActor, GeneratedActor];

	const fill = (template: string, a: GeneratedActor, b: GeneratedActor, useAlias: boolean) =>
		template
			.replaceAll('{A}', useAlias ? (a.data.aliases[0] ?? a.data.name) : a.data.name)
			.replaceAll('{B}', b.data.name)
			.replaceAll('{P}', pick(random, places))
			.replaceAll('{N}', String(between(random, 2, 90)))
			.replaceAll('{D}', String(between(random, 1, 28)))
			.replaceAll('{M}', pick(random, MONTHS));
	const paragraph = (a: GeneratedActor, b: GeneratedActor, sentences = between(random, 3, 5)) =>
		Array.from({ length: sentences }, (_, i) => fill(pick(random, SENTENCES), a, b, i > 0)).join(' ');
	// Opens with a sentence naming `a` in full, so each listed actor is named at least once.
	const naming = (a: GeneratedActor, b: GeneratedActor) =>
		`${fill(pick(random, NAMING_SENTENCES), a, b, false)} ${paragraph(a, b, 1)}`;

	const quoteTexts = [...sample(random, LONG_QUOTES, 2), ...sample(random, SHORT_QUOTES, 2)];
	const quotes = quoteTexts.map((text, i) => ({
		id: `${slugOf(speakerOf(i).data.aliases[0] ?? 'quote')}-${i + 1}`,
		speaker: speakerOf(i).id,
		text,
		setting: pick(random, SETTINGS),
		...(random() < 0.7 ? { date: dayFrom(publishedDay) } : {}),
		translated: random() < 0.3,
		pull: i < 2,
	}));
	const quoteParagraph = (i: number) => {
		const quote = quotes[i] as (typeof quotes)[number];
		const speaker = speakerOf(i);
		return i < 2
			? `“${quote.text},” ${speaker.data.name} said in a ${quote.setting.replace('-', ' ')}, adding that the coming weeks would decide much.`
			: `${speaker.data.aliases[0] ?? speaker.data.name} called the latest move “${quote.text}” and said more would follow.`;
	};

	const table = [
		'| Date | What happened | Where |',
		'| --- | --- | --- |',
		...Array.from(
			{ length: 4 },
			(_, i) =>
				`| ${dayFrom(publishedDay - 40 + i * 10)} | ${pick(random, ['Talks', 'Strike', 'Vote', 'Protest', 'Summit'])} involving ${(cast[i % cast.length] as GeneratedActor).data.aliases[0]} | ${places[i]} |`,
		),
	].join('\n');

	const roster = cast.map((actor, i) => naming(actor, cast[(i + 1) % cast.length] as GeneratedActor));
	const mentioned = cast.find((actor) => actor.data.kind !== 'person') ?? lead;
	const headings = sample(random, HEADINGS, 3);
	const blocks = [
		paragraph(lead, second, 4),
		quoteParagraph(0),
		roster.slice(0, 3).join('\n\n'),
		`## ${headings[0]}`,
		`<Mention actor="${mentioned.id}">Its leadership</Mention> has not said whether it will take part in the next round.`,
		roster.slice(3).join('\n\n'),
		quoteParagraph(2),
		table,
		`## ${headings[1]}`,
		quoteParagraph(1),
		quoteParagraph(3),
		`## ${headings[2]}`,
	];
	while (countWords(blocks.join(' ')) < 800) blocks.push(paragraph(pick(random, cast), pick(random, cast)));

	const events = between(random, 4, 6);
	const timeline = Array.from({ length: events }, (_, i) => {
		const actor = cast[i % cast.length] as GeneratedActor;
		const daysBefore = (events - i) * 60 + between(random, 0, 30);
		const day = dayFrom(publishedDay - daysBefore);
		return {
			date: i === 0 ? day.slice(0, 7) : day,
			text: `${actor.data.name} ${pick(random, ['announces', 'rejects', 'signs', 'suspends', 'calls for'])} ${pick(random, ['a ceasefire', 'new talks', 'a trade deal', 'sanctions', 'an inquiry'])} in ${pick(random, places)}.`,
		};
	});

	const figures = Array.from({ length: between(random, 1, 2) }, () => ({
		caption: `${fill(pick(random, SENTENCES), lead, second, false)} File photo.`,
		credit: pick(random, PHOTOGRAPHERS),
	}));
	const corrected = random() < 0.3;
	const updatedAt = new Date(publishedAt.getTime() + 20 * 3_600_000).toISOString().replace('.000Z', 'Z');
	const sources = sample(random, SOURCES, between(random, 1, 3)).map((name, i) =>
		i === 0 && random() < 0.5
			? {
					name,
					url: `https://example.org/${slugOf(name)}/${index + 1}`,
					note: 'The wire report this explainer draws on',
				}
			: { name },
	);

	const title = `${lead.data.name} and ${second.data.name}: what the ${pick(random, ['deal', 'dispute', 'talks', 'vote', 'crisis'])} in ${places[0]} means`;
	return {
		slug: `${String(index + 1).padStart(5, '0')}-${slugOf(title).slice(0, 60).replace(/-$/, '')}`,
		frontmatter: {
			title: title.slice(0, 140),
			dek: `${paragraph(lead, second, 1)} Who is who, who said what, and how we got here.`.slice(0, 300),
			published: publishedAt.toISOString().replace('.000Z', 'Z'),
			...(corrected ? { updated: updatedAt } : {}),
			...(random() < 0.5 ? { dateline: places[1] } : {}),
			sources,
			topics: sample(random, TOPICS, between(random, 1, 3)),
			actors: cast.map((actor) => actor.id),
			keyFacts: Array.from({ length: between(random, 3, 5) }, (_, i) =>
				fill(pick(random, SENTENCES), cast[i % cast.length] as GeneratedActor, lead, false),
			),
			quotes,
			timeline,
			...(corrected
				? { corrections: [{ date: updatedAt, text: `An earlier version misspelt the name of ${places[1]}.` }] }
				: {}),
			places: mapPlaces(random),
			figures,
		},
		body: blocks.join('\n\n'),
	};
}

/** What `writeContent` writes. */
export interface ContentOptions {
	/** How many explainers. */
	articles: number;
	/** How many actors in the shared pool. Default: 300, or fewer for small N (at least 12). */
	actors?: number;
	/** The seed of every random choice. Default: 1. */
	seed?: number;
}

/** The explainer's file text: YAML frontmatter between `---` lines, then the body. */
export const articleFile = (article: GeneratedArticle) =>
	`---\n${stringify(article.frontmatter, { lineWidth: 0 })}---\n\n${article.body}\n`;

/** Generates the content in memory: the actor pool and the explainers. */
export function generateContent({ articles, actors, seed = 1 }: ContentOptions): {
	actors: GeneratedActor[];
	articles: GeneratedArticle[];
} {
	const random = createRandom(seed);
	const nextStem = createNameStems(random);
	const pool = generateActors(actors ?? Math.min(300, Math.max(12, articles * 3)), random, nextStem);
	return {
		actors: pool,
		articles: Array.from({ length: articles }, (_, index) => generateArticle(index, pool, random, nextStem)),
	};
}

/**
 * Writes a content folder the site reads through `CONTENT_DIR`: `articles/`, `actors/` and `places/`. Anything
 * already in `dir` is removed first.
 */
export function writeContent(dir: string, options: ContentOptions): { articles: GeneratedArticle[] } {
	const content = generateContent(options);
	rmSync(dir, { recursive: true, force: true });
	for (const folder of ['articles', 'actors', 'places']) mkdirSync(join(dir, folder), { recursive: true });
	for (const place of generatedPlaces()) writeFileSync(join(dir, 'places', `${place.id}.yaml`), stringify(place.data));
	for (const actor of content.actors) writeFileSync(join(dir, 'actors', `${actor.id}.yaml`), stringify(actor.data));
	for (const article of content.articles)
		writeFileSync(join(dir, 'articles', `${article.slug}.mdx`), articleFile(article));
	return { articles: content.articles };
}
