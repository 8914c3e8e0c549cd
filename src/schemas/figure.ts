import { z } from 'astro/zod';
import { ProseSchema } from './prose';

/**
 * A photo or graphic. `image` may be left out when we only have the wire's caption and credit: the page then
 * lists them under credits instead of showing an empty frame.
 */
export const FigureSchema = <Image extends z.ZodType>(image: Image) =>
	z
		.strictObject({
			/** Path to the image file, relative to the article. */
			image: image.optional(),
			/** What the image shows, for readers who cannot see it; required with `image`. */
			alt: ProseSchema().optional(),
			/** The caption shown under the image. */
			caption: ProseSchema(),
			/** Who made the image, e.g. "AFP / Delil Souleiman". */
			credit: z.string().trim().min(1),
		})
		.refine((figure) => figure.image === undefined || figure.alt !== undefined, {
			message: 'a figure with an image needs alt text: describe what the image shows',
			path: ['alt'],
		});
