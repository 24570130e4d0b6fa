/**
 * How people's photos go through Astro's image pipeline (sharp): square crops at the sizes
 * the pages show them, AVIF and WebP for browsers, a JPEG for link previews. sharp drops
 * the camera's metadata (EXIF: GPS position, serial numbers) from every output.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { SITE } from '../site.config.ts';

/**
 * How a photo is shown: its CSS pixel size, the image widths made for it (1x and 2x; a 3x
 * phone takes the 2x file) and the `sizes` that tells the browser which to take. A profile
 * photo is smaller on phones (global.css).
 */
export const PHOTO_SIZES = {
  card: { pixels: 80, widths: [80, 160], sizes: '80px' },
  profile: { pixels: 160, widths: [112, 160, 224, 320], sizes: '(max-width: 40rem) 112px, 160px' },
} as const;

/** Formats offered in `<picture>`, best first; the `<img>` fallback keeps the source format. */
export const PHOTO_FORMATS = ['avif', 'webp'] as const;

/** Square crops around the most interesting region (faces, skin tones) rather than the centre. */
export const PHOTO_CROP = { fit: 'cover', position: 'attention' } as const;

/** Side of the photo given to link previews (Open Graph) and JSON-LD, in pixels. */
const SHARED_PHOTO_SIZE = 400;

/** Absolute URL of a JPEG of the photo for Open Graph and JSON-LD `image`. */
export async function sharedPhotoUrl(photo: ImageMetadata): Promise<string> {
  const image = await getImage({
    src: photo,
    width: SHARED_PHOTO_SIZE,
    height: SHARED_PHOTO_SIZE,
    ...PHOTO_CROP,
    format: 'jpg',
  });
  return new URL(image.src, SITE.site).href;
}
