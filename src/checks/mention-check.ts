import { createNameMatcher, normaliseApostrophes, type NameMatch, type NamedActor } from '../mentions/name-matcher';
import { MENTION_OF_PARAGRAPHS } from '../mentions/remark-actor-mentions';
import { listAt, problemAt, problemAtPosition, savedFiles, scoped, textItems } from './check';
import type { Check, CheckContext, Scope } from './check';
import type { ContentFile } from './content-files';
import { lookAlikeIn, withLatinLetters } from './look-alikes';
import { storyToCompare } from './quote-check';
import { listedActorIds } from './reference-check';
import { closest, didYouMean } from './suggest';
import type { Problem } from './problem';
import { nothingRead, positionIn, type StoryFacts } from './story-facts/facts';

/** Each actor's name and aliases, as the mention plugin will match them. */
function namedActors(actors: readonly ContentFile[]): NamedActor[] {
	return actors.flatMap((file) => {
		const data = file.data as { name?: unknown; aliases?: unknown } | undefined;
		if (typeof data?.name !== 'string') return [];
		return [{ id: file.id, names: [data.name, ...textItems(data.aliases)] }];
	});
}

/**
 * Two actors answering to the same name would make every mention of it ambiguous. Names are taken before aliases,
 * so an alias that is another actor's name is reported at the alias, whichever file comes first.
 */
export const sharedNameCheck: Check = (context) => {
	const owner = new Map<string, ContentFile>();
	const namesById = new Map(namedActors(context.actors).map((actor) => [actor.id, actor.names]));
	const inTurn = (file: ContentFile, aliases: boolean) =>
		(namesById.get(file.id) ?? []).flatMap((name, index): Problem[] => {
			if (index > 0 !== aliases) return [];
			const other = owner.get(name);
			if (other === undefined) {
				owner.set(name, file);
				return [];
			}
			if (other.id === file.id) return [];
			const path = index === 0 ? ['name'] : ['aliases', index - 1];
			return [
				problemAt(file, path, {
					message: `"${name}" is also a name of ${other.path}, so its mentions would be ambiguous`,
					hint: 'keep the name on one actor only, or make it more specific',
				}),
			];
		});
	return [
		...context.actors.flatMap((file) => inTurn(file, false)),
		...context.actors.flatMap((file) => inTurn(file, true)),
	];
};

/** The actors that share one of their names with another: whose mentions cannot be told apart. */
function sharingAName(actors: readonly NamedActor[]): Set<string> {
	const byName = Map.groupBy(
		actors.flatMap((actor) => actor.names.map((name) => ({ name, id: actor.id }))),
		({ name }) => name,
	);
	return new Set(
		[...byName.values()].flatMap((owners) =>
			new Set(owners.map(({ id }) => id)).size > 1 ? owners.map(({ id }) => id) : [],
		),
	);
}

const namesOf = (file: ContentFile) => JSON.stringify(namedActors([file]));

/** A story's mentions are matched against every actor's names: a change of names reaches every story. */
const mentionScope: Scope = {
	restricts: ['articles'],
	affected: (save) =>
		save.changed.some(({ before, after }) => after.collection === 'actors' && namesOf(before) !== namesOf(after))
			? 'all'
			: savedFiles(save),
};

/**
 * An article's listed actors must each be named somewhere (story, key facts, timeline, captions), and each
 * listed once; a known actor named in the story but not listed is a warning: it gets no link or glossary entry.
 */
export const mentionCheck = scoped(mentionScope, (context) => [
	...longNameProblems(context),
	...mentionProblems(context),
]);

/** The most characters of a name or alias: a name is a few words. */
const LONGEST_NAME = 200;

function longNameProblems(context: CheckContext): Problem[] {
	return context.actors.flatMap((file) => {
		const names: [PropertyKey[], unknown][] = [
			[['name'], (file.data as { name?: unknown } | undefined)?.name],
			...listAt(file, 'aliases').map((alias, index): [PropertyKey[], unknown] => [['aliases', index], alias]),
		];
		return names.flatMap(([path, name]) =>
			typeof name === 'string' && name.length > LONGEST_NAME
				? [
						problemAt(file, path, {
							message: `a name of ${name.length} characters is too long to find in the stories`,
							hint: `shorten it to ${LONGEST_NAME} characters or fewer; say the rest in \`summary\``,
						}),
					]
				: [],
		);
	});
}

function mentionProblems(context: CheckContext): Problem[] {
	// An empty name (the schema reports it) would match everywhere, and the matcher would never get past it; a
	// name past the limit (longNameProblems) would make its pattern too large for the regular expression engine.
	const usable = (name: string) => name.trim() !== '' && name.length <= LONGEST_NAME;
	const actors = namedActors(context.actors);
	const findNames = createNameMatcher(actors.map((actor) => ({ ...actor, names: actor.names.filter(usable) })));
	// An actor whose file could not be read, or whose name is missing, empty or too long, has no name to look for:
	// whether a story names it is unknown, and its own file's problem is the one to fix.
	const findable = new Set(actors.filter((actor) => usable(actor.names[0] ?? '')).map((actor) => actor.id));
	const namesById = new Map(actors.map((actor) => [actor.id, actor.names]));
	// A name two actors share goes to one of them in the stories: the shared name is the problem (sharedNameCheck).
	const ambiguous = sharingAName(actors);
	return context.articles.flatMap((file): Problem[] => {
		const facts = context.storyFacts(file);
		const data = file.data as Record<string, unknown> | undefined;
		if (!facts || nothingRead(facts) || !data || !Array.isArray(data['actors'])) return [];
		const listed = textItems(data['actors']);
		const listedOrMeant = listedActorIds(file, context);
		const runs = facts.proseRuns;
		const frontmatterTexts = textItems([
			...listAt(file, 'keyFacts'),
			...listAt<{ text?: unknown } | null>(file, 'timeline').map((event) => event?.text),
			...listAt<{ caption?: unknown } | null>(file, 'figures').map((figure) => figure?.caption),
		]);
		const explicit = facts.mentions;
		// Matched once: the names found in the story both count as named and warn when not listed.
		const runMatches = runs.map((run) => findNames(run.value));
		// The paragraphs MDX could not read may name an actor too, in words or in a <Mention>.
		const unread = facts.unreadText ?? '';
		const named = new Set([
			...explicit.map((mention) => mention.id),
			...runMatches.flat().map((match) => match.id),
			...[...frontmatterTexts, unread].flatMap((text) => findNames(text).map((match) => match.id)),
			...Array.from(unread.matchAll(/\bactor=(["'])(.*?)\1/g), ([, , id]) => id),
		]);

		const comparable = storyToCompare(file, facts);
		// "Pro-Ostland voices" names Ostland for this check, though no mention links a name glued to a word.
		const texts = [...runs.map((run) => run.value), ...frontmatterTexts, unread];
		const namedInCompound = (id: string) =>
			nameInWords(namesById.get(id)?.filter(usable) ?? [], texts.map(normaliseApostrophes));
		const problems: Problem[] = listed.flatMap((id, index): Problem[] => {
			// A second listing is the listed-once check's problem (duplicate-check.ts).
			if (listed.indexOf(id) !== index) return [];
			if (named.has(id) || !findable.has(id) || !comparable || ambiguous.has(id) || namedInCompound(id)) return [];
			// "Оstland" typed with a Cyrillic "О" looks like the name and is not: the letter is the one problem.
			const typed = namedInOtherLetters(runs, findNames, id);
			if (typed) {
				const written = typed.run.value.slice(typed.match.start, typed.match.end);
				return [
					problemAtPosition(
						file,
						positionIn(typed.run, typed.match.start),
						`"${written}" holds ${lookAlikeIn(written) ?? 'letters of another alphabet'}: it does not name "${id}"`,
						'retype the word in Latin letters: a keyboard set to another language types letters that look the same',
					),
				];
			}
			// A speaker or claimant must stay listed: the story should say who they are where it quotes them.
			const speaks = [
				...listAt<{ speaker?: unknown } | null>(file, 'quotes').map((quote) => quote?.speaker),
				...listAt<{ claimant?: unknown } | null>(file, 'claims').map((claim) => claim?.claimant),
			].includes(id);
			return [
				problemAt(file, ['actors', index], {
					message: `"${id}" is listed but never named in the story, key facts, timeline or captions`,
					hint: `name them in the text (add an alias to content/actors/${id}.yaml if the story uses another name, or use <Mention actor="${id}">)${speaks ? `: they are quoted, so they stay in \`actors\`` : ', or remove them from `actors`'}`,
				}),
			];
		});

		const warned = new Set<string>();
		for (const mention of explicit) {
			const tag = `<Mention actor="${mention.id}">`;
			const report = (message: string, hint: string) => problems.push(problemAtPosition(file, mention, message, hint));
			if (mention.empty) {
				report(
					`${tag} has no words: it would be an empty link`,
					`write the words it links between ${tag} and </Mention>, e.g. ${tag}the group</Mention>`,
				);
			}
			if (mention.paragraphs) {
				report(
					`${tag}: ${MENTION_OF_PARAGRAPHS}`,
					`put ${tag} and </Mention> around the few words that name the actor, inside one paragraph`,
				);
			}
			if (mention.id === '') {
				report(
					'<Mention> names no actor: it takes `actor="…"`',
					'write <Mention actor="id">…</Mention>, with the id of an actor from content/actors/ (its file name)',
				);
				continue;
			}
			const known = context.actorIds.has(mention.id);
			if (known && listedOrMeant.has(mention.id)) continue;
			// The names of an actor whose <Mention> is reported are not warned of again.
			warned.add(mention.id);
			const suggestion = known ? undefined : closest(mention.id, context.actorIds);
			const message = known
				? `${tag}: "${mention.id}" is not listed in \`actors\``
				: `${tag}: no actor "${mention.id}"${didYouMean(suggestion)}`;
			const hint = known
				? `add "${mention.id}" to this article's \`actors\``
				: suggestion
					? `change it to <Mention actor="${suggestion}">`
					: 'write the file name of an actor in content/actors/, without .yaml, as the `actor`';
			report(message, hint);
		}

		for (const [index, run] of runs.entries()) {
			for (const match of runMatches[index] ?? []) {
				if (listedOrMeant.has(match.id) || warned.has(match.id)) continue;
				warned.add(match.id);
				const name = run.value.slice(match.start, match.end);
				const message = `"${name}" names the actor "${match.id}", who is not listed in \`actors\``;
				const hint =
					`add "${match.id}" to \`actors\` so the name is linked and explained in Who’s who, or leave the name ` +
					'as plain text, as in a statement quoted in full';
				problems.push(problemAtPosition(file, positionIn(run, match.start), message, hint, 'warning'));
			}
		}
		return problems;
	});
}

/** The first place in the story's `runs` that names actor `id` once its Cyrillic and Greek letters are read as Latin. */
function namedInOtherLetters(runs: StoryFacts['proseRuns'], findNames: (text: string) => NameMatch[], id: string) {
	for (const run of runs) {
		const latin = withLatinLetters(run.value);
		if (latin === run.value) continue;
		const match = findNames(latin).find((found) => found.id === id);
		if (match) return { run, match };
	}
	return undefined;
}

/** Whether one of `names` stands in one of `texts` as a word or as part of a hyphenated one ("pro-Iran"). */
function nameInWords(names: readonly string[], texts: readonly string[]): boolean {
	if (names.length === 0) return false;
	const alternatives = names.map((name) => RegExp.escape(normaliseApostrophes(name))).join('|');
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'u');
	return texts.some((text) => pattern.test(text));
}
