import { z } from 'astro/zod';
import { ProseSchema } from './prose';

/** Each of an article's `figures`; `image` is Astro's `image()` of the article's file. */
export const FigureSchema = <Image extends z.ZodType>(image: Image) =>
	z
		.strictObject({
			image: image.optional().meta({ description: 'Path to the image file, relative to the article.' }),
			alt: ProseSchema().optional().meta({
				description: 'What the image shows, for readers who cannot see it; required with `image`.',
			}),
			caption: ProseSchema().meta({ description: 'The caption shown under the image.' }),
			credit: z.string().trim().min(1).meta({ description: 'Who made the image, e.g. "AFP / Delil Souleiman".' }),
		})
		.refine((figure) => figure.image === undefined || figure.alt !== undefined, {
			message: 'a figure with an image needs alt text: describe what the image shows',
			path: ['alt'],
		})
		.meta({
			title: 'figure',
			description:
				"A photo or graphic. `image` may be left out when we only have the wire's caption and credit: the page " +
				'then lists them under credits instead of showing an empty frame.',
			file: 'src/schemas/figure.ts',
		});
