import { z } from 'astro/zod';

/**
 * What a place is. Countries and territories are shaded on the map; every other kind is marked with a dot and
 * labelled.
 */
const PLACE_KINDS = ['country', 'territory', 'province', 'city', 'town', 'site'] as const;

/** Kinds the map shades as areas rather than marks as points. */
export const AREA_KINDS: ReadonlySet<(typeof PLACE_KINDS)[number]> = new Set(['country', 'territory']);

/** A place's `coordinates`. */
export const CoordinatesSchema = () =>
	z
		.strictObject({
			latitude: z
				.number()
				.min(-90)
				.max(90)
				.meta({ description: 'Degrees north of the equator (negative for south), e.g. 33.31 for Baghdad.' }),
			longitude: z
				.number()
				.min(-180)
				.max(180)
				.meta({ description: 'Degrees east of Greenwich (negative for west), e.g. 44.37 for Baghdad.' }),
		})
		.meta({
			title: 'position',
			description: 'A position in decimal degrees (WGS 84), as maps and gazetteers give it.',
			file: 'src/schemas/place.ts',
		});

/** An entry of the places collection. */
export const PlaceSchema = () =>
	z
		.strictObject({
			name: z
				.string()
				.trim()
				.min(1)
				.max(80)
				.meta({ description: 'The name readers see in the list under the map, e.g. "Rumaylan, Hasakeh province".' }),
			label: z
				.string()
				.trim()
				.min(1)
				.max(32)
				.optional()
				.meta({ description: 'A shorter name for the map itself, when `name` is long; defaults to `name`.' }),
			kind: z
				.enum(PLACE_KINDS)
				.meta({ description: 'What the place is; countries and territories are shaded, the rest marked.' }),
			coordinates: CoordinatesSchema().meta({
				description: 'Where it is; for a country or territory, where its name goes on the map, inside its outline.',
			}),
			country: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1).max(3)]).meta({
				description:
					'The country or countries it lies in, as Natural Earth names them (e.g. "Syria", "Palestine"); a ' +
					'border area names both sides.',
			}),
			approximate: z
				.string()
				.trim()
				.min(1)
				.max(160)
				.optional()
				.meta({
					description:
						'Why the position is only approximate, in words readers see, e.g. "The story gives no exact site"; ' +
						'leave out when it is exact.',
				}),
		})
		.meta({
			description: 'One entry of `content/places/<id>.yaml`: somewhere a story happens or names.',
			file: 'src/schemas/place.ts',
		});

export type PlaceData = z.output<ReturnType<typeof PlaceSchema>>;
