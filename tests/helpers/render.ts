import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { load, type CheerioAPI } from 'cheerio';

type Renderable = Parameters<AstroContainer['renderToString']>[0];
type RenderOptions = Parameters<AstroContainer['renderToString']>[1];

let container: AstroContainer | undefined;

/** Renders a component through Astro's container API and parses the HTML, so tests query it like a page. */
export async function render(component: Renderable, options: RenderOptions = {}): Promise<CheerioAPI> {
	container ??= await AstroContainer.create();
	return load(await container.renderToString(component, options));
}
