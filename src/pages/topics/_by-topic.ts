import type { Article } from '../../utils/articles';
import { topicSlug } from '../../utils/paths';

/** Each topic's explainers, by its URL segment (spellings giving one segment are one topic), named as first written. */
export function explainersByTopic(articles: readonly Article[]) {
	const byTopic = new Map<string, { name: string; articles: Article[] }>();
	for (const article of articles) {
		for (const name of article.data.topics) {
			const topic = byTopic.get(topicSlug(name)) ?? { name, articles: [] };
			topic.articles.push(article);
			byTopic.set(topicSlug(name), topic);
		}
	}
	return byTopic;
}
