/** Each explainer's locator map, `/explainers/<slug>/map-<narrow|wide>.svg`: drawn by src/locator-map/route.ts. */
import { mapPaths, mapResponse } from '../../../locator-map/route';

export const getStaticPaths = mapPaths;
export const GET = mapResponse;
