import { listAt, problemAt, type Check } from './check';
import type { ContentFile } from './content-files';
import type { Problem } from './problem';
import { topicSlug } from '../utils/paths';

/** A topic as readers would take two spellings for one: case, accents, spaces and hyphens aside. */
export const topicKey = (topic: string) =>
	topic
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[\s_-]+/g, ' ')
		.trim();

/**
 * Each topic gets a page at /topics/<slug>/, its slug made of the letters a–z and digits in its name. A topic with
 * none would have no page of its own (Astro stops at the listing's address), and two topics with one slug (`C++` and
 * `C`) would share a page under the first one's name.
 */
export const topicCheck: Check = ({ articles }) => {
	const listed = articles.flatMap((file) =>
		listAt(file, 'topics').flatMap((topic, index) =>
			typeof topic === 'string' && topic.trim() !== '' ? [{ file, topic: topic.trim(), index }] : [],
		),
	);
	const problems: Problem[] = [];
	const firstBySlug = new Map<string, { file: ContentFile; topic: string }>();
	for (const { file, topic, index } of listed) {
		const slug = topicSlug(topic);
		const first = firstBySlug.get(slug);
		if (slug === '') {
			problems.push(
				problemAt(file, ['topics', index], {
					message: `the topic “${topic}” has no letter a–z or digit to make its page's address from`,
					hint: 'write the topic in English, in Latin letters, e.g. "Ukraine"',
				}),
			);
		} else if (!first) {
			firstBySlug.set(slug, { file, topic });
		} else if (topicKey(first.topic) !== topicKey(topic)) {
			problems.push(
				problemAt(file, ['topics', index], {
					message: `the topic “${topic}” would share its page, /topics/${slug}/, with “${first.topic}” (${first.file === file ? 'listed above' : first.file.path})`,
					hint: `write one topic the same way in every explainer, or name the two apart in letters and digits`,
				}),
			);
		}
	}
	return problems;
};
