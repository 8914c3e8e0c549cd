/**
 * The share image's size, apart from its renderer (share-image.ts), so that pages can give it in their meta tags
 * without bundling the fonts and the rasteriser: 1.91:1, the size Open Graph and X crop to.
 */
export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;
