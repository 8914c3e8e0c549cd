/*
 * "How they are connected" on every built explainer, checked against the content it was built from: the relations
 * the actors' files record between the explainer's actors as of its date, in the graphic and in the table, the
 * graphic byte for byte as the layout draws it from that content, with no label over a node or another label. And
 * on every actor's page, the graphic of its relations, recorded on its file or on the other actor's, beside the
 * dated list, which reads each relation another actor's file records from this actor's side.
 */
import type { CheerioAPI } from 'cheerio';
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { explainerDay, LATEST_DAY, type ActorEntry } from '../../src/actors/as-of';
import { connectionsGraphic, describeConnections } from '../../src/relations/graphic';
import { findOverlaps } from '../../src/relations/layout';
import { INVERSE_WORDS, KIND_WORDS, statementKey, statementOf } from '../../src/relations/kinds';
import { changeSteps, connectionsOn, connectionWords, type Connection } from '../../src/relations/relations';
import { ActorSchema } from '../../src/schemas/actor';
import { RELATION_LABELS } from '../../src/utils/labels';
import { actorPath, explainerPath } from '../../src/utils/paths';
import {
	actorIds,
	articleSlugs,
	asTyped,
	BASE,
	byId,
	explainerUrl,
	loadPage,
	readActor,
	readArticleFrontmatter,
	readPage,
	words,
} from '../helpers/built-site';

const slugs = articleSlugs();
const actors = new Map(actorIds().map((id) => [id, { id, data: ActorSchema().parse(readActor(id)) }]));
const dayOf = (slug: string) => {
	const { asOf, published } = readArticleFrontmatter(slug);
	return explainerDay({ asOf: asOf === undefined ? undefined : String(asOf), published: new Date(published) });
};
const reportDays = new Map(slugs.map((slug) => [slug, dayOf(slug)]));

/** The explainer's actors as its frontmatter lists them, read from their files. */
const listedActors = (slug: string): (ActorEntry & { data: { name: string } })[] =>
	readArticleFrontmatter(slug).actors.flatMap((id) => actors.get(id) ?? []);

/** What the content says the explainer shows: the relations between its actors as of its date. */
const expectedConnections = (slug: string) => connectionsOn(listedActors(slug), dayOf(slug), reportDays);

const rows = ($: CheerioAPI) =>
	$('#connections tbody tr')
		.toArray()
		.map((row) =>
			$(row)
				.children('td')
				.toArray()
				.map((cell) => words($(cell).text())),
		);

const nameOf = (id: string) => actors.get(id)?.data.name ?? id;

/** The text of each of a graphic's nodes or labels, its lines joined by spaces. */
const drawnTexts = (graphic: CheerioAPI, selector: string) =>
	graphic(selector)
		.toArray()
		.map((group) =>
			graphic(group)
				.find('text')
				.toArray()
				.map((line) => graphic(line).text())
				.join(' '),
		);

test('some explainer has relations to show', () => {
	expect(slugs.some((slug) => expectedConnections(slug).length > 0)).toBe(true);
});

describe.each(slugs)('the explainer %s', (slug) => {
	const PAGE = explainerUrl(slug);
	const connections = expectedConnections(slug);

	test('has the section, listed in the contents after “Who’s who”, exactly when its actors have a relation', () => {
		const $ = loadPage(PAGE);
		expect($('section#connections')).toHaveLength(connections.length > 0 ? 1 : 0);
		const contents = $('nav a[href^="#"]')
			.toArray()
			.map((link) => link.attribs['href']);
		expect(contents.includes('#connections')).toBe(connections.length > 0);
		if (connections.length > 0) expect(contents.indexOf('#connections')).toBe(contents.indexOf('#whos-who') + 1);
	});

	test('lists in its table each relation between its actors as of its date, with its dates and reporters', () => {
		const $ = loadPage(PAGE);
		const titles = (ids: string[]) =>
			ids.length === 0
				? 'not recorded'
				: ids.map((id) => (id === slug ? 'this explainer' : readArticleFrontmatter(id).title)).join(', ');
		const reporters = (connection: Connection) =>
			changeSteps(connection)
				.map(({ words, reportedIn }) => `${words ? `${words}: ` : ''}${titles(reportedIn)}`)
				.join('; ');
		expect(rows($).map((row) => row.map(asTyped))).toEqual(
			connections.map((connection) =>
				[
					nameOf(connection.subject),
					connectionWords(connection),
					nameOf(connection.object),
					connection.period,
					reporters(connection),
				].map(asTyped),
			),
		);
	});

	test('credits each relation to the explainers that report it, linked, and each step of a change', () => {
		const $ = loadPage(PAGE);
		$('#connections tbody tr').each((index, row) => {
			const connection = connections[index]!;
			const steps = connection.earlier.length > 0 ? [...connection.earlier, connection] : [connection];
			const expected = [...new Set(steps.flatMap((step) => step.reportedIn))]
				.filter((id) => id !== slug)
				.map((id) => explainerPath(id));
			const links = $(row)
				.children('td')
				.last()
				.find('a')
				.toArray()
				.map((link) => link.attribs['href']);
			expect(links).toEqual(expect.arrayContaining(expected));
			expect(links.every((href) => expected.includes(href ?? ''))).toBe(true);
		});
	});

	test('reads each relation from a record in the files of its two actors, both listed by the explainer', () => {
		const listed = new Set(readArticleFrontmatter(slug).actors);
		for (const connection of connections) {
			expect(listed.has(connection.subject) && listed.has(connection.object)).toBe(true);
			const recorded = [connection.subject, connection.object].flatMap((id) =>
				(actors.get(id)?.data.affiliations ?? []).map((fact) => statementKey(statementOf(id, fact))),
			);
			expect(recorded).toContain(statementKey(connection));
		}
	});

	test('links each actor in the table to its entry in “Who’s who”', () => {
		const $ = loadPage(PAGE);
		const links = $('#connections tbody td:nth-child(1) a, #connections tbody td:nth-child(3) a').toArray();
		expect(links).toHaveLength(2 * connections.length);
		for (const link of links) {
			const id = (link.attribs['href'] ?? '').replace(/^#/, '');
			expect(byId($, id).closest('#whos-who'), id).toHaveLength(1);
			expect(asTyped($(link).text())).toBe(asTyped(nameOf(id.replace(/^actor-/, ''))));
		}
	});
});

describe.each(slugs.filter((slug) => expectedConnections(slug).length > 0))(
	'the graphic of the explainer %s',
	(slug) => {
		const PAGE = explainerUrl(slug);
		const connections = expectedConnections(slug);

		test('draws the graphic byte for byte as the layout does from the content: an image, titled and described', () => {
			const $ = loadPage(PAGE);
			const svg = $('#connections svg');
			expect(svg).toHaveLength(1);
			expect(svg.attr('role')).toBe('img');
			const title = $('#connections svg title').text();
			expect(asTyped(title)).toContain(asTyped(readArticleFrontmatter(slug).title));
			const listed = listedActors(slug);
			const expected = connectionsGraphic(
				listed.map(({ id, data }) => ({ id, name: data.name })),
				connections,
				{ idPrefix: 'relations', title, description: describeConnections(connections, nameOf, 'table') },
			);
			expect(readPage(PAGE)).toContain(expected.svg);
		});

		test('labels each line with its table row’s words, and puts no label over a node or another label', () => {
			const $ = loadPage(PAGE);
			const graphic = load($('#connections svg').toString(), { xml: true });
			expect(drawnTexts(graphic, '.relations__label')).toEqual(rows($).map((row) => row[1]));
			const boxes = graphic('.relations__node rect, .relations__label rect')
				.toArray()
				.map((rect) => {
					const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => Number(rect.attribs[name]));
					return { x: x!, y: y!, width: width!, height: height! };
				});
			expect(boxes.length).toBeGreaterThan(connections.length);
			expect(findOverlaps(boxes)).toEqual([]);
			const names = drawnTexts(graphic, '.relations__node');
			const ends = new Set(connections.flatMap(({ subject, object }) => [subject, object]));
			expect(names.sort()).toEqual([...ends].map(nameOf).sort());
		});
	},
);

/** The other actors whose files record relations to actor `id`, and its relations as of now, on either file. */
function relationsOf(id: string) {
	const actor = actors.get(id)!;
	const recorders = [...actors.values()].filter(
		(other) => other.id !== id && other.data.affiliations.some((fact) => fact.actor.id === id),
	);
	const others = [
		...new Set([...actor.data.affiliations.map((fact) => fact.actor.id), ...recorders.map((other) => other.id)]),
	]
		.filter((other) => other !== id)
		.flatMap((other) => actors.get(other) ?? []);
	const current = connectionsOn([actor, ...others], LATEST_DAY, reportDays).filter(
		({ subject, object }) => subject === id || object === id,
	);
	return { recorders, current };
}

test('some actor has relations recorded on another’s file, and some has two or more now, to draw', () => {
	expect(actorIds().some((id) => relationsOf(id).recorders.length > 0)).toBe(true);
	expect(actorIds().some((id) => relationsOf(id).current.length >= 2)).toBe(true);
});

describe.each(actorIds())('the page of the actor %s', (id) => {
	const PAGE = `${BASE}actors/${id}/`;
	const actor = actors.get(id)!;
	const { recorders, current } = relationsOf(id);
	const listItems = () => {
		const $ = loadPage(PAGE);
		return $('#affiliations ul.history > li')
			.toArray()
			.map((item) => ({ href: $(item).children('a').attr('href'), text: asTyped(words($(item).text())) }));
	};

	test('lists each relation another actor’s file records to it, read from its side, linked to that actor', () => {
		const items = listItems();
		const ownKeys = new Map(
			actor.data.affiliations.map((fact) => [statementKey(statementOf(id, fact)), RELATION_LABELS[fact.relation]]),
		);
		for (const other of recorders) {
			for (const fact of other.data.affiliations.filter((candidate) => candidate.actor.id === id)) {
				const statement = statementOf(other.id, fact);
				const inverse = statement.subject === id ? KIND_WORDS[statement.kind] : INVERSE_WORDS[statement.kind];
				// Recorded on both files, it may read as this actor's own file words it.
				const readings = [inverse.charAt(0).toUpperCase() + inverse.slice(1), ownKeys.get(statementKey(statement))];
				const expected = readings.flatMap((reading) => (reading ? [asTyped(`${reading} ${other.data.name}`)] : []));
				const listed = items.filter(
					({ href, text }) => href === actorPath(other.id) && expected.some((start) => text.startsWith(start)),
				);
				expect(listed, `${expected.join(' or ')} on ${PAGE}`).not.toHaveLength(0);
			}
		}
	});

	test('draws its relations as of now, on its file or the other’s, where there are two or more, each dated in the list', () => {
		const $ = loadPage(PAGE);
		const svg = $('#affiliations figure svg');
		expect(svg).toHaveLength(current.length >= 2 ? 1 : 0);
		if (current.length < 2) return;
		expect(svg.attr('role')).toBe('img');
		expect(asTyped($('#affiliations svg title').text())).toContain(asTyped(actor.data.name));
		const graphic = load(svg.toString(), { xml: true });
		expect(graphic('.relations__label').toArray()).toHaveLength(current.length);
		const listed = $('#affiliations ul.history > li > a')
			.toArray()
			.map((link) => asTyped($(link).text()));
		for (const name of drawnTexts(graphic, '.relations__node').map(asTyped)) {
			if (name !== asTyped(actor.data.name)) expect(listed).toContain(name);
		}
	});
});
